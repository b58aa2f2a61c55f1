import type { NormalisedText } from '../model.js';
import { simplifiedTwin } from './traditional.js';

// Zero-width characters carry no text; saved web pages are full of them.
const ZERO_WIDTH = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']);
const HSPACE = /^[\t\v\f \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]$/;

// What normalisation does to one code unit of the Basic Multilingual Plane, worked out once per
// unit on first sight: KEEP it, DROP it (zero-width), fold it into a SPACE, or REPLACE it by its NFKC
// form (circled numbers ① … ⑳ become "1." … "20."). Surrogates (astral characters) are read a pair at a time.
const KEEP = 0;
const DROP = 1;
const SPACE = 2;
const REPLACE = 3;
const UNSEEN = 255;
const action = new Uint8Array(0x10000).fill(UNSEEN);
const replacement: string[] = [];

/** ① … ⑳ number list items: NFKC would make "①负责" "1负责"; they become "1." so that they stay list marks. */
export function circledItem(cp: number): string | undefined {
  return cp >= 0x2460 && cp <= 0x2473 ? `${cp - 0x2460 + 1}.` : undefined;
}

function actionOf(ch: string, cp: number): { act: number; norm: string } {
  if (ZERO_WIDTH.has(ch)) return { act: DROP, norm: '' };
  // a lone surrogate has no NFKC form; it stays as it is
  const norm = cp >= 0xd800 && cp <= 0xdfff ? ch : circledItem(cp) ?? ch.normalize('NFKC');
  if (HSPACE.test(norm) || HSPACE.test(ch)) return { act: SPACE, norm: ' ' };
  return norm === ch ? { act: KEEP, norm } : { act: REPLACE, norm };
}

function bmpAction(c: number): number {
  let a = action[c]!;
  if (a === UNSEEN) {
    const { act, norm } = actionOf(String.fromCharCode(c), c);
    a = act;
    action[c] = a;
    if (a === REPLACE) replacement[c] = norm;
  }
  return a;
}
// printable ASCII and CJK ideographs are their own NFKC form; line ends are handled apart
for (let c = 0x21; c < 0x7f; c++) action[c] = KEEP;
for (let c = 0x4e00; c <= 0x9fff; c++) action[c] = KEEP;

/**
 * NFKC (full-width letters, digits and punctuation become half-width), CRLF/CR to LF,
 * runs of horizontal white space folded to one space, zero-width characters dropped.
 * Every unit of the result keeps the [start, end) of the original it came from.
 */
export function normalise(original: string, keepScript = false): NormalisedText {
  // Traditional Chinese is read as Simplified (unless keepScript); offsets and evidence stay with the original
  const twin = keepScript ? undefined : simplifiedTwin(original);
  const source = twin ?? original;
  const n = source.length;
  // NFKC rarely grows text; the buffers grow when it does
  let starts = new Int32Array(n + 16);
  let ends = new Int32Array(n + 16);
  const lineStarts = [0];
  // the result is built from unchanged stretches of the source and the pieces that replace the rest
  const parts: string[] = [];
  let kept = 0; // start of the unchanged stretch not yet in parts
  let len = 0;
  let lastSpace = false;

  const room = (more: number) => {
    if (len + more <= starts.length) return;
    const cap = Math.max(starts.length * 2, len + more);
    const s2 = new Int32Array(cap);
    s2.set(starts);
    starts = s2;
    const e2 = new Int32Array(cap);
    e2.set(ends);
    ends = e2;
  };

  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    const a = c === 10 || c === 13 ? -1 : c >= 0xd800 && c <= 0xdbff ? -2 : bmpAction(c);
    if (a === KEEP) {
      if (len === starts.length) room(1);
      starts[len] = i;
      ends[len] = i + 1;
      len++;
      i++;
      lastSpace = false;
      continue;
    }
    // anything else ends the unchanged stretch
    if (kept < i) parts.push(source.slice(kept, i));
    if (a === -1) {
      const width = c === 13 && source.charCodeAt(i + 1) === 10 ? 2 : 1;
      room(1);
      parts.push('\n');
      starts[len] = i;
      ends[len] = i + width;
      len++;
      lineStarts.push(len);
      lastSpace = false;
      i += width;
      kept = i;
      continue;
    }
    let act = a;
    let width = 1;
    let norm = '';
    if (a === -2) {
      // a surrogate pair (or a lone high surrogate) is looked at whole
      const cp = source.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      ({ act, norm } = actionOf(source.slice(i, i + width), cp));
    } else if (a === REPLACE) {
      norm = replacement[c]!;
    }
    if (act === SPACE) {
      if (lastSpace) ends[len - 1] = i + width;
      else {
        room(1);
        parts.push(' ');
        starts[len] = i;
        ends[len] = i + width;
        len++;
        lastSpace = true;
      }
    } else if (act !== DROP) {
      if (act === KEEP) norm = source.slice(i, i + width);
      room(norm.length);
      parts.push(norm);
      for (let k = 0; k < norm.length; k++) {
        starts[len] = i;
        ends[len] = i + width;
        len++;
      }
      lastSpace = norm.charCodeAt(norm.length - 1) === 32;
    }
    i += width;
    kept = i;
  }
  if (kept < n) parts.push(source.slice(kept, n));
  const text = parts.length === 1 ? parts[0]! : parts.join('');
  return { original, text, starts: starts.subarray(0, len), ends: ends.subarray(0, len), lineStarts, simplified: twin !== undefined };
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
