// npm run bench: jdlens against its references, measured in one run so the figures are ratios
// that hold on any machine. It builds its own corpus from the shared corpus ($JDLENS_CORPUS, else
// ../shared/corpus, read in place) and fixtures/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/jdlens.js');
const CORPUS = resolve(process.env.JDLENS_CORPUS ?? join(ROOT, '../shared/corpus'));
if (!existsSync(join(CORPUS, 'bulk'))) {
  process.stderr.write(`jdlens bench: no corpus at ${CORPUS}: put the shared corpus (dev/, bulk/) there, or set JDLENS_CORPUS to where it is\n`);
  process.exit(2);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const work = mkdtempSync(join(tmpdir(), 'jdlens-bench-'));
const RSS_PRELOAD = join(work, 'rss.cjs');
// every measured command is a node process: a preload reports its peak resident memory at exit
writeFileSync(RSS_PRELOAD, "process.on('exit', () => { require('fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)); });\n");

interface Run {
  wall: number;
  rss: number;
}

function measure(args: string[], stdoutToNull = true): Run {
  const rssFile = join(work, `rss-${process.hrtime.bigint()}`);
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', stdoutToNull ? 'ignore' : 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: `--require ${RSS_PRELOAD}`, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    maxBuffer: 1 << 30,
  });
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0 && r.status !== 3) throw new Error(`${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 400)}`);
  const rss = Number(readFileSync(rssFile, 'utf8')) / 1024;
  return { wall, rss };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function coldStart(args: string[]): Run {
  measure(args); // one run to warm the file cache
  const runs = Array.from({ length: RUNS }, () => measure(args));
  return { wall: median(runs.map((r) => r.wall)), rss: median(runs.map((r) => r.rss)) };
}

/** Real postings: dev, fixtures and both bulk files. */
function realPostings(): string[] {
  const out: string[] = [];
  for (const lang of ['zh', 'en']) for (const f of readdirSync(join(CORPUS, 'dev', lang))) out.push(readFileSync(join(CORPUS, 'dev', lang, f), 'utf8'));
  for (const f of readdirSync(join(ROOT, 'fixtures/postings'))) out.push(readFileSync(join(ROOT, 'fixtures/postings', f), 'utf8'));
  for (const f of readdirSync(join(CORPUS, 'bulk'))) {
    for (const line of readFileSync(join(CORPUS, 'bulk', f), 'utf8').split('\n')) {
      if (!line) continue;
      const t = (JSON.parse(line) as { text: string }).text;
      if (t.trim().length > 20) out.push(t);
    }
  }
  return out;
}

/** A folder of n postings: the real ones repeated, each varied by a line so that none is a duplicate. */
function buildFolder(n: number, pool: string[]): { dir: string; bytes: number } {
  const dir = join(work, `folder-${n}`);
  mkdirSync(dir);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const text = `${pool[i % pool.length]}\n(posting ${i})\n`;
    bytes += Buffer.byteLength(text);
    const sub = join(dir, String(Math.floor(i / 1000)));
    if (i % 1000 === 0) mkdirSync(sub);
    writeFileSync(join(sub, `p${String(i).padStart(6, '0')}.txt`), text);
  }
  return { dir, bytes };
}

function rawSegmentation(dir: string): { perSec: number; mbPerSec: number } {
  const script = join(work, 'raw.cjs');
  writeFileSync(
    script,
    `const fs=require('fs'),path=require('path');const jieba=require(${JSON.stringify(join(ROOT, 'node_modules/nodejieba'))});
const texts=[];(function walk(d){for(const f of fs.readdirSync(d).sort()){const p=path.join(d,f);if(fs.statSync(p).isDirectory())walk(p);else texts.push(fs.readFileSync(p,'utf8'));}})(${JSON.stringify(dir)});
jieba.cut('测试',true);const bytes=texts.reduce((n,t)=>n+Buffer.byteLength(t),0);
const t=process.hrtime.bigint();let k=0;for(const x of texts)k+=jieba.cut(x,true).length;const s=Number(process.hrtime.bigint()-t)/1e9;
process.stdout.write(JSON.stringify({perSec:texts.length/s,mbPerSec:bytes/1e6/s}));`,
  );
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  return JSON.parse(r.stdout) as { perSec: number; mbPerSec: number };
}

const fmt = (x: number, d = 2) => x.toFixed(d);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const lines: string[] = [];
const say = (s = '') => {
  lines.push(s);
  process.stdout.write(`${s}\n`);
};

function main(): number {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('build first: npm run build');
  say(`jdlens benchmark — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, ${RUNS} runs per cold start (median)`);
  say();
  const zh = join(ROOT, 'fixtures/postings/zh-model-side-platform.txt');
  const en = join(ROOT, 'fixtures/postings/en-traditional-ai-recommendations.txt');
  const zhRun = coldStart([BIN, 'analyze', zh, '--json']);
  const enRun = coldStart([BIN, 'analyze', en, '--json']);
  const jiebaRun = coldStart(['-e', "require('nodejieba').cut('测试', true)"]);
  const nodeRun = coldStart(['-e', '0']);
  let failures = 0;
  const check = (ok: boolean) => {
    if (!ok) failures++;
    return verdict(ok);
  };
  say('1. Cold start                                   wall s   peak MiB');
  say(`   node -e 0                                   ${fmt(nodeRun.wall, 3).padStart(7)}   ${fmt(nodeRun.rss, 0).padStart(7)}`);
  say(`   nodejieba default cut('测试', true)          ${fmt(jiebaRun.wall, 3).padStart(7)}   ${fmt(jiebaRun.rss, 0).padStart(7)}`);
  say(`   jdlens analyze <Chinese posting> --json     ${fmt(zhRun.wall, 3).padStart(7)}   ${fmt(zhRun.rss, 0).padStart(7)}`);
  say(`   jdlens analyze <English posting> --json     ${fmt(enRun.wall, 3).padStart(7)}   ${fmt(enRun.rss, 0).padStart(7)}`);
  const zhWall = zhRun.wall / jiebaRun.wall;
  const zhRss = zhRun.rss / jiebaRun.rss;
  const enWall = enRun.wall / nodeRun.wall;
  say(`   Chinese: ${fmt(zhWall)} × nodejieba wall (target ≤ 0.30) ${check(zhWall <= 0.3)}; ${fmt(zhRss)} × its memory (target ≤ 0.40) ${check(zhRss <= 0.4)}`);
  say(`   English: ${fmt(enWall)} × node -e 0 wall (target ≤ 2.50) ${check(enWall <= 2.5)}`);
  say();

  const pool = realPostings();
  const n5 = Number(process.env.BENCH_FOLDER ?? 5000);
  const n20 = Number(process.env.BENCH_FOLDER_LARGE ?? 20000);
  const f5 = buildFolder(n5, pool);
  const raw = rawSegmentation(f5.dir);
  const run5 = measure([BIN, 'analyze', f5.dir, '--json']);
  const perSec = n5 / run5.wall;
  const mbPerSec = f5.bytes / 1e6 / run5.wall;
  say(`2. Folder throughput (${n5} postings, ${fmt(f5.bytes / 1e6, 1)} MB, from ${pool.length} real ones)`);
  say(`   nodejieba raw cut(text, true), one process  ${fmt(raw.perSec, 0).padStart(7)} postings/s  ${fmt(raw.mbPerSec).padStart(6)} MB/s`);
  say(`   jdlens analyze <folder> --json > /dev/null   ${fmt(perSec, 0).padStart(7)} postings/s  ${fmt(mbPerSec).padStart(6)} MB/s  (${fmt(run5.wall)} s, whole process)`);
  const ratio = perSec / raw.perSec;
  say(`   ${fmt(ratio)} × raw segmentation (target ≥ 0.60) ${check(ratio >= 0.6)}`);
  say();

  const f20 = buildFolder(n20, pool);
  const run20 = measure([BIN, 'analyze', f20.dir, '--json']);
  const growth = run20.rss / run5.rss;
  say('3. Peak memory by folder size');
  say(`   ${n5} postings: ${fmt(run5.rss, 0)} MiB; ${n20} postings: ${fmt(run20.rss, 0)} MiB`);
  // start-up and warming up weigh less in a longer run: its throughput, for comparison only
  say(`   (the ${n20}-posting run: ${fmt(n20 / run20.wall, 0)} postings/s, ${fmt(n20 / run20.wall / raw.perSec)} × raw segmentation, ${fmt(run20.wall)} s)`);
  say(`   ${fmt(growth)} × (target ≤ 1.30) ${check(growth <= 1.3)}`);
  say();
  say(failures ? `${failures} target(s) missed` : 'all targets met');
  rmSync(work, { recursive: true, force: true });
  return failures ? 1 : 0;
}

process.exitCode = main();
