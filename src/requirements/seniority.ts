// The level a posting measures its reader against: from the title first, else from a level word
// standing just before a role word in the body ("资深产品经理", "Senior Product Manager"), or an
// Alibaba-style P level (P5 … P10), or a T level (T1 … T4) where the line speaks of 职级 / level.
// The words are the lexicon's, one ordered scale for all languages.
import type { RequirementOut } from '../contract/report.js';
import { levelWords, SENIORITY_LEVELS, type Seniority } from '../lexicon/lexicon.js';
import type { Hit } from '../match/match.js';
import type { Line, NormalisedText } from '../model.js';
import { toOriginal } from '../normalise/normalise.js';

export const SENIORITY_LABEL: Record<Seniority, { zh: string; en: string }> = {
  intern: { zh: '实习', en: 'Intern' },
  junior: { zh: '初级', en: 'Junior' },
  mid: { zh: '中级', en: 'Mid-level' },
  senior: { zh: '高级/资深', en: 'Senior' },
  staff: { zh: '专家/负责人', en: 'Staff / lead' },
  principal: { zh: '首席/资深专家', en: 'Principal' },
  director: { zh: '总监', en: 'Director / head' },
  vp: { zh: '副总裁', en: 'VP' },
};

const P_LEVEL = /(?<![A-Za-z0-9])P(5|6|7|8|9|10)(?![0-9])/;
const P_TO_LEVEL: Record<string, Seniority> = { '5': 'junior', '6': 'mid', '7': 'senior', '8': 'staff', '9': 'principal', '10': 'director' };
// T levels (T1 … T4, "T3-1") mean a level only where a line says it speaks of one (the lexicon's levelCues: 职级, level)
const T_LEVEL = /(?<![A-Za-z0-9])T([1-4])(?:[-.]\d)?(?![0-9])/;
const T_TO_LEVEL: Record<string, Seniority> = { '1': 'junior', '2': 'mid', '3': 'senior', '4': 'principal' };
/** How far before a role word a level word may stand in the body: "资深", "Senior Staff". */
const BEFORE_ROLE = 16;

export const seniorityRank = (l: string): number => (SENIORITY_LEVELS as readonly string[]).indexOf(l);

/** The level a minimum of years of experience usually means: under 2 junior, 2–4 mid, 5–7 senior, 8+ staff. */
export function levelOfYears(years: number): Seniority {
  return years < 2 ? 'junior' : years < 5 ? 'mid' : years < 8 ? 'senior' : 'staff';
}

/**
 * The posting's level, cross-checked with its years of experience: a stated level carries whether
 * the years agree (within one step of the scale); with no level stated, the years give it
 * (`fromYears`).
 */
export function readSeniority(norm: NormalisedText, lines: Line[], titleLine: number, hits: Hit[], requirements: RequirementOut[] = []): RequirementOut | undefined {
  const stated = statedSeniority(norm, lines, titleLine, hits);
  const years = requirements.filter((r) => r.kind === 'years' && r.strength !== 'preferred');
  const need = years.length ? Math.min(...years.map((r) => Number(r.value))) : undefined;
  if (stated) {
    if (need !== undefined) stated.agreesWithYears = Math.abs(seniorityRank(String(stated.value)) - seniorityRank(levelOfYears(need))) <= 1;
    return stated;
  }
  if (need === undefined) return undefined;
  const r = years.find((y) => Number(y.value) === need)!;
  const level = levelOfYears(need);
  return { kind: 'seniority', value: level, label: SENIORITY_LABEL[level], strength: r.strength, text: r.text, line: r.line, start: r.start, end: r.end, fromYears: true };
}

function statedSeniority(norm: NormalisedText, lines: Line[], titleLine: number, hits: Hit[]): RequirementOut | undefined {
  const at = (lineNo: number, index: number, text: string, level: Seniority): RequirementOut => {
    const base = norm.lineStarts[lineNo - 1]! + index;
    const o = toOriginal(norm, base, base + text.length);
    return { kind: 'seniority', value: level, label: SENIORITY_LABEL[level], strength: 'required', text: norm.original.slice(o.start, o.end), line: lineNo, start: o.start, end: o.end };
  };
  // the title says it best
  if (titleLine > 0) {
    const title = lines[titleLine - 1];
    const t = title?.text ?? '';
    const w = levelWords<Seniority>(title?.terms ?? [], 'seniority', t)[0];
    if (w) return at(titleLine, w.index, w.text, w.level);
    const p = P_LEVEL.exec(t);
    if (p) return at(titleLine, p.index, p[0], P_TO_LEVEL[p[1]!]!);
  }
  // else a level word just before a role word, or a P level, in what the posting asks
  for (const h of hits) {
    if (h.kind !== 'role' || h.mention.inTitle || h.mention.background) continue;
    const line = lines[h.mention.line - 1];
    if (!line) continue;
    const from = Math.max(0, h.col - BEFORE_ROLE);
    const w = levelWords<Seniority>(line.terms, 'seniority', line.text, from, h.col).at(-1);
    if (w) return at(h.mention.line, w.index, w.text, w.level);
  }
  for (const line of lines) {
    if (line.isHeading || line.background) continue;
    const p = P_LEVEL.exec(line.text);
    if (p) return at(line.number, p.index, p[0], P_TO_LEVEL[p[1]!]!);
    const t = line.terms.some((x) => x.group === 'levelCue') ? T_LEVEL.exec(line.text) : null;
    if (t) return at(line.number, t.index, t[0], T_TO_LEVEL[t[1]!]!);
  }
  return undefined;
}
