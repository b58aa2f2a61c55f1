import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { askedCandidates, askedProbability, gateDimensions, type AskedModel } from '../../src/classify/asked.js';
import type { SkillOut } from '../../src/report/types.js';
import { loadAnalyzer } from '../../src/taxonomy/compiled.js';
import { DEFAULT_TAXONOMY } from '../../src/taxonomy/load.js';
import { voiceOf } from '../../src/lexicon/lexicon.js';
import { BLURB_POSTING } from '../helpers/postings.js';
import { lineOf, termsOfLine } from '../helpers/reading.js';

const line = (number: number, text: string) => lineOf(number, text);
const skill = (id: string, dimension: string, lines: number[], strength: SkillOut['strength'] = 'required'): SkillOut => ({
  id,
  label: { zh: id, en: id },
  dimension,
  strength,
  count: lines.length,
  mentions: lines.map((l) => ({ text: id, line: l, start: l * 100, end: l * 100 + 2, strength, context: '' })),
});

describe('the gate over matched dimensions', () => {
  it('reads the voice of a line from the lexicon, in both languages', () => {
    expect(voiceOf(termsOfLine('We build AI agents for insurers.'))).toBe('company');
    expect(voiceOf(termsOfLine('我们是一家做智能客服的公司'))).toBe('company');
    expect(voiceOf(termsOfLine('You will own the roadmap; we support you.'))).toBe('reader');
    expect(voiceOf(termsOfLine('熟悉 RAG 与 Agent'))).toBeUndefined();
  });

  it('describes each dimension by its mentions, places, lines and voice', () => {
    const lines = [line(1, 'We are a team that ships agents to banks, and our customers love it; '.repeat(4)), line(2, '- Experience with RAG'), line(3, '- Build agent workflows')];
    const c = askedCandidates([skill('agents', 'application-architecture', [1]), skill('rag', 'application-architecture', [2, 3], 'duty'), skill('finance', 'domain-expertise', [1], 'unknown')], lines, { language: 'en', hasHeadings: true });
    expect(c.map((x) => x.dimension)).toEqual(['application-architecture', 'domain-expertise']);
    const f = (d: string) => Object.fromEntries(c.find((x) => x.dimension === d)!.features.map((x) => [x.name, x.value]));
    expect(f('application-architecture')['list-items']).toBeCloseTo(2 / 3);
    expect(f('application-architecture')['at:duty']).toBe(1);
    expect(f('domain-expertise')['company-voice']).toBe(1);
    expect(f('domain-expertise')['prose']).toBe(1);
    expect(f('domain-expertise')['at:unknown-only']).toBe(1);
  });

  it('keeps a dimension at or above its threshold only', () => {
    const model: AskedModel = { threshold: 0.5, bias: 0, weights: { 'company-voice': -3, mentions: 1 } };
    const lines = [line(1, 'We ship agents.'), line(2, '- agents')];
    const c = askedCandidates([skill('agents', 'application-architecture', [2]), skill('finance', 'domain-expertise', [1], 'unknown')], lines, { language: 'en', hasHeadings: false });
    expect(askedProbability(model, c[0]!.features)).toBeGreaterThan(0.5);
    expect(gateDimensions(model, c).filter((g) => g.kept).map((g) => g.dimension)).toEqual(['application-architecture']);
  });

  it('with the fitted model, a word in the company blurb is not listed as asked; without it, every match is', () => {
    const text = BLURB_POSTING;
    const fitted = analyze({ source: 'claims.txt', text }, loadAnalyzer(DEFAULT_TAXONOMY, {}));
    const plain = analyze({ source: 'claims.txt', text }, loadAnalyzer(DEFAULT_TAXONOMY, { model: false }));
    const dims = (a: typeof fitted) => new Set(a.report.skills.map((s) => s.dimension));
    // the blurb's words are found, and the gate sees them…
    expect(fitted.asked.map((c) => c.dimension)).toEqual(expect.arrayContaining(['application-architecture', 'product-fundamentals']));
    expect(dims(plain).has('application-architecture')).toBe(true);
    // …but lists only what the requirements ask
    expect(dims(fitted).has('application-architecture')).toBe(false);
    expect(dims(fitted).has('product-fundamentals')).toBe(true);
    // what the gate set aside stays in the report, with how likely it read it as asked
    const aside = fitted.report.mentioned?.find((m) => m.dimension === 'application-architecture');
    expect(aside?.asked).toBeLessThan(0.5);
    expect(aside?.skills).toContain('agents');
    expect(plain.report.mentioned).toBeUndefined();
  });
});
