// Analyse labelled postings once, then fit, cross-validate and report: what `jdlens fit` and
// `npm run eval` print.
import { analyze, type Analyzer } from '../analyze.js';
import { classifyFitted, DEFAULT_FIT, modelFromDoc, type FitSettings, type ModelFile } from '../classify/fitted.js';
import { categoryMetrics, dimensionMetrics, type CategoryMetrics, type DimensionMetrics, type Judged } from './metrics.js';
import { readPostingFile } from '../read/input.js';
import { CATEGORY_IDS, type CategoryId } from '../taxonomy/types.js';
import { ASKED_THRESHOLD, chooseTemperature, crossValidate, crossValidateGate, fitModelFile, formatModelFile, probabilities, type Row, type Scored } from './fit.js';
import type { Labelled } from './labels.js';
import { lexiconHash } from '../lexicon/lexicon.js';
import { atomicFileSink } from '../report/sink.js';
import { taxonomyHash } from '../taxonomy/compiled.js';

export interface Analysed extends Row {
  /** the dimensions of the skills the report lists */
  found: Set<string>;
  /** the category the analyzer gave (its fitted model, or the taxonomy's weights) */
  predicted: CategoryId;
  confidence: number;
  coverable: number;
  covered: number;
  uncovered: { line: number; text: string }[];
}

/** read → … → report for every labelled posting: what every figure is computed from. */
export function analyseLabelled(labels: Labelled[], analyzer: Analyzer): Analysed[] {
  return labels.map((label) => {
    const { report, lines, coveredLines, hasHeadings, titleLine, features, otherRoleLines, asked } = analyze(readPostingFile(label.path), analyzer);
    // requirement lines: inside duty/requirement sections, or, without headings, every line that
    // is not the title or about the company, benefits or applying; a heading, a role's heading or a
    // line that names a role of a post listing several is no requirement line
    const roleLines = new Set((report.roles ?? []).map((r) => r.line));
    const counted = lines.filter(
      (l) =>
        !l.isHeading &&
        !l.roleHeading &&
        !l.background &&
        l.number !== titleLine &&
        !otherRoleLines.has(l.number) &&
        !roleLines.has(l.number) &&
        /[\p{L}\p{N}]/u.test(l.text) &&
        (hasHeadings ? l.section === 'required' || l.section === 'duty' : true),
    );
    const uncovered = counted.filter((l) => !coveredLines.has(l.number)).map((l) => ({ line: l.number, text: l.text.trim() }));
    return {
      label,
      features,
      asked,
      found: new Set(report.skills.map((s) => s.dimension)),
      predicted: report.category.id,
      confidence: report.category.confidence,
      coverable: counted.length,
      covered: counted.length - uncovered.length,
      uncovered,
    };
  });
}

const judged = (row: Row, predicted: CategoryId, confidence: number): Judged => ({ file: row.label.file, lang: row.label.lang, primary: row.label.primary, also: row.label.also, predicted, confidence });

function judge(scored: Scored[], temperature: number): Judged[] {
  return scored.map((sc) => {
    const { row } = sc;
    const p = probabilities(sc, temperature);
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
    return judged(row, CATEGORY_IDS[best]!, p[best]!);
  });
}

export interface Measured {
  cv: CategoryMetrics;
  /** the figures of the dimensions listed when the gate is fitted without each posting's fold (none without dimension labels) */
  cvDims?: DimensionMetrics;
  inSample: CategoryMetrics;
  folds: number;
  temperature: number;
  doc: ModelFile;
}

/** Cross-validates, chooses the temperature on the out-of-fold scores, fits on all, scores in sample. */
export function fitAndMeasure(rows: Row[], stamp: { taxonomy: ModelFile['taxonomy']; lexicon: string }, labelsFiles: string[], s: FitSettings = DEFAULT_FIT, folds = 10): Measured {
  const k = Math.min(folds, rows.length);
  const oof = crossValidate(rows, s, k);
  const temperature = chooseTemperature(oof);
  const cv = categoryMetrics(judge(oof, temperature));
  // the gate over dimensions, out of fold
  const gateP = crossValidateGate(rows, s, k);
  const cvFound = gateP.some((p) => p) ? rows.map((r, i) => new Set((r.asked ?? []).filter((c, j) => (gateP[i]?.[j] ?? 1) >= ASKED_THRESHOLD).map((c) => c.dimension))) : undefined;
  const cvDims = cvFound ? dimensionsOf(rows.map((r, i) => ({ ...r, found: cvFound[i]! }))) : undefined;
  const summary: ModelFile['crossValidation'] = { folds: k, accuracy: r3(cv.accuracy), strict: r3(cv.strict), ece: r3(cv.ece) };
  if (cvDims) summary.dimensions = { precision: r3(cvDims.all.precision), recall: r3(cvDims.all.recall) };
  const doc = fitModelFile(rows, stamp, labelsFiles, s, temperature, summary);
  const model = modelFromDoc(doc);
  const inSample = categoryMetrics(
    rows.map((r) => {
      const c = classifyFitted(model, r.features);
      return judged(r, c.id, c.confidence);
    }),
  );
  return cvDims ? { cv, cvDims, inSample, folds: k, temperature, doc } : { cv, inSample, folds: k, temperature, doc };
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The category figures under other fixed fold assignments (1 … n): with a couple of hundred postings
 * one split moves by a posting or two, so a change is judged against the spread of several.
 */
export function repeatedCrossValidation(rows: Row[], n: number, s: FitSettings = DEFAULT_FIT, folds = 10): CategoryMetrics[] {
  const k = Math.min(folds, rows.length);
  const out: CategoryMetrics[] = [];
  for (let a = 1; a <= n; a++) {
    const oof = crossValidate(rows, s, k, a);
    out.push(categoryMetrics(judge(oof, chooseTemperature(oof))));
  }
  return out;
}

export function formatRepeated(first: CategoryMetrics, more: CategoryMetrics[]): string {
  const all = [first, ...more];
  const stat = (f: (m: CategoryMetrics) => number) => {
    const xs = all.map(f);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return `${f3(mean)} (${f3(Math.min(...xs))}–${f3(Math.max(...xs))})`;
  };
  return [
    `category over ${all.length} fixed fold assignments (the one above and ${more.length} more): mean (lowest–highest)`,
    `  accuracy ${stat((m) => m.accuracy)}  strict ${stat((m) => m.strict)}`,
    `  zh ${stat((m) => m.byLang.zh.accuracy)}  en ${stat((m) => m.byLang.en.accuracy)}`,
  ].join('\n');
}

/** The figures of the analyzer as it is (its own model or weights), with no fitting. */
export function asIs(rows: Analysed[]): CategoryMetrics {
  return categoryMetrics(rows.map((r) => judged(r, r.predicted, r.confidence)));
}

export function dimensionsOf(rows: (Row & { found: Set<string> })[]): DimensionMetrics | undefined {
  const labelled = rows.filter((r) => r.label.dims);
  if (labelled.length === 0) return undefined;
  return dimensionMetrics(labelled.map((r) => ({ lang: r.label.lang, found: r.found, dims: r.label.dims!, acceptable: r.label.acceptable ?? r.label.dims! })));
}

const f3 = (x: number) => x.toFixed(3);

export function formatCategory(title: string, m: CategoryMetrics, compare?: { title: string; m: CategoryMetrics }): string {
  const out: string[] = [title];
  const row = (name: string, f: (x: CategoryMetrics) => string) => out.push(`  ${name.padEnd(30)}${f(m).padEnd(10)}${compare ? f(compare.m) : ''}`);
  if (compare) out.push(`  ${''.padEnd(30)}${'this'.padEnd(10)}${compare.title}`);
  row('postings', (x) => String(x.n));
  row('accuracy (primary or also)', (x) => f3(x.accuracy));
  row('strict (primary only)', (x) => f3(x.strict));
  row('accuracy zh', (x) => `${f3(x.byLang.zh.accuracy)}`);
  row('accuracy en', (x) => `${f3(x.byLang.en.accuracy)}`);
  row('strict zh', (x) => f3(x.byLang.zh.strict));
  row('strict en', (x) => f3(x.byLang.en.strict));
  row('macro-F1', (x) => f3(x.macroF1));
  row('expected calibration error', (x) => f3(x.ece));
  out.push('');
  out.push('  category            precision recall  f1     support  recall-zh   recall-en');
  for (const c of CATEGORY_IDS) {
    const p = m.perCategory[c];
    const lr = (x: { recall: number; support: number }) => (x.support ? `${f3(x.recall)} (${x.support})` : '-').padEnd(12);
    out.push(`  ${c.padEnd(20)}${f3(p.precision).padEnd(10)}${f3(p.recall).padEnd(8)}${f3(p.f1).padEnd(7)}${String(p.support).padEnd(9)}${lr(m.recallByLang.zh[c])}${lr(m.recallByLang.en[c])}`);
  }
  out.push('');
  out.push('  confusion (rows: label, columns: predicted)');
  out.push(`  ${''.padEnd(18)}${CATEGORY_IDS.map((c) => c.slice(0, 11).padStart(12)).join('')}`);
  for (const t of CATEGORY_IDS) out.push(`  ${t.padEnd(18)}${CATEGORY_IDS.map((p) => String(m.confusion[t][p]).padStart(12)).join('')}`);
  out.push('');
  out.push('  reliability (confidence bin: postings, mean confidence, accuracy)');
  for (const b of m.reliability) if (b.n) out.push(`  ${f3(b.from).slice(0, 3)}–${f3(b.to).slice(0, 3)}   ${String(b.n).padStart(4)}   ${f3(b.confidence)}   ${f3(b.accuracy)}`);
  return out.join('\n');
}

export function formatDimensions(d: DimensionMetrics, title = 'dimensions (precision over acceptable, recall over labelled)'): string {
  const out = [title];
  const line = (name: string, c: { precision: number; recall: number; tp: number; fp: number; fn: number }) =>
    out.push(`  ${name.padEnd(26)}precision ${f3(c.precision)}  recall ${f3(c.recall)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`);
  line('all', d.all);
  line('zh', d.byLang.zh);
  line('en', d.byLang.en);
  out.push('');
  for (const [id, c] of d.perDimension) line(id, c);
  return out.join('\n');
}

export function formatMisses(m: CategoryMetrics): string {
  if (!m.misses.length) return '';
  return ['misclassified (cross-validated):', ...m.misses.map((j) => `  ${j.file}: label ${[j.primary, ...j.also].join('/')}, predicted ${j.predicted} ${f3(j.confidence)}`)].join('\n');
}

/** What a fitted model is stamped with: the taxonomy as it is now, and the lexicon. */
export function stampOf(analyzer: Analyzer, taxonomyFile: string): { taxonomy: ModelFile['taxonomy']; lexicon: string } {
  return { taxonomy: { id: analyzer.taxonomy.id, version: analyzer.taxonomy.version, sha1: taxonomyHash(taxonomyFile) }, lexicon: lexiconHash() };
}

/** The report both `jdlens fit` and `npm run eval` open with: cross-validated beside in-sample, and the gap. */
export function formatMeasured(m: Measured, postings: number): string[] {
  return [
    formatCategory(`category, stratified ${m.folds}-fold cross-validation (fixed folds), ${postings} postings`, m.cv, { title: 'in-sample', m: m.inSample }),
    '',
    `in-sample minus cross-validated accuracy: ${f3(m.inSample.accuracy - m.cv.accuracy)}`,
    ...(m.cvDims
      ? [`dimensions listed (the gate cross-validated): precision ${f3(m.cvDims.all.precision)} recall ${f3(m.cvDims.all.recall)}; zh ${f3(m.cvDims.byLang.zh.precision)}/${f3(m.cvDims.byLang.zh.recall)}, en ${f3(m.cvDims.byLang.en.precision)}/${f3(m.cvDims.byLang.en.recall)}`]
      : []),
  ];
}

export const featureCount = (doc: ModelFile) => doc.stages.reduce((n, st) => n + Object.keys(st.weights).length, 0);

/** Writes a model file whole or not at all (a temporary file renamed over the target). */
export function writeModel(file: string, doc: ModelFile): void {
  const sink = atomicFileSink(file);
  try {
    sink.write(formatModelFile(doc));
    sink.close();
  } catch (err) {
    sink.abort();
    throw err;
  }
}
