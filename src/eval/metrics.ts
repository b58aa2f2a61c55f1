import { CATEGORY_IDS, type CategoryId } from '../taxonomy/types.js';

export interface LabelledResult {
  file: string;
  lang: 'zh' | 'en';
  primary: CategoryId;
  also?: CategoryId;
  predicted: CategoryId;
  goldDims: Set<string>;
  foundDims: Set<string>;
  coverable: number;
  covered: number;
  uncovered: { line: number; text: string }[];
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvalSummary {
  n: number;
  accuracy: number;
  perCategory: Record<CategoryId, PRF>;
  macroF1: number;
  confusion: Record<CategoryId, Record<CategoryId, number>>;
  recallByLang: Record<'zh' | 'en', Record<CategoryId, { recall: number; support: number }>>;
  dimensions: { precision: number; recall: number; tp: number; fp: number; fn: number };
  coverage: { ratio: number; covered: number; total: number };
  misses: LabelledResult[];
}

const div = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** The label a prediction is scored against: the accepted second label when it was chosen, else the primary. */
export function effectiveTruth(r: LabelledResult): CategoryId {
  return r.also && r.predicted === r.also ? r.also : r.primary;
}

export function summarise(results: LabelledResult[]): EvalSummary {
  const zero = () => Object.fromEntries(CATEGORY_IDS.map((c) => [c, 0])) as Record<CategoryId, number>;
  const confusion = Object.fromEntries(CATEGORY_IDS.map((c) => [c, zero()])) as Record<CategoryId, Record<CategoryId, number>>;
  for (const r of results) confusion[effectiveTruth(r)][r.predicted]++;

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
  const macroF1 = div(present.reduce((n, c) => n + perCategory[c].f1, 0), present.length);

  const recallByLang = { zh: {}, en: {} } as EvalSummary['recallByLang'];
  for (const lang of ['zh', 'en'] as const) {
    for (const c of CATEGORY_IDS) {
      const rs = results.filter((r) => r.lang === lang && effectiveTruth(r) === c);
      recallByLang[lang][c] = { recall: div(rs.filter((r) => r.predicted === c).length, rs.length), support: rs.length };
    }
  }

  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of results) {
    for (const d of r.foundDims) (r.goldDims.has(d) ? tp++ : fp++);
    for (const d of r.goldDims) if (!r.foundDims.has(d)) fn++;
  }
  const covered = results.reduce((n, r) => n + r.covered, 0);
  const total = results.reduce((n, r) => n + r.coverable, 0);
  const correct = results.filter((r) => r.predicted === r.primary || r.predicted === r.also).length;
  return {
    n: results.length,
    accuracy: div(correct, results.length),
    perCategory,
    macroF1,
    confusion,
    recallByLang,
    dimensions: { precision: div(tp, tp + fp), recall: div(tp, tp + fn), tp, fp, fn },
    coverage: { ratio: div(covered, total), covered, total },
    misses: results.filter((r) => r.predicted !== r.primary && r.predicted !== r.also),
  };
}
