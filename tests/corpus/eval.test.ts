import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist/eval/cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: process.env });
const figure = (out: string, re: RegExp) => Number(re.exec(out)?.[1] ?? NaN);
/** "  name   this   in-sample" rows of the cross-validation table */
const row = (out: string, name: string) => {
  const m = new RegExp(`^  ${name.replace(/[()]/g, '\\$&')}\\s+([\\d.]+)(?:\\s+([\\d.]+))?`, 'm').exec(out);
  return { cv: Number(m?.[1] ?? NaN), inSample: Number(m?.[2] ?? NaN) };
};

describe('the category model, fitted on dev + train and cross-validated (npm run fit / npm run eval)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jdlens-fit-'));
  const out = join(dir, 'model.json');
  const fit = run(['fit', '--out', out, '--quiet']);

  it('refits the committed model byte for byte: the same data gives the same file, and the committed one is not stale', () => {
    expect(fit.status, fit.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(ROOT, 'taxonomies/ai-pm.model.json'), 'utf8'));
  });

  it('reports cross-validated figures beside the in-sample ones, per language and category, with a reliability table', () => {
    const o = fit.stdout;
    expect(o).toMatch(/stratified 10-fold cross-validation \(fixed folds\)/);
    expect(row(o, 'postings').cv).toBe(201);
    expect(o).toMatch(/^  category\s+precision recall\s+f1\s+support\s+recall-zh\s+recall-en$/m);
    expect(o).toMatch(/^  confusion \(rows: label, columns: predicted\)$/m);
    expect(o).toMatch(/^  reliability \(confidence bin: postings, mean confidence, accuracy\)$/m);
    // floors a little under the figures measured when the model was last fitted (0.905, 0.821, zh 0.888,
    // en 0.926; one posting moves a language's figure by 0.01, a borderline few by 0.03): a change that
    // loses accuracy on postings the model did not see fails here (the targets are 0.90 overall
    // and 0.87 in each language; its per-category recalls and in-sample gap are not all met yet)
    expect(row(o, 'accuracy (primary or also)').cv).toBeGreaterThanOrEqual(0.88);
    expect(row(o, 'strict (primary only)').cv).toBeGreaterThanOrEqual(0.79);
    expect(row(o, 'accuracy zh').cv).toBeGreaterThanOrEqual(0.87);
    expect(row(o, 'accuracy en').cv).toBeGreaterThanOrEqual(0.87);
    expect(row(o, 'expected calibration error').cv).toBeLessThanOrEqual(0.08);
    // the same over five fixed fold assignments: the mean is the steadier figure (0.906 when last fitted)
    const repeated = /^  accuracy ([\d.]+) \(([\d.]+)–([\d.]+)\)/m.exec(o);
    expect(o).toMatch(/^category over 5 fixed fold assignments/m);
    expect(Number(repeated?.[1])).toBeGreaterThanOrEqual(0.88);
    expect(Number(repeated?.[2])).toBeLessThanOrEqual(Number(repeated?.[1]));
    // in-sample figures stand beside them, and say how much the model memorises
    expect(row(o, 'accuracy (primary or also)').inSample).toBeGreaterThanOrEqual(row(o, 'accuracy (primary or also)').cv);
    expect(figure(o, /in-sample minus cross-validated accuracy: ([\d.]+)/)).toBeCloseTo(row(o, 'accuracy (primary or also)').inSample - row(o, 'accuracy (primary or also)').cv, 2);
  });

  it('scores a given model as it is with --model, without refitting', () => {
    const r = run(['--model', join(ROOT, 'taxonomies/ai-pm.model.json'), '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/as it is, on 201 labelled postings \(not refitted\)/);
    // in sample: every labelled posting took part in this fit
    expect(row(r.stdout, 'accuracy (primary or also)').cv).toBeGreaterThanOrEqual(0.95);
  });
});

describe('skills found against the labelled dimensions (npm run eval)', () => {
  const r = run(['--quiet']);

  it('prints precision over acceptable and recall over labelled, the gate cross-validated, overall, per language and per dimension', () => {
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^dimensions listed, the gate 10-fold cross-validated \(threshold 0\.5;/m);
    const all = /^  all\s+precision ([\d.]+)\s+recall ([\d.]+)/m.exec(r.stdout);
    const lang = (l: string) => new RegExp(`^  ${l}\\s+precision ([\\d.]+)\\s+recall ([\\d.]+)`, 'm').exec(r.stdout)!.slice(1).map(Number);
    expect(all).not.toBeNull();
    // the skills issue's targets: 0.82 / 0.80 overall, and 0.78 each in each language
    expect(Number(all![1])).toBeGreaterThanOrEqual(0.82);
    expect(Number(all![2])).toBeGreaterThanOrEqual(0.8);
    for (const l of ['zh', 'en']) {
      expect(lang(l)[0], `${l} precision`).toBeGreaterThanOrEqual(0.78);
      expect(lang(l)[1], `${l} recall`).toBeGreaterThanOrEqual(0.78);
    }
    // the gate earns its place: precision above that of every matched dimension
    const plain = /every matched dimension, no gate: precision ([\d.]+)/.exec(r.stdout);
    expect(Number(all![1])).toBeGreaterThan(Number(plain![1]));
    for (const d of ['prompt-design', 'model-lifecycle', 'search-ranking']) expect(r.stdout).toMatch(new RegExp(`^  ${d}\\s+precision`, 'm'));
    // the skills issue's target (0.902 when last measured: 1540 of 1707 lines)
    const lines = /requirement-line coverage: [\d.]+ \((\d+)\/(\d+) lines\)/.exec(r.stdout);
    expect(Number(lines?.[1]) / Number(lines?.[2])).toBeGreaterThanOrEqual(0.9);
  });
});
