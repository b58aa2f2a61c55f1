// Fitting the category model on labelled postings, and measuring it honestly: stratified k-fold
// cross-validation with a fixed fold assignment, the in-sample figures beside it.
import { askedProbability, type AskedCandidate, type AskedModel } from '../classify/asked.js';
import type { Feature } from '../classify/features.js';
import { combineStages, DEFAULT_FIT, FEATURE_VERSION, MODEL_FORMAT, PM_KINDS, PM_STAGE_FEATURES, type FitSettings, type ModelFile, type Stage } from '../classify/fitted.js';
import { fitSoftmax, logits, type Example, type LinearModel } from '../classify/softmax.js';
import { CATEGORY_IDS, type CategoryId } from '../taxonomy/types.js';
import { createHash } from 'node:crypto';
import { byString } from '../util.js';
import type { Labelled } from './labels.js';

export interface Row {
  label: Labelled;
  features: Feature[];
  /** the dimensions the matching found asked, before the gate (see classify/asked.ts) */
  asked?: AskedCandidate[];
}

/** One posting's out-of-fold scores: each stage's logits. */
export type Scored = { row: Row; z1: number[]; z2: number[] };

const isOwnFeature = (name: string) => /^(skill|role|sub):/.test(name);

/** Feature names (those `keep` allows) seen in at least `minPostings` of the rows, sorted: a stage's columns. */
function columns(rows: Row[], minPostings: number, keep: (name: string) => boolean): Map<string, number> {
  const count = new Map<string, number>();
  for (const r of rows) for (const f of r.features) if (keep(f.name)) count.set(f.name, (count.get(f.name) ?? 0) + 1);
  const names = [...count].filter(([, n]) => n >= minPostings).map(([name]) => name).sort(byString);
  return new Map(names.map((n, i) => [n, i]));
}

const xOf = (r: Row, cols: Map<string, number>): [number, number][] =>
  r.features.flatMap((f): [number, number][] => {
    const j = cols.get(f.name);
    return j === undefined ? [] : [[j, f.value]];
  });

interface FittedStage {
  cols: Map<string, number>;
  linear: LinearModel;
}

/** A posting's target over some classes: its primary, and its acceptable others sharing alsoShare. */
function target(classes: readonly string[], primary: string, also: string[], alsoShare: number): number[] {
  const others = also.filter((a) => a !== primary && classes.includes(a));
  return classes.map((c) => (c === primary ? (others.length ? 1 - alsoShare : 1) : others.includes(c) ? alsoShare / others.length : 0));
}

function fitStage(rows: Row[], classes: readonly string[], truth: (r: Row) => { primary: string; also: string[] }, keep: (name: string) => boolean, s: FitSettings): FittedStage {
  const cols = columns(rows, s.minPostings, keep);
  const lambdas = new Float64Array(cols.size);
  for (const [name, j] of cols) lambdas[j] = isOwnFeature(name) ? s.lambda * s.ownFeatureMultiple : s.lambda;
  const n = new Map<string, number>();
  for (const r of rows) n.set(truth(r).primary, (n.get(truth(r).primary) ?? 0) + 1);
  const examples: Example[] = rows.map((r) => {
    const t = truth(r);
    return { x: xOf(r, cols), y: target(classes, t.primary, t.also, s.alsoShare), weight: (rows.length / (n.size * n.get(t.primary)!)) ** s.classBalance };
  });
  return { cols, linear: fitSoftmax(examples, cols.size, classes.length, lambdas, s.steps) };
}

interface Fitted {
  pm: FittedStage;
  kind: FittedStage;
}

/** Stage 1 learns from every posting; stage 2 from those a reader could call a PM role, by their PM label. */
function fit(rows: Row[], s: FitSettings): Fitted {
  const pm = fitStage(
    rows,
    ['pm', 'not-pm'],
    (r) => ({ primary: r.label.primary === 'not-pm' ? 'not-pm' : 'pm', also: r.label.also.map((a) => (a === 'not-pm' ? 'not-pm' : 'pm')) }),
    (name) => PM_STAGE_FEATURES.test(name),
    s,
  );
  const pmRows = rows.filter((r) => r.label.primary !== 'not-pm' || r.label.also.some((a) => a !== 'not-pm'));
  const kind = fitStage(
    pmRows,
    PM_KINDS,
    (r) => {
      const primary = r.label.primary !== 'not-pm' ? r.label.primary : r.label.also.find((a) => a !== 'not-pm')!;
      return { primary, also: r.label.also.filter((a) => a !== 'not-pm') };
    },
    () => true,
    s,
  );
  return { pm, kind };
}

function score(m: Fitted, r: Row): Scored {
  return { row: r, z1: logits(m.pm.linear, xOf(r, m.pm.cols)), z2: logits(m.kind.linear, xOf(r, m.kind.cols)) };
}

/**
 * A fixed fold for every posting: within each primary category, postings in file-name order take
 * folds 0, 1, 2 … in turn, continuing across categories, so each fold holds every category in
 * proportion and the same data always gives the same folds. Assignment r > 0 orders each category
 * by a hash of r and the file name instead: another fixed, stratified split of the same postings.
 */
export function foldsOf(rows: Row[], k: number, assignment = 0): number[] {
  const folds = new Array<number>(rows.length);
  const key = (i: number) => (assignment === 0 ? rows[i]!.label.file : createHash('sha1').update(`${assignment}\0${rows[i]!.label.file}`).digest('hex'));
  let next = 0;
  for (const c of CATEGORY_IDS) {
    const idx = rows.map((r, i) => i).filter((i) => rows[i]!.label.primary === c);
    const keys = new Map(idx.map((i) => [i, key(i)]));
    idx.sort((a, b) => byString(keys.get(a)!, keys.get(b)!) || a - b);
    for (const i of idx) folds[i] = next++ % k;
  }
  return folds;
}

/**
 * Each row scored by a model fitted without its fold (fold assignment `assignment`): what every
 * cross-validated figure is made of. A fit that finds nothing to learn from ends it.
 */
function outOfFold<M, S>(rows: Row[], k: number, assignment: number, fitOn: (train: Row[]) => M | undefined, scoreOf: (m: M, r: Row) => S | undefined): (S | undefined)[] {
  const folds = foldsOf(rows, k, assignment);
  const out: (S | undefined)[] = rows.map(() => undefined);
  for (let f = 0; f < k; f++) {
    const train = rows.filter((_, i) => folds[i] !== f);
    if (train.length === rows.length) continue;
    const m = fitOn(train);
    if (m === undefined) return out;
    rows.forEach((r, i) => {
      if (folds[i] === f) out[i] = scoreOf(m, r);
    });
  }
  return out;
}

/** Out-of-fold scores: each posting scored by a model fitted without its fold (fold assignment `assignment`). */
export function crossValidate(rows: Row[], s: FitSettings, k = 10, assignment = 0): Scored[] {
  return outOfFold(rows, k, assignment, (train) => fit(train, s), score) as Scored[];
}

/** Every category's probability (CATEGORY_IDS order) from a posting's two stage scores. */
export function probabilities(sc: Scored, temperature: number): number[] {
  return combineStages(sc.z1, sc.z2, temperature);
}

/**
 * The temperature that makes the cross-validated confidences honest: the one (on a fixed grid)
 * that gives the out-of-fold predictions the least negative log-likelihood of an acceptable label.
 */
export function chooseTemperature(scored: Scored[]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let i = 0; i <= 70; i++) {
    const t = 0.5 + i * 0.05;
    let loss = 0;
    for (const sc of scored) {
      const p = probabilities(sc, t);
      const ok = [sc.row.label.primary, ...sc.row.label.also].reduce((a, c) => a + p[CATEGORY_IDS.indexOf(c)]!, 0);
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

function stageDoc(name: Stage['name'], classes: readonly string[], st: FittedStage): Stage {
  const weights: Record<string, number[]> = {};
  for (const [f, j] of st.cols) {
    const w = st.linear.w.map((wc) => r4(wc[j]!));
    // a feature the fit left at zero for every class says nothing: leave it out of the file
    if (w.some((x) => x !== 0)) weights[f] = w;
  }
  return { name, classes: [...classes], bias: Array.from(st.linear.bias, r4), weights };
}

// The gate over matched dimensions: one example per dimension a posting's matching found, labelled
// by whether the posting's labels accept it; fitted like a stage, with two classes.

/**
 * A dimension is listed when the gate finds it more likely asked than not: a fixed threshold of
 * one half, chosen by no figure (a threshold tuned on the out-of-fold scores would flatter them).
 */
export const ASKED_THRESHOLD = 0.5;

function fitGate(rows: Row[], s: FitSettings): AskedModel | undefined {
  // the rows that can teach it: those with dimension labels and candidates
  const labelled = rows.filter((r) => r.label.acceptable && r.asked);
  if (labelled.length === 0) return undefined;
  const count = new Map<string, number>();
  for (const r of labelled) for (const c of r.asked!) for (const f of c.features) count.set(f.name, (count.get(f.name) ?? 0) + 1);
  const names = [...count].filter(([, n]) => n >= s.minPostings).map(([n]) => n).sort(byString);
  const cols = new Map(names.map((n, i) => [n, i]));
  const examples: Example[] = labelled.flatMap((r) =>
    r.asked!.map((c) => ({
      x: c.features.flatMap((f): [number, number][] => (cols.has(f.name) ? [[cols.get(f.name)!, f.value]] : [])),
      y: r.label.acceptable!.has(c.dimension) ? [1, 0] : [0, 1],
      weight: 1,
    })),
  );
  const m = fitSoftmax(examples, cols.size, 2, s.askedLambda, s.steps);
  const weights: Record<string, number> = {};
  for (const [name, j] of cols) {
    const w = r4(m.w[0]![j]! - m.w[1]![j]!);
    if (w !== 0) weights[name] = w;
  }
  return { threshold: ASKED_THRESHOLD, bias: r4(m.bias[0]! - m.bias[1]!), weights };
}

/** Out-of-fold gate probabilities: per row, each candidate's probability under a gate fitted without the row's fold. */
export function crossValidateGate(rows: Row[], s: FitSettings, k = 10): (number[] | undefined)[] {
  return outOfFold(rows, k, 0, (train) => fitGate(train, s), (gate, r) => r.asked?.map((c) => askedProbability(gate, c.features)));
}

/** Fits on every row and writes the model document: deterministic, the same rows give the same file. */
export function fitModelFile(rows: Row[], stamp: { taxonomy: ModelFile['taxonomy']; lexicon: string }, labelsFiles: string[], s: FitSettings = DEFAULT_FIT, temperature = 1, cv?: ModelFile['crossValidation']): ModelFile {
  const m = fit(rows, s);
  const gate = fitGate(rows, s);
  const byCategory: Record<string, number> = {};
  for (const c of CATEGORY_IDS) byCategory[c] = rows.filter((r) => r.label.primary === c).length;
  const doc: ModelFile = {
    format: MODEL_FORMAT,
    featureVersion: FEATURE_VERSION,
    taxonomy: stamp.taxonomy,
    lexicon: { sha1: stamp.lexicon },
    fitted: { postings: rows.length, byCategory, labels: labelsFiles, settings: s },
    temperature,
    stages: [stageDoc('pm', ['pm', 'not-pm'], m.pm), stageDoc('kind', PM_KINDS, m.kind)],
  };
  if (cv) doc.crossValidation = cv;
  if (gate) doc.asked = gate;
  return doc;
}

/** The model document as text: one feature a line, so that a diff of two fits reads feature by feature. */
export function formatModelFile(doc: ModelFile): string {
  const { stages, asked, ...head } = doc;
  // an object on one line but its weights, one feature a line, at an indentation
  const weighted = ({ weights, ...rest }: { weights: Record<string, unknown> }, pad: string) => {
    const lines = Object.entries(weights).map(([name, w]) => `${pad}    ${JSON.stringify(name)}: ${JSON.stringify(w)}`);
    return `${JSON.stringify(rest).slice(0, -1)},\n${pad}  "weights": {\n${lines.join(',\n')}\n${pad}  }\n${pad}}`;
  };
  const stageText = stages.map((st) => `    ${weighted(st, '    ')}`);
  const headText = JSON.stringify(head, null, 2);
  const askedText = asked ? `,\n  "asked": ${weighted(asked, '  ')}` : '';
  return `${headText.slice(0, -2)},\n  "stages": [\n${stageText.join(',\n')}\n  ]${askedText}\n}\n`;
}

