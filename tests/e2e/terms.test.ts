import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasKey, loadTaxonomy } from '../../src/taxonomy/load.js';
import { fixture, jdlens, ROOT } from '../helpers/cli.js';

const RADAR = join(ROOT, '../shared/corpus/bulk/ai-pm-radar.jsonl');

describe('jdlens terms', () => {
  const r = jdlens(['terms', RADAR, '--json', '--limit', '40']);
  const doc = JSON.parse(r.stdout) as { postings: number; terms: { term: string; postings: number; share: number; score: number; example: string }[] };

  it('reads a JSONL file and ranks terms by share of postings × IDF', () => {
    expect(r.code).toBe(0);
    expect(doc.postings).toBeGreaterThan(1000);
    expect(doc.terms).toHaveLength(40);
    const scores = doc.terms.map((t) => t.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const t of doc.terms) {
      expect(t.share).toBeCloseTo(t.postings / doc.postings, 5);
      expect(t.postings).toBeGreaterThanOrEqual(2);
      expect(t.example.length).toBeGreaterThan(0);
    }
  });

  it('lists only what no alias covers, and no stop words', () => {
    const tax = loadTaxonomy();
    const aliases = new Set(tax.skills.flatMap((s) => [...s.aliases.zh, ...s.aliases.en]).map(aliasKey));
    for (const t of doc.terms) expect(aliases.has(aliasKey(t.term)), t.term).toBe(false);
    const words = doc.terms.map((t) => t.term);
    for (const stop of ['的', '和', 'the', 'and']) expect(words).not.toContain(stop);
    for (const structural of ['优先', '本科', '学历']) expect(words).not.toContain(structural);
  });

  it('reads folders too, and prints a table for a person', () => {
    const t = jdlens(['terms', fixture('folder/zh'), '--limit', '5']);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^Terms no alias covers in 31 postings, by share of postings × IDF/);
    expect(t.stdout.trim().split('\n')).toHaveLength(2 + 5);
  });
});
