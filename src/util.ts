/** Plain code-unit order: the same on every machine and locale, and no ICU collator to load. */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
