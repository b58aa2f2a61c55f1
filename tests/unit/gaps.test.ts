import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer } from '../../src/analyze.js';
import { JdlensError } from '../../src/errors.js';
import { computeGaps, gapScore, impliedLevel } from '../../src/gaps/gaps.js';
import { validateProfile } from '../../src/profile/load.js';
import { readResume } from '../../src/profile/resume.js';
import type { Reader } from '../../src/profile/types.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_TAXONOMY, loadTaxonomy } from '../../src/taxonomy/load.js';
import { parseYamlText } from '../../src/taxonomy/yaml-file.js';

const tax = loadTaxonomy();
const analyzer = createAnalyzer(tax);
const reader = (skills: Record<string, 0 | 1 | 2 | 3>, extra: Partial<Reader> = {}): Reader => ({
  domains: [],
  languages: [],
  sources: ['t'],
  skills: new Map(Object.entries(skills).map(([id, level]) => [id, { id, level, from: 'profile' as const }])),
  ...extra,
});
const POSTING = [
  '大模型产品经理',
  '岗位职责',
  '1、负责大模型评测体系建设,推动模型微调与训练数据建设',
  '2、撰写PRD',
  '任职要求',
  '1、3年以上产品经验,本科及以上学历',
  '2、精通Prompt工程,熟悉RAG',
  '3、了解Agent',
  '4、有电商行业背景者优先',
].join('\n');
const report = analyze({ source: 'p', text: POSTING }, analyzer).report;

describe('implied level', () => {
  it('follows the wording: 精通 > 熟悉 > 了解, and the strength without one', () => {
    expect(impliedLevel({ strength: 'required', proficiency: 'expert' })).toBe(3);
    expect(impliedLevel({ strength: 'required', proficiency: 'familiar' })).toBe(2);
    expect(impliedLevel({ strength: 'required', proficiency: 'aware' })).toBe(1);
    expect(impliedLevel({ strength: 'duty' })).toBe(2);
    expect(impliedLevel({ strength: 'preferred' })).toBe(1);
  });

  it('reads the levels off a real sentence', () => {
    const level = (id: string) => impliedLevel(report.skills.find((s) => s.id === id)!);
    expect(level('prompt-engineering')).toBe(3);
    expect(level('rag-knowledge')).toBe(2);
    expect(level('agents')).toBe(1);
  });
});

describe('gaps, ranking and fit', () => {
  it('marks held, partial and missing skills', () => {
    const g = computeGaps(report, reader({ 'prompt-engineering': 2, 'rag-knowledge': 2, 'prd-writing': 3 }), tax);
    expect(g.gaps.find((x) => x.skillId === 'prompt-engineering')).toMatchObject({ status: 'partial', required: 3, held: 2 });
    expect(g.gaps.find((x) => x.skillId === 'model-evaluation')).toMatchObject({ status: 'missing', held: 0 });
    expect(g.gaps.find((x) => x.skillId === 'rag-knowledge')).toBeUndefined();
    expect(g.strengths.map((s) => s.skillId)).toEqual(expect.arrayContaining(['rag-knowledge', 'prd-writing']));
  });

  it('ranks by score: a required skill above the same skill as a nice-to-have, central skills above peripheral ones', () => {
    const s = report.skills.find((x) => x.id === 'model-evaluation')!;
    const def = tax.skills.find((x) => x.id === 'model-evaluation')!;
    expect(gapScore({ ...s, strength: 'required' }, def, report, 2, 0)).toBeGreaterThan(gapScore({ ...s, strength: 'preferred' }, def, report, 2, 0));
    expect(gapScore(s, def, report, 2, 1)).toBeCloseTo(gapScore(s, def, report, 2, 0) / 2, 1);
    const g = computeGaps(report, reader({}), tax);
    const scores = g.gaps.map((x) => x.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(g.gaps[0]!.advice.zh.length).toBeGreaterThan(0);
    expect(g.gaps[0]!.source).toMatch(/^(\d{3}_[0-9a-f]{16}\.txt|postings)/);
  });

  it('scores fit 0–100, the same for the same inputs, higher with more held', () => {
    const none = computeGaps(report, reader({}), tax).fit;
    const some = computeGaps(report, reader({ 'prompt-engineering': 3, 'model-evaluation': 2 }), tax).fit;
    const all = computeGaps(report, reader(Object.fromEntries(report.skills.map((s) => [s.id, 3]))), tax).fit;
    expect(none).toBe(0);
    expect(some).toBeGreaterThan(none);
    expect(all).toBe(100);
    expect(computeGaps(report, reader({ 'prompt-engineering': 3, 'model-evaluation': 2 }), tax).fit).toBe(some);
  });

  it('compares years and degree, and counts them in the fit', () => {
    const all = Object.fromEntries(report.skills.map((s) => [s.id, 3])) as Record<string, 3>;
    const junior = computeGaps(report, reader(all, { years: 1, degree: 'associate' }), tax);
    expect(junior.requirementGaps.find((r) => r.kind === 'years')).toMatchObject({ required: 3, held: 1, met: false });
    expect(junior.requirementGaps.find((r) => r.kind === 'degree')).toMatchObject({ required: 'bachelor', met: false });
    expect(junior.fit).toBe(85);
    const senior = computeGaps(report, reader(all, { years: 5, degree: 'master' }), tax);
    expect(senior.fit).toBe(100);
  });
});

describe('profile validation', () => {
  const load = (yaml: string) => validateProfile(parseYamlText(yaml, 'me.yaml', 'profile'), tax);

  it('takes ids, aliases in either language, and levels in three shapes', () => {
    const r = load('years: 4\ndegree: 硕士\nskills:\n  - rag-knowledge\n  - 提示词工程: 3\n  - { id: Agent, level: 1 }\n');
    expect(r.years).toBe(4);
    expect(r.degree).toBe('master');
    expect(r.skills.get('rag-knowledge')?.level).toBe(2);
    expect(r.skills.get('prompt-engineering')?.level).toBe(3);
    expect(r.skills.get('agents')?.level).toBe(1);
  });

  it('takes a language by any of its names, as the postings\' requirements name it', () => {
    expect(load('languages: [英语, Mandarin, 日语, Esperanto]\n').languages).toEqual(['english', 'chinese', 'japanese', 'esperanto']);
  });

  it('names an unknown skill with the closest ids, the file and the line', () => {
    try {
      load('skills:\n  - prompt-enginering\n  - rag-knowledge: 7\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JdlensError);
      const d = (e as JdlensError).details;
      expect(d[0]).toMatch(/^me\.yaml:2: skills\.0: unknown skill "prompt-enginering" \(did you mean: prompt-engineering/);
      expect(d[1]).toMatch(/^me\.yaml:3: skills\.1: level of "rag-knowledge" must be 0, 1, 2 or 3/);
    }
  });
});

describe('résumés', () => {
  it('count what a résumé evidences as held, with the line that proves it', () => {
    const zh = readResume({ source: 'cv.md', text: '# 王晓\n6年产品经验,本科\n- 负责用 Prompt 工程优化 AIGC 写作助手\n- 做过 RAG 知识库问答' }, analyzer);
    expect(zh.years).toBe(6);
    expect(zh.degree).toBe('bachelor');
    expect(zh.skills.get('prompt-engineering')).toMatchObject({ level: 2, from: 'resume' });
    expect(zh.skills.get('rag-knowledge')?.evidence).toMatch(/^4: /);
  });

  it('count what built work shows: an LLM-powered product shipped shows how LLMs work, with its line', () => {
    const en = readResume({ source: 'cv.md', text: '# Lin\n## Experience\n- Built an LLM-powered writing assistant used by 40k people\n- Owned the evaluation pipeline for answer quality' }, analyzer);
    expect(en.skills.get('ai-app-development')?.evidence).toMatch(/^3: /);
    expect(en.skills.get('model-evaluation')?.evidence).toMatch(/^4: /);
    expect(en.skills.get('llm-principles')).toMatchObject({ level: 2, from: 'resume' });
    expect(en.skills.get('llm-principles')?.evidence).toMatch(/^3: .*LLM-powered/);
    // nothing is shown that no line evidences
    const plain = readResume({ source: 'cv.md', text: '# Lin\n- Wrote PRDs and ran user interviews' }, analyzer);
    expect(plain.skills.has('llm-principles')).toBe(false);
  });

  it('a taxonomy whose skill shows an unknown skill is refused with file and line', () => {
    const bad = readFileSync(DEFAULT_TAXONOMY, 'utf8').replace('    shows: [llm-principles]\n', '    shows: [llm-principle]\n');
    const dir = mkdtempSync(join(tmpdir(), 'jdlens-shows-'));
    writeFileSync(join(dir, 't.yaml'), bad);
    expect(() => loadTaxonomy(join(dir, 't.yaml'))).toThrow(JdlensError);
    try {
      loadTaxonomy(join(dir, 't.yaml'));
    } catch (e) {
      expect((e as JdlensError).details.join('\n')).toMatch(/t\.yaml:\d+: skills\[\d+\]\.shows\[0\]: unknown skill "llm-principle"/);
    }
  });
});
