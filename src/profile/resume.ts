import { readText, type Analyzer } from '../analyze.js';
import type { SourceText } from '../model.js';
import { DEGREE_RANK, extractRequirements } from '../requirements/extract.js';
import { skillsById } from '../taxonomy/lookup.js';
import type { Reader } from './types.js';

/**
 * What a résumé shows: it goes through the same read → normalise → segment → match as a posting;
 * every skill it evidences counts as held (level 2) with the line that proves it, and so do the
 * skills those show (the taxonomy's `shows`); its years
 * of experience and highest degree are read like a posting's requirements.
 */
export function readResume(resume: SourceText, analyzer: Analyzer): Reader {
  const { norm, sections, hits } = readText(resume.text, analyzer);
  const reader: Reader = { domains: [], languages: [], skills: new Map(), sources: [resume.source] };
  const skillDefs = skillsById(analyzer.taxonomy);
  for (const h of hits) {
    if (h.kind !== 'skill' || reader.skills.has(h.owner)) continue;
    const def = skillDefs.get(h.owner);
    if (!def || def.signalOnly) continue;
    reader.skills.set(h.owner, { id: h.owner, level: 2, from: 'resume', evidence: `${h.mention.line}: ${h.mention.context}` });
    if (def.dimension === 'domain-expertise') reader.domains.push(...[...def.aliases.zh, ...def.aliases.en].map((a) => a.toLowerCase()));
  }
  // a résumé tells what its writer built: building with a skill shows the skills it rests on
  // (an LLM-powered assistant shipped shows how LLMs work), with the same line as evidence
  for (const held of [...reader.skills.values()]) {
    for (const id of skillDefs.get(held.id)?.shows ?? []) {
      if (!reader.skills.has(id)) reader.skills.set(id, { id, level: 2, from: 'resume', evidence: held.evidence! });
    }
  }
  const reqs = extractRequirements(norm, sections.lines);
  const years = [...reqs.filter((r) => r.kind === 'years').map((r) => Number(r.value)), ...[yearsFromDates(sections.lines.map((l) => l.text))].filter((y) => y !== undefined)];
  if (years.length) reader.years = Math.max(...years);
  const degrees = reqs.filter((r) => r.kind === 'degree').map((r) => String(r.value));
  if (degrees.length) reader.degree = degrees.sort((a, b) => (DEGREE_RANK[b] ?? 0) - (DEGREE_RANK[a] ?? 0))[0];
  for (const r of reqs) if (r.kind === 'language') reader.languages.push(String(r.value));
  return reader;
}

/** Profile and résumé together: the profile wins where both say something. */
export function mergeReaders(profile: Reader | undefined, resume: Reader | undefined): Reader | undefined {
  if (!profile) return resume;
  if (!resume) return profile;
  const skills = new Map(resume.skills);
  for (const [id, s] of profile.skills) {
    const r = resume.skills.get(id);
    skills.set(id, r?.evidence ? { ...s, evidence: r.evidence } : s);
  }
  const merged: Reader = {
    ...(profile.seniority !== undefined ? { seniority: profile.seniority } : {}),
    domains: [...new Set([...profile.domains, ...resume.domains])],
    languages: [...new Set([...profile.languages, ...resume.languages])],
    skills,
    sources: [...profile.sources, ...resume.sources],
  };
  const name = profile.name ?? resume.name;
  if (name !== undefined) merged.name = name;
  const years = profile.years ?? resume.years;
  if (years !== undefined) merged.years = years;
  const degree = profile.degree ?? resume.degree;
  if (degree !== undefined) merged.degree = degree;
  return merged;
}

// "2021.07 – 至今（4年）", "2019–2025", "Mar 2020 - present": a job's span
const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const DATE = `(?:(?:${MONTHS})[a-z]*\\.?\\s+)?((?:19|20)\\d{2})(?:\\s*[.\\-/年]\\s*(\\d{1,2})\\s*月?)?`;
const RANGE = new RegExp(`${DATE}\\s*(?:[-–—~～]+|至|到|to)\\s*(?:${DATE}|(至今|现在|今|present|now|current|today))`, 'gi');
const EDUCATION = /(大学|学院|本科|硕士|博士|研究生|学士|university|college|school|bachelor|master|ph\.?d|education|教育经历)/i;
const SPELLED = /[(（]\s*(\d{1,2})\s*(?:年|years?|yrs?)\s*[)）]/gi;

/**
 * Years of work a résumé shows: from the earliest start to the latest end of its job spans
 * (education lines left out), or the years it spells out beside them ("（4年）"), whichever is more.
 */
export function yearsFromDates(lines: string[], now = new Date()): number | undefined {
  let first = Infinity;
  let last = -Infinity;
  let spelled = 0;
  for (const line of lines) {
    if (EDUCATION.test(line)) continue;
    RANGE.lastIndex = 0;
    for (let m = RANGE.exec(line); m; m = RANGE.exec(line)) {
      const start = Number(m[1]) + (m[2] ? (Number(m[2]) - 1) / 12 : 0);
      const end = m[5] ? now.getFullYear() + now.getMonth() / 12 : Number(m[3]) + (m[4] ? (Number(m[4]) - 1) / 12 : 0);
      if (end < start || end - start > 50) continue;
      first = Math.min(first, start);
      last = Math.max(last, end);
    }
    SPELLED.lastIndex = 0;
    for (let m = SPELLED.exec(line); m; m = SPELLED.exec(line)) spelled = Math.max(spelled, Number(m[1]));
  }
  const span = Number.isFinite(first) ? Math.floor(last - first + 1e-9) : 0;
  const years = Math.max(span, spelled);
  return years > 0 ? years : undefined;
}
