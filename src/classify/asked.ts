// Which matched dimensions a posting really asks for. A word of a dimension in a posting is not
// always a thing asked of the reader: one mention in a paragraph where the company speaks of itself
// ("we build AI agents for insurers") is not, three in the requirements are. A small fitted model
// (logistic regression over the same labelled postings, cross-validated) weighs what the reading
// already knows of each dimension's mentions — how many, where (requirement, duty, nice-to-have,
// body text), in list items or long prose, in whose voice — and keeps a dimension only when it is
// more likely asked than not (the model's threshold: a fixed one half).
import type { Line, PostingLanguage } from '../model.js';
import type { SkillOut } from '../report/types.js';
import { voiceOf } from '../lexicon/lexicon.js';
import { addTo, byString } from '../util.js';
import type { Feature } from './features.js';

/** One dimension the matching found in what a posting asks, with what the gate reads of it. */
export interface AskedCandidate {
  dimension: string;
  features: Feature[];
}

/** The fitted gate, as the model file keeps it: a logit per feature, and the threshold it keeps at. */
export interface AskedModel {
  /** the probability at or above which a dimension is listed */
  threshold: number;
  bias: number;
  weights: Record<string, number>;
}

// a list item: a bullet, or a number or letter that opens the line
const LIST_ITEM = /^\s*(?:[-*•●·▪◆▸►✓✔+]|[(（]?\d{1,2}\s*[.、)）,，:：．]|[①-⑳]|[a-zA-Z][.)]\s)/;
/** A line longer than this is prose (a paragraph), not an item. */
const PROSE = 200;

const log2p = (n: number) => Math.log2(1 + n);

/**
 * What the gate reads of each dimension the listed skills fall in: the number of mentions, skills
 * and lines (log-scaled), the strengths they stand at, the share of their lines that are list
 * items, long prose, or in the company's own voice, whether a proficiency word comes with them,
 * the posting's language and shape, and the dimension itself (alone and by language).
 */
export function askedCandidates(skills: SkillOut[], lines: Line[], shape: { language: PostingLanguage; hasHeadings: boolean }): AskedCandidate[] {
  const byDim = new Map<string, SkillOut[]>();
  for (const s of skills) {
    addTo(byDim, s.dimension, s);
  }
  // what a line is (an item, prose, the company's voice) is read once, however many dimensions it serves
  const facts = new Map<number, { item: boolean; prose: boolean; company: boolean }>();
  const factsOf = (n: number) => {
    let f = facts.get(n);
    if (!f) {
      const t = lines[n - 1]?.text ?? '';
      facts.set(n, (f = { item: LIST_ITEM.test(t), prose: t.length > PROSE, company: voiceOf(lines[n - 1]?.terms ?? []) === 'company' }));
    }
    return f;
  };
  const out: AskedCandidate[] = [];
  for (const [dimension, group] of [...byDim].sort((a, b) => byString(a[0], b[0]))) {
    const mentions = group.flatMap((s) => s.mentions);
    const lineFacts = [...new Set(mentions.map((m) => m.line))].map(factsOf);
    const strengths = new Set(mentions.map((m) => m.strength));
    const share = (key: 'item' | 'prose' | 'company') => lineFacts.filter((l) => l[key]).length / lineFacts.length;
    const f: Feature[] = [
      { name: `dim:${dimension}`, value: 1 },
      { name: `dim:${dimension}@${shape.language}`, value: 1 },
      { name: `lang:${shape.language}`, value: 1 },
      { name: 'mentions', value: log2p(mentions.length) },
      { name: 'skills', value: log2p(group.length) },
      { name: 'lines', value: log2p(lineFacts.length) },
      { name: 'list-items', value: share('item') },
      { name: 'prose', value: share('prose') },
      { name: 'company-voice', value: share('company') },
    ];
    for (const s of [...strengths].sort()) f.push({ name: `at:${s}`, value: 1 });
    if (strengths.size === 1 && strengths.has('unknown')) f.push({ name: 'at:unknown-only', value: 1 });
    if (shape.hasHeadings) f.push({ name: 'shape:headings', value: 1 });
    if (mentions.some((m) => m.proficiency)) f.push({ name: 'proficiency', value: 1 });
    out.push({ dimension, features: f });
  }
  return out;
}

/** The probability that a candidate dimension is asked for, under the fitted gate. */
export function askedProbability(model: AskedModel, features: Feature[]): number {
  let z = model.bias;
  for (const f of features) z += (model.weights[f.name] ?? 0) * f.value;
  return 1 / (1 + Math.exp(-z));
}

/** Each candidate dimension under the gate: its probability, and whether it is listed. */
export function gateDimensions(model: AskedModel, candidates: AskedCandidate[]): { dimension: string; asked: number; kept: boolean }[] {
  return candidates.map((c) => {
    const asked = askedProbability(model, c.features);
    return { dimension: c.dimension, asked, kept: asked >= model.threshold };
  });
}
