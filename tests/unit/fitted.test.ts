import { describe, expect, it } from 'vitest';
import { postingFeatures, type Feature } from '../../src/classify/features.js';
import { classifyFitted, FEATURE_VERSION, MODEL_FORMAT, modelFromDoc, PM_KINDS, type ModelFile } from '../../src/classify/fitted.js';
import { fitSoftmax, logits, softmax } from '../../src/classify/softmax.js';
import { foldsOf } from '../../src/fit/fit.js';
import type { Labelled } from '../../src/fit/labels.js';
import type { Hit } from '../../src/match/match.js';
import type { Mention } from '../../src/model.js';
import { betweenText } from '../../src/report/text.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';
import { featureSource } from '../../src/taxonomy/lookup.js';
import { CATEGORY_IDS } from '../../src/taxonomy/types.js';

const mention = (line: number, over: Partial<Mention> = {}): Mention => ({ text: 'x', line, start: line * 10, end: line * 10 + 1, strength: 'duty', proficiency: undefined, context: `line ${line}`, inTitle: false, background: false, inRoleHeading: false, asksToKnow: false, ...over });
const hit = (kind: Hit['kind'], owner: string, m: Mention): Hit => ({ kind, owner, mention: m, col: 0, colEnd: 1 });

describe('softmax regression', () => {
  it('learns the sign of a separating feature and is deterministic to the bit', () => {
    const ex = [
      { x: [[0, 1]] as [number, number][], y: [1, 0], weight: 1 },
      { x: [[1, 1]] as [number, number][], y: [0, 1], weight: 1 },
      { x: [[0, 1], [2, 1]] as [number, number][], y: [1, 0], weight: 1 },
    ];
    const a = fitSoftmax(ex, 3, 2, 0.01, 300);
    const b = fitSoftmax(ex, 3, 2, 0.01, 300);
    expect(Array.from(a.w[0]!)).toEqual(Array.from(b.w[0]!));
    expect(a.w[0]![0]!).toBeGreaterThan(a.w[1]![0]!);
    expect(a.w[1]![1]!).toBeGreaterThan(a.w[0]![1]!);
    expect(softmax(logits(a, [[0, 1]]))[0]!).toBeGreaterThan(0.7);
    // a stronger penalty keeps weights smaller
    const c = fitSoftmax(ex, 3, 2, 1, 300);
    expect(Math.abs(c.w[0]![0]!)).toBeLessThan(Math.abs(a.w[0]![0]!));
  });

  it('folds are stratified and fixed: every category spread over the folds, the same every time', () => {
    const rows = CATEGORY_IDS.flatMap((c) => Array.from({ length: 10 }, (_, i) => ({ label: { file: `${c}-${i}`, primary: c } as Labelled, features: [] })));
    const f = foldsOf(rows, 10);
    expect(foldsOf(rows, 10)).toEqual(f);
    for (const c of CATEGORY_IDS) expect(new Set(rows.map((r, i) => (r.label.primary === c ? f[i] : -1)).filter((x) => x >= 0)).size).toBe(10);
    // another assignment is another fixed, stratified split
    const g = foldsOf(rows, 10, 1);
    expect(foldsOf(rows, 10, 1)).toEqual(g);
    expect(g).not.toEqual(f);
    for (const c of CATEGORY_IDS) expect(new Set(rows.map((r, i) => (r.label.primary === c ? g[i] : -1)).filter((x) => x >= 0)).size).toBe(10);
  });
});

describe('features and fitted classification', () => {
  const tax = loadTaxonomy();
  const source = featureSource(tax);

  it('reads each hit by place: the title, what is asked, background (by its groups only); product and other role words together', () => {
    const f = postingFeatures(
      [hit('role', 'pm-title', mention(1, { inTitle: true })), hit('skill', 'prompt-engineering', mention(3)), hit('skill', 'prompt-engineering', mention(4, { strength: 'required' })), hit('skill', 'finance-insurance', mention(9, { background: true }))],
      source,
      { language: 'zh', hasHeadings: true, hasTitle: true, roles: [] },
    );
    const by = new Map(f.map((x) => [x.name, x.value]));
    expect(by.get('role:pm-title@title')).toBe(1);
    expect(by.get('roles:product@title')).toBe(1);
    expect(by.get('skill:prompt-engineering@asked')).toBe(1.5);
    expect(by.get('dim:prompt-design@asked')).toBe(1.5);
    // in company or benefits text a word counts toward its dimension only, never on its own
    expect(by.get('dim:domain-expertise@background')).toBe(1);
    expect(by.has('skill:finance-insurance@background')).toBe(false);
    expect(by.has('skill:finance-insurance@asked')).toBe(false);
    expect(by.get('lang:zh')).toBe(1);
    expect(f.map((x) => x.name)).toEqual([...f.map((x) => x.name)].sort());
  });

  it('says which age of AI a posting speaks of: none of generative AI, or classic AI only', () => {
    const names = (hits: Hit[]) => postingFeatures(hits, source, { language: 'en', hasHeadings: true, hasTitle: true, roles: [] }).map((x) => x.name).filter((n) => n.startsWith('era:'));
    // recommendation systems and nothing generative: classic AI only
    expect(names([hit('skill', 'recommendation-systems', mention(3))])).toEqual(['era:classic-only', 'era:no-generative']);
    // one generative skill where the posting asks: neither
    expect(names([hit('skill', 'recommendation-systems', mention(3)), hit('skill', 'agents', mention(4))])).toEqual([]);
    // a generative word in the company blurb does not make the role generative
    expect(names([hit('skill', 'agents', mention(9, { background: true }))])).toEqual(['era:no-generative']);
  });

  // a hand-made two-stage model: stage 1 reads "roles:product@title", stage 2 skills a and b
  const model = (kind: Record<string, number[]>, pm: Record<string, number[]> = { 'roles:product@title': [3, -3] }) =>
    modelFromDoc({
      format: MODEL_FORMAT,
      featureVersion: FEATURE_VERSION,
      taxonomy: { id: 't', version: '1', sha1: 'x' },
      lexicon: { sha1: 'y' },
      fitted: { postings: 0, byCategory: {}, labels: [], settings: { lambda: 0, ownFeatureMultiple: 1, minPostings: 1, alsoShare: 0, classBalance: 0, steps: 0 } },
      temperature: 1,
      stages: [
        { name: 'pm', classes: ['pm', 'not-pm'], bias: [0, 0], weights: pm },
        { name: 'kind', classes: [...PM_KINDS], bias: [0, 0, 0, 0], weights: kind },
      ],
    } satisfies ModelFile);
  const title: Feature = { name: 'roles:product@title', value: 1, mention: mention(1, { inTitle: true }), owner: { kind: 'role', id: 'pm-title' } };

  it('names the close runner-up as an alternative, and each evidence line with its pull toward the winner over it', () => {
    const m = model({ 'skill:a@asked': [1, 0.95, 0, 0], 'skill:b@asked': [0.5, 0, 0, 0] });
    const c = classifyFitted(m, [
      title,
      { name: 'skill:a@asked', value: 2, mention: mention(3), owner: { kind: 'skill', id: 'a' } },
      { name: 'skill:b@asked', value: 1, mention: mention(5), owner: { kind: 'skill', id: 'b' } },
    ]);
    expect(c.id).toBe('model-side');
    expect(c.alternatives[0]!.id).toBe('application-side');
    // one PM kind against another: stage 2 explains it, the title's stage-1 pull does not count
    expect(c.evidence.map((e) => [e.line, e.contribution])).toEqual([[5, 0.5], [3, 0.1]]);
    const probs = CATEGORY_IDS.map((k) => c.scores[k]);
    expect(probs.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 2);
    const p = { category: { id: c.id, label: { zh: '甲', en: 'A' }, confidence: c.confidence, alternatives: c.alternatives, evidence: [] } } as never;
    expect(betweenText(p, tax.categories, 'en')).toMatch(/^between A 0\.\d\d and AI application PM 0\.\d\d$/);
    expect(betweenText(p, tax.categories, 'zh')).toMatch(/^介于 甲 0\.\d\d 与 AIGC应用产品经理 0\.\d\d 之间$/);
  });

  it('without a product role word stage 1 calls it not a PM role, and its evidence is stage 1\'s', () => {
    const m = model({ 'skill:a@asked': [4, 0, 0, 0] }, { 'roles:product@title': [3, -3], 'roles:other@title': [-2, 2] });
    const c = classifyFitted(m, [
      { name: 'roles:other@title', value: 1, mention: mention(1, { inTitle: true }), owner: { kind: 'role', id: 'engineer-title' } },
      { name: 'skill:a@asked', value: 1, mention: mention(3), owner: { kind: 'skill', id: 'a' } },
    ]);
    expect(c.id).toBe('not-pm');
    expect(c.confidence).toBeGreaterThan(0.95);
    expect(c.alternatives).toEqual([]);
    expect(c.evidence.map((e) => [e.id, e.contribution])).toEqual([['engineer-title', 4]]);
  });
});
