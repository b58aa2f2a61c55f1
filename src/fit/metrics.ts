import { CATEGORY_IDS, type CategoryId } from '../taxonomy/types.js';

/** One labelled posting and what was predicted for it. */
export interface Judged {
  file: string;
  lang: 'zh' | 'en';
  primary: CategoryId;
  also: CategoryId[];
  predicted: CategoryId;
  confidence: number;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  n: number;
  confidence: number;
  accuracy: number;
}

export interface CategoryMetrics {
  n: number;
  /** predicted the primary label or an acceptable `also` */
  accuracy: number;
  /** predicted the primary label */
  strict: number;
  byLang: Record<'zh' | 'en', { n: number; accuracy: number; strict: number }>;
  perCategory: Record<CategoryId, PRF>;
  recallByLang: Record<'zh' | 'en', Record<CategoryId, { recall: number; support: number }>>;
  macroF1: number;
  confusion: Record<CategoryId, Record<CategoryId, number>>;
  reliability: ReliabilityBin[];
  /** expected calibration error: Σ (n_bin / n) · |accuracy_bin − confidence_bin| */
  ece: number;
  misses: Judged[];
}

const div = (a: number, b: number) => (b === 0 ? 0 : a / b);
export const isRight = (j: Judged) => j.predicted === j.primary || j.also.includes(j.predicted);
/** The label a prediction is scored against: the acceptable second label when it was chosen, else the primary. */
const truth = (j: Judged): CategoryId => (isRight(j) ? j.predicted : j.primary);

export function categoryMetrics(items: Judged[], bins = 10): CategoryMetrics {
  const zero = () => Object.fromEntries(CATEGORY_IDS.map((c) => [c, 0])) as Record<CategoryId, number>;
  const confusion = Object.fromEntries(CATEGORY_IDS.map((c) => [c, zero()])) as Record<CategoryId, Record<CategoryId, number>>;
  for (const j of items) confusion[truth(j)][j.predicted]++;
  const perCategory = {} as Record<CategoryId, PRF>;
  for (const c of CATEGORY_IDS) {
    const tp = confusion[c][c];
    const support = CATEGORY_IDS.reduce((n, p) => n + confusion[c][p], 0);
    const predicted = CATEGORY_IDS.reduce((n, t) => n + confusion[t][c], 0);
    const precision = div(tp, predicted);
    const recall = div(tp, support);
    perCategory[c] = { precision, recall, f1: div(2 * precision * recall, precision + recall), support };
  }
  const present = CATEGORY_IDS.filter((c) => perCategory[c].support > 0);
  const recallByLang = { zh: {}, en: {} } as CategoryMetrics['recallByLang'];
  const byLang = {} as CategoryMetrics['byLang'];
  for (const lang of ['zh', 'en'] as const) {
    const mine = items.filter((j) => j.lang === lang);
    byLang[lang] = { n: mine.length, accuracy: div(mine.filter(isRight).length, mine.length), strict: div(mine.filter((j) => j.predicted === j.primary).length, mine.length) };
    for (const c of CATEGORY_IDS) {
      const rs = mine.filter((j) => truth(j) === c);
      recallByLang[lang][c] = { recall: div(rs.filter((j) => j.predicted === c).length, rs.length), support: rs.length };
    }
  }
  const reliability: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const from = b / bins;
    const to = (b + 1) / bins;
    const inBin = items.filter((j) => j.confidence >= from && (b === bins - 1 ? j.confidence <= to : j.confidence < to));
    reliability.push({ from, to, n: inBin.length, confidence: div(inBin.reduce((s, j) => s + j.confidence, 0), inBin.length), accuracy: div(inBin.filter(isRight).length, inBin.length) });
  }
  const ece = reliability.reduce((s, r) => s + div(r.n, items.length) * Math.abs(r.accuracy - r.confidence), 0);
  return {
    n: items.length,
    accuracy: div(items.filter(isRight).length, items.length),
    strict: div(items.filter((j) => j.predicted === j.primary).length, items.length),
    byLang,
    perCategory,
    recallByLang,
    macroF1: div(present.reduce((n, c) => n + perCategory[c].f1, 0), present.length),
    confusion,
    reliability,
    ece,
    misses: items.filter((j) => !isRight(j)),
  };
}

/** Dimensions found against those labelled: precision over `acceptable`, recall over `dims`. */
export interface DimensionItem {
  lang: 'zh' | 'en';
  found: Set<string>;
  dims: Set<string>;
  acceptable: Set<string>;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface DimensionMetrics {
  all: Counts;
  byLang: Record<'zh' | 'en', Counts>;
  perDimension: Map<string, Counts>;
}

function counts(items: DimensionItem[], only?: string): Counts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const it of items) {
    for (const d of it.found) if (!only || d === only) (it.acceptable.has(d) ? tp++ : fp++);
    for (const d of it.dims) if ((!only || d === only) && !it.found.has(d)) fn++;
  }
  // precision counts a found dimension right when it is acceptable; recall, a labelled one found
  const found = (d: DimensionItem) => [...d.dims].filter((x) => (!only || x === only) && d.found.has(x)).length;
  const recalled = items.reduce((s, d) => s + found(d), 0);
  return { tp, fp, fn, precision: div(tp, tp + fp), recall: div(recalled, recalled + fn) };
}

export function dimensionMetrics(items: DimensionItem[]): DimensionMetrics {
  const ids = new Set<string>();
  for (const it of items) for (const d of [...it.found, ...it.dims]) ids.add(d);
  return {
    all: counts(items),
    byLang: { zh: counts(items.filter((i) => i.lang === 'zh')), en: counts(items.filter((i) => i.lang === 'en')) },
    perDimension: new Map([...ids].sort().map((d) => [d, counts(items, d)])),
  };
}
