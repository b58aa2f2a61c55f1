import type { NormalisedText } from '../model.js';
import { simplifiedTwin } from './traditional.js';

// Zero-width characters carry no text; saved web pages are full of them.
const ZERO_WIDTH = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']);
const HSPACE = /^[\t\v\f \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]$/;

/**
 * NFKC (full-width letters, digits and punctuation become half-width), CRLF/CR to LF,
 * runs of horizontal white space folded to one space, zero-width characters dropped.
 * Every unit of the result keeps the [start, end) of the original it came from.
 */
export function normalise(original: string): NormalisedText {
  // Traditional Chinese is read as Simplified; offsets and evidence stay with the original
  const source = simplifiedTwin(original) ?? original;
  const n = source.length;
  // NFKC rarely grows text; the buffers grow when it does
  let cap = n + 16;
  let out = new Uint16Array(cap);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let len = 0;
  const push = (unit: number, start: number, end: number) => {
    if (len === cap) {
      cap *= 2;
      const o = new Uint16Array(cap);
      o.set(out);
      out = o;
      const s2 = new Int32Array(cap);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(cap);
      e2.set(ends);
      ends = e2;
    }
    out[len] = unit;
    starts[len] = start;
    ends[len] = end;
    len++;
  };

  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    // fast paths: printable ASCII and CJK ideographs are their own NFKC form
    if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) {
      push(c, i, i + 1);
      i++;
      continue;
    }
    if (c === 13) {
      const crlf = source.charCodeAt(i + 1) === 10;
      push(10, i, i + (crlf ? 2 : 1));
      i += crlf ? 2 : 1;
      continue;
    }
    if (c === 10) {
      push(10, i, i + 1);
      i++;
      continue;
    }
    const cp = source.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = source.slice(i, i + width);
    if (ZERO_WIDTH.has(ch)) {
      i += width;
      continue;
    }
    // a lone surrogate has no NFKC form; it stays as it is
    const norm = cp >= 0xd800 && cp <= 0xdfff ? ch : ch.normalize('NFKC');
    if (HSPACE.test(norm) || HSPACE.test(ch)) {
      if (len > 0 && out[len - 1] === 32) ends[len - 1] = i + width;
      else push(32, i, i + width);
    } else {
      for (let k = 0; k < norm.length; k++) push(norm.charCodeAt(k), i, i + width);
    }
    i += width;
  }

  let text = '';
  for (let k = 0; k < len; k += 8192) text += String.fromCharCode(...out.subarray(k, Math.min(len, k + 8192)));
  const lineStarts = [0];
  for (let k = 0; k < len; k++) if (out[k] === 10) lineStarts.push(k + 1);
  return { original, text, starts: starts.slice(0, len), ends: ends.slice(0, len), lineStarts };
}

/** Original [start, end) of the normalised range [s, e). */
export function toOriginal(norm: NormalisedText, s: number, e: number): { start: number; end: number } {
  if (e <= s) {
    const at = s < norm.starts.length ? norm.starts[s]! : norm.original.length;
    return { start: at, end: at };
  }
  return { start: norm.starts[s]!, end: norm.ends[e - 1]! };
}

/** 1-based line number of a normalised offset. */
export function lineOf(norm: NormalisedText, offset: number): number {
  const ls = norm.lineStarts;
  let lo = 0;
  let hi = ls.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ls[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
