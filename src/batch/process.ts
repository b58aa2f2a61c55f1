import { analyzePosting, type Analyzer, type Segmented } from '../analyze.js';
import { computeGaps } from '../gaps/gaps.js';
import type { SourceText } from '../model.js';
import type { HeldSkill, Reader } from '../profile/types.js';
import type { ErrorOut, PostingReport } from '../report/types.js';
import { isJdlensError } from '../errors.js';
import { summaryInput, type SummaryInput } from '../summary/summary.js';

export interface Job {
  seq: number;
  posting: SourceText;
  /** its normalised text and tokens, when the thread that sent it read it that far (segmentPosting) */
  segmented?: Segmented;
}

// Fault injection for the tests: JDLENS_TEST_WORKER_FAULT=<kind>:<text> makes a posting holding
// <text> fail at one place — throw (its analysis in a worker throws), exit (the worker thread exits),
// segment (the main thread's segmenting it for the worker throws).
const [faultKind, faultText] = (process.env.JDLENS_TEST_WORKER_FAULT ?? '').split(/:(.*)/s);

/** Whether the tests asked for a fault of this kind on a posting holding this text. */
export const injectedFault = (kind: 'throw' | 'exit' | 'segment', text: string): boolean => faultKind === kind && !!faultText && text.includes(faultText);

/** One posting done: its report (as an object, or already as JSON text) and what the summary counts. */
export interface Done {
  seq: number;
  report?: PostingReport;
  json?: string;
  summary?: SummaryInput;
  /** the posting could not be analysed (not a posting, a failed worker …) */
  error?: ErrorOut;
}

export interface ProcessOptions {
  analyzer: Analyzer;
  reader: Reader | undefined;
  /** the report as compact JSON text rather than an object (cheaper across threads) */
  asJson: boolean;
}

export function withGaps(report: PostingReport, reader: Reader | undefined, analyzer: Analyzer): PostingReport {
  if (!reader) return report;
  const g = computeGaps(report, reader, analyzer.taxonomy);
  return { ...report, fit: g.fit, gaps: g.gaps, requirementGaps: g.requirementGaps, strengths: g.strengths };
}

/** read → … → gaps for one posting, the same in the main thread and in a worker. */
export function processPosting(job: Job, opts: ProcessOptions): Done {
  let report: PostingReport;
  try {
    report = withGaps(analyzePosting(job.posting, opts.analyzer, job.segmented).report, opts.reader, opts.analyzer);
  } catch (err) {
    if (!isJdlensError(err)) throw err;
    return { seq: job.seq, error: { source: job.posting.source, code: err.code, message: err.message } };
  }
  return opts.asJson ? { seq: job.seq, json: JSON.stringify(report), summary: summaryInput(report) } : { seq: job.seq, report, summary: summaryInput(report) };
}

/** A reader as plain data, to cross into a worker thread. */
export type ReaderData = Omit<Reader, 'skills'> & { skills: [string, HeldSkill][] };

export const readerToData = (r: Reader): ReaderData => ({ ...r, skills: [...r.skills] });
export const readerFromData = (d: ReaderData): Reader => ({ ...d, skills: new Map(d.skills) });
