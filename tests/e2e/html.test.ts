import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, jdlens, parseReport, ROOT } from '../helpers/cli.js';

// The page is checked in a real browser: Debian's chromium (installed by .ci/run), driven by
// playwright-core. Without a chromium the browser test fails in CI and is skipped elsewhere.
const CHROMIUM = process.env.JDLENS_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI) process.stderr.write(`html browser test skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set JDLENS_CHROMIUM)\n`);
const OUT = join(ROOT, 'tests', 'output');

const EVIL = [
  'Product Manager <script>window.__pwned = 1</script>',
  '',
  'Responsibilities',
  '- Own the roadmap </style><script>window.__pwned = 2</script> and write PRDs',
  '- Read [our docs](javascript:window.__pwned=3) "><img src=x onerror="window.__pwned=4"> with SQL',
  "- Quote ' \" & < > in agent workflows",
].join('\n');

function page(dir: string, args: string[] = []): { html: string; json: ReturnType<typeof parseReport> } {
  const out = join(dir, 'report.html');
  const r = jdlens(['analyze', ...args, '--out', out]);
  expect([0, 3]).toContain(r.code);
  const json = parseReport(jdlens(['analyze', ...args, '--json']).stdout);
  return { html: readFileSync(out, 'utf8'), json };
}

describe('--out report.html: one self-contained page', () => {
  it('has no script, no external resource, and every posting text escaped', () => {
    const d = mkdtempSync(join(tmpdir(), 'jdlens-html-'));
    writeFileSync(join(d, 'evil.txt'), EVIL);
    copyFileSync(fixture('postings/en-general-pm-esignature.txt'), join(d, 'ok.txt'));
    const { html } = page(d, [d]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    // no tag carries an event handler (the text "onerror=" may stand, escaped, as the posting wrote it)
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\/(?!www\.woshipm\.com|blog\.csdn\.net)/);
    // the posting's own text shows as text (the title as jdlens cleans it)
    expect(html).toMatch(/&lt;script[^<]*pwned = 1&lt;\/script/);
    expect(html).toContain('window.__pwned = 2&lt;/script&gt;');
    expect(html).toContain('&lt;/style&gt;');
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('--format html and a single posting render too, in the posting\'s language or --lang', () => {
    const one = jdlens(['analyze', fixture('postings/zh-general-pm-tools.txt'), '--format', 'html']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(jdlens(['analyze', fixture('postings/zh-general-pm-tools.txt'), '--format', 'html', '--lang', 'en']).stdout).toMatch(/<html lang="en">/);
  });

  it.skipIf(!haveChromium && !process.env.CI)('in headless Chromium: no console error, no request, charts drawn with the JSON\'s numbers, no script run', async () => {
    if (!haveChromium) throw new Error(`no chromium at ${CHROMIUM}: .ci/run installs Debian's chromium package (apt-get install chromium)`);
    const { chromium } = await import('playwright-core');
    const d = mkdtempSync(join(tmpdir(), 'jdlens-html-'));
    const { html, json } = page(d, [fixture('folder'), '--profile', fixture('profiles/content-community-pm.yaml')]);
    expect(html.length).toBeGreaterThan(1000);
    const evil = mkdtempSync(join(tmpdir(), 'jdlens-html-evil-'));
    writeFileSync(join(evil, 'evil.txt'), EVIL);
    copyFileSync(fixture('postings/en-general-pm-esignature.txt'), join(evil, 'ok.txt'));
    page(evil, [evil]);

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const tab = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
      const problems: string[] = [];
      const requests: string[] = [];
      tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      tab.on('pageerror', (e) => problems.push(String(e)));
      tab.on('request', (r) => !r.url().startsWith('file://') && requests.push(r.url()));
      await tab.goto(`file://${join(d, 'report.html')}`);
      for (const id of ['chart-categories', 'chart-skills', 'chart-dimensions']) {
        const box = await tab.locator(`#${id}`).boundingBox();
        expect(box, id).not.toBeNull();
        expect(box!.width * box!.height, id).toBeGreaterThan(0);
      }
      // the category chart's numbers are the JSON summary's
      const bars = await tab.$$eval('#chart-categories g.row', (gs) => gs.map((g) => [g.getAttribute('data-label'), Number(g.getAttribute('data-value'))]));
      const lang = /<html lang="zh-CN">/.test(html) ? 'zh' : 'en';
      expect(bars).toEqual(json.summary.categories.map((c: { label: Record<string, string>; postings: number }) => [c.label[lang], c.postings]));
      const skills = await tab.$$eval('#chart-skills g.row', (gs) => gs.map((g) => Number(g.getAttribute('data-value'))));
      expect(skills).toEqual(json.summary.skills.slice(0, 15).map((s: { postings: number }) => s.postings));
      expect(await tab.locator('details.card').count()).toBe(json.postings.length);
      mkdirSync(OUT, { recursive: true });
      await tab.screenshot({ path: join(OUT, 'report.png'), fullPage: false });

      await tab.goto(`file://${join(evil, 'report.html')}`);
      await tab.locator('details.card').first().evaluate((e) => ((e as HTMLDetailsElement).open = true));
      expect(await tab.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await tab.locator('script, img, iframe, a[href^="javascript:"]').count()).toBe(0);
      expect(await tab.locator('body').innerText()).toMatch(/<script[^\n]*pwned = 1<\/script/);
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
