// The language knowledge of reading, as data: per language a lexicon file (taxonomies/lexicon/*.yaml)
// lists section headings by kind, nice-to-have markers, proficiency words, "asks to know" words and
// boilerplate markers. All languages' lexicons apply to every posting (mixed text is the norm).
// Adding a language means a lexicon file and a segmenter, no code change.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JdlensError } from '../errors.js';
import type { Proficiency, TermGroup, TermHit } from '../model.js';
export type { TermGroup, TermHit } from '../model.js';
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
  languages: string[];
  headings: Record<HeadingKind, string[]>;
  niceToHave: string[];
  notNiceToHave: string[];
  proficiency: Record<Proficiency, string[]>;
  asksToKnow: string[];
  /** level words by level */
  seniority: Record<Seniority, string[]>;
  /** words that say a line speaks of a job level (职级, level): there a bare "T3" is one */
  levelCues: string[];
  /** words that put the employer's name after them at the start of a line ("At CoreWeave, …"): that line speaks of the company */
  employerLead: string[];
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
  /** requirements stated by number or name: years of experience, an industry */
  requirements: RequirementWords;
}

/** An expression (a JavaScript regular expression, case-insensitive) and the words a line must hold, one of them, for it to run. */
export interface Expression {
  hints: string[];
  expression: string;
}

export interface RequirementWords {
  /** a number's words ("三" 3, "five" 5); digits need none */
  numbers: Record<string, number>;
  /** words for ten that compose with the numbers' digits around them ("十二" 12, "二十五" 25) */
  tens: string[];
  /** the first group that matched holds the number of years */
  years: Expression[];
  /** the first group that matched names the industry */
  industry: Expression[];
  /** words an industry's name may start with that are not part of it ("有金融行业经验": 金融) */
  industryLead: string[];
  /** names that name no industry ("relevant industry experience") */
  notIndustry: string[];
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
    levelCues: [],
    employerLead: [],
    degrees: Object.fromEntries(DEGREE_LEVELS.map((k) => [k, []])) as unknown as Record<DegreeLevel, string[]>,
    majors: { fields: [], after: [], before: [] },
    boilerplate: Object.fromEntries(BOILERPLATE_KINDS.map((k) => [k, []])) as unknown as Record<BoilerplateKind, string[]>,
    voice: { company: [], reader: [] },
    words: [],
    workingLanguage: { names: {}, cues: [], qualities: [], notAfter: [] },
    requirements: { numbers: {}, tens: [], years: [], industry: [], industryLead: [], notIndustry: [] },
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
    const known = new Set(['language', 'headings', 'niceToHave', 'notNiceToHave', 'proficiency', 'asksToKnow', 'seniority', 'levelCues', 'employerLead', 'degrees', 'majors', 'boilerplate', 'voice', 'words', 'workingLanguage', 'requirements']);
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
        if (typeof w === 'string' && w.includes(PART_MARK) && !termPart(w.trim()).part) {
          fail([...path, i], `"${PART_MARK}" marks a Han word as part of longer words ("计算机…", "…经验"): before or after Han text only`);
          return [];
        }
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
    data.levelCues.push(...words(root.levelCues, ['levelCues'], true));
    data.employerLead.push(...words(root.employerLead, ['employerLead'], true));
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
    if (root.requirements !== undefined) readRequirements(root.requirements, data.requirements, words, fail);
  }
  if (problems.length) throw new JdlensError('taxonomy', `${dir}: ${problems.length} problem(s) in the lexicon`, { details: problems });
  data.sha1 = hash.digest('hex');
  return data;
}

const REQUIREMENT_FIELDS = ['numbers', 'tens', 'years', 'industry', 'industryLead', 'notIndustry'] as const;

/** A lexicon file's `requirements`, checked (each expression must compile and hold a group), added to `into`. */
function readRequirements(v: unknown, into: RequirementWords, words: (v: unknown, path: Path, optional?: boolean) => string[], fail: (path: Path, msg: string) => void): void {
  const path = ['requirements'];
  if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(path, `must be a mapping (${REQUIREMENT_FIELDS.join(', ')})`);
  const r = v as Record<string, unknown>;
  for (const k of Object.keys(r)) if (!(REQUIREMENT_FIELDS as readonly string[]).includes(k)) fail([...path, k], `unknown field (one of ${REQUIREMENT_FIELDS.join(', ')})`);
  if (r.numbers !== undefined) {
    if (!r.numbers || typeof r.numbers !== 'object' || Array.isArray(r.numbers)) fail([...path, 'numbers'], 'must be a mapping of a word to its number');
    else
      for (const [w, n] of Object.entries(r.numbers)) {
        if (typeof n === 'number' && Number.isInteger(n) && n >= 0) into.numbers[w.toLowerCase()] = n;
        else fail([...path, 'numbers', w], 'must be a whole number');
      }
  }
  into.tens.push(...words(r.tens, [...path, 'tens'], true));
  const expressions = (list: unknown, key: 'years' | 'industry') => {
    if (list === undefined) return;
    if (!Array.isArray(list)) return fail([...path, key], 'must be a list of { hints, expression }');
    list.forEach((e, i) => {
      const at = [...path, key, i];
      const x = e as Partial<Expression> | null;
      if (!x || typeof x !== 'object' || typeof x.expression !== 'string') return fail(at, 'must be a mapping with an expression (and its hints)');
      const hints = words(x.hints, [...at, 'hints']);
      try {
        // a group to say what was found: the years, the industry's name
        if (new RegExp(`${x.expression}|`, 'i').exec('')!.length < 2) return fail([...at, 'expression'], 'must hold a group (…) for what it finds');
      } catch (err) {
        return fail([...at, 'expression'], `not a regular expression (${err instanceof Error ? err.message : String(err)})`);
      }
      into[key].push({ hints, expression: x.expression });
    });
  };
  expressions(r.years, 'years');
  expressions(r.industry, 'industry');
  into.industryLead.push(...words(r.industryLead, [...path, 'industryLead'], true));
  into.notIndustry.push(...words(r.notIndustry, [...path, 'notIndustry'], true));
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

// Matching: every list of the lexicon is a set of terms the skill matcher finds (src/match), over the
// segmenter's tokens like the taxonomy's aliases: a Han term covers whole tokens, a Latin term whole
// words in any case, with a plural s (unless its list is read as written) and with what the term
// itself has between its words ("B.S.", "401(k)"). Each hit carries its group and the value it
// stands for; within a group the longest term wins where two overlap.

/** A list of the lexicon as the matcher takes it: its terms, the group and value of their hits, whether they match as written. */
export interface TermList {
  group: TermGroup;
  value: string;
  terms: string[];
  /** Latin words as written: no plural s ("master" alone is a verb) */
  bare?: boolean;
}

/** What part of longer words a Han term is (see PART_MARK). */
export type WordPart = 'start' | 'end' | 'inside';

/** The mark that makes a Han term part of longer words: after it ("计算机…"), before it ("…经验"), both ("…理解…"). */
export const PART_MARK = '…';

/** A term as written, and what part of longer words its marks make it (undefined: a word of its own). */
export function termPart(written: string): { term: string; part?: WordPart } {
  const start = written.endsWith(PART_MARK);
  const end = written.startsWith(PART_MARK);
  const term = written.slice(end ? 1 : 0, start ? -1 : undefined);
  if ((!start && !end) || !/^\p{Script=Han}+$/u.test(term)) return { term: written };
  return { term, part: start && end ? 'inside' : start ? 'start' : 'end' };
}

/** A term's word, without the marks that make it part of longer words ("硕士…" → 硕士). */
export const termWord = (written: string): string => termPart(written).term;

/** Every list of a lexicon, as the matcher compiles them. */
export function termLists(data: LexiconData): TermList[] {
  const lists: TermList[] = [];
  const add = (group: TermGroup, value: string, terms: string[], bare = false) => {
    if (terms.length) lists.push(bare ? { group, value, terms, bare } : { group, value, terms });
  };
  for (const k of HEADING_KINDS) add('heading', k, data.headings[k]);
  add('niceToHave', '', data.niceToHave);
  add('notNiceToHave', '', data.notNiceToHave);
  for (const p of PROFICIENCIES) add('proficiency', p, data.proficiency[p]);
  add('asksToKnow', '', data.asksToKnow);
  for (const l of SENIORITY_LEVELS) add('seniority', l, data.seniority[l]);
  // as written: "level", not "levels"
  add('levelCue', '', data.levelCues, true);
  // as written: "At", not "Ats"
  add('employerLead', '', data.employerLead, true);
  // a degree word as written, no plural s: "Master" alone is a verb ("master the craft")
  for (const l of DEGREE_LEVELS) add('degree', l, data.degrees[l], true);
  add('major.field', '', data.majors.fields, true);
  add('major.after', '', data.majors.after, true);
  add('major.before', '', data.majors.before, true);
  for (const k of BOILERPLATE_KINDS) add('boilerplate', k, data.boilerplate[k]);
  for (const v of VOICES) add('voice', v, data.voice[v]);
  // each language a group of its own: a name two languages share ("中英") names both
  for (const [value, names] of Object.entries(data.workingLanguage.names)) add(`language:${value}`, value, names);
  add('language.cue', '', data.workingLanguage.cues);
  add('language.quality', '', data.workingLanguage.qualities);
  add('language.notAfter', '', data.workingLanguage.notAfter);
  return lists;
}

export interface CompiledLexicon {
  data: LexiconData;
  /** a level word's key → its level (see termKey) */
  degreeLevels: Map<string, DegreeLevel>;
}

let compiled: CompiledLexicon | undefined;

/** The lexicon every posting is read with, once per process. */
export function lexicon(): CompiledLexicon {
  if (compiled) return compiled;
  const data = lexiconData();
  return (compiled = { data, degreeLevels: byLevel(DEGREE_LEVELS, data.degrees) });
}

/** A list kept by level as a map from each word's key to its level. */
function byLevel<L extends string>(levels: readonly L[], words: Record<L, string[]>): Map<string, L> {
  return new Map(levels.flatMap((k) => words[k].map((t) => [termKey(termWord(t)), k] as [string, L])));
}

/** The key a term and a text that matched it share: lower case, straight apostrophes, one space. */
function termKey(t: string): string {
  return t.toLowerCase().replace(/[’‘]/g, "'").replace(/[\s-]+/g, ' ');
}

/** The hits of one group in a line's terms, within [from, to) of the line when given. */
export function termsOf(terms: readonly TermHit[], group: TermGroup, from = 0, to = Infinity): TermHit[] {
  return terms.filter((t) => t.group === group && t.col >= from && t.colEnd <= to);
}

/**
 * The heading kind a stretch of a line names, with how much of its `length` characters the heading
 * terms in it cover: the kind of the longest term; when terms of both duties and requirements stand
 * in it ("岗位要求、职责"), "mixed".
 */
export function headingTermsIn(terms: readonly TermHit[], from: number, to: number, length: number): { kind: HeadingKind | 'mixed'; covered: number } | undefined {
  let best: TermHit | undefined;
  let duty = false;
  let required = false;
  let covered = 0;
  for (const t of termsOf(terms, 'heading', from, to)) {
    if (t.value === 'duty') duty = true;
    if (t.value === 'required') required = true;
    covered += t.colEnd - t.col;
    if (!best || t.colEnd - t.col > best.colEnd - best.col) best = t;
  }
  if (!best) return undefined;
  return { kind: duty && required ? 'mixed' : (best.value as HeadingKind), covered: Math.min(1, covered / Math.max(1, length)) };
}

/** The words of a list kept by level (seniority, degrees) in a stretch of a line, in order: each with its level, text and place. */
export function levelWords<L extends string>(terms: readonly TermHit[], group: 'seniority' | 'degree', text: string, from = 0, to = Infinity): { level: L; text: string; index: number }[] {
  return termsOf(terms, group, from, to).map((t) => ({ level: t.value as L, text: text.slice(t.col, t.colEnd), index: t.col }));
}

/** The level a degree's name stands for ("硕士", "Master's", "master" → master), if it names one. */
export function degreeOf(name: string): DegreeLevel | undefined {
  const k = termKey(name.trim());
  return (DEGREE_LEVELS as readonly string[]).includes(k) ? (k as DegreeLevel) : lexicon().degreeLevels.get(k);
}

/** Whether a line is boilerplate: pay and benefits, equal opportunity, the company, how to apply, where and when the work is done. */
export function isBoilerplate(terms: readonly TermHit[]): boolean {
  return terms.some((t) => t.group === 'boilerplate');
}

/** Whether a stretch of a line holds a nice-to-have marker ("…者优先", "is a plus"), not counting look-alikes (优先级). */
export function hasNiceToHave(terms: readonly TermHit[], from = 0, to = Infinity): boolean {
  const not = termsOf(terms, 'notNiceToHave');
  return termsOf(terms, 'niceToHave', from, to).some((t) => !not.some((n) => n.col < t.colEnd && t.col < n.colEnd));
}

/** Who a line speaks as: the company about itself ("we build …", "我们是…"), to the reader ("you will …"), or neither. */
export function voiceOf(terms: readonly TermHit[]): Voice | undefined {
  const voices = termsOf(terms, 'voice');
  if (voices.some((t) => t.value === 'reader')) return 'reader';
  return voices.length ? 'company' : undefined;
}
