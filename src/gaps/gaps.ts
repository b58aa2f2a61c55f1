import type { Strength } from '../model.js';
import type { Level, Reader } from '../profile/types.js';
import { DEGREE_LABEL, DEGREE_RANK, minimumDegree } from '../requirements/extract.js';
import type { Gap, MentionOut, PostingReport, RequirementGap, SkillOut, StrengthItem } from '../contract/report.js';

export type { Gap, RequirementGap, StrengthItem };
import { skillsById } from '../taxonomy/lookup.js';
import type { Skill, Taxonomy } from '../taxonomy/types.js';
import { byString } from '../util.js';
import { seniorityRank } from '../requirements/seniority.js';

/** How much a skill's strength in the posting weighs in a gap's score and in the fit. */
export const GAP_STRENGTH_WEIGHT: Record<Strength, number> = { required: 3, duty: 2, unknown: 1.5, preferred: 1 };
/** Share of the fit that the structured requirements (years, degree, language, industry) carry. */
export const REQUIREMENT_SHARE = 0.15;

export interface GapReport {
  fit: number;
  gaps: Gap[];
  requirementGaps: RequirementGap[];
  strengths: StrengthItem[];
}

/**
 * The level a posting asks for: 精通/expert 3; 熟练/proficient and 熟悉/familiar 2; 了解/aware 1;
 * without such a word, 2 for a requirement, duty or plain mention and 1 for a nice-to-have.
 */
export function impliedLevel(skill: Pick<SkillOut, 'strength' | 'proficiency'>): Level {
  switch (skill.proficiency) {
    case 'expert':
      return 3;
    case 'proficient':
    case 'familiar':
      return 2;
    case 'aware':
      return 1;
    default:
      return skill.strength === 'preferred' ? 1 : 2;
  }
}

/** 1 + the skill's weight for the posting's category (negative weights count as 0). */
function categoryWeight(def: Skill, report: PostingReport): number {
  return 1 + Math.max(0, def.weights[report.category.id] ?? 0);
}

/**
 * A gap's score: strength weight (required 3, duty 2, mentioned 1.5, nice-to-have 1)
 * × (1 + the skill's weight for the posting's category) × (1 + log2 of its mentions)
 * × the share of the asked level the reader lacks ((required − held) / required).
 */
export function gapScore(skill: SkillOut, def: Skill, report: PostingReport, required: Level, held: Level): number {
  const lacking = (required - held) / required;
  const score = GAP_STRENGTH_WEIGHT[skill.strength] * categoryWeight(def, report) * (1 + Math.log2(skill.count)) * lacking;
  return Math.round(score * 100) / 100;
}

function sourceText(def: Skill): string {
  return def.source.section ? `${def.source.seed} ${def.source.section}` : def.source.seed;
}

function evidenceOf(skill: SkillOut): MentionOut {
  return skill.mentions.find((m) => m.strength === skill.strength) ?? skill.mentions[0]!;
}

function matchesDomain(requirement: string, reader: Reader): boolean {
  const r = requirement.toLowerCase();
  return reader.domains.some((d) => d.length >= 2 && (r.includes(d) || d.includes(r)));
}

/** Compares the posting's structured requirements with the reader: met, unmet, or unknown. */
export function requirementGaps(report: PostingReport, reader: Reader): RequirementGap[] {
  const out: RequirementGap[] = [];
  const reqs = report.requirements.filter((r) => r.strength !== 'preferred');
  // the posting's level against the reader's, on one scale: a gap when the posting's is higher
  // a level the years alone give is checked as years, not twice
  const level = reqs.find((r) => r.kind === 'seniority' && !r.fromYears);
  if (level) {
    const held = reader.seniority ?? null;
    out.push({ kind: 'seniority', label: level.label, required: String(level.value), held, met: held === null ? null : seniorityRank(held) >= seniorityRank(String(level.value)), evidence: level.text });
  }
  const years = reqs.filter((r) => r.kind === 'years').map((r) => Number(r.value));
  if (years.length) {
    const need = Math.max(...years);
    const r = reqs.find((x) => x.kind === 'years' && Number(x.value) === need)!;
    out.push({ kind: 'years', label: r.label, required: need, held: reader.years ?? null, met: reader.years === undefined ? null : reader.years >= need, evidence: r.text });
  }
  const need = minimumDegree(reqs);
  if (need) {
    out.push({
      kind: 'degree',
      label: DEGREE_LABEL[need] ?? { zh: need, en: need },
      required: need,
      held: reader.degree ?? null,
      met: reader.degree === undefined ? null : (DEGREE_RANK[reader.degree] ?? -1) >= (DEGREE_RANK[need] ?? 9),
      evidence: reqs.find((x) => x.kind === 'degree' && x.value === need)?.text ?? '',
    });
  }
  for (const r of reqs.filter((x) => x.kind === 'language')) {
    const known = reader.languages.length > 0;
    out.push({ kind: 'language', label: r.label, required: String(r.value), held: known ? reader.languages.join(', ') : null, met: known ? reader.languages.includes(String(r.value)) : null, evidence: r.text });
  }
  for (const r of reqs.filter((x) => x.kind === 'industry')) {
    const known = reader.domains.length > 0;
    out.push({ kind: 'industry', label: r.label, required: String(r.value), held: known ? reader.domains.slice(0, 5).join(', ') : null, met: known ? matchesDomain(String(r.value), reader) : null, evidence: r.text });
  }
  return out;
}

/**
 * Gaps, strengths and fit of one posting for one reader.
 * fit = 100 × (0.85 × skillFit + 0.15 × requirementFit), where skillFit is the weighted share of the
 * asked levels the reader holds (weight: strength weight × (1 + category weight), credit:
 * min(held, required) / required) and requirementFit the share of checkable requirements met;
 * with no checkable requirement, fit = 100 × skillFit. Same inputs, same score.
 */
export function computeGaps(report: PostingReport, reader: Reader, tax: Taxonomy): GapReport {
  const defs = skillsById(tax);
  const gaps: Gap[] = [];
  const strengths: StrengthItem[] = [];
  let weightSum = 0;
  let credit = 0;
  for (const skill of report.skills) {
    const def = defs.get(skill.id);
    if (!def) continue;
    const required = impliedLevel(skill);
    const heldSkill = reader.skills.get(skill.id);
    const held = (heldSkill?.level ?? 0) as Level;
    const w = GAP_STRENGTH_WEIGHT[skill.strength] * categoryWeight(def, report);
    weightSum += w;
    credit += (w * Math.min(held, required)) / required;
    if (held >= required) {
      const item: StrengthItem = { skillId: skill.id, label: skill.label, dimension: skill.dimension, held, evidence: evidenceOf(skill) };
      if (heldSkill?.evidence) item.resumeEvidence = heldSkill.evidence;
      strengths.push(item);
      continue;
    }
    gaps.push({
      skillId: skill.id,
      label: skill.label,
      dimension: skill.dimension,
      status: held === 0 ? 'missing' : 'partial',
      required,
      held,
      strength: skill.strength,
      score: gapScore(skill, def, report, required, held),
      evidence: evidenceOf(skill),
      advice: def.advice,
      source: sourceText(def),
      ...(tax.seeds?.[def.source.seed] ? { seed: tax.seeds[def.source.seed]! } : {}),
    });
  }
  gaps.sort((a, b) => b.score - a.score || byString(a.skillId, b.skillId));
  strengths.sort((a, b) => b.held - a.held || byString(a.skillId, b.skillId));
  const rgaps = requirementGaps(report, reader);
  const checkable = rgaps.filter((g) => g.met !== null);
  const skillFit = weightSum ? credit / weightSum : 1;
  const fit = checkable.length
    ? (1 - REQUIREMENT_SHARE) * skillFit + REQUIREMENT_SHARE * (checkable.filter((g) => g.met).length / checkable.length)
    : skillFit;
  return { fit: Math.round(fit * 100), gaps, requirementGaps: rgaps, strengths };
}
