// The fitted category model: a file beside its taxonomy, read at run time, and how it scores a posting.
import { readFileSync } from 'node:fs';
import { JdlensError } from '../errors.js';
import { CATEGORY_IDS, type CategoryId } from '../taxonomy/types.js';
import { round3 } from '../util.js';
import type { Feature } from './features.js';
import { alternativesOf, type Classification, type Evidence } from './classify.js';

/** Bumped whenever the features a posting yields change meaning: a model fitted on others is stale. */
export const FEATURE_VERSION = 2;
export const MODEL_FORMAT = 'jdlens-category-model';

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
}

export const DEFAULT_FIT: FitSettings = { lambda: 0.01, ownFeatureMultiple: 3, minPostings: 3, alsoShare: 0.2, classBalance: 0.5, steps: 1500 };

export interface ModelFile {
  format: typeof MODEL_FORMAT;
  featureVersion: number;
  taxonomy: { id: string; version: string; sha1: string };
  fitted: { postings: number; byCategory: Record<string, number>; labels: string[]; settings: FitSettings };
  /** softmax temperature chosen on the cross-validated predictions, so that confidence means accuracy */
  temperature: number;
  classes: CategoryId[];
  bias: number[];
  /** feature name → weight per class, in `classes` order */
  weights: Record<string, number[]>;
  crossValidation?: { folds: number; accuracy: number; strict: number; ece: number };
}

/** A model ready to score: weights by feature name. */
export interface CategoryModel {
  file: string;
  doc: ModelFile;
  weights: Map<string, number[]>;
}

const STALE_HINT = 'refit it: `npm run fit` for the default taxonomy, or `jdlens fit --labels <labels.tsv> --taxonomy <file> --out <model>`';

/** Reads a model file and checks that it was fitted for this taxonomy, as it is now. */
export function loadModel(file: string, taxonomy: { id: string; sha1: string }): CategoryModel {
  let doc: ModelFile;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as ModelFile;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new JdlensError(code === 'ENOENT' ? 'not-found' : 'model', code === 'ENOENT' ? `${file}: no such model file` : `${file}: not a model file (${err instanceof SyntaxError ? 'invalid JSON' : String(code)})`);
  }
  if (doc?.format !== MODEL_FORMAT || !Array.isArray(doc.classes) || typeof doc.weights !== 'object' || !Array.isArray(doc.bias)) {
    throw new JdlensError('model', `${file}: not a jdlens category model`);
  }
  if (doc.classes.length !== doc.bias.length || doc.classes.some((c) => !(CATEGORY_IDS as readonly string[]).includes(c))) {
    throw new JdlensError('model', `${file}: its classes must be categories of the report (${CATEGORY_IDS.join(', ')})`);
  }
  if (doc.featureVersion !== FEATURE_VERSION) {
    throw new JdlensError('model', `${file}: fitted on features of another jdlens version (${doc.featureVersion}, this one reads ${FEATURE_VERSION}); ${STALE_HINT}`);
  }
  if (doc.taxonomy?.sha1 !== taxonomy.sha1) {
    throw new JdlensError('model', `${file}: fitted for another version of taxonomy "${doc.taxonomy?.id}" (the taxonomy changed since); ${STALE_HINT}`);
  }
  const weights = new Map<string, number[]>();
  for (const [name, w] of Object.entries(doc.weights)) {
    if (!Array.isArray(w) || w.length !== doc.classes.length || w.some((x) => typeof x !== 'number')) throw new JdlensError('model', `${file}: weights of "${name}" must be ${doc.classes.length} numbers`);
    weights.set(name, w);
  }
  return { file, doc, weights };
}

/**
 * The category under the fitted weights: softmax(bias + Σ value · weight) / T. The evidence is
 * each feature's pull toward the winner over the runner-up (value × (w_win − w_runner)), one
 * entry per line, strongest first.
 */
export function classifyFitted(model: CategoryModel, features: Feature[]): Classification {
  const { classes, bias, temperature } = model.doc;
  const z = [...bias];
  for (const f of features) {
    const w = model.weights.get(f.name);
    if (!w) continue;
    for (let c = 0; c < z.length; c++) z[c]! += f.value * w[c]!;
  }
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp((v - max) / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  const p = e.map((v) => v / sum);
  const order = p.map((_, i) => i).sort((a, b) => p[b]! - p[a]! || a - b);
  const win = order[0]!;
  const runner = order[1] ?? win;

  const byLine = new Map<number, Evidence>();
  for (const f of features) {
    const w = model.weights.get(f.name);
    const m = f.mention;
    if (!w || !m || !f.owner) continue;
    const pull = f.value * (w[win]! - (runner === win ? 0 : w[runner]!));
    const { kind, id } = f.owner;
    const prev = byLine.get(m.line);
    if (prev) {
      prev.contribution += pull;
      continue;
    }
    byLine.set(m.line, { kind, id, text: m.text, line: m.line, start: m.start, end: m.end, context: m.context, contribution: pull });
  }
  const evidence = [...byLine.values()]
    .map((ev) => ({ ...ev, contribution: round3(ev.contribution) }))
    .filter((ev) => ev.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution || a.start - b.start)
    .slice(0, 5);

  const scores = Object.fromEntries(CATEGORY_IDS.map((c) => [c, 0])) as Record<CategoryId, number>;
  classes.forEach((c, i) => (scores[c] = round3(z[i]!)));
  const confidence = round3(p[win]!);
  const probs = Object.fromEntries(CATEGORY_IDS.map((c) => [c, 0])) as Record<CategoryId, number>;
  classes.forEach((c, i) => (probs[c] = p[i]!));
  return { id: classes[win]!, confidence, scores, evidence, alternatives: alternativesOf(probs, classes[win]!) };
}
