import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixture, jdlens, parseReport } from '../helpers/cli.js';

const CONTENT = fixture('profiles/content-community-pm.yaml');
const ALGO = fixture('profiles/algorithm-pm.yaml');

function gapsFor(posting: string, args: string[]) {
  const r = jdlens(['analyze', fixture(`postings/${posting}`), '--json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  const p = parseReport(r.stdout).postings[0];
  return { p, gaps: p.gaps.map((g: { skillId: string }) => g.skillId) as string[], strengths: p.strengths.map((s: { skillId: string }) => s.skillId) as string[] };
}

describe('gaps of two readers on real postings', () => {
  it('a model-platform posting: the content PM lacks model knowledge, the algorithm PM does not', () => {
    const c = gapsFor('zh-model-side-platform.txt', ['--profile', CONTENT]);
    expect(c.gaps).toEqual(expect.arrayContaining(['model-evaluation', 'fine-tuning', 'deployment-inference']));
    expect(c.gaps).not.toContain('product-planning');
    const a = gapsFor('zh-model-side-platform.txt', ['--profile', ALGO]);
    expect(a.gaps).not.toContain('model-evaluation');
    expect(a.gaps).not.toContain('fine-tuning');
    expect(a.strengths).toEqual(expect.arrayContaining(['model-evaluation', 'fine-tuning']));
    expect(a.p.fit).toBeGreaterThan(c.p.fit);
  });

  it('an AIGC advertising posting: the algorithm PM lacks the business domain, the content PM has the product craft', () => {
    const a = gapsFor('zh-application-side-aigc-ads.txt', ['--profile', ALGO]);
    expect(a.gaps).toEqual(expect.arrayContaining(['ecommerce-ads', 'generative-ai']));
    expect(a.gaps).not.toContain('llm-principles');
    const c = gapsFor('zh-application-side-aigc-ads.txt', ['--profile', CONTENT]);
    expect(c.gaps).toContain('generative-ai');
    expect(c.gaps).not.toContain('competitive-analysis');
  });

  it('an agent posting in Web3: both lack the agent skill; the algorithm PM lacks the crypto domain too', () => {
    const c = gapsFor('mixed-application-side-agent-web3.txt', ['--profile', CONTENT]);
    expect(c.gaps).toContain('agents');
    expect(c.gaps).not.toContain('project-management');
    const a = gapsFor('mixed-application-side-agent-web3.txt', ['--profile', ALGO]);
    expect(a.gaps).toEqual(expect.arrayContaining(['agents', 'web3-crypto']));
    expect(a.gaps).not.toContain('cross-team');
  });

  it('gives every gap its evidence line, advice and seed', () => {
    const { p } = gapsFor('zh-model-side-platform.txt', ['--profile', CONTENT]);
    for (const g of p.gaps) {
      expect(g.evidence.context.length).toBeGreaterThan(0);
      expect(g.advice.zh.length).toBeGreaterThan(0);
      expect(g.source).toMatch(/\.txt|postings/);
    }
    const first = p.gaps[0];
    expect(p.gaps.every((g: { score: number }) => g.score <= first.score)).toBe(true);
  });

  it('shows gaps in the human report, and a checklist without a profile', () => {
    const withProfile = jdlens(['analyze', fixture('postings/zh-model-side-platform.txt'), '--profile', CONTENT]);
    expect(withProfile.stdout).toMatch(/匹配度：\d+\/100/);
    expect(withProfile.stdout).toContain('你的差距');
    expect(withProfile.stdout).toContain('建议');
    const none = jdlens(['analyze', fixture('postings/en-traditional-ai-recommendations.txt')]);
    expect(none.stdout).toContain('Checklist');
    expect(none.stdout).toMatch(/\[ \] Recommendation systems/);
  });
});

describe('résumés', () => {
  it('a Chinese résumé: its skills count as held, with the résumé line beside', () => {
    const { p, gaps, strengths } = gapsFor('zh-application-side-aigc-ads.txt', ['--resume', fixture('resumes/zh-resume.md')]);
    expect(strengths).toEqual(expect.arrayContaining(['generative-ai', 'competitive-analysis']));
    expect(gaps).not.toContain('generative-ai');
    const s = p.strengths.find((x: { skillId: string }) => x.skillId === 'generative-ai');
    expect(s.resumeEvidence).toMatch(/AIGC/);
  });

  it('an English résumé, combined with a profile that wins on conflicts', () => {
    const r = gapsFor('zh-model-side-platform.txt', ['--resume', fixture('resumes/en-resume.md')]);
    expect(r.strengths).toEqual(expect.arrayContaining(['model-evaluation', 'fine-tuning']));
    const both = gapsFor('zh-model-side-platform.txt', ['--resume', fixture('resumes/en-resume.md'), '--profile', CONTENT]);
    expect(both.strengths).toContain('model-evaluation');
    expect(both.p.requirementGaps.find((g: { kind: string }) => g.kind === 'years')).toMatchObject({ held: 7, met: true });
  });
});

describe('jdlens profile init', () => {
  it('prints a commented template listing every skill, that loads as a profile', () => {
    const r = jdlens(['profile', 'init']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# - prompt-engineering: 2');
    expect(r.stdout).toContain('# - model-evaluation: 2');
    expect(parse(r.stdout)).toMatchObject({ years: 0, degree: 'bachelor' });
  });

  it('an unknown skill in a profile: did you mean, file and line, exit 2', () => {
    const { mkdtempSync, writeFileSync } = require('node:fs') as typeof import('node:fs');
    const dir = mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'jdlens-prof-'));
    const f = `${dir}/me.yaml`;
    writeFileSync(f, 'skills:\n  - rag-knowledge\n  - fine-tunning\n');
    const r = jdlens(['analyze', fixture('postings/zh-general-pm-tools.txt'), '--profile', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${f}:3: skills.1: unknown skill "fine-tunning" (did you mean: fine-tuning`);
  });
});
