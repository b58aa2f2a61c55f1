import { EXIT, JdlensError } from '../errors.js';
import { listPostingFiles, readPostings } from '../read/collect.js';
import { loadAnalyzer } from '../taxonomy/compiled.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/load.js';
import { TermCounter } from '../terms/terms.js';
import type { CommandIO } from './analyze-command.js';

export interface TermsOptions {
  /** background postings: rank by how much more the inputs use a term than these do */
  against?: string[];
  taxonomy?: string;
  limit?: string;
  minPostings?: string;
  json?: boolean;
}

function positive(v: string | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new JdlensError('usage', `${name} takes a whole number from 1, not "${v}"`);
  return n;
}

/** `jdlens terms <folder | file.jsonl …>`: what postings say often that no alias covers. */
export async function runTerms(inputs: string[], opts: TermsOptions, io: CommandIO): Promise<number> {
  const limit = positive(opts.limit, '--limit', 50);
  const minPostings = positive(opts.minPostings, '--min-postings', 2);
  const analyzer = loadAnalyzer(opts.taxonomy ?? DEFAULT_TAXONOMY);
  let errors = 0;
  /** Counts the terms of every posting under the paths; a bad file is reported and skipped. */
  const count = async (paths: string[], what: string): Promise<TermCounter> => {
    const counter = new TermCounter(analyzer);
    const walk = listPostingFiles(paths);
    errors += walk.errors.length;
    for (const e of walk.errors) if (!e.ok) io.stderr.write(`jdlens: ${e.error.message}\n`);
    for await (const entry of readPostings(walk.files)) {
      if (entry.ok) counter.add(entry.posting);
      else {
        errors++;
        io.stderr.write(`jdlens: ${entry.error.message}\n`);
      }
    }
    if (counter.postings === 0) throw new JdlensError('usage', `no postings read from ${what}`);
    return counter;
  };
  const counter = await count(inputs, 'the inputs');
  const background = opts.against?.length ? await count(opts.against, '--against') : undefined;
  const rows = background ? counter.against(background, limit, minPostings) : counter.top(limit, minPostings);
  if (opts.json) {
    io.stdout.write(`${JSON.stringify({ postings: counter.postings, ...(background ? { background: background.postings } : {}), terms: rows }, null, 2)}\n`);
  } else if (background) {
    io.stdout.write(`Terms no alias covers in ${counter.postings} postings, by how much more they use them than ${background.postings} others (share × ln lift)\n`);
    io.stdout.write(`${'score'.padStart(6)} ${'share'.padStart(6)} ${'others'.padStart(6)} ${'lift'.padStart(6)}  term  —  example\n`);
    for (const r of rows) {
      io.stdout.write(`${r.score.toFixed(2).padStart(6)} ${(r.share * 100).toFixed(1).padStart(5)}% ${((r.background ?? 0) * 100).toFixed(1).padStart(5)}% ${(r.lift ?? 0).toFixed(1).padStart(6)}  ${r.term}  —  ${r.example}\n`);
    }
  } else {
    io.stdout.write(`Terms no alias covers in ${counter.postings} postings, by share of postings × IDF\n`);
    io.stdout.write(`${'score'.padStart(6)} ${'share'.padStart(6)} ${'postings'.padStart(8)}  term  —  example\n`);
    for (const r of rows) io.stdout.write(`${r.score.toFixed(2).padStart(6)} ${(r.share * 100).toFixed(1).padStart(5)}% ${String(r.postings).padStart(8)}  ${r.term}  —  ${r.example}\n`);
  }
  return errors ? EXIT.partial : EXIT.ok;
}
