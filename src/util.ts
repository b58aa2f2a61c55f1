/** Plain code-unit order: the same on every machine and locale, and no ICU collator to load. */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Three decimals: how scores, shares and confidences are reported. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
