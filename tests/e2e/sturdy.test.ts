import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { yearsFromDates } from '../../src/profile/resume.js';
import { BIN, fixture, jdlens, parseReport, ROOT } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'jdlens-sturdy-'));
const noTrace = (stderr: string) => {
  expect(stderr).not.toMatch(/unexpected error|^\s+at /m);
};

/** A folder with the written postings and a JSONL of thousands of distinct ones: a run of a few seconds. */
function bigFolder(): string {
  const d = tmp();
  const texts = readdirSync(fixture('postings')).map((f) => readFileSync(join(fixture('postings'), f), 'utf8'));
  writeFileSync(join(d, 'big.jsonl'), Array.from({ length: 400 }, (_, k) => texts.map((t, i) => JSON.stringify({ id: `${k}-${i}`, text: `${t}\n#${k}` })).join('\n')).join('\n'));
  return d;
}

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (b) => (stderr += String(b)));
    child.stdout.on('data', (b) => (stdout += String(b)));
    child.on('exit', (code) => resolve({ code, stderr, stdout }));
  });
}

describe('signals: every mode stops at once, keeps the previous report and leaves nothing behind', () => {
  const big = bigFolder();
  for (const jobs of ['1', '2'])
    for (const format of ['json', 'md', 'text'])
      for (const [signal, exit] of [['SIGINT', 130], ['SIGTERM', 143]] as const)
        it(`--jobs ${jobs}, ${format} to --out, ${signal}: exit ${exit}`, async () => {
          const d = tmp();
          const out = join(d, `report.${format === 'text' ? 'txt' : format}`);
          writeFileSync(out, 'previous\n');
          const child = spawn(process.execPath, [BIN, 'analyze', big, '--jobs', jobs, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
          let stderr = '';
          child.stderr.on('data', (b) => (stderr += String(b)));
          const started = Date.now();
          while (!readdirSync(d).some((f) => f.endsWith('.tmp')) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
          await new Promise((r) => setTimeout(r, 200));
          child.kill(signal);
          const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
          expect(code).toBe(exit);
          expect(readFileSync(out, 'utf8')).toBe('previous\n');
          expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
          expect(stderr.trim()).toBe(`jdlens: interrupted (${signal}); no report written`);
        });

  for (const jobs of ['1', '2'])
    it(`--jobs ${jobs} to stdout, SIGINT: exit 130, no stack trace`, async () => {
      const child = spawn(process.execPath, [BIN, 'analyze', big, '--jobs', jobs, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (b) => (stderr += String(b)));
      await new Promise((r) => child.stdout.once('data', r));
      child.kill('SIGINT');
      const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      expect(code).toBe(130);
      noTrace(stderr);
    });
});

describe('terminals and odd files', () => {
  it('a pseudo-terminal of 0 columns gets no spinner, and the report is written', () => {
    const d = tmp();
    const out = join(d, 'r.json');
    const r = spawnSync('script', ['-qc', `${process.execPath} ${BIN} analyze ${fixture('folder')} --json > ${out}`, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    // the pseudo-terminal saw only the error lines of the folder's bad files: no cursor codes
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(parseReport(readFileSync(out, 'utf8')).postings.length).toBe(15);
  });

  it('a named pipe inside a folder is skipped (said with --verbose), not read for ever', () => {
    const d = tmp();
    copyFileSync(fixture('postings/zh-general-pm-tools.txt'), join(d, 'a.txt'));
    expect(spawnSync('mkfifo', [join(d, 'pipe.txt')]).status).toBe(0);
    const r = jdlens(['analyze', d, '--verbose', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/skipped .*pipe\.txt: a named pipe, not a regular file/);
    expect(parseReport(r.stdout).postings).toHaveLength(1);
  });

  it('a worker whose analysis throws: that posting is an error, the others are reported, exit 3', async () => {
    const d = bigFolder();
    const r = await run(['analyze', d, '--jobs', '2', '--json'], { JDLENS_TEST_WORKER_FAULT: 'throw:\n#399' });
    expect(r.code).toBe(3);
    const doc = parseReport(r.stdout);
    expect(doc.errors).toHaveLength(17);
    expect(doc.errors.every((e: { code: string; source: string }) => e.code === 'worker' && /#399-\d+$/.test(e.source))).toBe(true);
    expect(doc.postings).toHaveLength(400 * 17 - 17);
    noTrace(r.stderr);
  });

  it('a worker thread that dies: its postings are errors, the pool shuts down, the run ends (exit 3)', async () => {
    const d = bigFolder();
    const r = await run(['analyze', d, '--jobs', '2', '--json'], { JDLENS_TEST_WORKER_FAULT: 'exit:\n#5' });
    expect(r.code).toBe(3);
    const doc = parseReport(r.stdout);
    expect(doc.errors.length).toBeGreaterThan(0);
    expect(doc.postings.length + doc.errors.length).toBe(400 * 17);
    noTrace(r.stderr);
  });

  it('a report that cannot be written: one line, exit 4', () => {
    const a = jdlens(['analyze', fixture('postings/zh-general-pm-tools.txt'), '--out', '/proc/r.json']);
    expect(a.code).toBe(4);
    expect(a.stderr).toBe('jdlens: cannot write the report to /proc/r.json (ENOENT)\n');
    for (const args of [[fixture('postings/zh-general-pm-tools.txt')], [fixture('folder/en'), '--json']]) {
      const r = spawnSync('bash', ['-c', `${process.execPath} ${BIN} analyze ${args.join(' ')} > /dev/full`], { encoding: 'utf8' });
      expect(r.status).toBe(4);
      expect(r.stderr).toBe('jdlens: cannot write the report to standard output (no space left on the device)\n');
    }
  });
});

describe('inputs read right', () => {
  it('a front-matter title counts like a first-line title', () => {
    const fm = parseReport(jdlens(['analyze', '--json'], { input: '---\ntitle: AI产品经理\n---\n负责 Agent 产品规划。' }).stdout).postings[0];
    const d = tmp();
    writeFileSync(join(d, 'p.jsonl'), `${JSON.stringify({ id: 'x', title: 'AI产品经理', text: '负责 Agent 产品规划。' })}\n`);
    const jl = parseReport(jdlens(['analyze', join(d, 'p.jsonl'), '--json']).stdout).postings[0];
    expect(fm.title).toBe('AI产品经理');
    expect(fm.category.id).not.toBe('not-pm');
    expect(fm.category.id).toBe(jl.category.id);
  });

  it('"-" reads standard input among files', () => {
    const r = jdlens(['analyze', fixture('postings/zh-general-pm-tools.txt'), '-', '--json'], { input: readFileSync(fixture('postings/en-general-pm-esignature.txt')) });
    expect(r.code).toBe(0);
    expect(parseReport(r.stdout).postings.map((p: { source: string }) => p.source)).toEqual([fixture('postings/zh-general-pm-tools.txt'), '<stdin>']);
  });

  it('a text with no sign of a job posting is an error, not a guess: alone exit 2, in a folder an errors entry', () => {
    const one = jdlens(['analyze'], { input: 'hello' });
    expect(one.code).toBe(2);
    expect(one.stdout).toBe('');
    expect(one.stderr).toBe('jdlens: <stdin>: reads as no job posting (no role, no section, no skill, no requirement)\n');
    const d = tmp();
    writeFileSync(join(d, 'hello.txt'), 'hello');
    copyFileSync(fixture('postings/zh-general-pm-tools.txt'), join(d, 'pm.txt'));
    const r = jdlens(['analyze', d, '--json']);
    expect(r.code).toBe(3);
    expect(parseReport(r.stdout).errors).toEqual([{ source: join(d, 'hello.txt'), code: 'not-a-posting', message: `${join(d, 'hello.txt')}: reads as no job posting (no role, no section, no skill, no requirement)` }]);
  });

  it('an empty folder: exit 2 and nothing on stdout, in JSON and text', () => {
    const d = tmp();
    for (const args of [[d, '--json'], [d]]) {
      const r = jdlens(['analyze', ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('jdlens: no posting files found (.txt, .md, .html, .json, .jsonl)\n');
    }
  });

  it('the template `profile init` writes is a valid profile as it is', () => {
    const d = tmp();
    const f = join(d, 'me.yaml');
    writeFileSync(f, jdlens(['profile', 'init']).stdout);
    const r = jdlens(['analyze', fixture('postings/zh-general-pm-tools.txt'), '--profile', f]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/匹配度：\d+\/100/);
  });

  it('a résumé gives its years from its dates, and every strength is counted on screen', () => {
    const now = new Date('2026-11-30');
    expect(yearsFromDates(['### 某公司 · 产品经理 2021.07 – 至今（4年）'], now)).toBe(5);
    expect(yearsFromDates(['Acme · PM · Mar 2019 - present'], now)).toBe(7);
    expect(yearsFromDates(['2013–2017 北京大学 本科', '2017.07 - 2019.07 某公司 产品助理'], now)).toBe(2);
    expect(yearsFromDates(['hello'], now)).toBeUndefined();
    const d = tmp();
    const resume = join(d, 'cv.md');
    writeFileSync(resume, '# 李雷\n## 工作经历\n### 某内容平台 · 产品经理 2019.03 – 至今\n- 负责推荐策略与 AB 实验，撰写 PRD，绘制原型\n- 竞品分析、用户调研、数据分析（SQL），推动跨团队项目管理\n- 用 ChatGPT 做过提示词工程与 RAG 知识库 Demo\n- 负责产品规划与路线图，跟踪指标体系与用户增长，沟通协调，责任心强，抗压\n- 工具类产品：图片编辑工具的功能规划与迭代，主导 0 到 1 的产品孵化与 MVP 验证\n- 跟踪行业动态，善于发现和解决问题，结果导向\n');
    const r = jdlens(['analyze', fixture('postings/zh-general-pm-tools.txt'), '--resume', resume]);
    expect(r.code, r.stderr).toBe(0);
    const m = /你的优势 \((\d+)\)\n((?: {2}.*\n)+)/.exec(r.stdout);
    expect(m).not.toBeNull();
    const shown = m![2]!.split('\n').filter((l) => l.startsWith('  ✓')).length;
    const total = Number(m![1]);
    expect(total).toBeGreaterThan(shown);
    expect(m![2]).toContain(`… ${total - shown} 项未列出`);
    const j = parseReport(jdlens(['analyze', fixture('postings/zh-general-pm-tools.txt'), '--resume', resume, '--json']).stdout).postings[0];
    const years = j.requirementGaps.find((g: { kind: string }) => g.kind === 'years');
    expect(years.held).toBeGreaterThanOrEqual(7);
    expect(years.met).toBe(true);
  });
});

describe('folder of the project itself', () => {
  it('holds no temporary file after all this', () => {
    expect(readdirSync(ROOT).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(ROOT, 'model.json'))).toBe(false);
  });
});
