import type { Line, NormalisedText, Strength, TermHit } from '../model.js';
import { toOriginal } from '../normalise/normalise.js';
import type { RequirementOut } from '../contract/report.js';
import { strengthAt } from '../sections/sections.js';
import { DEGREE_LEVELS, levelWords, lexicon, termsOf, termWord, type TermGroup } from '../lexicon/lexicon.js';

type Kind = RequirementOut['kind'];

interface Found {
  value: string | number;
  index: number;
  length: number;
}

interface Rule {
  kind: Kind;
  /**
   * what a line must hold before the rule runs on it: a word every match holds, or a group of the
   * lexicon's terms (as matching found them in the line)
   */
  hint?: RegExp | TermGroup | ((g: TermGroup) => boolean);
  /** the rule's finds in a line: its text and the lexicon's terms in it */
  find: (text: string, terms: readonly TermHit[]) => Found[];
  label: (v: string | number) => { zh: string; en: string };
}

/** Whether a line passes a rule's hint. */
function hinted(hint: NonNullable<Rule['hint']>, text: string, terms: readonly TermHit[]): boolean {
  if (hint instanceof RegExp) return hint.test(text);
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

const HAN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, twenty: 20 };

/** A count as written: digits, Chinese numerals up to 99 (三, 十, 十二, 二十) or an English number word. */
export function countOf(word: string): number {
  if (/^\d+$/.test(word)) return Number(word);
  const w = word.toLowerCase();
  if (w in WORD_NUMBERS) return WORD_NUMBERS[w]!;
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(word);
  if (!m || (!m[2] && m[3]) || word === '') return NaN;
  if (!m[2]) return HAN_DIGITS[m[1]!]!;
  return (m[1] ? HAN_DIGITS[m[1]]! : 1) * 10 + (m[3] ? HAN_DIGITS[m[3]]! : 0);
}

const minYears = (m: RegExpExecArray): number | undefined => {
  const n = countOf(m[1] ?? m[2] ?? '');
  return Number.isFinite(n) && n > 0 && n <= 30 ? n : undefined;
};

const GENERIC_INDUSTRY = /^(?:relevant|prior|previous|related|similar|some|any|the|this|that|our|your|strong|extensive|deep|proven|direct|solid|significant|demonstrated|hands-on|of|in|with|and|or|same|other|industry|相关|本)$/i;

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
    hint: /年/,
    // 3年以上 / 3 年及以上 / 至少1年 / 3-5年 … 经验 ; not 2023年
    find: byExpression(/(?:(?<![\w.])(\d{1,2})|(?<![一二两三四五六七八九十])([一二两三四五六七八九十]{1,3}))\s*(?:[-~～–—到至]\s*(?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s*)?(?:年|\+\s*年)(?:及?以上|以上的?|或以上)?(?=[^，,。；;]{0,40}(?:经验|经历|工作|背景|从业))/g, minYears),
    label: (v) => ({ zh: `${v}年以上经验`, en: `${v}+ years of experience` }),
  },
  {
    kind: 'years',
    hint: /year/i,
    find: byExpression(/(?<![\w.])(\d{1,2})\s*(?:\+\s*)?(?:(?:[-–—~]|to)\s*\d{1,2}\s*\+?\s*)?\+?\s*years?\b(?!\s*(?:ago|old))/gi, minYears),
    label: (v) => ({ zh: `${v}年以上经验`, en: `${v}+ years of experience` }),
  },
  {
    kind: 'years',
    hint: /year/i,
    // "two years of experience", "five or more years in product": a number word, with experience near
    find: byExpression(/\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s*(?:\+|or more|plus)?\s*(?:(?:[-–—~]|to)\s*\w+\s*)?years?\b(?=[^.;]{0,60}\b(?:experience|background|working|track record)\b)/gi, minYears),
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
    hint: /行业|领域|industry|space|sector|domain/i,
    find: byExpression(/(?<![A-Za-z0-9])([^\s，,。；;、:：]{2,20}?)(?:行业|领域)(?:的)?(?:背景|经验|从业经验|工作经验)|experienced? in (?:the )?([a-z][a-z &/-]{2,40}?) (?:industry|space|sector|domain)\b|\b([a-z][a-z/-]{2,20}(?: [a-z][a-z/-]{2,20})?) (?:industry|sector) (?:experience|background|knowledge)/gi, (m) => {
      const v = (m[1] ?? m[2] ?? m[3] ?? '').replace(/^(有|具备|具有|相关|在|及|或)+/, '').trim();
      // "relevant industry experience" names no industry
      return v && !GENERIC_INDUSTRY.test(v) ? v : undefined;
    }),
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
 * one, repeats included ("本科及以上学历" under two roles states a degree twice).
 */
export function extractRequirements(norm: NormalisedText, lines: Line[], linesStating?: Set<number>): RequirementOut[] {
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
      if (rule.hint && !hinted(rule.hint, text, line.terms)) continue;
      for (const f of rule.find(text, line.terms)) found(rule.kind, f.value, rule.label(f.value), f.index, f.length);
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
