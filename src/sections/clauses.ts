/**
 * The clauses of one line, found once: a mention's clause is then a binary search away, so a line
 * of any length costs linear time, not time per mention.
 */
export class Clauses {
  private readonly starts: number[] = [0];
  private readonly ends: number[] = [];

  constructor(
    readonly text: string,
    breaks: RegExp,
  ) {
    const re = new RegExp(breaks.source, breaks.flags.includes('g') ? breaks.flags : `${breaks.flags}g`);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      this.ends.push(m.index);
      this.starts.push(m.index + m[0].length);
    }
    this.ends.push(text.length);
  }

  /** [start, end) of the clause holding offset `at`. */
  around(at: number): { start: number; end: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return { start: this.starts[lo]!, end: this.ends[lo]! };
  }

  /** [from, to) of the clause around `at`, cut to `window` characters either side of it. */
  nearRange(at: number, window: number): { from: number; to: number } {
    const { start, end } = this.around(at);
    return { from: Math.max(start, at - window), to: Math.min(end, at + window) };
  }

  /** The clause around `at`, cut to `window` characters either side of it. */
  near(at: number, window: number): string {
    const { from, to } = this.nearRange(at, window);
    return this.text.slice(from, to);
  }
}

const cache = new WeakMap<object, Map<RegExp, Clauses>>();

/** Clauses of a line object, computed once per line and break pattern. */
export function clausesOf(owner: object, text: string, breaks: RegExp): Clauses {
  let byRe = cache.get(owner);
  if (!byRe) {
    byRe = new Map();
    cache.set(owner, byRe);
  }
  let c = byRe.get(breaks);
  if (!c) {
    c = new Clauses(text, breaks);
    byRe.set(breaks, c);
  }
  return c;
}
