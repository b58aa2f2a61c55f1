import type { Mention, Strength } from '../model.js';
import { CATEGORY_IDS, type CategoryId, type Taxonomy } from '../taxonomy/types.js';
import { round3 } from '../util.js';

/** How much a mention counts by where it stands: a requirement over a duty over a nice-to-have. */
export const STRENGTH_FACTOR: Record<Strength, number> = { required: 1, duty: 0.8, unknown: 0.6, preferred: 0.4 };
/** Text about the company, benefits or applying says little about the role. */
export const BACKGROUND_FACTOR = 0.3;
/** A skill named in the title says more about the role than one in the body. */
export const SKILL_TITLE_FACTOR = 2.5;
/** Softmax temperature that turns scores into a confidence. */
export const TEMPERATURE = 2;

export interface OwnerMentions {
  kind: 'skill' | 'role';
  id: string;
  mentions: Mention[];
}

export interface Evidence {
  kind: 'skill' | 'role' | 'sub';
  id: string;
  text: string;
  line: number;
  start: number;
  end: number;
  context: string;
  /** what this hit added to the winning category's score */
  contribution: number;
}

export interface Classification {
  id: CategoryId;
  confidence: number;
  scores: Record<CategoryId, number>;
  evidence: Evidence[];
  /** categories whose confidence comes close to the winner's, most likely first */
  alternatives: { id: CategoryId; confidence: number }[];
}

/** How close another category must come for the report to say "between A and B". */
export const CLOSE = 0.5;
export const MIN_ALTERNATIVE = 0.2;

/** The categories other than the winner that come close to it, most likely first. */
export function alternativesOf(p: Record<CategoryId, number>, winner: CategoryId): { id: CategoryId; confidence: number }[] {
  return CATEGORY_IDS.filter((c) => c !== winner && p[c] >= MIN_ALTERNATIVE && p[c] >= CLOSE * p[winner])
    .sort((a, b) => p[b] - p[a])
    .map((c) => ({ id: c, confidence: round3(p[c]) }));
}

function mentionFactor(m: Mention, titleFactor: number, bodyFactor: number): number {
  if (m.inTitle) return titleFactor;
  // a role's own heading on a page that lists several roles counts half as much as the title
  if (m.inRoleHeading) return titleFactor / 2;
  return bodyFactor * (m.background ? BACKGROUND_FACTOR : STRENGTH_FACTOR[m.strength]);
}

/**
 * One owner's pull: its strongest mention counts fully, each further one half as much as the one
 * before (1 + 1/2 + 1/4 …), so repetition helps but cannot swamp the rest.
 */
export function ownerPull(mentions: Mention[], titleFactor: number, bodyFactor = 1): { pull: number; best: Mention | undefined } {
  // a title names a thing once, however many times its words repeat there
  const firstTitle = mentions.find((m) => m.inTitle);
  const counted = mentions.filter((m) => !m.inTitle || m === firstTitle);
  const fs = counted.map((m) => ({ m, f: mentionFactor(m, titleFactor, bodyFactor) })).sort((a, b) => b.f - a.f);
  let pull = 0;
  fs.forEach(({ f }, i) => {
    pull += f / 2 ** i;
  });
  return { pull, best: fs[0]?.m };
}

const PM_CATEGORIES = CATEGORY_IDS.filter((c) => c !== 'not-pm');

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Two questions, answered in order.
 * 1. Is it a PM role at all? Role markers answer it: those that pull toward not-pm (engineer,
 *    researcher …) against those that pull away from it (product manager …), title hits counting
 *    most; a title that names a PM role among others counts as a PM title. Their balance b gives
 *    P(not-pm) = sigmoid(b). A posting in which no word names a product role is not a PM role
 *    (P(not-pm) at least 0.9).
 * 2. Which kind of PM role? The category scores: every hit's pull times the skill's weight.
 * The confidence is P(not-pm) for a non-PM role, else (1 − P(not-pm)) × softmax(scores / T) of
 * the winner among the four PM categories.
 */
/** A skill or role as classification reads it: weights in CATEGORY_IDS order, fixed shape. */
interface OwnerDef {
  role: boolean;
  weights: number[];
  /** its weight toward not-pm (roles only count it) */
  towardNotPm: number;
  titleFactor: number;
  bodyFactor: number;
}

const models = new WeakMap<Taxonomy, Map<string, OwnerDef>>();

/** Every owner of a taxonomy, keyed "skill:id" or "role:id", worked out once per taxonomy. */
function ownerDefs(tax: Taxonomy): Map<string, OwnerDef> {
  let m = models.get(tax);
  if (!m) {
    m = new Map();
    for (const s of tax.skills) m.set(`skill:${s.id}`, { role: false, weights: CATEGORY_IDS.map((c) => s.weights[c] ?? 0), towardNotPm: s.weights['not-pm'] ?? 0, titleFactor: SKILL_TITLE_FACTOR, bodyFactor: 1 });
    for (const r of tax.roles) m.set(`role:${r.id}`, { role: true, weights: CATEGORY_IDS.map((c) => r.weights[c] ?? 0), towardNotPm: r.weights['not-pm'] ?? 0, titleFactor: r.titleFactor, bodyFactor: r.bodyFactor });
    models.set(tax, m);
  }
  return m;
}

export function classify(tax: Taxonomy, owners: OwnerMentions[]): Classification {
  const defs = ownerDefs(tax);
  // doubles from the start: an array of small integers turning into one of doubles would cost a recompile
  const totals = new Float64Array(CATEGORY_IDS.length);
  const pulls: { o: OwnerMentions; pull: number; best: Mention; def: OwnerDef }[] = [];
  let balance = 0;
  let roleSeen = false;
  let pmSeen = false;
  // a title that names a PM role among others ("产品经理/前端开发工程师/SRE") is a PM posting to its reader
  const pmInTitle = owners.some((o) => o.kind === 'role' && (defs.get(`role:${o.id}`)?.towardNotPm ?? 0) < 0 && o.mentions.some((m) => m.inTitle));
  for (const o of owners) {
    const def = defs.get(`${o.kind}:${o.id}`);
    if (!def) continue;
    const { pull, best } = ownerPull(o.mentions, def.titleFactor, def.bodyFactor);
    if (!best) continue;
    for (let c = 0; c < totals.length; c++) totals[c]! += def.weights[c]! * pull;
    if (def.role) {
      const toward = def.towardNotPm;
      if (toward !== 0) {
        roleSeen = true;
        if (toward < 0) pmSeen = true;
        const counted = toward > 0 && pmInTitle ? ownerPull(o.mentions.filter((m) => !m.inTitle), def.titleFactor, def.bodyFactor).pull : pull;
        balance += Math.sign(toward) * counted;
      }
    }
    pulls.push({ o, pull, best, def });
  }
  const scores = Object.fromEntries(CATEGORY_IDS.map((c, i) => [c, round3(totals[i]!)])) as Record<CategoryId, number>;

  const pmTop = PM_CATEGORIES.reduce((best, c) => (scores[c] > scores[best] ? c : best), PM_CATEGORIES[0]!);
  const exps = PM_CATEGORIES.map((c) => Math.exp((scores[c] - scores[pmTop]) / TEMPERATURE));
  const pmShare = 1 / exps.reduce((a, b) => a + b, 0);
  let pNotPm: number;
  if (owners.length === 0) pNotPm = 1;
  // no word anywhere names a product role: whatever skills it lists, it is not a PM posting
  else if (!pmSeen) pNotPm = Math.max(0.9, roleSeen ? sigmoid(balance) : sigmoid(scores['not-pm'] - scores[pmTop]));
  else pNotPm = sigmoid(balance);
  const id: CategoryId = pNotPm > 0.5 ? 'not-pm' : pmTop;
  const confidence = round3(id === 'not-pm' ? pNotPm : (1 - pNotPm) * pmShare);

  const evidence: Evidence[] = pulls
    .map(({ o, pull, best, def }) => ({
      kind: o.kind,
      id: o.id,
      text: best.text,
      line: best.line,
      start: best.start,
      end: best.end,
      context: best.context,
      contribution: round3(def.weights[CATEGORY_IDS.indexOf(id)]! * pull),
    }))
    .filter((e) => e.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution || a.start - b.start)
    .slice(0, 5);

  const probs = { 'not-pm': pNotPm } as Record<CategoryId, number>;
  PM_CATEGORIES.forEach((c, i) => (probs[c] = ((1 - pNotPm) * exps[i]!) * pmShare));
  return { id, confidence, scores, evidence, alternatives: alternativesOf(probs, id) };
}
