import { readText, type Analyzer } from '../analyze.js';
import type { SourceText } from '../model.js';
import { DEGREE_RANK, extractRequirements } from '../requirements/extract.js';
import { skillsById } from '../taxonomy/lookup.js';
import type { Reader } from './types.js';

/**
 * What a résumé shows: it goes through the same read → normalise → segment → match as a posting;
 * every skill it evidences counts as held (level 2) with the line that proves it, and its years
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
  const reqs = extractRequirements(norm, sections.lines);
  const years = reqs.filter((r) => r.kind === 'years').map((r) => Number(r.value));
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
