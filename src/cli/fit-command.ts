import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_FIT } from '../classify/fitted.js';
import { EXIT, JdlensError } from '../errors.js';
import { formatModelFile } from '../fit/fit.js';
import { readLabels } from '../fit/labels.js';
import { analyseLabelled, dimensionsOf, fitAndMeasure, formatCategory, formatDimensions, formatMisses } from '../fit/measure.js';
import { loadAnalyzer, modelPathFor, taxonomyHash } from '../taxonomy/compiled.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/load.js';
import { lexiconHash } from '../lexicon/lexicon.js';
import type { CommandIO } from './analyze-command.js';

export interface FitOptions {
  labels: string[];
  taxonomy?: string;
  out?: string;
  folds: string;
  quiet?: boolean;
}

/** `jdlens fit`: reads labelled postings, cross-validates, fits on all of them, writes the model file. */
export async function runFit(opts: FitOptions, io: Pick<CommandIO, 'stdout'>): Promise<number> {
  const folds = Number(opts.folds);
  if (!Number.isInteger(folds) || folds < 2 || folds > 100) throw new JdlensError('usage', `--folds takes a whole number from 2 to 100, not "${opts.folds}"`);
  const taxonomyFile = resolve(opts.taxonomy ?? DEFAULT_TAXONOMY);
  const out = resolve(opts.out ?? (opts.taxonomy ? modelPathFor(taxonomyFile) : 'model.json'));
  const labels = opts.labels.flatMap((f) => readLabels(f));
  const kinds = new Set(labels.map((l) => l.primary));
  if (labels.length < folds || kinds.size < 2) throw new JdlensError('usage', `fitting needs at least ${folds} labelled postings (one per fold) in at least two categories; got ${labels.length} in ${kinds.size}`);
  const analyzer = loadAnalyzer(taxonomyFile, { model: false });
  const rows = analyseLabelled(labels, analyzer);
  const stamp = { taxonomy: { id: analyzer.taxonomy.id, version: analyzer.taxonomy.version, sha1: taxonomyHash(taxonomyFile) }, lexicon: lexiconHash() };
  const m = fitAndMeasure(rows, stamp, opts.labels, DEFAULT_FIT, folds);
  const text: string[] = [formatCategory(`category, stratified ${m.folds}-fold cross-validation (fixed folds), ${rows.length} postings`, m.cv, { title: 'in-sample', m: m.inSample })];
  text.push('', `in-sample minus cross-validated accuracy: ${(m.inSample.accuracy - m.cv.accuracy).toFixed(3)}`);
  const d = dimensionsOf(rows);
  if (d) text.push('', formatDimensions(d));
  if (!opts.quiet && m.cv.misses.length) text.push('', formatMisses(m.cv));
  // the model appears whole or not at all
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, formatModelFile(m.doc));
    renameSync(tmp, out);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new JdlensError('output', `${out}: cannot write the model (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  text.push('', `model written: ${out} (${m.doc.stages.reduce((n, st) => n + Object.keys(st.weights).length, 0)} features, temperature ${m.temperature})`);
  io.stdout.write(`${text.join('\n')}\n`);
  return EXIT.ok;
}
