import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { extname } from 'node:path';
import { segmentPosting, type Analyzer, type Segmented } from '../analyze.js';
import type { SourceText } from '../model.js';
import type { Reader } from '../profile/types.js';
import { readPostings, type Entry } from '../read/collect.js';
import type { DuplicateOut, ErrorOut } from '../report/types.js';
import { SummaryBuilder, type Summary } from '../summary/summary.js';
import { Pool } from './pool.js';
import { injectedFault, processPosting, readerToData, type Done, type Job } from './process.js';

/** Postings sent to a worker at a time. */
const BATCH = 16;

export interface BatchOptions {
  analyzer: Analyzer;
  /** the taxonomy file, for worker threads to load the same analyzer */
  taxonomyFile: string;
  reader: Reader | undefined;
  /** reports as JSON text (cheaper across threads) rather than objects */
  asJson: boolean;
  /** worker threads that analyse (0: this thread analyses, between reading and writing) */
  workers: number;
  /** the pool, once there is one: an interrupted run stops it */
  onPool?: (pool: Pool) => void;
  /** aborted on SIGINT/SIGTERM: no posting is begun after it */
  signal?: AbortSignal;
  /** standard input, for "-" among the inputs */
  stdin?: NodeJS.ReadableStream;
}

export interface BatchEvents {
  /** each posting done, in input order */
  posting(done: Done): void;
  /** each input that could not be read, as it is met */
  error(error: ErrorOut): void;
  /** the number of files begun so far */
  file(n: number): void;
}

export interface BatchResult {
  analysed: number;
  errors: ErrorOut[];
  duplicates: DuplicateOut[];
  summary: Summary;
}

/**
 * The worker threads for --jobs N: none for 1 (this thread analyses), N for more. By default, for 32
 * postings or more, one per core but the one this thread needs to read the postings and write the
 * reports (at least one, at most 4): on two cores one worker analyses while this thread reads and
 * writes, and two would only take turns with it.
 */
export function chooseWorkers(requested: number | undefined, files: string[]): number {
  if (requested !== undefined) return requested > 1 ? requested : 0;
  const big = (f: string) => {
    try {
      return extname(f).toLowerCase() === '.jsonl' && statSync(f).size > 64 * 1024;
    } catch {
      return false;
    }
  };
  return files.length >= 32 || files.some(big) ? Math.min(4, Math.max(1, availableParallelism() - 1)) : 0;
}

/** Identical postings (after NFKC and white space) are analysed once. */
function textKey(text: string): string {
  return createHash('sha1').update(text.normalize('NFKC').replace(/\s+/g, ' ').trim()).digest('hex');
}

/**
 * A posting segmented here for the worker; undefined when that fails, and the worker reads it from
 * its text (where a failure is that posting's error, never the run's).
 */
function segmentedHere(posting: SourceText, analyzer: Analyzer): Segmented | undefined {
  try {
    if (injectedFault('segment', posting.text)) throw new Error('injected fault');
    return segmentPosting(posting.text, analyzer);
  } catch {
    return undefined;
  }
}

/**
 * Many postings through the pipeline: read in order, duplicates set aside, analysed in worker
 * threads (or here), handed back in input order, counted for the summary. A bounded number of
 * postings is in flight at any time, so memory stays flat however large the folder.
 */
export async function runBatch(files: string[], readErrors: Entry[], opts: BatchOptions, events: BatchEvents): Promise<BatchResult> {
  // Over a folder the engine's optimising compiler spends more time inlining the hot functions of
  // the pipeline into one another than the inlined code saves in a run of seconds (measured: about a
  // tenth of a folder's time, the README's design notes). Process-wide: worker threads too.
  setFlagsFromString('--no-turbo-inlining');
  const summary = new SummaryBuilder(opts.analyzer.taxonomy);
  const errors: ErrorOut[] = [];
  const duplicates: DuplicateOut[] = [];
  const seen = new Map<string, string>();
  const fail = (e: Extract<Entry, { ok: false }>) => {
    const out = { source: e.source, code: e.error.code, message: e.error.message };
    errors.push(out);
    summary.error();
    events.error(out);
  };
  for (const e of readErrors) if (!e.ok) fail(e);

  const processOpts = { analyzer: opts.analyzer, reader: opts.reader, asJson: opts.asJson };
  const pool =
    opts.workers > 0 ? new Pool(opts.workers, { taxonomy: opts.taxonomyFile, model: opts.analyzer.model?.file ?? false, ...(opts.reader ? { reader: readerToData(opts.reader) } : {}), asJson: opts.asJson }) : undefined;
  if (pool) opts.onPool?.(pool);
  // with one worker, this thread would mostly wait for it between reading and writing: it segments
  // each posting (normalise → segment) and the worker goes on from its tokens (match → … → report)
  // (with more workers this thread has less time to spare, and they segment their own)
  const segmentHere = pool !== undefined && opts.workers === 1;
  let analysed = 0;
  let seq = 0;
  let batch: Job[] = [];
  const inFlight: Promise<Done[]>[] = [];
  // a batch a failed worker held: each of its postings an error, never the whole run
  const failed = (jobs: Job[], err: unknown): Done[] =>
    jobs.map((j) => ({ seq: j.seq, error: { source: j.posting.source, code: 'worker', message: `${j.posting.source}: the analysis failed in a worker thread (${err instanceof Error ? err.message : String(err)})` } }));
  const dispatch = () => {
    if (!batch.length) return;
    const jobs = batch;
    batch = [];
    // once a worker has failed, this thread does the rest
    inFlight.push(pool && !pool.broken ? pool.run(jobs).catch((err: unknown) => failed(jobs, err)) : Promise.resolve(jobs.map((j) => processPosting(j, processOpts))));
  };
  const handle = (dones: Done[]) => {
    for (const d of dones) {
      if (d.error) {
        errors.push(d.error);
        summary.error();
        events.error(d.error);
        continue;
      }
      summary.add(d.summary!);
      events.posting(d);
      analysed++;
    }
  };
  // the analysis on this thread is synchronous: let the event loop turn between batches, so that a
  // signal is heard within one batch
  const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

  try {
    let begun = 0;
    let lastFile = '';
    for await (const entry of readPostings(files, opts.stdin)) {
      if (opts.signal?.aborted) break;
      const file = (entry.ok ? entry.posting.source : entry.source).replace(/#[^#/\\]*$/, '');
      if (file !== lastFile) {
        lastFile = file;
        events.file(++begun);
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
      const segmented = segmentHere ? segmentedHere(entry.posting, opts.analyzer) : undefined;
      batch.push(segmented ? { seq: seq++, posting: entry.posting, segmented } : { seq: seq++, posting: entry.posting });
      if (batch.length >= BATCH) {
        dispatch();
        if (!pool || pool.broken) await breathe();
      }
      while (inFlight.length > 2 * Math.max(1, opts.workers) + 2) handle(await inFlight.shift()!);
    }
    if (!opts.signal?.aborted) dispatch();
    while (inFlight.length && !opts.signal?.aborted) handle(await inFlight.shift()!);
  } finally {
    await pool?.close();
  }
  return { analysed, errors, duplicates, summary: summary.build() };
}
