import type { Line, Strength, TermHit } from '../model.js';
import { hasNiceToHave, headingTermsIn, isBoilerplate, type HeadingKind } from '../lexicon/lexicon.js';
import { stripPictographs } from '../normalise/script.js';
import { clausesOf } from './clauses.js';

/** A section's kind: a strength, background ('other': company, benefits, applying …), or duties and requirements together. */
export type Kind = Strength | 'other' | 'mixed';

function kindOf(k: HeadingKind | 'mixed'): Kind {
  return k === 'about' || k === 'benefits' || k === 'apply' || k === 'other' ? 'other' : k;
}

/** How much of a plain short line heading terms must cover for it to be a heading ("岗位职责", "Requirements"). */
const PLAIN_COVER = 0.5;
/** How much of a line marked as a heading (markdown, bold, 【】, a trailing colon) they must cover. */
const MARKED_COVER = 0.3;
// "1 负责…": a number and a space open an item only before Han text ("16 weeks of leave" is no item)
const NUMBERED = /^\s*(?:[-*•]\s*)?(?:[(（]?\s*(\d{1,2})\s*(?:[.．,，](?!\d)|[、)）:：])|(\d{1,2})\s+(?=\p{Script=Han})|([①-⑳]))/u;
// A markdown heading or a bold line that is not a section heading names a role on a page of several.
const ROLE_HEADING = /^\s*(#{1,6}\s|\*\*[^*]+\*\*\s*$|【[^】]+】\s*$)/;
// contact details are background whatever the language; the words of it are the lexicon's boilerplate
// (a link, with or without its scheme, an @handle, or a job board's tag such as #LI-Remote)
const CONTACT_MARK = /(\[email\]|\[phone\]|\[handle\]|https?:\/\/|mailto:|\b[a-z0-9-]+\.(?:com|so|io|ai|co|org|net|dev|app|me|cn)\/\S|(?:^|[\s:：(（])@[A-Za-z0-9_]{3,}|#LI-[A-Za-z0-9]+)/i;
// a line that states pay and little else ("$150,000—$190,000 USD", "1) RMB 25-35K per month"): an amount
// or a range with a currency, whatever the language
// (the currency codes, once: an amount may start or end with one, and one says a line is about pay)
const CODE = '(?:USD|CNY|RMB|EUR|GBP|HKD|SGD)';
const AMOUNT = `(?:${CODE}\\s*)?[$€£¥￥]?\\s*\\d[\\d,.]*\\s*[kK万]?`;
const PAY_LINE = new RegExp(`^\\s*(?:[-*•]|\\d{1,2}\\s*[.)、）])?\\s*${AMOUNT}\\s*(?:[-–—~～]|to)\\s*${AMOUNT}\\s*${CODE}?(?![\\w%])[^\\n]{0,80}$`);
const CURRENCY = new RegExp(`[$€£¥￥]|\\b${CODE}\\b|\\d\\s*[kK万]\\b`);
const isPayLine = (text: string) => PAY_LINE.test(text) && CURRENCY.test(text.slice(0, 40));
const FRONT_MATTER_TITLE = /^\s*title\s*:\s*(.+)$/i;

/** The terms of a line that holds none (shared: never written to). */
const NO_TERMS: readonly TermHit[] = Object.freeze([]);

export interface SectionResult {
  lines: Line[];
  title: string;
  /** 1-based line of the title, 0 when there is none */
  titleLine: number;
  /** how the title line gives the title */
  titleFrom: TitleFrom;
  /** whether the posting had any section heading */
  hasHeadings: boolean;
}

/** Strips what decorates a heading: markdown marks, bullets, brackets, emoji, numbering, a trailing colon. */
export function headingCore(line: string): string {
  const s = line
    .replace(/[’‘]/g, "'")
    .replace(/[#*_>`|]+/g, ' ')
    .replace(/^[\s\-•●◆■□▪·+]+/, '')
    .replace(/^(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[.、)）．]\s*/, '');
  return stripPictographs(s)
    .replace(/[【】\[\]「」]/g, ' ')
    .replace(/[:：?？!！。]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A heading: a short line shaped like one — a markdown heading, a bold line, 【…】, a trailing colon,
 * or a plain short line made mostly of heading words — whose kind is that of the lexicon's heading
 * terms in it ("核心职责", "What you'll bring", "Requirements / 任职要求"). Bilingual and decorated
 * headings need no list of phrases: the words decide.
 */
function headingKind(line: string, terms: readonly TermHit[]): Kind | undefined {
  // a heading is short: a long line is not one, whatever its decoration
  if (line.length > 160) return undefined;
  const marked = MARKED_HEADING.test(line);
  // a plain line is a heading only when it is short and mostly heading words (decoration included, 40)
  if (!marked && line.length > 40) return undefined;
  const core = headingCore(line);
  if (core.length === 0 || core.length > 60) return undefined;
  // "2、工作地点：上海": a name and its value is an item (or an inline heading), not a heading over what follows
  if (/[:：]\s*\S/.test(core)) return undefined;
  if (!marked && core.length > 30) return undefined;
  const t = headingTermsIn(terms, 0, line.length, core.length);
  if (!t) return undefined;
  if (t.covered < (marked ? MARKED_COVER : PLAIN_COVER)) return undefined;
  // a plain line that ends a sentence is content, not a heading
  if (!marked && /[。.;；!！]\s*$/.test(line.trim())) return undefined;
  return kindOf(t.kind);
}

/**
 * How high a heading stands: a markdown heading by its marks (1–6), a bold or 【】 line 7, any other 8.
 * A heading the lexicon cannot name ends the section above it only from the same height or higher.
 */
function headingLevel(line: string): number {
  const m = /^\s*(#{1,6})\s/.exec(line);
  if (m) return m[1]!.length;
  return /^\s*(\*\*|【)/.test(line) ? 7 : 8;
}

const MARKED_HEADING = /^\s*#{1,6}\s|^\s*\*\*[^*]+\*\*\s*[:：]?\s*$|^\s*【[^】]+】\s*$|[:：]\s*(\*\*)?\s*$/;

/** "任职要求：本科以上" — a heading with its first item on the same line. */
function inlineHeading(line: string, terms: readonly TermHit[]): Kind | undefined {
  if (NUMBERED.test(line)) return undefined;
  const m = /^[\s#*【\[]*([^:：]{2,24})[】\]*\s]*[:：]\s*\S/d.exec(line);
  if (!m) return undefined;
  const [from, to] = m.indices![1]!;
  const t = headingTermsIn(terms, from, to, headingCore(m[1]!).length);
  return t && t.covered >= PLAIN_COVER ? kindOf(t.kind) : undefined;
}

function numberOf(line: string): number | undefined {
  const m = NUMBERED.exec(line);
  if (!m) return undefined;
  if (m[3]) return m[3].charCodeAt(0) - 0x2460 + 1;
  return Number(m[1] ?? m[2]);
}

type TitleFrom = 'front-matter-block' | 'front-matter' | 'line';

/** A posting's title as one of its lines gives it: a front-matter `title:` value, or the line stripped of decoration. */
export function titleFromLine(line: string, from: TitleFrom): string {
  if (from === 'line') {
    // "Company | Role | Place" (how Hacker News postings start) keeps its bars: each part is cleaned alone
    const core = line.includes('|') ? line.split('|').map(headingCore).filter(Boolean).join(' | ') : headingCore(line);
    return core.length > 160 ? `${core.slice(0, 157)}...` : core;
  }
  const value = FRONT_MATTER_TITLE.exec(line)?.[1]?.trim() ?? '';
  return from === 'front-matter-block' ? value.replace(/^["']|["']$/g, '') : value;
}

/**
 * The sections of a posting's lines, by the shape of each line and the lexicon's terms in it (as
 * matching found them: `terms[i]` are line i+1's).
 */
export function detectSections(rawLines: string[], terms: readonly (TermHit[] | undefined)[], roleWords: ReadonlyMap<number, readonly string[]> = new Map()): SectionResult {
  let title = '';
  let titleLine = 0;
  let titleFrom: TitleFrom = 'line';
  let start = 0;

  // front matter: a leading `title:` line, or a --- block holding one
  if (rawLines[0]?.trim() === '---') {
    const close = rawLines.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (close > 0) {
      for (let i = 1; i < close; i++) {
        if (FRONT_MATTER_TITLE.test(rawLines[i]!)) {
          titleFrom = 'front-matter-block';
          title = titleFromLine(rawLines[i]!, titleFrom);
          titleLine = i + 1;
        }
      }
      start = close + 1;
    }
  } else {
    if (FRONT_MATTER_TITLE.test(rawLines[0] ?? '')) {
      titleFrom = 'front-matter';
      title = titleFromLine(rawLines[0]!, titleFrom);
      titleLine = 1;
      start = 1;
    }
  }

  const termsAt = (i: number) => terms[i] ?? NO_TERMS;
  const kinds: (Kind | undefined)[] = rawLines.map((l, i) => (i < start ? undefined : headingKind(l, termsAt(i))));
  const inline: (Kind | undefined)[] = rawLines.map((l, i) => (i < start || kinds[i] ? undefined : inlineHeading(l, termsAt(i))));
  const hasHeadings = kinds.some((k) => k && k !== 'other') || inline.some((k) => k && k !== 'other');

  if (!title) {
    for (let i = start; i < rawLines.length; i++) {
      const core = headingCore(rawLines[i]!);
      if (!core) continue;
      if (kinds[i] || inline[i]) break;
      title = titleFromLine(rawLines[i]!, 'line');
      titleLine = i + 1;
      break;
    }
  }

  const employer = titleParts(title, roleWords.get(titleLine));
  const lines: Line[] = [];
  let current: Kind = 'unknown';
  // the height of the heading that opened the current section
  let currentLevel = 8;
  // without headings, a numbered list that restarts at 1 marks the turn from duties to requirements
  let listsSeen = 0;
  let seenHeading = false;
  let lastNumber = 0;
  // under a heading of duties and requirements together ("岗位要求、职责"), the list decides which is which
  let mixedStrength: Strength = 'duty';
  rawLines.forEach((text, i) => {
    const number = i + 1;
    const k = kinds[i];
    if (k || inline[i]) seenHeading = true;
    if (i < start) {
      // front matter is about the file, not the posting: never matched, never counted
      lines.push({ number, text, strength: 'unknown', section: 'unknown', isHeading: true, background: true, roleHeading: false, terms: termsAt(i) });
      return;
    }
    if (k) {
      current = k;
      currentLevel = headingLevel(text);
      if (k === 'mixed') {
        lastNumber = 0;
        listsSeen = 0;
        mixedStrength = 'duty';
      }
      lines.push({ number, text, strength: 'unknown', section: 'unknown', isHeading: true, background: false, roleHeading: false, terms: termsAt(i) });
      return;
    }
    const ik = inline[i];
    if (ik) current = ik;
    const marked = number !== titleLine && ROLE_HEADING.test(text) && headingCore(text).length <= 40;
    // a heading the lexicon cannot name (a role's name, a team's) ends the company or benefits text before it
    // and, standing as high as the heading of a section of duties or requirements, ends that section
    // ("### Additional information" after "### Qualifications"); a lower one is a part of it
    if (marked && (current === 'other' || headingLevel(text) <= currentLevel)) current = 'unknown';
    // where no heading rules (a posting without any, or the part before the first one), a numbered
    // list that restarts at 1 marks the turn from duties to requirements
    if (!hasHeadings || !seenHeading || current === 'mixed') {
      const n = numberOf(text);
      if (n !== undefined) {
        if (n === 1 && lastNumber !== 0 && lastNumber >= 1) listsSeen++;
        if (listsSeen === 0 && lastNumber === 0) listsSeen = 1;
        lastNumber = n;
        const s: Strength = listsSeen >= 2 ? 'required' : 'duty';
        if (current === 'mixed') mixedStrength = s;
        else current = s;
      }
    }
    const cur: Kind = current === 'mixed' ? mixedStrength : current;
    const section: Strength = cur === 'other' || number === titleLine ? 'unknown' : cur;
    // with headings, the prose that stands before the first one (after the title, before any list)
    // introduces the company; a numbered list there is the posting's own duties and requirements;
    // contact details, pay and benefits, equal opportunity and how to apply are never a requirement
    const lineTerms = termsAt(i);
    const intro =
      (hasHeadings && !seenHeading && lastNumber === 0 && number !== titleLine) ||
      CONTACT_MARK.test(text) ||
      isPayLine(text) ||
      isBoilerplate(lineTerms) ||
      (number !== titleLine && aboutEmployer(text, lineTerms, employer, roleWords.get(number)));
    const strength: Strength = number !== titleLine && hasNiceToHave(lineTerms) ? 'preferred' : section;
    const roleHeading = marked;
    lines.push({ number, text, strength, section, isHeading: false, background: (current === 'other' || intro) && number !== titleLine, roleHeading, terms: lineTerms });
  });
  return { lines, title, titleLine, titleFrom, hasHeadings };
}

/**
 * Where a title splits into parts: "Company | Role | Place", "Role - Company", "Company – Place",
 * "Role @ Company", "产品经理-火山引擎"; a hyphen inside a Latin word ("AI-First", "full-time") splits nothing.
 */
const TITLE_SEPARATOR = /\s*[|｜@·•]\s*|\s+[–—-]\s+|(?<=[\p{Script=Han})）】\]])[-–—]|[-–—](?=\p{Script=Han})/u;
/** A list item's mark at the start of a line, and the space after it: "- ", "1、", "(2)", "③". */
export const LIST_MARK = /^\s*(?:[-*•●◆■▪·+]|\d{1,2}\s*[.、)）．,，]|[(（]\d{1,2}[)）]|[①-⑳])\s*/;
const HAN_LAST = /\p{Script=Han}$/u;

/**
 * The parts of a title that may name the employer: each part of 2 Han characters or 3 other
 * characters or more, brackets and their contents left out, but those that hold a role word
 * ("大模型评测产品经理(基座模型)-Seed": "Seed").
 */
export function titleParts(title: string, roleWords: readonly string[] = []): string[] {
  return title
    .split(TITLE_SEPARATOR)
    .map((p) => p.replace(/[(（【\[][^)）】\]]*[)）】\]]/g, '').trim())
    .filter((p) => (HAN_LAST.test(p) ? p.length >= 2 : p.length >= 3) && /\p{L}/u.test(p) && !roleWords.some((w) => p.includes(w)));
}

/**
 * A prose line (not a list item, 30 characters or more) that begins with a part of the title,
 * or with one of the lexicon's employer leads ("At", "在") and then one, speaks of the employer:
 * "Duolingo is the most popular …", "At CoreWeave, a leader in …", "京东零售效能研发团队致力于 …".
 * A Latin name must end there ("Coinbase's", "Stripe is"), a Han one may run on. One whose first
 * clause holds a role word speaks of a role ("Eclipse 招聘开发者关系主管，…", a title repeated).
 */
function aboutEmployer(text: string, terms: readonly TermHit[], parts: readonly string[], roleWords: readonly string[] = []): boolean {
  if (parts.length === 0 || LIST_MARK.test(text) || text.trim().length < 30) return false;
  let at = text.length - text.trimStart().length;
  const lead = terms.find((t) => t.group === 'employerLead' && t.col === at);
  if (lead) at = lead.colEnd + (text.slice(lead.colEnd).length - text.slice(lead.colEnd).trimStart().length);
  const rest = text.slice(at);
  if (!parts.some((p) => rest.startsWith(p) && (HAN_LAST.test(p) || /^[\s'’,]/.test(rest.slice(p.length))))) return false;
  const firstClause = text.split(/[,，;；。:：]|\.\s/, 1)[0]!;
  return !roleWords.some((w) => firstClause.includes(w));
}

// Clause breaks: semicolons, full stops, and commas next to Chinese text (NFKC has made "，" a ","),
// but not commas inside an English list ("RAG, agents, or evals is a plus" is one clause).
const CLAUSE = /[;。]|\.\s|(?<=\p{Script=Han}[)）]?),|,(?=\s*\p{Script=Han})/gu;

/**
 * The strength at one place in a line: a nice-to-have marker counts for its own clause only
 * ("本科及以上学历，硕士优先": the degree is required, the master's preferred).
 */
export function strengthAt(line: Line, offset: number): Strength {
  if (line.strength !== 'preferred' || line.section === 'preferred') return line.strength;
  const { start, end } = clausesOf(line, line.text, CLAUSE).around(offset);
  return hasNiceToHave(line.terms, start, end) ? 'preferred' : line.section;
}
