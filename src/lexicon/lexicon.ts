// The language knowledge of reading, as data: per language a lexicon file (taxonomies/lexicon/*.yaml)
// lists section headings by kind, nice-to-have markers, proficiency words, "asks to know" words and
// boilerplate markers. All languages' lexicons apply to every posting (mixed text is the norm).
// Adding a language means a lexicon file and a segmenter, no code change.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JdlensError } from '../errors.js';
import type { Proficiency } from '../model.js';
import { loadYamlFile } from '../taxonomy/yaml-file.js';

export const LEXICON_DIR = fileURLToPath(new URL('../../taxonomies/lexicon/', import.meta.url));
/** The build writes the merged lexicon here, so that a run need not parse YAML. */
export const COMPILED_LEXICON = fileURLToPath(new URL('../lexicon.compiled.json', import.meta.url));

export const HEADING_KINDS = ['duty', 'required', 'preferred', 'about', 'benefits', 'apply', 'other'] as const;
export type HeadingKind = (typeof HEADING_KINDS)[number];
export const BOILERPLATE_KINDS = ['benefits', 'eeo', 'about', 'apply', 'terms'] as const;
/** The seniority scale, lowest first: a posting's level and a reader's are compared on it. */
export const SENIORITY_LEVELS = ['intern', 'junior', 'mid', 'senior', 'staff', 'principal', 'director', 'vp'] as const;
export type Seniority = (typeof SENIORITY_LEVELS)[number];
export type BoilerplateKind = (typeof BOILERPLATE_KINDS)[number];
/** Degrees, lowest first: a posting's minimum and a reader's highest are compared on this scale. */
export const DEGREE_LEVELS = ['associate', 'bachelor', 'master', 'phd'] as const;
export type DegreeLevel = (typeof DEGREE_LEVELS)[number];
const MAJOR_PARTS = ['fields', 'after', 'before'] as const;
const WORKING_LANGUAGE_FIELDS = ['names', 'cues', 'qualities', 'notAfter'] as const;
export const VOICES = ['company', 'reader'] as const;
export type Voice = (typeof VOICES)[number];
const PROFICIENCIES: Proficiency[] = ['expert', 'proficient', 'familiar', 'aware'];

/** The merged word lists of every language. */
export interface LexiconData {
  sha1: string;
  /** the expressions' sources, worked out once (by the build, into the compiled lexicon) */
  sources?: Record<string, string>;
  languages: string[];
  headings: Record<HeadingKind, string[]>;
  niceToHave: string[];
  notNiceToHave: string[];
  proficiency: Record<Proficiency, string[]>;
  asksToKnow: string[];
  /** level words by level */
  seniority: Record<Seniority, string[]>;
  /** the words that name a degree, by level */
  degrees: Record<DegreeLevel, string[]>;
  /** a major: its field's words and the words that mark one after it ("…相关专业") or before it ("degree in …") */
  majors: MajorWords;
  boilerplate: Record<BoilerplateKind, string[]>;
  /** who a line speaks as: the company ("we", "我们") or to the reader ("you", "你") */
  voice: Record<Voice, string[]>;
  /** words the segmenter must know, that its dictionary lacks ("线上" keeps 上线 out of 线上线下) */
  words: string[];
  /** working languages: each language's names by its value, and the words that say how well one is used */
  workingLanguage: WorkingLanguageWords;
}

export interface MajorWords {
  fields: string[];
  after: string[];
  before: string[];
}

export interface WorkingLanguageWords {
  /** value (english, chinese …) → the names a posting gives it ("英语", "English", "Mandarin") */
  names: Record<string, string[]>;
  /** words anywhere in its clause that say how well a language is used (流利, 工作语言, fluent, written) */
  cues: string[];
  /** a quality just before a language's name ("strong English") */
  qualities: string[];
  /** words after a language's name that make it a market or a people, not a skill ("Chinese market") */
  notAfter: string[];
}

type Path = (string | number)[];

/** Reads every lexicon file of a folder, checked with file:line errors like a taxonomy. */
export function readLexiconFiles(dir: string = LEXICON_DIR): LexiconData {
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.ya?ml$/i.test(f)).sort() : [];
  if (files.length === 0) throw new JdlensError('taxonomy', `${dir}: no lexicon files (*.yaml)`);
  const hash = createHash('sha1');
  const data: LexiconData = {
    sha1: '',
    languages: [],
    headings: Object.fromEntries(HEADING_KINDS.map((k) => [k, []])) as unknown as Record<HeadingKind, string[]>,
    niceToHave: [],
    notNiceToHave: [],
    proficiency: { expert: [], proficient: [], familiar: [], aware: [] },
    asksToKnow: [],
    seniority: Object.fromEntries(SENIORITY_LEVELS.map((k) => [k, []])) as unknown as Record<Seniority, string[]>,
    degrees: Object.fromEntries(DEGREE_LEVELS.map((k) => [k, []])) as unknown as Record<DegreeLevel, string[]>,
    majors: { fields: [], after: [], before: [] },
    boilerplate: Object.fromEntries(BOILERPLATE_KINDS.map((k) => [k, []])) as unknown as Record<BoilerplateKind, string[]>,
    voice: { company: [], reader: [] },
    words: [],
    workingLanguage: { names: {}, cues: [], qualities: [], notAfter: [] },
  };
  const problems: string[] = [];
  for (const f of files) {
    const file = join(dir, f);
    hash.update(f).update(readFileSync(file));
    const y = loadYamlFile(file, 'taxonomy');
    const fail = (path: Path, msg: string) => problems.push(`${file}:${y.lineOf(path)}: ${path.join('.')}: ${msg}`);
    const root = y.value as Record<string, unknown> | null;
    if (!root || typeof root !== 'object' || Array.isArray(root)) {
      problems.push(`${file}:1: must be a mapping`);
      continue;
    }
    const known = new Set(['language', 'headings', 'niceToHave', 'notNiceToHave', 'proficiency', 'asksToKnow', 'seniority', 'degrees', 'majors', 'boilerplate', 'voice', 'words', 'workingLanguage']);
    for (const k of Object.keys(root)) if (!known.has(k)) fail([k], `unknown field (one of ${[...known].join(', ')})`);
    if (typeof root.language !== 'string' || !root.language.trim()) fail(['language'], 'missing: the language code (zh, en …)');
    else data.languages.push(root.language);
    const words = (v: unknown, path: Path, optional = false): string[] => {
      if (v === undefined && optional) return [];
      if (!Array.isArray(v)) {
        fail(path, v === undefined ? 'missing' : 'must be a list of words');
        return [];
      }
      return v.flatMap((w, i) => {
        if (typeof w === 'string' && w.trim()) return [w.trim()];
        if (typeof w === 'number') return [String(w)];
        fail([...path, i], 'must be a non-empty word or phrase');
        return [];
      });
    };
    const group = <K extends string>(v: unknown, path: Path, kinds: readonly K[], into: Record<K, string[]>) => {
      if (v === undefined) return fail(path, 'missing');
      if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(path, 'must be a mapping');
      for (const [k, list] of Object.entries(v)) {
        if (!(kinds as readonly string[]).includes(k)) fail([...path, k], `unknown kind (one of ${kinds.join(', ')})`);
        else into[k as K].push(...words(list, [...path, k]));
      }
    };
    group(root.headings, ['headings'], HEADING_KINDS, data.headings);
    data.niceToHave.push(...words(root.niceToHave, ['niceToHave']));
    data.notNiceToHave.push(...words(root.notNiceToHave, ['notNiceToHave'], true));
    group(root.proficiency, ['proficiency'], PROFICIENCIES, data.proficiency);
    data.asksToKnow.push(...words(root.asksToKnow, ['asksToKnow']));
    if (root.seniority !== undefined) group(root.seniority, ['seniority'], SENIORITY_LEVELS, data.seniority);
    if (root.degrees !== undefined) group(root.degrees, ['degrees'], DEGREE_LEVELS, data.degrees);
    if (root.majors !== undefined) group(root.majors, ['majors'], MAJOR_PARTS, data.majors);
    group(root.boilerplate, ['boilerplate'], BOILERPLATE_KINDS, data.boilerplate);
    if (root.voice !== undefined) group(root.voice, ['voice'], VOICES, data.voice);
    data.words.push(...words(root.words, ['words'], true));
    const wl = root.workingLanguage as Record<string, unknown> | undefined;
    if (wl !== undefined) {
      const fields = WORKING_LANGUAGE_FIELDS.join(', ');
      if (!wl || typeof wl !== 'object' || Array.isArray(wl)) fail(['workingLanguage'], `must be a mapping (${fields})`);
      else {
        for (const k of Object.keys(wl)) if (!(WORKING_LANGUAGE_FIELDS as readonly string[]).includes(k)) fail(['workingLanguage', k], `unknown field (one of ${fields})`);
        const names = wl.names as Record<string, unknown> | undefined;
        if (!names || typeof names !== 'object' || Array.isArray(names)) fail(['workingLanguage', 'names'], 'must be a mapping of a language (english, chinese …) to its names');
        else for (const [value, list] of Object.entries(names)) (data.workingLanguage.names[value] ??= []).push(...words(list, ['workingLanguage', 'names', value]));
        for (const k of ['cues', 'qualities', 'notAfter'] as const) if (wl[k] !== undefined) data.workingLanguage[k].push(...words(wl[k], ['workingLanguage', k]));
      }
    }
  }
  if (problems.length) throw new JdlensError('taxonomy', `${dir}: ${problems.length} problem(s) in the lexicon`, { details: problems });
  data.sha1 = hash.digest('hex');
  return data;
}

/** The lexicon as the build compiled it, or read from the YAML files when they changed since. */
export function lexiconData(): LexiconData {
  if (existsSync(COMPILED_LEXICON)) {
    try {
      const doc = JSON.parse(readFileSync(COMPILED_LEXICON, 'utf8')) as LexiconData;
      if (doc.sha1 === lexiconHash()) return doc;
    } catch {
      // a broken cache is no reason to fail: read the YAML
    }
  }
  return readLexiconFiles();
}

const hashes = new Map<string, string>();

/** The SHA-1 of the lexicon files as they are now (names and contents, in name order), once per process. */
export function lexiconHash(dir: string = LEXICON_DIR): string {
  const known = hashes.get(dir);
  if (known) return known;
  const hash = createHash('sha1');
  for (const f of readdirSync(dir).filter((x) => /\.ya?ml$/i.test(x)).sort()) hash.update(f).update(readFileSync(join(dir, f)));
  const h = hash.digest('hex');
  hashes.set(dir, h);
  return h;
}

// Matching: a list of terms becomes one expression. A Latin term matches whole words in any case,
// with any spacing or hyphen between its words and an optional plural s; a Han term matches as is.

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A term as an expression: Latin words joined by a space or a hyphen (normalised text has folded
 * every run of spacing to one space), an optional plural s (unless `bare`).
 */
function termBody(term: string, bare = false): string {
  const t = term.toLowerCase().replace(/’/g, "'");
  const parts = t.split(/[\s-]+/).map((p) => escape(p).replace(/'/g, "['’]"));
  return parts.join('[\\s-]') + (!bare && /[a-z]$/.test(t) && !/s$/.test(t) ? 's?' : '');
}

/**
 * One expression for a list of terms, longest first (so the longest term wins where two start
 * together): the terms that start and end with a Latin letter or digit share one pair of word
 * boundaries, the others (Han, or Latin next to Han) match as written. `bare`: no plural s.
 */
export function termsPattern(terms: string[], flags = 'gi', bare = false): RegExp {
  const sorted = [...new Set(terms)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (sorted.length === 0) return /(?!)/g;
  const latin = sorted.filter((t) => /^[a-z0-9]/i.test(t) && /[a-z0-9]$/i.test(t));
  const isLatin = new Set(latin);
  const other = sorted.filter((t) => !isLatin.has(t));
  const alts: string[] = [];
  // \b: a word boundary (letters, digits and _), far cheaper for the regexp engine than lookarounds;
  // one optional plural s after the group, not one per term, keeps the expression quick to compile
  // (a term's own final s then allows "ss", which no word ends in)
  if (latin.length) alts.push(`\\b(?:${latin.map((t) => termBody(t, true)).join('|')})${bare ? '' : 's?'}\\b`);
  // (in a group of their own: a long alternation at the top of an expression is slow to compile)
  if (other.length) alts.push(`(?:${other.map((t) => termBody(t, bare)).join('|')})`);
  return new RegExp(alts.join('|'), flags);
}

export interface CompiledLexicon {
  data: LexiconData;
  /** every heading term in one expression; a match's kind by its key (see headingKey) */
  headingTerms: RegExp;
  headingKinds: Map<string, HeadingKind>;
  niceToHave: RegExp;
  notNiceToHave: RegExp;
  proficiency: [Proficiency, RegExp][];
  asksToKnow: RegExp;
  /** every level word in one expression; a match's level by its key (see termKey) */
  seniority: RegExp;
  seniorityLevels: Map<string, Seniority>;
  /** every degree word in one expression; a match's level by its key (see termKey) */
  degrees: RegExp;
  degreeLevels: Map<string, DegreeLevel>;
  /** a major as stated: a field's words up to a word that marks a major after it, or a marker and the field as written */
  major: RegExp;
  /** a line without one of these words states no major */
  majorHint: RegExp;
  boilerplate: RegExp;
  voice: Record<Voice, RegExp>;
  /** each working language's names, in lexicon order */
  workingLanguages: { value: string; names: RegExp }[];
  /** every language's names in one expression: a line without one is passed over at once */
  languageNames: RegExp;
  languageCues: RegExp;
  /** matches the text before a language's name when a quality ends it */
  languageQuality: RegExp;
  /** matches the text after a language's name when it names a market or a people */
  languageNotAfter: RegExp;
}

let compiled: CompiledLexicon | undefined;

/** The source of every expression of a lexicon: what the build stores, so that a run only compiles. */
export function lexiconSources(data: LexiconData): Record<string, string> {
  const src = (terms: string[]) => termsPattern(terms).source;
  return {
    headings: src(HEADING_KINDS.flatMap((k) => data.headings[k])),
    niceToHave: src(data.niceToHave),
    notNiceToHave: src(data.notNiceToHave),
    ...Object.fromEntries(PROFICIENCIES.map((p) => [`proficiency.${p}`, src(data.proficiency[p])])),
    asksToKnow: src(data.asksToKnow),
    seniority: src(SENIORITY_LEVELS.flatMap((k) => data.seniority[k])),
    // a degree word as written, no plural s: "Master" alone is a verb ("master the craft")
    degrees: termsPattern(DEGREE_LEVELS.flatMap((k) => data.degrees[k]), 'gi', true).source,
    'majors.fields': termsPattern(data.majors.fields, 'g', true).source,
    'majors.after': termsPattern(data.majors.after, 'g', true).source,
    'majors.before': termsPattern(data.majors.before, 'g', true).source,
    boilerplate: src(BOILERPLATE_KINDS.flatMap((k) => data.boilerplate[k])),
    ...Object.fromEntries(VOICES.map((v) => [`voice.${v}`, src(data.voice[v])])),
    ...Object.fromEntries(Object.entries(data.workingLanguage.names).map(([v, names]) => [`language.${v}`, src(names)])),
    languageNames: src(Object.values(data.workingLanguage.names).flat()),
    languageCues: src(data.workingLanguage.cues),
    languageQualities: src(data.workingLanguage.qualities),
    languageNotAfter: src(data.workingLanguage.notAfter),
  };
}

export function compileLexicon(data: LexiconData): CompiledLexicon {
  const s = data.sources ?? lexiconSources(data);
  const re = (key: string, flags = 'gi') => new RegExp(s[key]!, flags);
  return {
    data,
    headingTerms: re('headings'),
    headingKinds: new Map(HEADING_KINDS.flatMap((k) => data.headings[k].map((t) => [headingKey(t), k] as [string, HeadingKind])).reverse()),
    niceToHave: re('niceToHave'),
    notNiceToHave: re('notNiceToHave'),
    proficiency: PROFICIENCIES.map((p) => [p, re(`proficiency.${p}`)]),
    asksToKnow: re('asksToKnow', 'i'),
    seniority: re('seniority'),
    seniorityLevels: byLevel(SENIORITY_LEVELS, data.seniority),
    degrees: re('degrees'),
    degreeLevels: byLevel(DEGREE_LEVELS, data.degrees),
    major: majorExpression(data.majors, s),
    majorHint: new RegExp([...(data.majors.after.length ? [s['majors.after']] : []), ...(data.majors.before.length ? [s['majors.before']] : [])].join('|') || '(?!)', 'i'),
    boilerplate: re('boilerplate', 'i'),
    voice: { company: re('voice.company', 'i'), reader: re('voice.reader', 'i') },
    workingLanguages: Object.keys(data.workingLanguage.names).map((value) => ({ value, names: re(`language.${value}`) })),
    languageNames: re('languageNames', 'i'),
    languageCues: re('languageCues', 'i'),
    // a quality, then up to three words ("excellent written and spoken"), then the language
    languageQuality: new RegExp(`(?:${s.languageQualities})(?:\\s+\\S+){0,3}\\s+$`, 'i'),
    languageNotAfter: new RegExp(`^[\\s-]*(?:${s.languageNotAfter})|^-`, 'i'),
  };
}

/** A list kept by level as a map from each word's key to its level. */
function byLevel<L extends string>(levels: readonly L[], words: Record<L, string[]>): Map<string, L> {
  return new Map(levels.flatMap((k) => words[k].map((t) => [termKey(t), k] as [string, L])));
}

/**
 * A major as postings state it: in the words of a field, up to 40 characters of more of them, then
 * a word that marks a major ("计算机、人工智能等相关专业": the field is what comes before); or a word
 * that marks one, then the field as written, capitalised, to the end of the clause or an "or"
 * ("degree in Computer Science, Statistics or a related field"). Capture 1 or 2 is the field.
 */
function majorExpression(m: MajorWords, s: Record<string, string>): RegExp {
  // (a kind of statement the lexicon has no words for keeps its capture, matching nothing)
  const after = m.fields.length && m.after.length ? `((?:${s['majors.fields']})[^，。；;]{0,40}?)(?:${s['majors.after']})` : '((?!))';
  const before = m.before.length ? `(?:${s['majors.before']})\\s+([A-Z][A-Za-z ,&/]{2,80}?)(?=[.;]|,? or\\b|$)` : '((?!))';
  return new RegExp(`${after}|${before}`, 'g');
}

/** The lexicon every posting is read with, compiled once per process. */
export function lexicon(): CompiledLexicon {
  return (compiled ??= compileLexicon(lexiconData()));
}

/**
 * The heading kind a piece of text names, with how much of it the terms cover: the kind of the
 * longest term in it; when terms of both duties and requirements stand in it ("岗位要求、职责"),
 * "mixed".
 */
export function headingTermsIn(text: string): { kind: HeadingKind | 'mixed'; covered: number } | undefined {
  const lx = lexicon();
  // most headings are one term and nothing else ("岗位职责", "Requirements"): looked up, not matched
  const exact = lx.headingKinds.get(headingKey(text.trim()));
  if (exact) return { kind: exact, covered: 1 };
  let best: { kind: HeadingKind; len: number } | undefined;
  let duty = false;
  let required = false;
  let covered = 0;
  const re = lx.headingTerms;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const kind = lx.headingKinds.get(headingKey(m[0]));
    if (!kind) continue;
    if (kind === 'duty') duty = true;
    if (kind === 'required') required = true;
    covered += m[0].length;
    if (!best || m[0].length > best.len) best = { kind, len: m[0].length };
  }
  if (!best) return undefined;
  return { kind: duty && required ? 'mixed' : best.kind, covered: Math.min(1, covered / Math.max(1, text.length)) };
}

/** The key a term and a text that matched it share: lower case, straight apostrophes, one space. */
function termKey(t: string): string {
  return t.toLowerCase().replace(/[’‘]/g, "'").replace(/[\s-]+/g, ' ');
}

/** A heading term's key: its term key without a plural s. */
function headingKey(t: string): string {
  return termKey(t).replace(/([a-z])s$/, '$1');
}

/** The words of a list kept by level (seniority, degrees) in a text, in order: each with its level and place. */
function levelWords<L extends string>(text: string, re: RegExp, levelOf: (word: string) => L | undefined): { level: L; text: string; index: number }[] {
  const out: { level: L; text: string; index: number }[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const level = levelOf(m[0]);
    if (level) out.push({ level, text: m[0], index: m.index });
  }
  return out;
}

/** The level words in a text ("Senior", "资深", "Staff"), in order: each with its level and place. */
export function seniorityWords(text: string): { level: Seniority; text: string; index: number }[] {
  const lx = lexicon();
  return levelWords(text, lx.seniority, (w) => {
    const k = termKey(w);
    return lx.seniorityLevels.get(k) ?? lx.seniorityLevels.get(k.replace(/s$/, ''));
  });
}

/** The degree words in a text ("本科", "Master's", "PhD"), in order: each with its level and place. */
export function degreeWords(text: string): { level: DegreeLevel; text: string; index: number }[] {
  const lx = lexicon();
  return levelWords(text, lx.degrees, (w) => lx.degreeLevels.get(termKey(w)));
}

/** The level a degree's name stands for ("硕士", "Master's", "master" → master), if it names one. */
export function degreeOf(name: string): DegreeLevel | undefined {
  const k = termKey(name.trim());
  return (DEGREE_LEVELS as readonly string[]).includes(k) ? (k as DegreeLevel) : lexicon().degreeLevels.get(k);
}

/** Whether a line is boilerplate: pay and benefits, equal opportunity, the company, how to apply, where and when the work is done. */
export function isBoilerplate(text: string): boolean {
  return lexicon().boilerplate.test(text);
}

/** Whether a clause holds a nice-to-have marker ("…者优先", "is a plus"), not counting look-alikes (优先级). */
export function hasNiceToHave(text: string): boolean {
  const lx = lexicon();
  lx.niceToHave.lastIndex = 0;
  if (!lx.niceToHave.test(text)) return false;
  if (!lx.data.notNiceToHave.length) return true;
  const cleaned = text.replace(lx.notNiceToHave, (m) => ' '.repeat(m.length));
  lx.niceToHave.lastIndex = 0;
  return lx.niceToHave.test(cleaned);
}

/** Who a line speaks as: the company about itself ("we build …", "我们是…"), to the reader ("you will …"), or neither. */
export function voiceOf(text: string): Voice | undefined {
  const lx = lexicon();
  if (lx.voice.reader.test(text)) return 'reader';
  if (lx.voice.company.test(text)) return 'company';
  return undefined;
}
