// The fitted category model: a file beside its taxonomy, read at run time, and how it scores a posting.
//
// Two fitted stages, in the order a careful reader decides (LABELLING: "decide what the role IS"):
//   1. "pm": is it a product role at all? Read from the role words by place (title, a role's own
//      heading, body), the roles a post lists, its shape and language.
//   2. "kind": which kind of PM role? Read from every feature, fitted on the PM postings only.
// P(not-pm) = stage 1; P(c) = (1 − P(not-pm)) · stage 2 (c) for the four PM categories.
import { readFileSync } from 'node:fs';
import { JdlensError } from '../errors.js';
import { CATEGORY_IDS, type CategoryId } from '../taxonomy/types.js';
import { round3 } from '../util.js';
import type { AskedModel } from './asked.js';
import { alternativesOf, type Classification, type Evidence } from './classify.js';
import type { Feature } from './features.js';
import { softmax } from './softmax.js';

/** Bumped whenever the features a posting yields change meaning: a model fitted on others is stale. */
export const FEATURE_VERSION = 7;
export const MODEL_FORMAT = 'jdlens-category-model/2';

export const PM_KINDS: readonly CategoryId[] = CATEGORY_IDS.filter((c) => c !== 'not-pm');
/** The features stage 1 reads: role words, the roles a post lists, shape and language. */
export const PM_STAGE_FEATURES = /^(role|roles|shape|lang):/;

export interface FitSettings {
  /** L2 penalty of the posting-wide features (roles together, dimensions, shape) */
  lambda: number;
  /** the penalty of one skill's, role word's or sub-label's own features, as a multiple of lambda */
  ownFeatureMultiple: number;
  /** a feature seen in fewer labelled postings than this is left out */
  minPostings: number;
  /** the share of a posting's target given to its acceptable second categories */
  alsoShare: number;
  /** class weight = (n / (k · n_c)) ^ this: 0 leaves the mix as it is, 1 balances it fully */
  classBalance: number;
  steps: number;
  /** L2 penalty of the gate that keeps the dimensions really asked for */
  askedLambda: number;
}

export const DEFAULT_FIT: FitSettings = { lambda: 0.01, ownFeatureMultiple: 1, minPostings: 2, alsoShare: 0.2, classBalance: 0.5, steps: 1500, askedLambda: 0.03 };

export interface Stage {
  name: 'pm' | 'kind';
  classes: string[];
  bias: number[];
  /** feature name → weight per class, in `classes` order */
  weights: Record<string, number[]>;
}

export interface ModelFile {
  format: typeof MODEL_FORMAT;
  featureVersion: number;
  taxonomy: { id: string; version: string; sha1: string };
  /** the lexicon files the features were read with */
  lexicon: { sha1: string };
  fitted: { postings: number; byCategory: Record<string, number>; labels: string[]; settings: FitSettings };
  /** softmax temperature chosen on the cross-validated predictions, so that confidence means accuracy */
  temperature: number;
  stages: [Stage, Stage];
  crossValidation?: { folds: number; accuracy: number; strict: number; ece: number; dimensions?: { precision: number; recall: number } };
  /** the gate that keeps the dimensions really asked for (fitted where the labels list dimensions) */
  asked?: AskedModel;
}

interface LoadedStage {
  classes: string[];
  bias: number[];
  weights: Map<string, number[]>;
}

/** A model ready to score: each stage's weights by feature name. */
export interface CategoryModel {
  file: string;
  doc: ModelFile;
  pm: LoadedStage;
  kind: LoadedStage;
  /** both stages' weights of a feature, found with one lookup */
  both: Map<string, { pm: number[] | undefined; kind: number[] | undefined }>;
}

const STALE_HINT = 'refit it: `npm run fit` for the default taxonomy, or `jdlens fit --labels <labels.tsv> --taxonomy <file> --out <model>`';

export function modelFromDoc(doc: ModelFile, file = '(fitted)'): CategoryModel {
  const stage = (s: Stage): LoadedStage => ({ classes: s.classes, bias: s.bias, weights: new Map(Object.entries(s.weights)) });
  const pm = stage(doc.stages[0]);
  const kind = stage(doc.stages[1]);
  const both = new Map<string, { pm: number[] | undefined; kind: number[] | undefined }>();
  for (const name of new Set([...pm.weights.keys(), ...kind.weights.keys()])) both.set(name, { pm: pm.weights.get(name), kind: kind.weights.get(name) });
  return { file, doc, pm, kind, both };
}

/** Reads a model file and checks that it was fitted for this taxonomy and lexicon, as they are now. */
export function loadModel(file: string, now: { id: string; sha1: string; lexicon: string }): CategoryModel {
  let doc: ModelFile;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as ModelFile;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new JdlensError('not-found', `${file}: no such model file`);
    if (code === 'EISDIR') throw new JdlensError('model', `${file}: is a directory, expected a model file`);
    throw new JdlensError('model', `${file}: not a model file (${err instanceof SyntaxError ? 'invalid JSON' : String(code)})`);
  }
  if (doc?.format !== MODEL_FORMAT || !Array.isArray(doc.stages) || doc.stages.length !== 2) throw new JdlensError('model', `${file}: not a jdlens category model (${MODEL_FORMAT})`);
  const [pm, kind] = doc.stages;
  if (pm.name !== 'pm' || pm.classes.join() !== 'pm,not-pm' || kind.name !== 'kind' || kind.classes.join() !== PM_KINDS.join()) {
    throw new JdlensError('model', `${file}: its stages must be "pm" (pm, not-pm) and "kind" (${PM_KINDS.join(', ')})`);
  }
  for (const s of doc.stages) {
    if (!Array.isArray(s.bias) || s.bias.length !== s.classes.length) throw new JdlensError('model', `${file}: stage "${s.name}" needs ${s.classes.length} biases`);
    for (const [name, w] of Object.entries(s.weights ?? {})) {
      if (!Array.isArray(w) || w.length !== s.classes.length || w.some((x) => typeof x !== 'number')) throw new JdlensError('model', `${file}: stage "${s.name}": weights of "${name}" must be ${s.classes.length} numbers`);
    }
  }
  if (doc.asked !== undefined) {
    const a = doc.asked;
    if (!a || typeof a.threshold !== 'number' || typeof a.bias !== 'number' || !a.weights || Object.values(a.weights).some((x) => typeof x !== 'number')) {
      throw new JdlensError('model', `${file}: "asked" must hold a threshold, a bias and a number per feature`);
    }
  }
  if (doc.featureVersion !== FEATURE_VERSION) {
    throw new JdlensError('model', `${file}: fitted on features of another jdlens version (${doc.featureVersion}, this one reads ${FEATURE_VERSION}); ${STALE_HINT}`);
  }
  if (doc.taxonomy?.sha1 !== now.sha1) {
    throw new JdlensError('model', `${file}: fitted for another version of taxonomy "${doc.taxonomy?.id}" (the taxonomy changed since); ${STALE_HINT}`);
  }
  if (doc.lexicon?.sha1 !== now.lexicon) {
    throw new JdlensError('model', `${file}: fitted with other lexicon files (taxonomies/lexicon changed since); ${STALE_HINT}`);
  }
  return modelFromDoc(doc, file);
}

type Weights = { pm: number[] | undefined; kind: number[] | undefined } | undefined;

function scoreFeatures(model: CategoryModel, features: Feature[], temperature: number): { p: number[]; ws: Weights[] } {
  const z1 = [...model.pm.bias];
  const z2 = [...model.kind.bias];
  const ws: Weights[] = new Array(features.length);
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    const w = model.both.get(f.name);
    ws[i] = w;
    if (!w) continue;
    if (w.pm) for (let c = 0; c < z1.length; c++) z1[c]! += f.value * w.pm[c]!;
    if (w.kind) for (let c = 0; c < z2.length; c++) z2[c]! += f.value * w.kind[c]!;
  }
  return { p: combineStages(z1, z2, temperature), ws };
}

/** Every category's probability (CATEGORY_IDS order) from the two stages' scores: P(not-pm), then (1 − P(not-pm)) × P(kind). */
export function combineStages(z1: number[], z2: number[], temperature: number): number[] {
  const pNot = softmax(z1, temperature)[1]!;
  const q = softmax(z2, temperature);
  return CATEGORY_IDS.map((c) => (c === 'not-pm' ? pNot : (1 - pNot) * q[PM_KINDS.indexOf(c)]!));
}

/**
 * The category under the fitted weights, with evidence: each line's pull toward the winner over
 * the runner-up — stage 1's (toward "not a PM role", or away from it) where one of the two is not a
 * PM role, else stage 2's (toward the winning kind over the runner-up kind) — one entry per line,
 * strongest first.
 */
export function classifyFitted(model: CategoryModel, features: Feature[]): Classification {
  const { p, ws } = scoreFeatures(model, features, model.doc.temperature);
  const order = p.map((_, i) => i).sort((a, b) => p[b]! - p[a]! || a - b);
  const win = CATEGORY_IDS[order[0]!]!;
  // the PM kind that competes with the winner in stage 2 (the best other PM kind)
  const pmOrder = order.filter((i) => CATEGORY_IDS[i] !== 'not-pm').map((i) => PM_KINDS.indexOf(CATEGORY_IDS[i]!));
  const winKind = win === 'not-pm' ? -1 : PM_KINDS.indexOf(win);
  const rivalKind = pmOrder.find((k) => k !== winKind) ?? winKind;

  // the runner-up decides which stage explains the winner: not-pm against a PM kind is stage 1's
  // question, one PM kind against another is stage 2's
  const runner = CATEGORY_IDS[order[1] ?? order[0]!]!;
  const byStage1 = win === 'not-pm' || runner === 'not-pm';
  const byLine = new Map<number, Evidence>();
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    const m = f.mention;
    const w = ws[i];
    if (!m || !f.owner || !w) continue;
    let pull = 0;
    if (byStage1) {
      const w1 = w.pm;
      if (w1) pull = f.value * (win === 'not-pm' ? w1[1]! - w1[0]! : w1[0]! - w1[1]!);
    } else {
      const w2 = w.kind;
      if (w2 && rivalKind !== winKind) pull = f.value * (w2[winKind]! - w2[rivalKind]!);
    }
    if (pull === 0) continue;
    const prev = byLine.get(m.line);
    if (prev) prev.contribution += pull;
    else byLine.set(m.line, { kind: f.owner.kind, id: f.owner.id, text: m.text, line: m.line, start: m.start, end: m.end, context: m.context, contribution: pull });
  }
  const evidence = [...byLine.values()]
    .map((ev) => ({ ...ev, contribution: round3(ev.contribution) }))
    .filter((ev) => ev.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution || a.start - b.start)
    .slice(0, 5);

  const probs = Object.fromEntries(CATEGORY_IDS.map((c, i) => [c, p[i]!])) as Record<CategoryId, number>;
  const scores = Object.fromEntries(CATEGORY_IDS.map((c, i) => [c, round3(p[i]!)])) as Record<CategoryId, number>;
  return { id: win, confidence: round3(p[order[0]!]!), scores, evidence, alternatives: alternativesOf(probs, win) };
}
