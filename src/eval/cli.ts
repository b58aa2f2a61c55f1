// npm run eval / npm run fit: the labelled corpus (dev + train, read in place), cross-validated.
//   eval            cross-validated and in-sample figures, dimensions, coverage; nothing written
//   eval --model F  the figures of model F as it is (no refitting): for postings it was not fitted on
//   fit             the same figures, then writes the default taxonomy's model file
//   --repeats N     the category figures under N more fixed fold assignments too (default 4)
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_FIT, type FitSettings } from '../classify/fitted.js';
import { isJdlensError, JdlensError } from '../errors.js';
import { corpusDir, readLabels } from '../fit/labels.js';
import { analyseLabelled, asIs, dimensionsOf, featureCount, fitAndMeasure, formatCategory, formatDimensions, formatMeasured, formatMisses, formatRepeated, repeatedCrossValidation, stampOf, writeModel } from '../fit/measure.js';
import { loadAnalyzer, modelPathFor } from '../taxonomy/compiled.js';
import { DEFAULT_TAXONOMY } from '../taxonomy/load.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const f3 = (x: number) => x.toFixed(3);

function settingsFrom(pairs: string[]): FitSettings {
  const s: FitSettings = { ...DEFAULT_FIT };
  for (const p of pairs) {
    const [k, v] = p.split('=');
    if (!k || !(k in s) || v === undefined || !Number.isFinite(Number(v))) throw new JdlensError('usage', `--set takes name=number with a name of ${Object.keys(s).join(', ')}`);
    (s as unknown as Record<string, number>)[k] = Number(v);
  }
  return s;
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      labels: { type: 'string', multiple: true },
      taxonomy: { type: 'string' },
      model: { type: 'string' },
      out: { type: 'string' },
      set: { type: 'string', multiple: true },
      quiet: { type: 'boolean', default: false },
      repeats: { type: 'string', default: '4' },
    },
  });
  const fitting = positionals[0] === 'fit';
  const repeats = Number(values.repeats);
  if (!Number.isInteger(repeats) || repeats < 0) throw new JdlensError('usage', '--repeats takes a whole number (0: the one fold assignment only)');
  let labelsFiles = values.labels?.map((l) => resolve(l));
  if (!labelsFiles) {
    const corpus = corpusDir(ROOT);
    labelsFiles = ['dev', 'train'].map((d) => join(corpus, d, 'labels.tsv'));
    if (!labelsFiles.every((f) => existsSync(f))) {
      throw new JdlensError('not-found', `no labelled corpus at ${corpus}: put the shared corpus beside the project (../shared/corpus) or set JDLENS_CORPUS, or name labels with --labels`);
    }
  }
  const taxonomyFile = resolve(values.taxonomy ?? DEFAULT_TAXONOMY);
  const labels = labelsFiles.flatMap((f) => readLabels(f));
  const out: string[] = [];

  if (values.model) {
    const rows = analyseLabelled(labels, loadAnalyzer(taxonomyFile, { model: resolve(values.model) }));
    const m = asIs(rows);
    out.push(formatCategory(`model ${values.model} as it is, on ${labels.length} labelled postings (not refitted)`, m));
    const d = dimensionsOf(rows);
    if (d) out.push('', formatDimensions(d));
    out.push('', coverage(rows, values.quiet));
    if (!values.quiet) out.push('', formatMisses(m).replace('(cross-validated)', ''));
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  }

  const settings = settingsFrom(values.set ?? []);
  const analyzer = loadAnalyzer(taxonomyFile, { model: false });
  const started = Date.now();
  const rows = analyseLabelled(labels, analyzer);
  const hand = asIs(rows);
  const shownLabels = labelsFiles.map((f) => relative(ROOT, f).split('\\').join('/'));
  const m = fitAndMeasure(rows, stampOf(analyzer, taxonomyFile), shownLabels, settings);
  out.push(`labelled postings: ${rows.length} (${labelsFiles.map((f) => relative(process.cwd(), f)).join(', ')})`);
  out.push(`fit settings: ${Object.entries(settings).map(([k, v]) => `${k} ${v}`).join(', ')}; temperature ${m.temperature}; ${featureCount(m.doc)} features`);
  out.push('', ...formatMeasured(m, rows.length));
  if (repeats > 0) out.push(formatRepeated(m.cv, repeatedCrossValidation(rows, repeats, settings, m.folds)));
  out.push(`the taxonomy's hand weights on the same postings (no fitting): accuracy ${f3(hand.accuracy)}, strict ${f3(hand.strict)}, zh ${f3(hand.byLang.zh.accuracy)}, en ${f3(hand.byLang.en.accuracy)}`);
  const d = dimensionsOf(rows);
  if (m.cvDims) {
    out.push('', formatDimensions(m.cvDims, `dimensions listed, the gate 10-fold cross-validated (threshold ${m.doc.asked?.threshold}; precision over acceptable, recall over labelled)`));
    if (d) out.push(`  every matched dimension, no gate: precision ${f3(d.all.precision)}  recall ${f3(d.all.recall)} (zh ${f3(d.byLang.zh.precision)}/${f3(d.byLang.zh.recall)}, en ${f3(d.byLang.en.precision)}/${f3(d.byLang.en.recall)})`);
  } else if (d) out.push('', formatDimensions(d));
  out.push('', coverage(rows, values.quiet));
  if (!values.quiet) out.push('', formatMisses(m.cv));
  if (fitting) {
    const file = values.out ? resolve(values.out) : modelPathFor(taxonomyFile);
    writeModel(file, m.doc);
    out.push('', `model written: ${relative(ROOT, file)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function coverage(rows: ReturnType<typeof analyseLabelled>, quiet: boolean): string {
  const covered = rows.reduce((n, r) => n + r.covered, 0);
  const total = rows.reduce((n, r) => n + r.coverable, 0);
  const lines = [`requirement-line coverage: ${f3(total ? covered / total : 0)} (${covered}/${total} lines)`];
  if (!quiet) for (const r of rows) for (const u of r.uncovered) lines.push(`  uncovered ${r.label.file}:${u.line}: ${u.text.slice(0, 100)}`);
  return lines.join('\n');
}

try {
  process.exitCode = main();
} catch (err) {
  process.stderr.write(`jdlens eval: ${isJdlensError(err) ? err.message : String(err)}\n`);
  process.exitCode = isJdlensError(err) ? err.exitCode : 1;
}
