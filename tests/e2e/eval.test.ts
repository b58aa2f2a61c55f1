import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const DEV = join(ROOT, '../shared/corpus/dev');
const runEval = (args: string[] = []) => spawnSync(process.execPath, [join(ROOT, 'dist/eval/cli.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
const figure = (out: string, re: RegExp) => Number(re.exec(out)?.[1] ?? NaN);

describe('npm run eval on the labelled dev postings', () => {
  it('finds the corpus beside the project', () => {
    expect(existsSync(join(DEV, 'labels.tsv')), `${DEV}/labels.tsv`).toBe(true);
  });

  it('meets the targets: accuracy, macro-F1, dimensions, coverage, recall per category and language', () => {
    const r = runEval();
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout;
    expect(figure(out, /category accuracy: ([\d.]+)/)).toBeGreaterThanOrEqual(0.92);
    expect(figure(out, /macro-F1: ([\d.]+)/)).toBeGreaterThanOrEqual(0.9);
    expect(figure(out, /dimension precision: ([\d.]+)/)).toBeGreaterThanOrEqual(0.8);
    expect(figure(out, /dimension precision: [\d.]+\s+recall: ([\d.]+)/)).toBeGreaterThanOrEqual(0.8);
    expect(figure(out, /requirement-line coverage: ([\d.]+)/)).toBeGreaterThanOrEqual(0.85);
    for (const cat of ['model-side', 'application-side', 'traditional-ai', 'general-pm', 'not-pm']) {
      const row = new RegExp(`^${cat}\\s+[\\d.]+\\s+[\\d.]+\\s+[\\d.]+\\s+\\d+\\s+(\\S+)(?: \\(\\d+\\))?\\s+(\\S+)`, 'm').exec(out);
      expect(row, cat).not.toBeNull();
      for (const v of [row![1], row![2]]) if (v !== '-') expect(Number(v), `${cat} recall per language`).toBeGreaterThanOrEqual(0.75);
    }
    expect(out).toMatch(/confusion \(rows: label, columns: predicted\)/);
  });

  it('points elsewhere with --dir and --labels', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jdlens-eval-'));
    copyFileSync(join(ROOT, 'fixtures/postings/zh-general-pm-tools.txt'), join(dir, 'a.txt'));
    copyFileSync(join(ROOT, 'fixtures/postings/en-not-pm-ml-engineer.txt'), join(dir, 'b.txt'));
    writeFileSync(join(dir, 'mine.tsv'), 'file\tprimary\talso\na.txt\tgeneral-pm\t-\nb.txt\tnot-pm\t-\n');
    const r = runEval(['--dir', dir, '--labels', join(dir, 'mine.tsv')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/postings: 2\n/);
    expect(r.stdout).toMatch(/category accuracy: 1\.000/);
  });
});
