import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasKey, loadTaxonomy } from '../../src/taxonomy/load.js';
import type { TermRow } from '../../src/terms/terms.js';
import { CORPUS, jdlens } from '../helpers/cli.js';

const RADAR = join(CORPUS, 'bulk/ai-pm-radar.jsonl');
const REBASE = join(CORPUS, 'bulk/rebase-who-is-hiring.jsonl');

describe('jdlens terms', () => {
  const r = jdlens(['terms', RADAR, '--json', '--limit', '40']);
  const doc = JSON.parse(r.stdout) as { postings: number; terms: TermRow[] };

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

});

describe('jdlens terms --against', () => {
  it('ranks terms by how much more the inputs use them than the background does', () => {
    const r = jdlens(['terms', RADAR, '--against', REBASE, '--json', '--limit', '30']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { postings: number; background: number; terms: TermRow[] };
    expect(doc.background).toBeGreaterThan(1000);
    expect(doc.terms).toHaveLength(30);
    const scores = doc.terms.map((t) => t.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const t of doc.terms) {
      const bn = Math.round(t.background! * doc.background);
      const lift = t.share / ((bn + 1) / (doc.background + 2));
      expect(t.lift).toBeCloseTo(lift, 2);
      expect(t.lift!).toBeGreaterThan(1);
      expect(t.score).toBeCloseTo(t.share * Math.log(lift), 2);
    }
  });

});
