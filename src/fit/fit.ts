// Fitting the category model on labelled postings, and measuring it honestly: stratified k-fold
// cross-validation with a fixed fold assignment, the in-sample figures beside it.
import type { Feature } from '../classify/features.js';
import { DEFAULT_FIT, FEATURE_VERSION, MODEL_FORMAT, type CategoryModel, type FitSettings, type ModelFile } from '../classify/fitted.js';
import { fitSoftmax, logits, type Example, type LinearModel } from '../classify/softmax.js';
import { CATEGORY_IDS, type CategoryId } from '../taxonomy/types.js';
import { byString } from '../util.js';
import type { Labelled } from './labels.js';

export interface Row {
  label: Labelled;
  features: Feature[];
}

/** One posting's scores: logits in CATEGORY_IDS order. */
export type Scored = { row: Row; z: number[] };

const C = CATEGORY_IDS.length;
const isOwnFeature = (name: string) => /^(skill|role|sub):/.test(name);

/** Feature names seen in at least `minPostings` of the rows, sorted: the model's columns. */
function columns(rows: Row[], minPostings: number): Map<string, number> {
  const count = new Map<string, number>();
  for (const r of rows) for (const f of r.features) count.set(f.name, (count.get(f.name) ?? 0) + 1);
  const names = [...count].filter(([, n]) => n >= minPostings).map(([name]) => name).sort(byString);
  return new Map(names.map((n, i) => [n, i]));
}

function target(l: Labelled, alsoShare: number): number[] {
  const also = l.also.filter((a) => a !== l.primary);
  return CATEGORY_IDS.map((c) => (c === l.primary ? (also.length ? 1 - alsoShare : 1) : also.includes(c) ? alsoShare / also.length : 0));
}

function examples(rows: Row[], cols: Map<string, number>, s: FitSettings): Example[] {
  const n = new Map<CategoryId, number>();
  for (const r of rows) n.set(r.label.primary, (n.get(r.label.primary) ?? 0) + 1);
  return rows.map((r) => ({
    x: r.features.flatMap((f): [number, number][] => {
      const j = cols.get(f.name);
      return j === undefined ? [] : [[j, f.value]];
    }),
    y: target(r.label, s.alsoShare),
    weight: (rows.length / (n.size * n.get(r.label.primary)!)) ** s.classBalance,
  }));
}

interface Fitted {
  cols: Map<string, number>;
  linear: LinearModel;
}

function fit(rows: Row[], s: FitSettings): Fitted {
  const cols = columns(rows, s.minPostings);
  const lambdas = new Float64Array(cols.size);
  for (const [name, j] of cols) lambdas[j] = isOwnFeature(name) ? s.lambda * s.ownFeatureMultiple : s.lambda;
  return { cols, linear: fitSoftmax(examples(rows, cols, s), cols.size, C, lambdas, s.steps) };
}

function score(m: Fitted, r: Row): number[] {
  return logits(
    m.linear,
    r.features.flatMap((f): [number, number][] => {
      const j = m.cols.get(f.name);
      return j === undefined ? [] : [[j, f.value]];
    }),
  );
}

/**
 * A fixed fold for every posting: within each primary category, postings in file-name order take
 * folds 0, 1, 2 … in turn, continuing across categories, so each fold holds every category in
 * proportion and the same data always gives the same folds.
 */
export function foldsOf(rows: Row[], k: number): number[] {
  const folds = new Array<number>(rows.length);
  let next = 0;
  for (const c of CATEGORY_IDS) {
    const idx = rows.map((r, i) => i).filter((i) => rows[i]!.label.primary === c).sort((a, b) => byString(rows[a]!.label.file, rows[b]!.label.file) || a - b);
    for (const i of idx) folds[i] = next++ % k;
  }
  return folds;
}

/** Out-of-fold scores: each posting scored by a model fitted without its fold. */
export function crossValidate(rows: Row[], s: FitSettings, k = 10): Scored[] {
  const folds = foldsOf(rows, k);
  const out = new Array<Scored>(rows.length);
  for (let f = 0; f < k; f++) {
    const train = rows.filter((_, i) => folds[i] !== f);
    if (train.length === rows.length) continue;
    const m = fit(train, s);
    rows.forEach((r, i) => {
      if (folds[i] === f) out[i] = { row: r, z: score(m, r) };
    });
  }
  return out;
}

export function probabilities(z: number[], temperature: number): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp((v - max) / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/**
 * The temperature that makes the cross-validated confidences honest: the one (on a fixed grid)
 * that gives the out-of-fold predictions the least negative log-likelihood of an acceptable label.
 */
export function chooseTemperature(scored: Scored[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 0.5; t <= 4.0001; t += 0.05) {
    let loss = 0;
    for (const { row, z } of scored) {
      const p = probabilities(z, t);
      const ok = [row.label.primary, ...row.label.also].reduce((s, c) => s + p[CATEGORY_IDS.indexOf(c)]!, 0);
      loss -= Math.log(Math.max(ok, 1e-12));
    }
    if (loss < bestLoss - 1e-9) {
      bestLoss = loss;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

const r4 = (x: number) => Math.round(x * 1e4) / 1e4 + 0;

/** Fits on every row and writes the model document: deterministic, the same rows give the same file. */
export function fitModelFile(rows: Row[], taxonomy: { id: string; version: string; sha1: string }, labelsFiles: string[], s: FitSettings = DEFAULT_FIT, temperature = 1, cv?: ModelFile['crossValidation']): ModelFile {
  const m = fit(rows, s);
  const weights: Record<string, number[]> = {};
  for (const [name, j] of m.cols) {
    const w = m.linear.w.map((wc) => r4(wc[j]!));
    // a feature the fit left at zero for every category says nothing: leave it out of the file
    if (w.some((x) => x !== 0)) weights[name] = w;
  }
  const byCategory: Record<string, number> = {};
  for (const c of CATEGORY_IDS) byCategory[c] = rows.filter((r) => r.label.primary === c).length;
  const doc: ModelFile = {
    format: MODEL_FORMAT,
    featureVersion: FEATURE_VERSION,
    taxonomy,
    fitted: { postings: rows.length, byCategory, labels: labelsFiles, settings: s },
    temperature,
    classes: [...CATEGORY_IDS],
    bias: Array.from(m.linear.bias, r4),
  weights,
  };
  if (cv) doc.crossValidation = cv;
  return doc;
}

/** The model document as text: one feature a line, so that a diff of two fits reads feature by feature. */
export function formatModelFile(doc: ModelFile): string {
  const { weights, ...head } = doc;
  const lines = Object.entries(weights).map(([name, w]) => `    ${JSON.stringify(name)}: ${JSON.stringify(w)}`);
  const headText = JSON.stringify(head, null, 2);
  return `${headText.slice(0, -2)},\n  "weights": {\n${lines.join(',\n')}\n  }\n}\n`;
}

export function modelFromDoc(doc: ModelFile, file = '(fitted)'): CategoryModel {
  return { file, doc, weights: new Map(Object.entries(doc.weights)) };
}
