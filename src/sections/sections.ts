import type { Line, Strength } from '../model.js';
import { hasHan, stripPictographs } from '../normalise/script.js';
import { clausesOf } from './clauses.js';

export type Kind = Strength | 'other';

// Headings, matched against a line stripped of markdown, bullets, brackets and a trailing colon.
export const HEADINGS: [Kind, RegExp][] = [
  ['duty', /^(岗位职责|工作职责|职位职责|职责描述|职位描述|岗位描述|工作内容|主要职责|岗位内容|你的职责|你将负责|你要做的|岗位是做啥的|岗位信息|职责|key responsibilities|responsibilities|duties|what you('| wi)ll do|what you('| wi)ll be doing|what you will work on|the role|your role|about the role|in this role|the job|job description|your impact|what the .{0,30} does|role|the opportunity|job responsibilities|reach out if you want to|the .{1,40} is (primarily )?responsible for|core tasks and responsibilities|tasks|you will|you.ll|in this role you will|your mission|your responsibilities|what you.ll work on)$/i],
  ['required', /^(任职要求|岗位要求|任职资格|职位要求|岗位资格|任职条件|我们希望你|我们希望你是|希望你|技能要求|能力要求|你需要|你需要具备|要求|如果要入职,要求是啥|如果要入职要求是啥|requirements|minimum requirements|basic qualifications|minimum qualifications|qualifications|candidate qualifications|what you bring|what you('ll)? need|what we('re| are) looking for|who you are|who are you|about you|you have|you are|you|must haves?|skills|skills and experience|profile|experience|personal attributes|ideal candidate|the ideal candidate|job requirements|what the .{1,40} brings( to the table)?|what you.ll bring|what we need)$/i],
  ['preferred', /^(加分项|加分|优先条件|优先考虑|其他加分项|preferred|preferred qualifications|nice to haves?|bonus|bonus points|pluses|extra credit|good to have)$/i],
  ['other', /^(公司介绍|团队介绍|关于我们|公司简介|薪资福利待遇|薪资福利|福利待遇|福利|我们提供|工作地点|工作性质|联系方式|简历投递|其他|about us|about the company|about .{1,40}|benefits|perks|what we offer|compensation|how to apply|hiring plan|hiring process|employment eligibility|location|work location|salary|salary and benefits|equal opportunity|we are an equal opportunity employer|eoe|contact|job nature|what is the .{1,60} not responsible for|in addition to .{1,120}|the .{1,20} way|overview|.{1,30} overview|90 day plan)$/i],
];

// Every heading without a Latin letter is a plain string ("岗位职责"): such a part is looked up, not
// matched. One with a Latin letter starts with a letter or digit, or ends in "overview": a part that
// does neither is no heading. Only what is left runs the expressions (tests hold HEADINGS to this).
const PLAIN_HEADINGS = new Map<string, Kind>();
for (const [kind, re] of [...HEADINGS].reverse()) {
  for (const alt of re.source.slice(2, -2).split('|')) if (!/[A-Za-z]/.test(alt)) PLAIN_HEADINGS.set(alt, kind);
}
const HAS_LETTER = /[A-Za-z]/;
const MAY_START_HEADING = /^[A-Za-z0-9]|overview$/i;

/** The kind of heading a part of a line is, if it is one. */
export function headingOf(part: string): Kind | undefined {
  if (!HAS_LETTER.test(part)) return PLAIN_HEADINGS.get(part);
  if (!MAY_START_HEADING.test(part)) return undefined;
  return HEADINGS.find(([, re]) => re.test(part))?.[0];
}

/** The plain regular-expression answer headingOf stands in for (for tests). */
export const headingByExpression = (part: string): Kind | undefined => HEADINGS.find(([, re]) => re.test(part))?.[0];

// Markers inside a line that make it a nice-to-have ("…者优先", "is a plus"), but not "优先级" (priority).
const INLINE_PREFERRED = /(优先(?!级)|加分|is a plus|a big plus|are a plus|nice[- ]to[- ]have|\bpreferred\b|\bbonus\b|\bideally\b)/i;
// numbered items in every common form: 1. 1、 1， １． 1) (1) ① — but not "1,000" or "3.5"
const NUMBERED = /^\s*(?:[-*•]\s*)?(?:[(（]?\s*(\d{1,2})\s*(?:[.、)）．:：](?!\d)|[,，](?!\d))|(\d{1,2})\s+(?=\S)|([①-⑳]))/;
// A markdown heading or a bold line that is not a section heading names a role on a page of several.
const ROLE_HEADING = /^\s*(#{1,6}\s|\*\*[^*]+\*\*\s*$|【[^】]+】\s*$)/;
const CONTACT_LINE = /(\[email\]|\[phone\]|\[handle\]|https?:\/\/|mailto:|简历(投递|请发送)|投递简历|联系方式|官网|邮箱|微信|\bapply\b|\bemail\b|equal opportunity|\bsalary\b|compensation range|\bPTO\b|401k)/i;
const FRONT_MATTER_TITLE = /^\s*title\s*:\s*(.+)$/i;

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

// bilingual headings ("About the role 岗位职责", "Requirements / 任职要求") are read part by part
const HEADING_PARTS = /\s*[/|｜]\s*|(?<=[A-Za-z)])\s*(?=\p{Script=Han})|(?<=\p{Script=Han})\s*(?=[A-Za-z])/u;

function headingKind(line: string): Kind | undefined {
  // a heading is short: a long line is not one, whatever its decoration
  if (line.length > 160) return undefined;
  const core = headingCore(line);
  if (core.length === 0 || core.length > 100) return undefined;
  // most lines hold no slash, no bar and no Han next to Latin: one part, a heading when that part is one
  if (!/[/|｜]/.test(core) && !(/[A-Za-z]/.test(core) && hasHan(core))) return headingOf(core);
  const parts = [core, ...core.split(HEADING_PARTS)].map((p) => p.trim()).filter(Boolean);
  // every part but one must be a heading: two parts that are not end the search
  const kinds: Kind[] = [];
  let misses = 0;
  for (const p of parts) {
    const k = headingOf(p);
    if (k !== undefined) kinds.push(k);
    else if (parts.length > 1 && ++misses > 1) return undefined;
  }
  return kinds.find((k) => k !== 'other') ?? kinds[0];
}

/** "任职要求：本科以上" — a heading with its first item on the same line. */
function inlineHeading(line: string): Kind | undefined {
  if (NUMBERED.test(line)) return undefined;
  const m = /^[\s#*【\[]*([^:：]{2,24})[】\]*\s]*[:：]\s*\S/.exec(line);
  return m ? headingKind(m[1]!) : undefined;
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

export function detectSections(rawLines: string[]): SectionResult {
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

  const kinds: (Kind | undefined)[] = rawLines.map((l, i) => (i < start ? undefined : headingKind(l)));
  const inline: (Kind | undefined)[] = rawLines.map((l, i) => (i < start || kinds[i] ? undefined : inlineHeading(l)));
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

  const lines: Line[] = [];
  let current: Kind = 'unknown';
  // without headings, a numbered list that restarts at 1 marks the turn from duties to requirements
  let listsSeen = 0;
  let seenHeading = false;
  let lastNumber = 0;
  rawLines.forEach((text, i) => {
    const number = i + 1;
    const k = kinds[i];
    if (k || inline[i]) seenHeading = true;
    if (i < start) {
      // front matter is about the file, not the posting: never matched, never counted
      lines.push({ number, text, strength: 'unknown', section: 'unknown', isHeading: true, background: true, roleHeading: false });
      return;
    }
    if (k) {
      current = k;
      lines.push({ number, text, strength: 'unknown', section: 'unknown', isHeading: true, background: false, roleHeading: false });
      return;
    }
    const ik = inline[i];
    if (ik) current = ik;
    // where no heading rules (a posting without any, or the part before the first one), a numbered
    // list that restarts at 1 marks the turn from duties to requirements
    if (!hasHeadings || !seenHeading) {
      const n = numberOf(text);
      if (n !== undefined) {
        if (n === 1 && lastNumber !== 0 && lastNumber >= 1) listsSeen++;
        if (listsSeen === 0 && lastNumber === 0) listsSeen = 1;
        lastNumber = n;
        current = listsSeen >= 2 ? 'required' : 'duty';
      }
    }
    const section: Strength = current === 'other' || number === titleLine ? 'unknown' : current;
    // with headings, the prose that stands before the first one (after the title, before any list)
    // introduces the company; a numbered list there is the posting's own duties and requirements;
    // contact details and how to apply are never a requirement
    const intro = (hasHeadings && !seenHeading && lastNumber === 0 && number !== titleLine) || CONTACT_LINE.test(text);
    const strength: Strength = number !== titleLine && INLINE_PREFERRED.test(text) ? 'preferred' : section;
    const roleHeading = number !== titleLine && ROLE_HEADING.test(text) && headingCore(text).length <= 40;
    lines.push({ number, text, strength, section, isHeading: false, background: (current === 'other' || intro) && number !== titleLine, roleHeading });
  });
  return { lines, title, titleLine, titleFrom, hasHeadings };
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
  return INLINE_PREFERRED.test(line.text.slice(start, end)) ? 'preferred' : line.section;
}
