import { classify, STRENGTH_FACTOR, type OwnerMentions } from './classify/classify.js';
import { askedCandidates, gateDimensions, type AskedCandidate } from './classify/asked.js';
import { postingFeatures, type Feature } from './classify/features.js';
import { classifyFitted, type CategoryModel } from './classify/fitted.js';
import { compileTaxonomy, type CompiledTaxonomy } from './match/compile.js';
import { matchTokens, placeHits, type Hit } from './match/match.js';
import type { Line, Mention, NormalisedText, SourceText, Strength, Token } from './model.js';
import { JdlensError } from './errors.js';
import { readLanguage, type UnreadLanguage } from './normalise/language.js';
import { normalise } from './normalise/normalise.js';
import type { MentionOut, PostingReport, SkillOut, SubLabelOut } from './report/types.js';
import { extractRequirements } from './requirements/extract.js';
import { readSeniority } from './requirements/seniority.js';
import { findRoleBlocks } from './sections/roles.js';
import { detectSections, titleFromLine, type SectionResult } from './sections/sections.js';
import { packTokens, segment, unpackTokens, type PackedTokens, type SegmentOptions } from './segment/segment.js';
import { featureSource, skillsById } from './taxonomy/lookup.js';
import type { Taxonomy } from './taxonomy/types.js';
import { addTo, byString, round3 } from './util.js';

export interface Analyzer {
  taxonomy: Taxonomy;
  compiled: CompiledTaxonomy;
  /** the fitted category model; without one, the taxonomy's own weights classify */
  model?: CategoryModel;
}

export function createAnalyzer(taxonomy: Taxonomy, model?: CategoryModel): Analyzer {
  return model ? { taxonomy, compiled: compileTaxonomy(taxonomy), model } : { taxonomy, compiled: compileTaxonomy(taxonomy) };
}

/** The report plus what measuring tools need and the JSON leaves out. */
export interface Analysis {
  report: PostingReport;
  lines: Line[];
  /** line numbers that hold at least one skill hit or structured requirement */
  coveredLines: Set<number>;
  hasHeadings: boolean;
  /** 1-based line of the title, 0 when there is none */
  titleLine: number;
  /** what the category model reads */
  features: Feature[];
  /** lines that belong to another listed role than the PM one (see findRoleBlocks) */
  otherRoleLines: Set<number>;
  /** false for a text with no sign of a job posting (no role, no section, no skill, no requirement) */
  looksLikePosting: boolean;
  /** every dimension the matching found asked, with what the fitted gate reads of it (before the gate) */
  asked: AskedCandidate[];
}

/** The error a text that reads as no job posting gets: the CLI and folder runs say it instead of guessing. */
export function notAPosting(source: string, unread?: UnreadLanguage): JdlensError {
  // in a language jdlens does not read, that is why it found nothing: say so
  if (unread) return new JdlensError('not-a-posting', `${source}: reads as no job posting: it is written in ${unread.label.en}, and jdlens reads Chinese and English`);
  return new JdlensError('not-a-posting', `${source}: reads as no job posting (no role, no section, no skill, no requirement)`);
}

/** analyze, for callers that report: a text that reads as no job posting is an error, not a guess. */
export function analyzePosting(input: SourceText, analyzer: Analyzer, segmented?: Segmented): Analysis {
  const a = analyze(input, analyzer, segmented);
  if (!a.looksLikePosting) throw notAPosting(input.source, a.report.unreadLanguage);
  return a;
}

const STRENGTH_ORDER: Strength[] = ['required', 'duty', 'unknown', 'preferred'];

function strongest(ms: Mention[]): Strength {
  return ms.map((m) => m.strength).sort((a, b) => STRENGTH_FACTOR[b] - STRENGTH_FACTOR[a])[0] ?? 'unknown';
}

const PROFICIENCY_RANK = { expert: 3, proficient: 2, familiar: 1, aware: 0 } as const;

function mentionOut(m: Mention): MentionOut {
  const o: MentionOut = { text: m.text, line: m.line, start: m.start, end: m.end, strength: m.strength, context: m.context };
  if (m.proficiency) o.proficiency = m.proficiency;
  return o;
}

function groupHits(hits: Hit[], kind: Hit['kind']): Map<string, Mention[]> {
  const by = new Map<string, Mention[]>();
  for (const h of hits) {
    if (h.kind !== kind) continue;
    addTo(by, h.owner, h.mention);
  }
  return by;
}

export interface ReadText {
  norm: NormalisedText;
  sections: SectionResult;
  /** every token with `allTokens`, else those matching could use */
  tokens: Token[];
  /** for Traditional Chinese (read as Simplified): the lines as written, for titles and contexts */
  writtenLines: string[] | undefined;
  hits: Hit[];
}

/** The lines normalised as they are written (Traditional stays Traditional), when they line up with the matched ones. */
function linesAsWritten(text: string, count: number): string[] | undefined {
  const lines = normalise(text, true).text.split('\n');
  return lines.length === count ? lines : undefined;
}

function segmentOptions({ compiled }: Analyzer, allTokens: boolean): SegmentOptions {
  return { userWords: compiled.hanWords, priorityWords: compiled.priorityWords, only: allTokens ? undefined : compiled.only, aliasWord: compiled.only.latinKey };
}

/** A posting read as far as its tokens (normalise → segment), the tokens packed to cross to another thread. */
export interface Segmented {
  norm: NormalisedText;
  tokens: PackedTokens;
}

/**
 * The first stages of reading a posting, for a thread with time to spare to do for the one that
 * analyses (see readText): typed arrays and strings, cheap to copy between threads.
 */
export function segmentPosting(text: string, analyzer: Analyzer): Segmented {
  const norm = normalise(text);
  return { norm, tokens: packTokens(segment(norm, segmentOptions(analyzer, false))) };
}

/**
 * normalise → segment → match → sections: what a posting, a résumé or a term count starts from. One
 * matcher finds the taxonomy's aliases and the lexicon's terms; the sections follow from the terms
 * (headings, markers, boilerplate), and the aliases' hits are then placed in them.
 */
export function readText(text: string, analyzer: Analyzer, allTokens = false, segmented?: Segmented): ReadText {
  const norm = segmented?.norm ?? normalise(text);
  const rawLines = norm.text.split('\n');
  const { compiled } = analyzer;
  // matching needs only the tokens that can be part of a hit; counting terms needs them all
  const tokens = segmented ? unpackTokens(segmented.tokens, norm.text) : segment(norm, segmentOptions(analyzer, allTokens));
  const { found, terms, clauses } = matchTokens(norm, tokens, rawLines, compiled);
  // the role words matching found, by line: a title's part that holds one names the role, not the employer
  const roleWords = new Map<number, string[]>();
  for (const f of found) if (f.kind === 'role') addTo(roleWords, f.line, norm.text.slice(f.start, f.end));
  const sections = detectSections(rawLines, terms, roleWords);
  const writtenLines = norm.simplified ? linesAsWritten(text, sections.lines.length) : undefined;
  const hits = placeHits(found, { norm, clauses, lines: sections.lines, titleLine: sections.titleLine, writtenLines });
  return { norm, sections, tokens, hits, writtenLines };
}

/** Every skill's and role word's mentions: what the taxonomy's own weights classify by (a fitted model reads features). */
function ownersOf(hits: Hit[]): OwnerMentions[] {
  return [
    ...[...groupHits(hits, 'skill')].map(([id, mentions]) => ({ kind: 'skill' as const, id, mentions })),
    ...[...groupHits(hits, 'role')].map(([id, mentions]) => ({ kind: 'role' as const, id, mentions })),
  ];
}

/** The skills a posting asks for, strongest first. */
function skillsOut(taxonomy: Taxonomy, askedHits: Map<string, Mention[]>): SkillOut[] {
  const skillDefs = skillsById(taxonomy);
  const skills: SkillOut[] = [];
  for (const [id, mentions] of askedHits) {
    const def = skillDefs.get(id)!;
    if (def.signalOnly) continue;
    if (def.knowledge && !mentions.some((m) => m.asksToKnow || m.proficiency)) continue;
    const s: SkillOut = { id, label: def.label, dimension: def.dimension, strength: strongest(mentions), count: mentions.length, mentions: mentions.map(mentionOut) };
    const prof = mentions.map((m) => m.proficiency).filter((p) => p !== undefined).sort((a, b) => PROFICIENCY_RANK[b] - PROFICIENCY_RANK[a])[0];
    if (prof) s.proficiency = prof;
    skills.push(s);
  }
  return skills.sort((a, b) => STRENGTH_ORDER.indexOf(a.strength) - STRENGTH_ORDER.indexOf(b.strength) || b.count - a.count || byString(a.id, b.id));
}

/** Sub-labels (modality, business model …) with their counts and first mentions. */
function subLabelsOut(taxonomy: Taxonomy, hits: Hit[]): Record<string, SubLabelOut[]> {
  const subHits = groupHits(hits, 'sub');
  const subLabels: Record<string, SubLabelOut[]> = {};
  for (const g of taxonomy.subLabels) {
    const values: SubLabelOut[] = [];
    for (const v of g.values) {
      const ms = subHits.get(`${g.id}/${v.id}`);
      if (ms) values.push({ id: v.id, label: v.label, count: ms.length, mentions: ms.slice(0, 3).map(mentionOut) });
    }
    if (values.length) subLabels[g.id] = values.sort((a, b) => b.count - a.count || byString(a.id, b.id));
  }
  return subLabels;
}

/** read → normalise → segment → match → sections → classify: one posting in, one report out. */
export function analyze(input: SourceText, analyzer: Analyzer, segmented?: Segmented): Analysis {
  const { taxonomy } = analyzer;
  const { norm, sections, hits: allHits, writtenLines } = readText(input.text, analyzer, false, segmented);
  const source = featureSource(taxonomy);
  // a post listing several roles: what the other roles' own lines ask is not what the PM role asks
  const blocks = findRoleBlocks(sections.lines, sections.titleLine, allHits, source.isProductRole);
  const hits = blocks.otherRoleLines.size ? allHits.filter((h) => h.kind === 'role' || !blocks.otherRoleLines.has(h.mention.line)) : allHits;

  // what a posting says of its company or benefits feeds the classification, not the list of skills asked for
  const matched = skillsOut(taxonomy, groupHits(hits.filter((h) => !h.mention.background), 'skill'));
  const subLabels = subLabelsOut(taxonomy, hits);

  // a posting in a language jdlens does not read is still read, but says so
  const { language, unread } = readLanguage(norm.text);
  // a dimension is listed only where the fitted gate reads it as asked of the reader
  const asked = askedCandidates(matched, sections.lines, { language, hasHeadings: sections.hasHeadings });
  const gate = analyzer.model?.doc.asked;
  const gated = gate ? gateDimensions(gate, asked) : undefined;
  const kept = gated && new Set(gated.filter((g) => g.kept).map((g) => g.dimension));
  const skills = kept ? matched.filter((s) => kept.has(s.dimension)) : matched;
  // what the gate set aside stays visible: the dimension, how likely asked, the skills named
  const mentioned = gated
    ?.filter((g) => !g.kept)
    .map((g) => ({
      dimension: g.dimension,
      label: taxonomy.dimensions.find((d) => d.id === g.dimension)?.label ?? { zh: g.dimension, en: g.dimension },
      asked: round3(g.asked),
      skills: matched.filter((s) => s.dimension === g.dimension).map((s) => s.id),
    }))
    .sort((a, b) => b.asked - a.asked || byString(a.dimension, b.dimension));
  const features = postingFeatures(hits, source, { language, hasHeadings: sections.hasHeadings, hasTitle: sections.titleLine > 0, roles: blocks.roles });
  const cls = analyzer.model ? classifyFitted(analyzer.model, features) : classify(taxonomy, ownersOf(hits));
  const stating = new Set<number>();
  const requirements = extractRequirements(norm, sections.lines, stating).filter((r) => !blocks.otherRoleLines.has(r.line));
  const seniority = readSeniority(norm, sections.lines, sections.titleLine, hits, requirements);
  if (seniority) requirements.unshift(seniority);
  const coveredLines = new Set<number>([...hits.filter((h) => h.kind === 'skill' && !h.mention.background).map((h) => h.mention.line), ...requirements.map((r) => r.line), ...stating]);
  // a text with no sign of a job posting: no role, no section, no skill, no requirement
  const looksLikePosting = sections.hasHeadings || requirements.length > 0 || allHits.some((h) => h.kind === 'role' || h.kind === 'skill');
  const category = taxonomy.categories.find((c) => c.id === cls.id)!;

  const report: PostingReport = {
    source: input.source,
    language,
    ...(unread ? { unreadLanguage: unread } : {}),
    // Traditional Chinese is matched as Simplified but shown as written
    title: writtenLines && sections.titleLine > 0 ? titleFromLine(writtenLines[sections.titleLine - 1]!, sections.titleFrom) : sections.title,
    roles: blocks.roles,
    category: { id: cls.id, label: category.label, confidence: cls.confidence, alternatives: cls.alternatives, evidence: cls.evidence },
    scores: cls.scores,
    subLabels,
    skills,
    ...(mentioned ? { mentioned } : {}),
    requirements,
  };
  return { report, lines: sections.lines, coveredLines, hasHeadings: sections.hasHeadings, titleLine: sections.titleLine, features, otherRoleLines: blocks.otherRoleLines, looksLikePosting, asked };
}
