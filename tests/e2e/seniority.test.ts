import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, jdlens, parseReport } from '../helpers/cli.js';

const level = (text: string) => parseReport(jdlens(['analyze', '--json'], { input: text }).stdout).postings[0].requirements.find((r: { kind: string }) => r.kind === 'seniority');

describe('seniority: read from the title, else beside a role word, on one scale', () => {
  it('reads the title first, in both languages', () => {
    expect(level('Staff Product Manager, Search\nResponsibilities\n- Own ranking quality').value).toBe('staff');
    expect(level('资深产品经理（AI方向）\n岗位职责\n1、负责 Agent 产品规划').value).toBe('senior');
    expect(level('AI产品总监\n岗位职责\n1、带领产品团队').value).toBe('director');
    expect(level('Associate Product Manager\nResponsibilities\n- Write specs').value).toBe('junior');
    expect(level('产品实习生\n岗位职责\n1、协助撰写需求文档').value).toBe('intern');
  });

  it('reads a level word just before a role word in the body, and P levels; nothing when none is stated', () => {
    const body = level('Acme | Berlin\n\nWe are hiring a Senior Product Manager to own our billing platform.\n- 5+ years of experience');
    expect(body.value).toBe('senior');
    expect(body.line).toBe(3);
    expect(level('产品经理（P7）\n岗位职责\n1、负责商业化产品').value).toBe('senior');
    expect(level('产品经理\n岗位职责\n1、负责商业化产品\n职级：T3-1 至 T3-3').value).toBe('senior');
    expect(level('产品经理\n岗位职责\n1、负责T2项目的交付')).toBeUndefined();
    // a T level where the line speaks of a level (the lexicon's levelCues), in either language
    expect(level('Product Manager\nResponsibilities\n- Own the billing roadmap\nLevel: T2').value).toBe('mid');
    expect(level('Product Manager\nResponsibilities\n- Ship T2 integrations with partners')).toBeUndefined();
    expect(level('Product Manager\nResponsibilities\n- Work with senior leadership on the roadmap')).toBeUndefined();
  });

  it('cross-checks with the years of experience: agreement noted, and the years give the level when none is stated', () => {
    expect(level('Senior Product Manager\nRequirements\n- 1+ years of experience')).toMatchObject({ value: 'senior', agreesWithYears: false });
    expect(level('Staff PM\nRequirements\n- 8+ years of experience')).toMatchObject({ value: 'staff', agreesWithYears: true });
    expect(level('Product Manager\nRequirements\n- 6+ years of product management experience')).toMatchObject({ value: 'senior', fromYears: true, text: '6+ years' });
  });

  it('is a gap when the posting asks a higher level than the profile states, and the summary shows the level mix', () => {
    const d = mkdtempSync(join(tmpdir(), 'jdlens-level-'));
    const me = join(d, 'me.yaml');
    writeFileSync(me, 'seniority: mid\nskills: [prd-writing]\n');
    const r = jdlens(['analyze', '--json', '--profile', me], { input: 'Staff Product Manager\nResponsibilities\n- Write PRDs' });
    expect(r.code, r.stderr).toBe(0);
    const g = parseReport(r.stdout).postings[0].requirementGaps.find((x: { kind: string }) => x.kind === 'seniority');
    expect(g).toMatchObject({ kind: 'seniority', required: 'staff', held: 'mid', met: false });
    writeFileSync(me, 'seniority: wizard\n');
    const bad = jdlens(['analyze', '--profile', me], { input: 'Staff Product Manager\nResponsibilities\n- Write PRDs' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/me\.yaml:1: seniority: unknown level "wizard"/);
    const folder = parseReport(jdlens(['analyze', fixture('folder/en'), '--json']).stdout);
    const mix = Object.fromEntries(folder.summary.seniority.map((s: { id: string; postings: number }) => [s.id, s.postings]));
    expect(mix).toEqual({ senior: 1, staff: 1 });
    expect(jdlens(['analyze', fixture('folder/en'), '--lang', 'en']).stdout).toMatch(/Seniority \(postings that state one\)/);
  });
});
