// The hot loops read characters through tables instead of regular expressions or per-character
// String.normalize. These properties hold them to the plain definitions they replace.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, readText } from '../../src/analyze.js';
import { circledItem, normalise } from '../../src/normalise/normalise.js';
import { HEADING_KINDS, headingTermsIn, lexicon } from '../../src/lexicon/lexicon.js';
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
      const norm = cp >= 0xd800 && cp <= 0xdfff ? ch : (circledItem(cp) ?? ch.normalize('NFKC'));
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
        const some = readText(t, analyzer);
        const every = readText(t, analyzer, true);
        expect(JSON.stringify(some.hits)).toBe(JSON.stringify(every.hits));
        // the lexicon's terms are matched with the aliases: none is lost either
        expect(JSON.stringify(some.sections.lines.map((l) => l.terms))).toBe(JSON.stringify(every.sections.lines.map((l) => l.terms)));
      }),
      { numRuns: 500 },
    );
  });

  it('every heading term of the lexicon names its own kind when it stands alone', () => {
    const analyzer = createAnalyzer(loadTaxonomy());
    const data = lexicon().data;
    for (const kind of HEADING_KINDS) {
      for (const term of data.headings[kind]) {
        const line = readText(term, analyzer).sections.lines[0]!;
        const t = headingTermsIn(line.terms, 0, line.text.length, line.text.length);
        expect(t, term).toBeDefined();
        // a term holding a term of another kind ("about the role": about + role) takes the longest, its own
        expect([kind, 'mixed'], term).toContain(t!.kind);
        expect(t!.covered, term).toBeGreaterThan(0.99);
      }
    }
  });

  it('the lexicon terms of a line are in order, inside it, and cover at most the whole of it', () => {
    const analyzer = createAnalyzer(loadTaxonomy());
    fc.assert(
      fc.property(text, (p) => {
        for (const line of readText(p, analyzer).sections.lines) {
          for (const [i, t] of line.terms.entries()) {
            expect(t.col).toBeGreaterThanOrEqual(i > 0 ? line.terms[i - 1]!.col : 0);
            expect(t.colEnd).toBeLessThanOrEqual(line.text.length);
            expect(t.colEnd).toBeGreaterThan(t.col);
          }
          const h = headingTermsIn(line.terms, 0, line.text.length, line.text.length);
          if (h) expect(h.covered).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
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
