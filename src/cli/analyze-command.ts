import { accessSync, constants, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { analyzePosting, type Analyzer } from '../analyze.js';
import type { Pool } from '../batch/pool.js';
import { withGaps } from '../batch/process.js';
import { EXIT, JdlensError } from '../errors.js';
import type { Lang, SourceText } from '../model.js';
import type { Reader } from '../profile/types.js';
import { listPostingFiles, readOne } from '../read/collect.js';
import { readPostingStream } from '../read/input.js';
import { atomicFileSink, streamSink, type Sink } from '../report/sink.js';
import { createWriter, type Format } from '../report/writers.js';
import { loadAnalyzer } from '../taxonomy/compiled.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/load.js';
import { startProgress } from './progress.js';
import { toolInfo } from './version.js';

export interface AnalyzeOptions {
  json?: boolean;
  taxonomy?: string;
  model?: string;
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
  const l = v.toLowerCase();
  if (l === 'zh' || l === 'en') return l;
  throw new JdlensError('usage', `--lang takes zh or en, not "${v}"`);
}

function parseFormat(opts: AnalyzeOptions): Format {
  const byExt = opts.out ? ({ '.json': 'json', '.md': 'md', '.markdown': 'md', '.txt': 'text', '.html': 'html', '.htm': 'html' } as Record<string, Format>)[extname(opts.out).toLowerCase()] : undefined;
  const f = opts.format ?? (opts.json ? 'json' : (byExt ?? 'text'));
  if (f !== 'json' && f !== 'md' && f !== 'text' && f !== 'html') throw new JdlensError('usage', `--format takes json, md, text or html, not "${f}"`);
  if (opts.json && f !== 'json') throw new JdlensError('usage', '--json and --format disagree');
  if (opts.json && !opts.format && byExt && byExt !== 'json') throw new JdlensError('usage', `--json writes JSON, but --out ${opts.out} names a ${byExt === 'md' ? 'Markdown' : byExt === 'html' ? 'HTML' : 'text'} file: give --out a .json name, or leave out --json`);
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
  if (!opts.profile && !opts.resume) return undefined;
  const [{ loadProfile }, { mergeReaders, readResume }] = await Promise.all([import('../profile/load.js'), import('../profile/resume.js')]);
  const profile = opts.profile ? loadProfile(opts.profile, analyzer.taxonomy) : undefined;
  const resume = opts.resume ? readResume(await readOne(opts.resume), analyzer) : undefined;
  return mergeReaders(profile, resume);
}


/** --jobs: how many threads analyse (1: this one), or undefined to let the batch choose. */
function parseJobs(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new JdlensError('usage', `--jobs takes a whole number from 1 to 64, not "${v}"`);
  return n;
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
  const analyzer = loadAnalyzer(opts.taxonomy ?? DEFAULT_TAXONOMY, opts.model ? { model: opts.model } : {});
  const reader = await loadReader(opts, analyzer);
  const single = inputs.length === 0 || isSingleFile(inputs);
  if (inputs.filter((i) => i === '-').length > 1) throw new JdlensError('usage', 'standard input ("-") can be read once only');

  // a single posting is read before anything is written: its errors end the run with nothing written
  let singlePosting: SourceText | undefined;
  if (single) singlePosting = inputs.length === 0 || inputs[0] === '-' ? await readPostingStream(io.stdin) : await readOne(inputs[0]!);

  // folder runs need the batch machinery (threads, hashing); a single posting does not
  const walk = single ? undefined : listPostingFiles(inputs);
  if (walk && walk.files.length === 0 && walk.errors.length === 0) {
    if (opts.verbose) for (const s of walk.skipped) io.stderr.write(`jdlens: skipped ${s.path}: ${s.reason}\n`);
    // nothing to report: no all-zero market picture on stdout
    io.stderr.write('jdlens: no posting files found (.txt, .md, .html, .json, .jsonl)\n');
    return EXIT.usage;
  }

  // a single posting is analysed before anything is written: its errors end the run with nothing written
  const singleReport = singlePosting ? withGaps(analyzePosting(singlePosting, analyzer).report, reader, analyzer) : undefined;
  const sink: Sink = opts.out ? atomicFileSink(opts.out) : streamSink(io.stdout);
  let pool: Pool | undefined;
  const interrupt = new AbortController();
  const stopSignals = onInterrupt(
    () => {
      interrupt.abort();
      sink.abort();
    },
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
    if (singleReport) {
      writer.posting(singleReport);
      writer.end([], [], undefined);
      sink.close();
      return EXIT.ok;
    }

    const { chooseWorkers, runBatch } = await import('../batch/run.js');
    if (opts.verbose) for (const s of walk!.skipped) io.stderr.write(`jdlens: skipped ${s.path}: ${s.reason}\n`);
    // a spinner and a report on one terminal would trample each other
    const progress = await startProgress(io.stderr, walk!.files.length, !io.stdout.isTTY || Boolean(opts.out));
    let result;
    try {
      result = await runBatch(
        walk!.files,
        walk!.errors,
        {
          analyzer,
          taxonomyFile: opts.taxonomy ?? DEFAULT_TAXONOMY,
          reader,
          asJson: format === 'json',
          workers: chooseWorkers(parseJobs(opts.jobs), walk!.files.filter((f) => f !== '-')),
          onPool: (p) => (pool = p),
          signal: interrupt.signal,
          stdin: io.stdin,
        },
        {
          posting: (d) => {
            progress.posting();
            if (d.json !== undefined && writer.postingJson) writer.postingJson(d.json);
            else if (d.report) writer.posting(d.report);
          },
          error: (e) => io.stderr.write(`jdlens: ${e.message}\n`),
          file: (n) => progress.tick(n),
        },
      );
    } finally {
      progress.stop();
    }
    // interrupted: the signal handler ends the process; write nothing more
    if (interrupt.signal.aborted) return new Promise<number>(() => undefined);
    const { analysed, errors, duplicates } = result;
    if (analysed === 0 && errors.length === 0 && duplicates.length === 0) {
      sink.abort();
      io.stderr.write('jdlens: no posting files found (.txt, .md, .html, .json, .jsonl)\n');
      return EXIT.usage;
    }
    writer.end(result.errors, result.duplicates, result.summary);
    sink.close();
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
