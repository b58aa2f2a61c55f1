import { byString } from '../util.js';

/** Edit distance, for "did you mean": small strings only (ids and aliases). */
export function distance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n]!;
}

/** The closest few candidates to a word, nearest first. */
export function closest(word: string, candidates: Iterable<string>, n = 3): string[] {
  const w = word.toLowerCase();
  return [...new Set(candidates)]
    .map((c) => ({ c, d: distance(w, c.toLowerCase()) - (c.toLowerCase().includes(w) || w.includes(c.toLowerCase()) ? 2 : 0) }))
    .sort((a, b) => a.d - b.d || byString(a.c, b.c))
    .slice(0, n)
    .map((x) => x.c);
}
