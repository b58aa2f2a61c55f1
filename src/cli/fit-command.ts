import { resolve } from 'node:path';
import { DEFAULT_FIT } from '../classify/fitted.js';
import { EXIT, JdlensError } from '../errors.js';
import { readLabels } from '../fit/labels.js';
import { analyseLabelled, dimensionsOf, featureCount, fitAndMeasure, formatDimensions, formatMeasured, formatMisses, stampOf, writeModel } from '../fit/measure.js';
import { loadAnalyzer, modelPathFor } from '../taxonomy/compiled.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/load.js';
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
  // commander has checked --folds (a whole number from 2 to 100)
  const folds = Number(opts.folds);
  const taxonomyFile = resolve(opts.taxonomy ?? DEFAULT_TAXONOMY);
  const out = resolve(opts.out ?? (opts.taxonomy ? modelPathFor(taxonomyFile) : 'model.json'));
  const labels = opts.labels.flatMap((f) => readLabels(f));
  const kinds = new Set(labels.map((l) => l.primary));
  if (labels.length < folds || kinds.size < 2) throw new JdlensError('usage', `fitting needs at least ${folds} labelled postings (one per fold) in at least two categories; got ${labels.length} in ${kinds.size}`);
  const analyzer = loadAnalyzer(taxonomyFile, { model: false });
  const rows = analyseLabelled(labels, analyzer);
  const m = fitAndMeasure(rows, stampOf(analyzer, taxonomyFile), opts.labels, DEFAULT_FIT, folds);
  const text = formatMeasured(m, rows.length);
  const d = dimensionsOf(rows);
  if (d) text.push('', formatDimensions(d));
  if (!opts.quiet && m.cv.misses.length) text.push('', formatMisses(m.cv));
  writeModel(out, m.doc);
  text.push('', `model written: ${out} (${featureCount(m.doc)} features, temperature ${m.temperature})`);
  io.stdout.write(`${text.join('\n')}\n`);
  return EXIT.ok;
}
