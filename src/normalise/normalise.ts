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
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const emit = (s: string, start: number, end: number) => {
    for (let k = 0; k < s.length; k++) {
      out.push(s[k]!);
      starts.push(start);
      ends.push(end);
    }
  };

  let i = 0;
  const n = original.length;
  while (i < n) {
    const cp = source.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const ch = source.slice(i, i + len);
    if (ch === '\r') {
      const crlf = source[i + 1] === '\n';
      emit('\n', i, i + (crlf ? 2 : 1));
      i += crlf ? 2 : 1;
      continue;
    }
    if (ch === '\n') {
      emit('\n', i, i + 1);
      i += 1;
      continue;
    }
    if (ZERO_WIDTH.has(ch)) {
      i += len;
      continue;
    }
    // a lone surrogate has no NFKC form; it stays as it is
    const norm = cp >= 0xd800 && cp <= 0xdfff ? ch : ch.normalize('NFKC');
    if (HSPACE.test(norm) || HSPACE.test(ch)) {
      if (out.length > 0 && out[out.length - 1] === ' ') {
        ends[ends.length - 1] = i + len;
      } else {
        emit(' ', i, i + len);
      }
    } else {
      emit(norm, i, i + len);
    }
    i += len;
  }

  const text = out.join('');
  const lineStarts = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) lineStarts.push(k + 1);
  return { original, text, starts: Int32Array.from(starts), ends: Int32Array.from(ends), lineStarts };
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

/** The lines of the normalised text (without their \n). */
export function linesOf(norm: NormalisedText): string[] {
  return norm.text.split('\n');
}
