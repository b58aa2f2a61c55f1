import type { Line, NormalisedText, Strength, TermHit } from '../model.js';
import { toOriginal } from '../normalise/normalise.js';
import type { RequirementOut } from '../contract/report.js';
import { strengthAt } from '../sections/sections.js';
import { escapeRegExp } from '../util.js';
import { DEGREE_LEVELS, levelWords, lexicon, termsOf, termWord, type RequirementWords, type TermGroup } from '../lexicon/lexicon.js';

type Kind = RequirementOut['kind'];

interface Found {
  value: string | number;
  index: number;
  length: number;
}

interface Rule {
  kind: Kind;
  /** a group of the lexicon's terms a line must hold (as matching found them) before the rule runs on it */
  hint?: TermGroup | ((g: TermGroup) => boolean);
  /** the rule's finds in a line: its text, the lexicon's terms in it, and the lexicon's requirement words */
  find: (text: string, terms: readonly TermHit[], words: RequirementWords) => Found[];
  label: (v: string | number) => { zh: string; en: string };
}

/** Whether a line passes a rule's hint. */
function hinted(hint: NonNullable<Rule['hint']>, terms: readonly TermHit[]): boolean {
  return typeof hint === 'function' ? terms.some((t) => hint(t.group)) : terms.some((t) => t.group === hint);
}

/** A rule's finds by an expression and what each match stands for (nothing: no requirement). */
function byExpression(re: RegExp, value: (m: RegExpExecArray) => string | number | undefined): (text: string) => Found[] {
  return (text) => {
    const out: Found[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const v = value(m);
      if (v !== undefined) out.push({ value: v, index: m.index, length: m[0].length });
    }
    return out;
  };
}

export const DEGREE_RANK: Record<string, number> = Object.fromEntries(DEGREE_LEVELS.map((d, i) => [d, i]));
export const DEGREE_LABEL: Record<string, { zh: string; en: string }> = {
  associate: { zh: '大专', en: "Associate's degree" },
  bachelor: { zh: '本科', en: "Bachelor's degree" },
  master: { zh: '硕士', en: "Master's degree" },
  phd: { zh: '博士', en: 'PhD' },
};

/**
 * A count as written: digits, a number's word in the lexicon ("三", "five"), or one composed with a
 * word for ten between its digits ("十二" 12, "二十五" 25, "十" 10).
 */
export function countOf(word: string, words: RequirementWords = lexicon().data.requirements): number {
  if (/^\d+$/.test(word)) return Number(word);
  const { numbers, tens } = words;
  const w = word.toLowerCase();
  if (Object.hasOwn(numbers, w)) return numbers[w]!;
  const digit = (d: string) => (Object.hasOwn(numbers, d) && numbers[d]! >= 1 && numbers[d]! <= 9 ? numbers[d]! : NaN);
  for (const t of tens) {
    const at = w.indexOf(t);
    if (at < 0) continue;
    const high = at === 0 ? 1 : digit(w.slice(0, at));
    const rest = w.slice(at + t.length);
    return high * 10 + (rest === '' ? 0 : digit(rest));
  }
  return NaN;
}

/** The text of a match's first group that matched: what an expression of the lexicon found. */
const firstGroup = (m: RegExpExecArray): string => m.slice(1).find((g) => g !== undefined) ?? '';

/** The number of years a match holds, when it is one a posting asks for. */
const minYears = (m: RegExpExecArray, words: RequirementWords): number | undefined => {
  const n = countOf(firstGroup(m), words);
  return Number.isFinite(n) && n > 0 && n <= 30 ? n : undefined;
};

/** An expression's hints as one test: whether a line holds one of them, in any case. */
const hintsTest = (hints: string[]): RegExp => new RegExp(hints.map(escapeRegExp).join('|') || '(?!)', 'i');

interface CompiledRequirements {
  years: { hint: RegExp; re: RegExp }[];
  industry: { hint: RegExp; re: RegExp };
  lead: RegExp | undefined;
  notIndustry: Set<string>;
}

const compiledRequirements = new WeakMap<RequirementWords, CompiledRequirements>();

/**
 * A lexicon's requirement expressions, compiled once: each years expression on its own, every
 * industry expression in one (the first alternative that matches at a place wins), with the words
 * that lead or are no industry's name.
 */
function compiledOf(r: RequirementWords): CompiledRequirements {
  let known = compiledRequirements.get(r);
  if (known) return known;
  known = {
    years: r.years.map((e) => ({ hint: hintsTest(e.hints), re: new RegExp(e.expression, 'gi') })),
    industry: { hint: hintsTest(r.industry.flatMap((e) => e.hints)), re: new RegExp(r.industry.map((e) => `(?:${e.expression})`).join('|') || '(?!)', 'gi') },
    lead: r.industryLead.length ? new RegExp(`^(?:${r.industryLead.map(escapeRegExp).join('|')})+`) : undefined,
    notIndustry: new Set(r.notIndustry.map((w) => w.toLowerCase())),
  };
  compiledRequirements.set(r, known);
  return known;
}

/** The years a line states, in the order they stand in it, by every expression of the lexicon whose hint it holds. */
function yearsIn(text: string, words: RequirementWords): Found[] {
  const out: Found[] = [];
  for (const e of compiledOf(words).years) if (e.hint.test(text)) out.push(...byExpression(e.re, (m) => minYears(m, words))(text));
  return out.sort((a, b) => a.index - b.index);
}

/** The industries a line names ("金融行业背景", "experience in the insurance industry"), but for names of none ("relevant"). */
function industriesIn(text: string, words: RequirementWords): Found[] {
  const x = compiledOf(words);
  if (!x.industry.hint.test(text)) return [];
  return byExpression(x.industry.re, (m) => {
    const found = firstGroup(m);
    const v = (x.lead ? found.replace(x.lead, '') : found).trim();
    return v && !x.notIndustry.has(v.toLowerCase()) ? v : undefined;
  })(text);
}

// A working language: a language's name (the lexicon's workingLanguage) in a clause that says how
// well it is spoken, read or written ("英语可作为工作语言", "中英双语熟练", "fluent in English and
// Mandarin", "strong English"). Each language named there is one requirement.
const LANGUAGE_CLAUSE = /[^;；。.!！?？]+/g;

/** A working language's label: its Chinese name (else its value) + 工作能力, "Working" + the value. */
function workingLabel(value: string, zhName?: string): { zh: string; en: string } {
  return { zh: `${zhName ?? value}工作能力`, en: `Working ${value.charAt(0).toUpperCase()}${value.slice(1)}` };
}

/**
 * Each working language's own names (a name the lexicon lists under two languages, "中英", names
 * neither alone) and labels: its Chinese name + 工作能力, "Working" + the value. Worked out once.
 */
const languageNames = (() => {
  let known: Map<string, { own: Set<string>; label: { zh: string; en: string } }> | undefined;
  return () => {
    if (known) return known;
    const names = lexicon().data.workingLanguage.names;
    const count = new Map<string, number>();
    const lower = (list: string[]) => list.map((x) => termWord(x).toLowerCase());
    for (const list of Object.values(names)) for (const n of new Set(lower(list))) count.set(n, (count.get(n) ?? 0) + 1);
    known = new Map(
      Object.entries(names).map(([value, list]) => {
        const own = new Set(lower(list).filter((n) => count.get(n) === 1));
        const zhName = [...own].find((n) => /^\p{Script=Han}+$/u.test(n));
        return [value, { own, label: workingLabel(value, zhName) }];
      }),
    );
    return known;
  };
})();

/** The value a language's name stands for ("英语", "English", "Mandarin" → english, chinese), if it names one. */
export function languageOf(name: string): string | undefined {
  const w = name.trim().toLowerCase();
  for (const [value, { own }] of languageNames()) if (own.has(w)) return value;
  return undefined;
}

/** The working languages a line asks for: a language's name in a clause that says how well it is used. */
function languagesIn(text: string, terms: readonly TermHit[]): Found[] {
  const out: Found[] = [];
  const order = [...languageNames().keys()];
  LANGUAGE_CLAUSE.lastIndex = 0;
  for (let c = LANGUAGE_CLAUSE.exec(text); c; c = LANGUAGE_CLAUSE.exec(text)) {
    const from = c.index;
    const to = from + c[0].length;
    const inClause = terms.filter((t) => t.col >= from && t.colEnd <= to);
    const names = inClause.filter((t) => t.group.startsWith('language:'));
    if (!names.length) continue;
    const cued = inClause.some((t) => t.group === 'language.cue');
    const done = new Set<string>();
    const found: Found[] = [];
    for (const n of names) {
      if (done.has(n.value)) continue;
      // "Chinese market", "English-speaking": a market or a people, not a skill
      const after = text.slice(n.colEnd, to);
      if (/^-/.test(after) || inClause.some((t) => t.group === 'language.notAfter' && t.col >= n.colEnd && /^[\s-]*$/.test(text.slice(n.colEnd, t.col)))) continue;
      // "strong English", "excellent written and spoken English": a quality, up to three words, the name
      const quality = inClause.some((t) => t.group === 'language.quality' && t.colEnd <= n.col && /^(?:\s+\S+){0,3}\s+$/.test(text.slice(t.colEnd, n.col)));
      if (!cued && !quality) continue;
      done.add(n.value);
      found.push({ value: n.value, index: n.col, length: n.colEnd - n.col });
    }
    // a clause's languages in the lexicon's order ("Chinese/English": english, chinese)
    out.push(...found.sort((a, b) => order.indexOf(String(a.value)) - order.indexOf(String(b.value))));
  }
  return out;
}

/**
 * The majors a line states: a field's words, up to 40 characters of more, then a word that marks a
 * major ("计算机、人工智能等相关专业": the field is what comes before); or a word that marks one, then
 * the field as written, capitalised, to the end of the clause or an "or" ("degree in Computer
 * Science, Statistics or a related field").
 */
function majorsIn(text: string, terms: readonly TermHit[]): Found[] {
  const out: Found[] = [];
  const after = termsOf(terms, 'major.after');
  let done = 0;
  for (const f of termsOf(terms, 'major.field')) {
    if (f.col < done) continue;
    const marker = after.find((a) => a.col >= f.colEnd && a.col - f.colEnd <= 40 && !/[，。；;]/.test(text.slice(f.colEnd, a.col)));
    if (!marker) continue;
    const value = text.slice(f.col, marker.col).trim();
    if (value) out.push({ value, index: f.col, length: marker.colEnd - f.col });
    done = marker.colEnd;
  }
  for (const b of termsOf(terms, 'major.before')) {
    const m = /^\s+([A-Z][A-Za-z ,&/]{2,80}?)(?=[.;]|,? or\b|$)/.exec(text.slice(b.colEnd));
    if (m) out.push({ value: m[1]!.trim(), index: b.col, length: b.colEnd - b.col + m[0].length });
  }
  return out.sort((x, y) => x.index - y.index);
}

const RULES: Rule[] = [
  {
    kind: 'years',
    // "3年以上经验", "5+ years", "two years of experience": the lexicon's expressions
    find: (text, _terms, words) => yearsIn(text, words),
    label: (v) => ({ zh: `${v}年以上经验`, en: `${v}+ years of experience` }),
  },
  {
    kind: 'degree',
    // a degree by the lexicon's words for it ("本科", "Bachelor's", "PhD")
    hint: 'degree',
    find: (text, terms) => levelWords(terms, 'degree', text).map((d) => ({ value: d.level, index: d.index, length: d.text.length })),
    label: (v) => DEGREE_LABEL[String(v)] ?? { zh: String(v), en: String(v) },
  },
  {
    kind: 'major',
    // a field of study before a word that marks a major, or after one (the lexicon's majors)
    hint: (g) => g === 'major.after' || g === 'major.before',
    find: majorsIn,
    label: (v) => ({ zh: `专业：${v}`, en: `Major: ${v}` }),
  },
  {
    kind: 'industry',
    find: (text, _terms, words) => industriesIn(text, words),
    label: (v) => ({ zh: `${v}行业背景`, en: `${v} industry background` }),
  },
  {
    kind: 'language',
    // a line that names no language is passed over at once
    hint: (g) => g.startsWith('language:'),
    find: languagesIn,
    // (a language another lexicon names is labelled by its value)
    label: (v) => languageNames().get(String(v))?.label ?? workingLabel(String(v)),
  },
];

/**
 * Structured requirements a reader is measured against: years, degree, major, working language, industry.
 * Each is reported once, at its first line; `linesStating`, when given, receives every line that states
 * one, repeats included ("本科及以上学历" under two roles states a degree twice). Years and industries
 * are found by the lexicon's expressions (`words`: the default lexicon's unless given).
 */
export function extractRequirements(norm: NormalisedText, lines: Line[], linesStating?: Set<number>, words: RequirementWords = lexicon().data.requirements): RequirementOut[] {
  const out: RequirementOut[] = [];
  const seen = new Set<string>();
  // the section lines are the normalised text's lines: no need to split it again
  lines.forEach((line, idx) => {
    const text = line.text;
    if (line.isHeading) return;
    const base = norm.lineStarts[idx]!;
    const found = (kind: Kind, value: string | number, label: { zh: string; en: string }, index: number, length: number) => {
      linesStating?.add(idx + 1);
      const key = `${kind}:${value}`;
      if (seen.has(key)) return;
      seen.add(key);
      const o = toOriginal(norm, base + index, base + index + length);
      out.push({ kind, value, label, strength: strengthAt(line, index) as Strength, text: norm.original.slice(o.start, o.end), line: idx + 1, start: o.start, end: o.end });
    };
    for (const rule of RULES) {
      if (rule.hint && !hinted(rule.hint, line.terms)) continue;
      for (const f of rule.find(text, line.terms, words)) found(rule.kind, f.value, rule.label(f.value), f.index, f.length);
    }
  });
  return out;
}

/** The lowest degree a posting accepts among those it names for a requirement. */
export function minimumDegree(reqs: RequirementOut[]): string | undefined {
  const ds = reqs.filter((r) => r.kind === 'degree' && r.strength !== 'preferred').map((r) => String(r.value));
  ds.sort((a, b) => (DEGREE_RANK[a] ?? 9) - (DEGREE_RANK[b] ?? 9));
  return ds[0];
}
