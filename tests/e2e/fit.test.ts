import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, jdlens, parseReport, ROOT } from '../helpers/cli.js';

// The postings written for the tests, labelled by the category their file names say (the bilingual
// model-platform posting is model-side).
function labelledFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jdlens-fit-'));
  const rows = ['file\tprimary\talso'];
  for (const f of readdirSync(fixture('postings')).sort()) {
    copyFileSync(join(fixture('postings'), f), join(dir, f));
    const cat = /-(model-side|application-side|traditional-ai|general-pm|not-pm)-/.exec(f)?.[1] ?? (f.includes('model-platform') ? 'model-side' : undefined);
    if (!cat) throw new Error(`no label for ${f}`);
    rows.push(`${f}\t${cat}\t-`);
  }
  writeFileSync(join(dir, 'labels.tsv'), `${rows.join('\n')}\n`);
  return dir;
}

describe('jdlens fit: a model of your own labelled postings', () => {
  const dir = labelledFolder();
  const model = join(dir, 'my.model.json');
  const r = jdlens(['fit', '--labels', join(dir, 'labels.tsv'), '--out', model, '--folds', '5']);

  it('cross-validates, prints the report and writes a readable model file, the same bytes every time', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/stratified 5-fold cross-validation \(fixed folds\), 17 postings/);
    expect(r.stdout).toMatch(/^  accuracy \(primary or also\)\s+[\d.]+\s+[\d.]+$/m);
    expect(r.stdout).toMatch(/reliability \(confidence bin/);
    const doc = JSON.parse(readFileSync(model, 'utf8'));
    expect(doc.format).toBe('jdlens-category-model/2');
    expect(doc.stages.map((s: { name: string }) => s.name)).toEqual(['pm', 'kind']);
    expect(doc.fitted.postings).toBe(17);
    expect(Object.keys(doc.stages[1].weights).length).toBeGreaterThan(5);
    // no dimension labels, no gate: every matched dimension is listed with this model
    expect(doc.asked).toBeUndefined();
    expect(r.stdout).not.toMatch(/dimensions listed/);
    const again = join(dir, 'again.json');
    jdlens(['fit', '--labels', join(dir, 'labels.tsv'), '--out', again, '--folds', '5']);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(model, 'utf8'));
  });

  it('analyze --model uses it, and its evidence adds up under the fitted weights', () => {
    const a = jdlens(['analyze', fixture('postings/zh-general-pm-tools.txt'), '--model', model, '--json']);
    expect(a.code, a.stderr).toBe(0);
    const p = parseReport(a.stdout).postings[0];
    // in sample: this posting was one of the 17
    expect(p.category.id).toBe('general-pm');
    expect(p.category.evidence.length).toBeGreaterThan(0);
    for (const e of p.category.evidence) expect(e.contribution).toBeGreaterThan(0);
    expect(Array.isArray(p.category.alternatives)).toBe(true);
  });

  it('refuses a model fitted for another version of the taxonomy, and says how to refit', () => {
    const tax = join(dir, 'tax.yaml');
    writeFileSync(tax, readFileSync(join(ROOT, 'taxonomies/ai-pm.yaml'), 'utf8').replace('version: "1.0.0"', 'version: "1.0.1"'));
    const a = jdlens(['analyze', fixture('postings/zh-general-pm-tools.txt'), '--taxonomy', tax, '--model', model]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^jdlens: .*my\.model\.json: fitted for another version of taxonomy "ai-pm" .*refit it: `npm run fit` .*`jdlens fit --labels/);
    expect(a.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('with a dimensions file beside the labels, it fits the gate over listed dimensions too, and analyze --model lists only what that gate keeps', () => {
    // a reader who counts only product fundamentals as asked for: the gate learns to keep little else
    const rows = ['file\tdimensions\tevidence\tacceptable'];
    for (const f of readdirSync(fixture('postings')).sort()) rows.push(`${f}\tproduct-fundamentals\t-\tproduct-fundamentals`);
    writeFileSync(join(dir, 'dimensions.tsv'), `${rows.join('\n')}\n`);
    const gated = join(dir, 'gated.json');
    const f = jdlens(['fit', '--labels', join(dir, 'labels.tsv'), '--out', gated, '--folds', '5']);
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout).toMatch(/^dimensions listed \(the gate cross-validated\): precision [\d.]+ recall [\d.]+/m);
    const doc = JSON.parse(readFileSync(gated, 'utf8'));
    expect(doc.asked.threshold).toBe(0.5);
    expect(Object.keys(doc.asked.weights)).toContain('dim:product-fundamentals');
    const dims = (m: string) => new Set(parseReport(jdlens(['analyze', fixture('postings/zh-model-side-llm-eval.txt'), '--model', m, '--json']).stdout).postings[0].skills.map((s: { dimension: string }) => s.dimension));
    const before = dims(model);
    const after = dims(gated);
    expect(after.has('product-fundamentals')).toBe(true);
    expect(after.size).toBeLessThan(before.size);
    rmSync(join(dir, 'dimensions.tsv'));
  });

  it('a broken model file or bad labels are one clear line each', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    const a = jdlens(['analyze', fixture('postings/zh-general-pm-tools.txt'), '--model', bad]);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe(`jdlens: ${bad}: not a model file (invalid JSON)\n`);
    const labels = join(dir, 'wrong.tsv');
    writeFileSync(labels, 'file\tprimary\talso\nzh-general-pm-tools.txt\tproduct-owner\t-\n');
    const f = jdlens(['fit', '--labels', labels, '--out', join(dir, 'x.json')]);
    expect(f.code).toBe(2);
    expect(f.stderr).toMatch(/^jdlens: .*wrong\.tsv:2: unknown category "product-owner"/);
  });
});

describe('the default fitted model', () => {
  it('lists the roles of a post that names several, and follows the PM one', () => {
    const text = 'Acme Robotics | Berlin | Full-time\n\nWe are hiring across:\n\nBackend Engineer – Go, Kafka, distributed systems, on-call\n\nProduct Manager – own the roadmap of our fleet dashboard, write specs, run user research\n\nData Scientist – forecasting models in Python';
    const p = parseReport(jdlens(['analyze', '--json'], { input: text }).stdout).postings[0];
    expect(p.roles.map((r: { isPm: boolean }) => r.isPm)).toEqual([false, true, false]);
    expect(p.roles[1].line).toBe(7);
    expect(p.category.id).not.toBe('not-pm');
    // the engineer's and the scientist's lines ask nothing of the PM
    const ids = p.skills.map((s: { id: string }) => s.id);
    expect(ids).not.toContain('python-coding');
    expect(ids).toContain('user-research');
  });
});
