import type { Mention, Strength } from '../model.js';
import { CATEGORY_IDS, type CategoryId, type Taxonomy } from '../taxonomy/types.js';

/** How much a mention counts by where it stands: a requirement over a duty over a nice-to-have. */
export const STRENGTH_FACTOR: Record<Strength, number> = { required: 1, duty: 0.8, unknown: 0.6, preferred: 0.4 };
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
  kind: 'skill' | 'role';
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
}

function mentionFactor(m: Mention, titleFactor: number, bodyFactor: number): number {
  return m.inTitle ? titleFactor : bodyFactor * STRENGTH_FACTOR[m.strength];
}

/**
 * One owner's pull: its strongest mention counts fully, each further one half as much as the one
 * before (1 + 1/2 + 1/4 …), so repetition helps but cannot swamp the rest.
 */
export function ownerPull(mentions: Mention[], titleFactor: number, bodyFactor = 1): { pull: number; best: Mention | undefined } {
  const fs = mentions.map((m) => ({ m, f: mentionFactor(m, titleFactor, bodyFactor) })).sort((a, b) => b.f - a.f);
  let pull = 0;
  fs.forEach(({ f }, i) => {
    pull += f / 2 ** i;
  });
  return { pull, best: fs[0]?.m };
}

/** Scores every category from weighted hits and picks the winner, with a confidence and the hits that decided it. */
export function classify(tax: Taxonomy, owners: OwnerMentions[]): Classification {
  const scores = Object.fromEntries(CATEGORY_IDS.map((c) => [c, 0])) as Record<CategoryId, number>;
  const skills = new Map(tax.skills.map((s) => [s.id, s]));
  const roles = new Map(tax.roles.map((r) => [r.id, r]));
  const pulls: { o: OwnerMentions; pull: number; best: Mention; weights: Partial<Record<CategoryId, number>> }[] = [];
  for (const o of owners) {
    const def = o.kind === 'skill' ? skills.get(o.id) : roles.get(o.id);
    if (!def) continue;
    const { pull, best } = 'titleFactor' in def ? ownerPull(o.mentions, def.titleFactor, def.bodyFactor) : ownerPull(o.mentions, SKILL_TITLE_FACTOR);
    if (!best) continue;
    for (const c of CATEGORY_IDS) scores[c] += (def.weights[c] ?? 0) * pull;
    pulls.push({ o, pull, best, weights: def.weights });
  }
  for (const c of CATEGORY_IDS) scores[c] = Math.round(scores[c] * 1000) / 1000;

  // ties go to the earlier category in CATEGORY_IDS; an empty posting is no PM role
  let id: CategoryId = 'not-pm';
  let top = 0;
  for (const c of CATEGORY_IDS) {
    if (scores[c] > top) {
      top = scores[c];
      id = c;
    }
  }
  const exps = CATEGORY_IDS.map((c) => Math.exp((scores[c] - top) / TEMPERATURE));
  const sum = exps.reduce((a, b) => a + b, 0);
  const confidence = Math.round((Math.exp(0) / sum) * 1000) / 1000;

  const evidence: Evidence[] = pulls
    .map(({ o, pull, best, weights }) => ({
      kind: o.kind,
      id: o.id,
      text: best.text,
      line: best.line,
      start: best.start,
      end: best.end,
      context: best.context,
      contribution: Math.round((weights[id] ?? 0) * pull * 1000) / 1000,
    }))
    .filter((e) => e.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution || a.start - b.start)
    .slice(0, 5);

  return { id, confidence, scores, evidence };
}
