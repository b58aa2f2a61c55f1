// The hot loops read characters through tables instead of regular expressions or per-character
// String.normalize. These properties hold them to the plain definitions they replace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, readText } from '../../src/analyze.js';
import { normalise } from '../../src/normalise/normalise.js';
import { headingByExpression, headingCore, headingOf, HEADINGS } from '../../src/sections/sections.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';
import { hasHan, isHanAt, mayBePictographic } from '../../src/normalise/script.js';
import { simplifiedTwin } from '../../src/normalise/traditional.js';

const pieces = fc.constantFrom('大模型', 'Prompt', 'AI产品', '岗位职责 / Responsibilities', 'About the role 岗位职责', '(AI)产品', '｜', '|', '/', ' ', '\u3000', '\t', '\n', '\r\n', '\r', '，', '：', 'Ｐｒｏｍｐｔ', '\u200b', '\ufeff', '\u00a0', '\u00ad', '𠀀', '𪚥x', '😀', '\ud800', '\udc00', 'é', 'e\u0301', 'ﬁ', '㍿', '①', '¨', '‾', '產品經理', '✅', '©', '〰');
const text = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 6 }), pieces), { maxLength: 30 }).map((xs) => xs.join(''));

// normalisation as defined, one character at a time with String.prototype.normalize
const ZERO_WIDTH = new Set(['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']);
const HSPACE = /^[\t\v\f \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]$/;
function reference(original: string) {
  const source = simplifiedTwin(original) ?? original;
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < source.length; ) {
    const cp = source.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = source.slice(i, i + width);
    if (ch === '\r' || ch === '\n') {
      const w = ch === '\r' && source[i + 1] === '\n' ? 2 : 1;
      out += '\n';
      starts.push(i);
      ends.push(i + w);
      i += w;
      continue;
    }
    if (!ZERO_WIDTH.has(ch)) {
      const norm = cp >= 0xd800 && cp <= 0xdfff ? ch : ch.normalize('NFKC');
      if (HSPACE.test(norm) || HSPACE.test(ch)) {
        if (out.endsWith(' ')) ends[ends.length - 1] = i + width;
        else {
          out += ' ';
          starts.push(i);
          ends.push(i + width);
        }
      } else
        for (let k = 0; k < norm.length; k++) {
          out += norm[k];
          starts.push(i);
          ends.push(i + width);
        }
    }
    i += width;
  }
  const lineStarts = [0];
  for (let k = 0; k < out.length; k++) if (out[k] === '\n') lineStarts.push(k + 1);
  return { text: out, starts, ends, lineStarts };
}

describe('fast paths agree with their definitions', () => {
  it('normalise gives what per-character NFKC gives, offsets included', () => {
    fc.assert(
      fc.property(text, (t) => {
        const n = normalise(t);
        const r = reference(t);
        expect(n.text).toBe(r.text);
        expect([...n.starts]).toEqual(r.starts);
        expect([...n.ends]).toEqual(r.ends);
        expect(n.lineStarts).toEqual(r.lineStarts);
      }),
      { numRuns: 500 },
    );
  });

  it('the text tests answer as the regular expressions they stand in for', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(hasHan(t)).toBe(/\p{Script=Han}/u.test(t));
        // "may be" is allowed to say yes wrongly, never no wrongly
        if (!mayBePictographic(t)) expect(/[\p{Extended_Pictographic}\u{1F300}-\u{1FAFF}]/u.test(t)).toBe(false);
      }),
      { numRuns: 1000 },
    );
    expect(mayBePictographic('岗位职责 ✅')).toBe(true);
    expect(mayBePictographic('岗位职责：')).toBe(false);
  });

  it('leaving out what cannot match changes no hit', () => {
    const analyzer = createAnalyzer(loadTaxonomy());
    // taxonomy words next to one another, joined by what may and may not stand between alias words
    const near = fc.array(fc.constantFrom('Prompt', 'Engineering', 'prompt', 'engineer', 'fine', 'tuning', 'A/B', 'test', '大模型', '产品经理', '提示词', '工程', '的', 'AI', '_', '__', ' ', '-', '/', '·', '&', '，', 'x', '\n', '熟悉', 'RAG', 'Agent'), { maxLength: 30 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.oneof(text, near), (t) => {
        expect(JSON.stringify(readText(t, analyzer).hits)).toBe(JSON.stringify(readText(t, analyzer, true).hits));
      }),
      { numRuns: 500 },
    );
  });

  it('every heading is a plain string without Latin letters, or starts with a letter or digit, or ends in "overview"', () => {
    for (const [, re] of HEADINGS) {
      expect(re.source.startsWith('^(') && re.source.endsWith(')$')).toBe(true);
      // the alternatives at the top level of the group
      const alts: string[] = [];
      let depth = 0;
      let cur = '';
      for (const ch of re.source.slice(2, -2)) {
        if (ch === '(') depth++;
        if (ch === ')') depth--;
        if (ch === '|' && depth === 0) {
          alts.push(cur);
          cur = '';
        } else cur += ch;
      }
      alts.push(cur);
      for (const alt of alts) {
        if (!/[A-Za-z]/.test(alt)) expect(alt, alt).toMatch(/^[^\\.*+?()[\]{}|^$]+$/);
        else expect(/^[A-Za-z0-9]/.test(alt) || /^\.\{\d+,\d+\} overview$/.test(alt), alt).toBe(true);
      }
    }
  });

  it('headingOf answers as the heading expressions do', () => {
    const parts = fc.array(fc.constantFrom('岗位职责', '任职要求', '加分项', '福利', 'About', 'about', ' ', 'the', 'role', 'Role', 'overview', 'Overview', '公司', 'Requirements', 'you', "'ll", '.', '90 day plan', '如果要入职', ',', '要求是啥', 'x', '1', '—', 'ABOUT US'), { maxLength: 6 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.oneof(parts, text), (p) => {
        expect(headingOf(p)).toBe(headingByExpression(p));
      }),
      { numRuns: 2000 },
    );
    for (const p of ['岗位职责', '如果要入职,要求是啥', '如果要入职要求是啥', 'About the role', 'Company overview', '公司 overview', 'about 字节跳动', '90 day plan', 'What you will work on', '熟悉LLM原理']) {
      expect(headingOf(p)).toBe(headingByExpression(p));
      expect(headingOf(headingCore(p))).toBe(headingByExpression(headingCore(p)));
    }
  });

  it('the Han table says what \\p{Script=Han} says', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (let i = 0; i <= t.length; i++) {
          expect(isHanAt(t, i)).toBe(/^\p{Script=Han}/u.test(t.slice(i)));
        }
      }),
      { numRuns: 500 },
    );
    // every code unit of the Basic Multilingual Plane, once
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (c < 0xd800 || c > 0xdfff) expect(isHanAt(ch, 0)).toBe(/\p{Script=Han}/u.test(ch));
    }
  });
});
