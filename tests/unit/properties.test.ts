import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer } from '../../src/analyze.js';
import { normalise, toOriginal } from '../../src/normalise/normalise.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

const analyzer = createAnalyzer(loadTaxonomy());
// arbitrary text: any code units (lone surrogates included), mixed with words the taxonomy knows
const words = fc.constantFrom('大模型', 'Prompt', '提示词工程', 'RAG', 'AI', 'fine-tuned', '岗位职责', '任职要求', '\n', '\r\n', '，', ' ', '3年以上', '熟悉', '精通', '\u200b', '\u00a0', '😀', 'Ｐｒｏｍｐｔ', '產品經理', '加分项：');
const text = fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), words), { maxLength: 40 }).map((xs) => xs.join(''));

describe('properties of the pipeline on arbitrary Unicode', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(text, (t) => {
        analyze({ source: 'x', text: t }, analyzer);
      }),
      { numRuns: 300 },
    );
  });

  it('every mention slices exactly its quoted text out of the input', () => {
    fc.assert(
      fc.property(text, (t) => {
        const { report } = analyze({ source: 'x', text: t }, analyzer);
        for (const s of report.skills) for (const m of s.mentions) expect(t.slice(m.start, m.end)).toBe(m.text);
        for (const e of report.category.evidence) expect(t.slice(e.start, e.end)).toBe(e.text);
        for (const r of report.requirements) expect(t.slice(r.start, r.end)).toBe(r.text);
      }),
      { numRuns: 300 },
    );
  });

  it('the same input always gives the same report', () => {
    fc.assert(
      fc.property(text, (t) => {
        const a = analyze({ source: 'x', text: t }, analyzer).report;
        const b = analyze({ source: 'x', text: t }, analyzer).report;
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 100 },
    );
  });

  it('normalising keeps every unit mapped inside the original', () => {
    fc.assert(
      fc.property(text, (t) => {
        const n = normalise(t);
        for (let i = 0; i < n.text.length; i++) {
          const o = toOriginal(n, i, i + 1);
          expect(o.start).toBeGreaterThanOrEqual(0);
          expect(o.end).toBeLessThanOrEqual(t.length);
          expect(o.start).toBeLessThan(o.end);
        }
      }),
      { numRuns: 300 },
    );
  });
});
