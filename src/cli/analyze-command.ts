import { createHash } from 'node:crypto';
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { analyze, type Analyzer } from '../analyze.js';
import { EXIT, JdlensError } from '../errors.js';
import type { Lang, SourceText } from '../model.js';
import { loadProfile } from '../profile/load.js';
import { mergeReaders, readResume } from '../profile/resume.js';
import type { Reader } from '../profile/types.js';
import { listPostingFiles, readOne, readPostings, type Entry } from '../read/collect.js';
import { readPostingStream } from '../read/input.js';
import { Pool } from '../batch/pool.js';
import { processPosting, readerToData, withGaps, type Done, type Job } from '../batch/process.js';
import { availableParallelism } from 'node:os';
import { atomicFileSink, streamSink, type Sink } from '../report/sink.js';
import type { DuplicateOut, ErrorOut } from '../report/types.js';
import { createWriter, type Format } from '../report/writers.js';
import { SummaryBuilder } from '../summary/summary.js';
import { loadAnalyzer } from '../taxonomy/compiled.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/load.js';
import { startProgress } from './progress.js';
import { toolInfo } from './version.js';

export interface AnalyzeOptions {
  json?: boolean;
  taxonomy?: string;
  lang?: string;
  color?: boolean;
  profile?: string;
  resume?: string;
  out?: string;
  format?: string;
  verbose?: boolean;
  jobs?: string;
}

export interface CommandIO {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

function parseLang(v: string | undefined): Lang | undefined {
  if (v === undefined) return undefined;
  if (v === 'zh' || v === 'en') return v;
  throw new JdlensError('usage', `--lang takes zh or en, not "${v}"`);
}

function parseFormat(opts: AnalyzeOptions): Format {
  const f = opts.format ?? (opts.json ? 'json' : opts.out ? ({ '.json': 'json', '.md': 'md', '.markdown': 'md' } as Record<string, Format>)[extname(opts.out).toLowerCase()] ?? 'text' : 'text');
  if (f !== 'json' && f !== 'md' && f !== 'text') throw new JdlensError('usage', `--format takes json, md or text, not "${f}"`);
  if (opts.json && f !== 'json') throw new JdlensError('usage', '--json and --format disagree');
  return f;
}

/** --out must be writable before any work starts. */
function checkOut(out: string): void {
  const dir = dirname(resolve(out));
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new JdlensError('output', `${out}: folder ${dir} does not exist`);
  }
  if (!st.isDirectory()) throw new JdlensError('output', `${out}: ${dir} is not a folder`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new JdlensError('output', `${out}: folder ${dir} is not writable`);
  }
  try {
    if (statSync(out).isDirectory()) throw new JdlensError('output', `${out}: is a directory`);
  } catch (err) {
    if (err instanceof JdlensError) throw err;
  }
}

async function loadReader(opts: AnalyzeOptions, analyzer: Analyzer): Promise<Reader | undefined> {
  const profile = opts.profile ? loadProfile(opts.profile, analyzer.taxonomy) : undefined;
  const resume = opts.resume ? readResume(await readOne(opts.resume), analyzer) : undefined;
  return mergeReaders(profile, resume);
}


const BATCH = 16;

/** --jobs: how many worker threads; by default as many as cores (at most 4) for 32 postings or more. */
function parseJobs(v: string | undefined, files: string[]): number {
  if (v !== undefined) {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new JdlensError('usage', `--jobs takes a whole number from 1 to 64, not "${v}"`);
    return n;
  }
  const many = files.length >= 32 || files.some((f) => extname(f).toLowerCase() === '.jsonl' && fileSize(f) > 64 * 1024);
  return many ? Math.min(4, availableParallelism()) : 1;
}

function fileSize(f: string): number {
  try {
    return statSync(f).size;
  } catch {
    return 0;
  }
}

/** Identical postings (after NFKC and white space) are analysed once. */
function textKey(text: string): string {
  return createHash('sha1').update(text.normalize('NFKC').replace(/\s+/g, ' ').trim()).digest('hex');
}

/** A single file that is not JSONL: its errors are the command's errors (exit 2). */
function isSingleFile(inputs: string[]): boolean {
  if (inputs.length !== 1) return false;
  const p = inputs[0]!;
  if (p === '-') return true;
  if (extname(p).toLowerCase() === '.jsonl') return false;
  try {
    return !statSync(p).isDirectory();
  } catch {
    return true;
  }
}

/**
 * `jdlens analyze [inputs…]`: one posting (a file, "-", or stdin), or many (folders, several files,
 * JSONL) with a summary. Returns the exit code: 0 all analysed, 3 some failed, 2 none could be.
 */
export async function runAnalyze(inputs: string[], opts: AnalyzeOptions, io: CommandIO, usage: () => string): Promise<number> {
  const lang = parseLang(opts.lang);
  const format = parseFormat(opts);
  if (inputs.length === 0 && io.stdin.isTTY) throw new JdlensError('usage', `no posting given: pass a file or folder, or pipe one in\n${usage()}`);
  if (opts.out) checkOut(opts.out);
  const analyzer = loadAnalyzer(opts.taxonomy ?? DEFAULT_TAXONOMY);
  const reader = await loadReader(opts, analyzer);
  const single = inputs.length === 0 || isSingleFile(inputs);

  // a single posting is read before anything is written: its errors end the run with nothing written
  let singlePosting: SourceText | undefined;
  if (single) singlePosting = inputs.length === 0 || inputs[0] === '-' ? await readPostingStream(io.stdin) : await readOne(inputs[0]!);

  const sink: Sink = opts.out ? atomicFileSink(opts.out) : streamSink(io.stdout);
  let pool: Pool | undefined;
  const stopSignals = onInterrupt(
    () => sink.abort(),
    () => pool?.close(),
  );
  try {
    const writer = await createWriter(format, {
      sink,
      tool: toolInfo(),
      taxonomy: analyzer.taxonomy,
      ...(lang ? { lang } : {}),
      colorStream: io.stdout,
      color: opts.out ? false : opts.color,
      batch: !single,
    });
    if (singlePosting) {
      writer.posting(withGaps(analyze(singlePosting, analyzer).report, reader, analyzer));
      writer.end([], [], undefined);
      sink.close();
      return EXIT.ok;
    }

    const walk = listPostingFiles(inputs);
    if (opts.verbose) for (const s of walk.skipped) io.stderr.write(`jdlens: skipped ${s.path}: ${s.reason}\n`);
    const summary = new SummaryBuilder(analyzer.taxonomy);
    const errors: ErrorOut[] = [];
    const duplicates: DuplicateOut[] = [];
    const seen = new Map<string, string>();
    // a spinner and a report on one terminal would trample each other
    const progress = await startProgress(io.stderr, walk.files.length, !io.stdout.isTTY || Boolean(opts.out));
    const fail = (e: Extract<Entry, { ok: false }>) => {
      errors.push({ source: e.source, code: e.error.code, message: e.error.message });
      summary.error();
      io.stderr.write(`jdlens: ${e.error.message}\n`);
    };
    walk.errors.forEach((e) => {
      if (!e.ok) fail(e);
    });
    let analysed = 0;
    let files = 0;
    // worker threads where they pay: enough postings to outweigh each worker's start-up
    const jobs = parseJobs(opts.jobs, walk.files);
    const asJson = format === 'json';
    const processOpts = { analyzer, reader, asJson };
    pool = jobs > 1 ? new Pool(jobs, { taxonomy: opts.taxonomy ?? DEFAULT_TAXONOMY, ...(reader ? { reader: readerToData(reader) } : {}), asJson }) : undefined;
    let seq = 0;
    let batch: Job[] = [];
    const inFlight: Promise<Done[]>[] = [];
    const dispatch = () => {
      if (!batch.length) return;
      const jobsNow = batch;
      batch = [];
      inFlight.push(pool ? pool.run(jobsNow) : Promise.resolve(jobsNow.map((j) => processPosting(j, processOpts))));
    };
    const handle = (dones: Done[]) => {
      for (const d of dones) {
        summary.add(d.summary);
        if (d.json !== undefined && writer.postingJson) writer.postingJson(d.json);
        else if (d.report) writer.posting(d.report);
        analysed++;
      }
    };
    let lastFile = '';
    for await (const entry of readPostings(walk.files)) {
      const file = (entry.ok ? entry.posting.source : entry.source).replace(/#[^#/\\]*$/, '');
      if (file !== lastFile) {
        lastFile = file;
        progress.tick(++files);
      }
      if (!entry.ok) {
        fail(entry);
        continue;
      }
      const key = textKey(entry.posting.text);
      const first = seen.get(key);
      if (first !== undefined) {
        duplicates.push({ source: entry.posting.source, duplicateOf: first });
        summary.duplicate();
        continue;
      }
      seen.set(key, entry.posting.source);
      batch.push({ seq: seq++, posting: entry.posting });
      if (batch.length >= BATCH) dispatch();
      // bounded work in flight: memory stays flat however large the folder
      while (inFlight.length > 2 * jobs + 2) handle(await inFlight.shift()!);
    }
    dispatch();
    while (inFlight.length) handle(await inFlight.shift()!);
    await pool?.close();
    progress.stop();
    writer.end(errors, duplicates, summary.build());
    sink.close();
    if (analysed === 0 && errors.length === 0 && duplicates.length === 0) {
      io.stderr.write('jdlens: no posting files found (.txt, .md, .html, .json, .jsonl)\n');
      return EXIT.usage;
    }
    return errors.length === 0 ? EXIT.ok : analysed > 0 ? EXIT.partial : EXIT.usage;
  } catch (err) {
    sink.abort();
    throw err;
  } finally {
    stopSignals();
  }
}

/**
 * SIGINT/SIGTERM: drop the half-written report at once (any previous one stays intact), let the
 * worker threads finish the batch they hold (a fraction of a second), exit 130/143.
 */
function onInterrupt(cleanup: () => void, stopWorkers: () => Promise<void> | undefined): () => void {
  const handler = (signal: NodeJS.Signals) => {
    cleanup();
    process.stderr.write(`jdlens: interrupted (${signal}); no report written\n`);
    const code = signal === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
    const stopping = stopWorkers();
    if (!stopping) process.exit(code);
    const force = setTimeout(() => process.exit(code), 3000);
    void stopping.then(() => {
      clearTimeout(force);
      process.exit(code);
    });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
