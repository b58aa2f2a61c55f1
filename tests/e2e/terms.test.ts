import { describe, expect, it } from 'vitest';
import type { TermRow } from '../../src/terms/terms.js';
import { fixture, jdlens } from '../helpers/cli.js';


describe('jdlens terms on fixture folders', () => {
  it('reads folders too, and prints a table for a person', () => {
    const t = jdlens(['terms', fixture('folder/zh'), '--limit', '5', '--min-postings', '1']);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/^Terms no alias covers in 6 postings, by share of postings × IDF/);
    expect(t.stdout.trim().split('\n')).toHaveLength(2 + 5);
  });

  it('finds almost nothing that a set of postings uses more than itself, and prints a table for a person', () => {
    const folder = fixture('folder/zh');
    const same = JSON.parse(jdlens(['terms', folder, '--against', folder, '--json']).stdout) as { terms: TermRow[] };
    // smoothing lifts a term used by more than half the postings a little above 1, never more
    for (const t of same.terms) expect(t.lift!).toBeLessThan(1.1);
    const text = jdlens(['terms', folder, '--against', fixture('folder/en'), '--limit', '5', '--min-postings', '1']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Terms no alias covers in 6 postings, by how much more they use them than \d+ others/);
    expect(text.stdout.trim().split('\n')).toHaveLength(2 + 5);
    // front matter ("source: saved from a job board") is the file's frame, not the posting's words
    const words = (JSON.parse(jdlens(['terms', folder, '--json', '--limit', '200', '--min-postings', '1']).stdout) as { terms: TermRow[] }).terms.map((t) => t.term);
    for (const frame of ['saved', 'board', 'tags', 'growth saved']) expect(words).not.toContain(frame);
  });
});
