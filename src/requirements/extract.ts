import type { Line, NormalisedText, Strength } from '../model.js';
import { toOriginal } from '../normalise/normalise.js';
import type { RequirementOut } from '../contract/report.js';
import { strengthAt } from '../sections/sections.js';
import { DEGREE_LEVELS, degreeWords, lexicon } from '../lexicon/lexicon.js';

type Kind = RequirementOut['kind'];

interface Found {
  value: string | number;
  index: number;
  length: number;
}

interface Rule {
  kind: Kind;
  /** a cheap test a line must pass before the rule runs on it: a word every match holds (the lexicon's, when a function) */
  hint?: RegExp | (() => RegExp);
  find: (text: string) => Found[];
  label: (v: string | number) => { zh: string; en: string };
}

const expression = (re: RegExp | (() => RegExp)) => (typeof re === 'function' ? re() : re);

/** A rule's finds by an expression (the lexicon's, when a function) and what each match stands for (nothing: no requirement). */
function byExpression(pattern: RegExp | (() => RegExp), value: (m: RegExpExecArray) => string | number | undefined): (text: string) => Found[] {
  return (text) => {
    const out: Found[] = [];
    const re = expression(pattern);
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
    for (const list of Object.values(names)) for (const n of new Set(list.map((x) => x.toLowerCase()))) count.set(n, (count.get(n) ?? 0) + 1);
    known = new Map(
      Object.entries(names).map(([value, list]) => {
        const own = new Set(list.map((n) => n.toLowerCase()).filter((n) => count.get(n) === 1));
        const zhName = [...own].find((n) => /^\p{Script=Han}+$/u.test(n));
        return [value, { own, label: { zh: `${zhName ?? value}工作能力`, en: `Working ${value.charAt(0).toUpperCase()}${value.slice(1)}` } }];
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

function languagesIn(text: string): Found[] {
  const lx = lexicon();
  const out: Found[] = [];
  LANGUAGE_CLAUSE.lastIndex = 0;
  for (let c = LANGUAGE_CLAUSE.exec(text); c; c = LANGUAGE_CLAUSE.exec(text)) {
    const clause = c[0];
    let cued: boolean | undefined;
    for (const l of lx.workingLanguages) {
      l.names.lastIndex = 0;
      for (let m = l.names.exec(clause); m; m = l.names.exec(clause)) {
        if (lx.languageNotAfter.test(clause.slice(m.index + m[0].length))) continue;
        cued ??= lx.languageCues.test(clause);
        if (!cued && !lx.languageQuality.test(clause.slice(0, m.index))) continue;
        out.push({ value: l.value, index: c.index + m.index, length: m[0].length });
        break;
      }
    }
  }
  return out;
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
    find: (text) => degreeWords(text).map((d) => ({ value: d.level, index: d.index, length: d.text.length })),
    label: (v) => DEGREE_LABEL[String(v)] ?? { zh: String(v), en: String(v) },
  },
  {
    kind: 'major',
    // a field of study before a word that marks a major, or after one (the lexicon's majors)
    hint: () => lexicon().majorHint,
    find: byExpression(() => lexicon().major, (m) => (m[1] ?? m[2] ?? '').trim() || undefined),
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
    hint: () => lexicon().languageNames,
    find: languagesIn,
    label: (v) => languageNames().get(String(v))!.label,
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
      if (rule.hint && !expression(rule.hint).test(text)) continue;
      for (const f of rule.find(text)) found(rule.kind, f.value, rule.label(f.value), f.index, f.length);
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
