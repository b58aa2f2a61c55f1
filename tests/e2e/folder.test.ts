import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fixture, jdlens, parseReport } from '../helpers/cli.js';

const FOLDER = fixture('folder');
const tmp = () => mkdtempSync(join(tmpdir(), 'jdlens-folder-'));

describe('jdlens analyze on a folder of saved postings', () => {
  const r = jdlens(['analyze', FOLDER, '--json']);
  const doc = parseReport(r.stdout);

  it('analyses every posting, reports the bad files as errors and exits 3', () => {
    expect(r.code).toBe(3);
    // 11 written postings in nested folders (one of them twice), one HTML page, three JSONL postings
    expect(doc.postings).toHaveLength(15);
    expect(doc.summary.postings).toBe(15);
    const errs = Object.fromEntries(doc.errors.map((e: { source: string; code: string }) => [e.source.replace(`${FOLDER}/`, ''), e.code]));
    expect(errs).toEqual({
      'edge/corrupt.txt': 'binary',
      'edge/empty.txt': 'empty',
      'edge/offer.pdf': 'pdf',
      'edge/sample.jsonl#4': 'decode',
      'edge/whitespace-only.md': 'empty',
    });
    expect(r.stderr.trim().split('\n')).toHaveLength(5);
    expect(r.stderr).toMatch(/offer\.pdf: is a PDF/);
  });

  it('reports postings in a stable sorted order, JSONL postings as file#id', () => {
    const sources: string[] = doc.postings.map((p: { source: string }) => p.source);
    const files = sources.map((s) => s.replace(/#.*$/, ''));
    expect(files).toEqual([...files].sort());
    expect(sources).toContain(`${FOLDER}/edge/sample.jsonl#a1b2c3d4e5f6`);
    expect(sources.some((s) => s.includes('/.hidden'))).toBe(false);
    expect(jdlens(['analyze', FOLDER, '--json']).stdout).toBe(r.stdout);
  });

  it('analyses identical postings once and names the duplicate', () => {
    expect(doc.duplicates).toEqual([{ source: `${FOLDER}/zh/saved-2026/tools-pm.md`, duplicateOf: `${FOLDER}/edge/duplicate-tools-pm.txt` }]);
    expect(doc.summary.duplicates).toBe(1);
  });

  it('reads saved HTML pages without their navigation, scripts, styles and noscript', () => {
    const page = doc.postings.find((p: { source: string }) => p.source.endsWith('saved-page.html'));
    expect(page.title).toBe('智能办公-AI产品经理-企业助手方向');
    expect(page.category.id).toBe('application-side');
    const ids = page.skills.map((s: { id: string }) => s.id);
    expect(ids).not.toContain('pretraining');
    expect(ids).not.toContain('rag-knowledge');
    for (const s of page.skills) for (const m of s.mentions) expect(m.context).not.toMatch(/tracking|function|content:|首页/);
  });

  it('sums up the market: category shares, skills by strength, dimensions', () => {
    const s = doc.summary;
    expect(s.categories.reduce((n: number, c: { postings: number }) => n + c.postings, 0)).toBe(15);
    expect(s.categories.reduce((n: number, c: { share: number }) => n + c.share, 0)).toBeCloseTo(1, 2);
    const counted = doc.postings.filter((p: { category: { id: string } }) => p.category.id === 'not-pm').length;
    expect(s.categories.find((c: { id: string }) => c.id === 'not-pm').postings).toBe(counted);
    const top = s.skills[0];
    expect(top.postings).toBe(doc.postings.filter((p: { skills: { id: string }[] }) => p.skills.some((k) => k.id === top.id)).length);
    expect(Object.values(top.byStrength as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(top.postings);
    expect(s.dimensions).toHaveLength(12);
  });

  it('with a profile: the most frequent gaps and the PM postings ranked by fit', () => {
    const p = parseReport(jdlens(['analyze', FOLDER, '--json', '--profile', fixture('profiles/content-community-pm.yaml')]).stdout);
    expect(p.summary.gaps.length).toBeGreaterThan(3);
    const weights = p.summary.gaps.map((g: { weight: number }) => g.weight);
    expect(weights).toEqual([...weights].sort((a: number, b: number) => b - a));
    const fits = p.summary.fit.map((f: { fit: number }) => f.fit);
    expect(fits).toEqual([...fits].sort((a: number, b: number) => b - a));
    expect(p.summary.fit.every((f: { category: string }) => f.category !== 'not-pm')).toBe(true);
  });

  it('prints the summary as tables and bars within 80 columns, and says what it skipped with --verbose', () => {
    const t = jdlens(['analyze', FOLDER, '--verbose', '--lang', 'en']);
    expect(t.code).toBe(3);
    expect(t.stdout).toContain('Market picture: 15 postings, 1 duplicates, 5 errors');
    expect(t.stdout).toMatch(/#{2,}\.+ +\d+%/);
    for (const line of t.stdout.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    expect(t.stderr).toMatch(/skipped .*\.hidden-draft\.txt: hidden/);
    expect(t.stderr).toMatch(/skipped .*logo\.png: not a posting file/);
    expect(t.stderr).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
  });

  it('exits 2 when no file could be analysed, 0 when all were', () => {
    const d = tmp();
    writeFileSync(join(d, 'a.txt'), '');
    expect(jdlens(['analyze', d]).code).toBe(2);
    const ok = jdlens(['analyze', fixture('postings/zh-general-pm-tools.txt'), fixture('postings/en-general-pm-esignature.txt'), '--json']);
    expect(ok.code).toBe(0);
    expect(parseReport(ok.stdout).postings).toHaveLength(2);
  });
});

describe('exports', () => {
  it('--out report.md writes Markdown: summary tables, then a section per posting', () => {
    const d = tmp();
    const out = join(d, 'report.md');
    const r = jdlens(['analyze', fixture('folder/en'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const md = readFileSync(out, 'utf8');
    expect(md.startsWith('# jdlens report\n')).toBe(true);
    expect(md).toMatch(/## Market picture\n/);
    expect(md).toContain('|---|');
    expect(md.split('\n').filter((l) => l.startsWith('## ')).length).toBe(1 + 5);
    expect(md.indexOf('## Market picture')).toBeLessThan(md.indexOf('## Product Manager, Billing and Payments'));
  });

  it('--out report.json writes the JSON report; --format text overrides the extension', () => {
    const d = tmp();
    const r = jdlens(['analyze', fixture('postings'), '--out', join(d, 'r.json')]);
    expect(r.code).toBe(0);
    expect(parseReport(readFileSync(join(d, 'r.json'), 'utf8')).postings).toHaveLength(readdirSync(fixture('postings')).length);
    jdlens(['analyze', fixture('postings'), '--out', join(d, 'r.json'), '--format', 'text', '--lang', 'en']);
    expect(readFileSync(join(d, 'r.json'), 'utf8')).toContain('Market picture: 17 postings');
    expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--out into a missing or unwritable folder fails before any work starts', () => {
    const r = jdlens(['analyze', FOLDER, '--out', '/no/such/folder/report.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('jdlens: /no/such/folder/report.json: folder /no/such/folder does not exist\n');
  });

  it('worker threads give exactly the one-thread report', () => {
    const one = jdlens(['analyze', FOLDER, '--json', '--jobs', '1']);
    const two = jdlens(['analyze', FOLDER, '--json', '--jobs', '2']);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(parseReport(two.stdout).postings.length).toBe(15);
  });

  it('the default threads for a large folder (here one worker that the reading thread segments for) give the one-thread report', () => {
    // 34 postings: each fixture posting, and once more with a line of its own (not a duplicate)
    const d = tmp();
    for (const f of readdirSync(fixture('postings'))) {
      const text = readFileSync(join(fixture('postings'), f), 'utf8');
      writeFileSync(join(d, f), text);
      writeFileSync(join(d, `again-${f}`), `${text}\nRef: ${f}\n`);
    }
    const one = jdlens(['analyze', d, '--json', '--jobs', '1']);
    const byDefault = jdlens(['analyze', d, '--json']);
    expect(byDefault.code).toBe(one.code);
    expect(byDefault.stdout).toBe(one.stdout);
    expect(parseReport(byDefault.stdout).postings.length).toBe(34);
    // where segmenting a posting fails in the reading thread, the worker reads that posting itself
    const failing = jdlens(['analyze', d, '--json'], { env: { JDLENS_TEST_WORKER_FAULT: 'segment:Ref: ' } });
    expect(failing.stderr).toBe(byDefault.stderr);
    expect(failing.stdout).toBe(one.stdout);
  });
  // interrupted runs: the signal matrix of tests/e2e/sturdy.test.ts
});
