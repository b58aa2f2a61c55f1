/** Plain code-unit order: the same on every machine and locale, and no ICU collator to load. */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Adds a value to the list a map keeps under a key (a new list for a new key). */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Three decimals: how scores, shares and confidences are reported. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** A text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
