import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { Lang } from '../model.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { PROFICIENCY_LABEL, STRENGTH_LABEL, T } from './i18n.js';
import type { Summary } from '../summary/summary.js';
import type { DuplicateOut, ErrorOut, PostingReport } from './types.js';

export interface TextOptions {
  /** fixed language, or undefined to follow each posting's own */
  lang?: Lang;
  color: ChalkInstance;
  taxonomy: Taxonomy;
  /** the terminal's width in columns (80 when unknown) */
  width?: number;
}

/** The columns a line may take: the terminal's, 80 when unknown, never less than 40. */
const widthOf = (opts: TextOptions) => Math.max(40, opts.width && opts.width > 0 ? opts.width : 80);

/**
 * A line of the posting quoted in `room` display columns (CJK counts 2), cut at word boundaries
 * with "…", the window kept around the matched words, which are marked: in colour, or [like this].
 */
export function quote(line: string, word: string, room: number, c: ChalkInstance): string {
  const text = line.trim();
  const at = word ? text.toLowerCase().indexOf(word.toLowerCase()) : -1;
  const mark = (w: string) => (c.level > 0 ? c.bold.yellow(w) : `[${w}]`);
  const markWidth = c.level > 0 ? 0 : 2;
  if (stringWidth(text) + (at >= 0 ? markWidth : 0) <= room) return at >= 0 ? text.slice(0, at) + mark(text.slice(at, at + word.length)) + text.slice(at + word.length) : text;
  const chars = [...text];
  // work in code points; find the word's place among them
  const startCp = at >= 0 ? [...text.slice(0, at)].length : 0;
  const endCp = at >= 0 ? startCp + [...word].length : 0;
  const budget = room - 2 - (at >= 0 ? markWidth : 0);
  let from = at >= 0 ? startCp : 0;
  let to = at >= 0 ? endCp : 0;
  let used = stringWidth(chars.slice(from, to).join(''));
  // some words before the match (a third of the room), then what follows it, then more before
  while (from > 0 && used + stringWidth(chars[from - 1]!) <= budget / 3) used += stringWidth(chars[--from]!);
  while (to < chars.length && used + stringWidth(chars[to]!) <= budget - (from > 0 ? 1 : 0)) used += stringWidth(chars[to++]!);
  while (from > 0 && used + stringWidth(chars[from - 1]!) <= budget) used += stringWidth(chars[--from]!);
  // cut at a word boundary where the cut falls inside a Latin word
  const isWord = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9]/.test(ch);
  if (to < chars.length && isWord(chars[to]) && isWord(chars[to - 1])) {
    let k = to;
    while (k > endCp && isWord(chars[k - 1])) k--;
    if (k > endCp) to = k;
  }
  if (from > 0 && isWord(chars[from - 1]) && isWord(chars[from])) {
    let k = from;
    while (k < startCp && isWord(chars[k])) k++;
    if (k < startCp) from = k;
  }
  const before = chars.slice(from, at >= 0 ? startCp : from).join('');
  const hit = at >= 0 ? mark(chars.slice(startCp, endCp).join('')) : '';
  const after = chars.slice(at >= 0 ? endCp : from, to).join('').trimEnd();
  return `${from > 0 ? '…' : ''}${from > 0 ? before.replace(/^[\s,;.，；。、]+/, '') : before.trimStart()}${hit}${after}${to < chars.length ? '…' : ''}`;
}

export function postingLang(p: PostingReport, fixed?: Lang): Lang {
  if (fixed) return fixed;
  return p.language === 'en' ? 'en' : p.language === 'zh' ? 'zh' : /[\u4e00-\u9fff]/.test(p.title) ? 'zh' : 'en';
}

/** The end of a long path, which says more than its start. */
function clipStart(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? `…${chars.slice(chars.length - n + 1).join('')}` : s;
}

/**
 * Text laid into lines of at most `cols` display columns: broken after " · " where it has such
 * separators, else between words (Latin) or characters (CJK).
 */
export function wrap(text: string, cols: number): string[] {
  const lines: string[] = [];
  let cur = '';
  const pieces = text.includes(' · ') ? text.split(/(?<= · )/) : (text.match(/[A-Za-z0-9'’.,;:!?()/-]+\s*|\s+|./gu) ?? []);
  for (const piece of pieces) {
    if (stringWidth(cur + piece.trimEnd()) > cols && cur.trim()) {
      lines.push(cur.trimEnd());
      cur = piece.trimStart();
    } else cur += piece;
  }
  if (cur.trim()) lines.push(cur.trimEnd());
  return lines;
}

/** A string cut to `cols` display columns (CJK counts 2) at a word boundary, with "…". */
function clip(s: string, cols: number): string {
  if (stringWidth(s) <= cols) return s;
  const chars = [...s];
  let out = '';
  for (const ch of chars) {
    if (stringWidth(out + ch) > cols - 1) break;
    out += ch;
  }
  // do not end inside a Latin word
  const cut = /[A-Za-z0-9]$/.test(out) && /^[A-Za-z0-9]/.test(chars[[...out].length] ?? '') ? out.replace(/[A-Za-z0-9]+$/, '') : out;
  return `${(cut.trim() ? cut : out).trimEnd()}…`;
}


/** The notice that a posting is written in a language jdlens does not read, else undefined. */
export function unreadText(p: PostingReport, lang: Lang): string | undefined {
  return p.unreadLanguage && T.unreadLanguage[lang].replace('{name}', p.unreadLanguage.label[lang]);
}

/** The summary's line on postings in languages jdlens does not read ("German 1 · Japanese 1"), else undefined. */
export function unreadPostingsText(s: Summary, lang: Lang, sep = ': '): string | undefined {
  return s.unreadLanguages?.length ? `${T.unreadPostings[lang]}${sep}${s.unreadLanguages.map((r) => `${r.label[lang]} ${r.postings}`).join(' · ')}` : undefined;
}

/** "介于 A 与 B 之间" / "between A and B" when another category comes close, else undefined. */
export function betweenText(p: PostingReport, cats: Taxonomy['categories'], lang: Lang): string | undefined {
  const alts = p.category.alternatives;
  if (!alts?.length) return undefined;
  const label = (id: string) => cats.find((k) => k.id === id)?.label[lang] ?? id;
  const others = alts.map((a) => `${label(a.id)} ${a.confidence.toFixed(2)}`);
  const names = [`${p.category.label[lang]} ${p.category.confidence.toFixed(2)}`, ...others];
  const joined = names.length === 2 ? `${names[0]} ${T.and[lang]} ${names[1]}` : `${names.slice(0, -1).join(lang === 'zh' ? '、' : ', ')} ${T.and[lang]} ${names.at(-1)}`;
  return lang === 'zh' ? `${T.between.zh} ${joined} ${T.between2.zh}` : `${T.between.en} ${joined}`;
}

/** A posting as a person reads it: title, role with why, skills by dimension with one evidence line each. */
export function renderPostingText(p: PostingReport, opts: TextOptions): string {
  const lang = postingLang(p, opts.lang);
  const c = opts.color;
  const width = widthOf(opts);
  const out: string[] = [];
  const sep = lang === 'zh' ? '：' : ': ';
  const title = clip(p.title || T.untitled[lang], width);
  const room = width - stringWidth(title) - 4;
  out.push(c.bold(title) + (room >= 12 ? c.dim(`  (${clipStart(p.source, room)})`) : ''));
  const unread = unreadText(p, lang);
  if (unread) for (const l of wrap(unread, width)) out.push(c.yellow(l));
  out.push(`${T.category[lang]}${sep}${c.bold.cyan(p.category.label[lang])}  ${c.dim(`${T.confidence[lang]} ${p.category.confidence.toFixed(2)}`)}`);
  const cats = opts.taxonomy.categories;
  const between = betweenText(p, cats, lang);
  if (between) out.push(c.yellow(between));
  if (p.category.evidence.length) {
    out.push(`${T.why[lang]}${sep}`);
    for (const e of p.category.evidence) {
      const head = `  • +${e.contribution.toFixed(2)} ${T.line[lang]} ${e.line}: `;
      out.push(`  ${c.green('•')} ${c.dim(`+${e.contribution.toFixed(2)} ${T.line[lang]} ${e.line}:`)} ${quote(e.context, e.text, width - stringWidth(head), c)}`);
    }
  }
  for (const l of wrap(`${T.scores[lang]}${sep}${cats.map((k) => `${k.label[lang]} ${p.scores[k.id].toFixed(2)}`).join(' · ')}`, width)) out.push(c.dim(l));

  const groups = opts.taxonomy.subLabels.filter((g) => p.subLabels[g.id]?.length);
  if (groups.length) {
    const parts = groups.map((g) => `${g.label[lang]} ${p.subLabels[g.id]!.map((v) => v.label[lang]).join('/')}`);
    out.push(...wrap(`${T.subLabels[lang]}${sep}${parts.join(' · ')}`, width));
  }

  out.push('');
  if (p.skills.length === 0) out.push(c.dim(T.noSkills[lang]));
  else {
    out.push(c.bold(`${T.skills[lang]} (${p.skills.length})`));
    for (const d of opts.taxonomy.dimensions) {
      const skills = p.skills.filter((s) => s.dimension === d.id);
      if (!skills.length) continue;
      out.push(`  ${c.underline(d.label[lang])}`);
      for (const s of skills) {
        const m = s.mentions.find((x) => x.strength === s.strength) ?? s.mentions[0]!;
        const prof = s.proficiency ? ` ${PROFICIENCY_LABEL[s.proficiency][lang]}` : '';
        const strength = s.strength === 'required' ? c.red(STRENGTH_LABEL[s.strength][lang]) : s.strength === 'preferred' ? c.blue(STRENGTH_LABEL[s.strength][lang]) : c.yellow(STRENGTH_LABEL[s.strength][lang]);
        out.push(`    ${c.bold(s.label[lang])}  ${strength}${prof}${s.count > 1 ? c.dim(` ×${s.count}`) : ''}`);
        const head = `      ${T.line[lang]} ${m.line}: `;
        out.push(`      ${c.dim(`${T.line[lang]} ${m.line}:`)} ${quote(m.context, m.text, width - stringWidth(head), c)}`);
      }
    }
  }
  if (p.mentioned?.length) out.push(...wrap(c.dim(`${T.mentioned[lang]}${sep}${p.mentioned.map((m) => m.label[lang]).join(' · ')}`), width));
  if (p.requirements.length) {
    out.push('');
    out.push(c.bold(T.requirements[lang]));
    for (const r of p.requirements) {
      out.push(`  ${r.label[lang]}  ${c.dim(`${STRENGTH_LABEL[r.strength][lang]} · ${T.line[lang]} ${r.line}: ${clip(r.text, 60)}`)}`);
    }
  }
  out.push('');
  if (p.fit === undefined) out.push(...renderChecklist(p, lang, c));
  else out.push(...renderGaps(p, lang, c, width));
  return `${out.join('\n')}\n`;
}

/** Without a profile: what the posting asks for, as boxes to tick. */
function renderChecklist(p: PostingReport, lang: Lang, c: ChalkInstance): string[] {
  const out = [c.bold(T.checklist[lang])];
  const asked = p.skills.filter((s) => s.strength !== 'unknown' || p.skills.every((x) => x.strength === 'unknown'));
  for (const s of asked) out.push(`  [ ] ${s.label[lang]} ${c.dim(`(${STRENGTH_LABEL[s.strength][lang]})`)}`);
  for (const r of p.requirements.filter((x) => x.strength !== 'preferred')) out.push(`  [ ] ${r.label[lang]}`);
  out.push(c.dim(T.checklistHint[lang]));
  return out;
}

function renderGaps(p: PostingReport, lang: Lang, c: ChalkInstance, width: number): string[] {
  const out = [`${c.bold(T.fit[lang])}${lang === 'zh' ? '：' : ': '}${c.bold.cyan(String(p.fit))}/100`];
  const unmet = (p.requirementGaps ?? []).filter((g) => g.met === false);
  if (unmet.length) {
    out.push(c.bold(T.requirementGaps[lang]));
    for (const g of unmet) out.push(`  ${c.red('✗')} ${g.label[lang]} ${c.dim(`(${T.youHave[lang]} ${g.held ?? '?'})`)}`);
  }
  // a requirement the profile or résumé says nothing about is said so, not dropped
  const unknown = (p.requirementGaps ?? []).filter((g) => g.met === null);
  if (unknown.length) {
    out.push(c.bold(T.requirementUnknown[lang]));
    for (const g of unknown) out.push(`  ${c.yellow('?')} ${g.label[lang]}`);
  }
  const gaps = p.gaps ?? [];
  out.push(c.bold(`${T.gaps[lang]} (${gaps.length})`));
  gaps.slice(0, 10).forEach((g, i) => {
    const status = g.status === 'missing' ? c.red(T.missing[lang]) : c.yellow(T.partial[lang]);
    out.push(`  ${i + 1}. ${c.bold(g.label[lang])}  ${status} ${c.dim(`${g.held}/${g.required} · ${STRENGTH_LABEL[g.strength][lang]} · ${T.score[lang]} ${g.score}`)}`);
    out.push(`     ${c.dim(`${T.why[lang]}:`)} ${quote(g.evidence.context, g.evidence.text, width - stringWidth(`     ${T.why[lang]}: `), c)}`);
    out.push(...wrap(`${T.advice[lang]}: ${g.advice[lang]}`, width - 5).map((l, k) => `     ${k === 0 ? `${c.dim(`${T.advice[lang]}:`)}${l.slice(T.advice[lang].length + 1)}` : l}`));
    out.push(`     ${c.dim(clip(`${T.seed[lang]}: ${g.seed ? `${g.seed.title}${g.seed.url ? ` ${g.seed.url}` : ''}` : g.source}`, width - 5))}`);
  });
  if (gaps.length > 10) out.push(c.dim(`  … ${gaps.length - 10} ${T.more[lang]}`));
  const strengths = p.strengths ?? [];
  if (strengths.length) {
    out.push(c.bold(`${T.strengths[lang]} (${strengths.length})`));
    for (const s of strengths.slice(0, 8)) {
      out.push(`  ${c.green('✓')} ${s.label[lang]}${s.resumeEvidence ? c.dim(`  ← ${clip(s.resumeEvidence, 60)}`) : ''}`);
    }
    if (strengths.length > 8) out.push(c.dim(`  … ${strengths.length - 8} ${T.more[lang]}`));
  }
  return out;
}

function pad(s: string, width: number): string {
  let t = s;
  while (stringWidth(t) > width) t = [...t].slice(0, -1).join('');
  return t + ' '.repeat(Math.max(0, width - stringWidth(t)));
}

/** A bar of plain characters, `width` columns at a share of 1. */
export function bar(share: number, width: number): string {
  const n = Math.round(Math.max(0, Math.min(1, share)) * width);
  return '#'.repeat(n) + '.'.repeat(width - n);
}

/** One line for a posting in a folder run: category, confidence, fit, title. */
export function renderBatchLine(p: PostingReport, opts: TextOptions): string {
  const lang = postingLang(p, opts.lang);
  const c = opts.color;
  const fit = p.fit === undefined ? '' : `${String(p.fit).padStart(3)} `;
  // a posting in a language jdlens does not read says which, before its title
  const title = pad(`${p.unreadLanguage ? `[${p.unreadLanguage.label[lang]}] ` : ''}${p.title || p.source}`, 28);
  return `${fit}${pad(p.category.label[lang], 22)} ${p.category.confidence.toFixed(2)}  ${p.unreadLanguage ? c.yellow(title) : title} ${c.dim(clipStart(p.source, p.fit === undefined ? 22 : 18))}\n`;
}

/** The market picture: compact tables and bar charts that fit in 80 columns. */
export function renderSummaryText(s: Summary, duplicates: DuplicateOut[], errors: ErrorOut[], opts: TextOptions): string {
  const lang = opts.lang ?? 'en';
  const c = opts.color;
  const out: string[] = [];
  const row = (label: string, share: number, n: number) => `  ${pad(label, 30)} ${bar(share, 20)} ${String(Math.round(share * 100)).padStart(3)}% ${String(n).padStart(5)}`;
  out.push(c.bold(lang === 'zh' ? `${T.summary.zh}：${s.postings} ${T.postings.zh}，${s.duplicates} ${T.duplicates.zh}，${s.errors} ${T.errorsWord.zh}` : `${T.summary.en}: ${s.postings} ${T.postings.en}, ${s.duplicates} ${T.duplicates.en}, ${s.errors} ${T.errorsWord.en}`));
  out.push('');
  const unread = unreadPostingsText(s, lang, lang === 'zh' ? '：' : ': ');
  if (unread) out.push(c.yellow(unread), '');
  out.push(c.bold(T.byCategory[lang]));
  for (const r of s.categories) out.push(row(r.label[lang], r.share, r.postings));
  for (const g of opts.taxonomy.subLabels) {
    const rows = (s.subLabels[g.id] ?? []).filter((r) => r.postings > 0);
    if (!rows.length) continue;
    out.push('');
    out.push(c.bold(g.label[lang]));
    for (const r of rows) out.push(row(r.label[lang], r.share, r.postings));
  }
  out.push('');
  if (s.seniority?.length) {
    out.push(c.bold(T.bySeniority[lang]));
    for (const r of s.seniority) out.push(row(r.label[lang], r.share, r.postings));
    out.push('');
  }
  out.push(c.bold(T.byDimension[lang]));
  for (const r of s.dimensions) out.push(row(r.label[lang], r.share, r.postings));
  out.push('');
  out.push(`${c.bold(T.topSkills[lang])}  ${c.dim(`(${T.strengthSplit[lang]})`)}`);
  for (const r of s.skills.slice(0, 20)) {
    const split = `${r.byStrength.required}/${r.byStrength.duty}/${r.byStrength.preferred}/${r.byStrength.unknown}`;
    out.push(`${row(r.label[lang], r.share, r.postings)}  ${c.dim(split)}`);
  }
  if (s.gaps?.length) {
    out.push('');
    out.push(c.bold(T.learnFirst[lang]));
    s.gaps.slice(0, 10).forEach((g, i) => {
      out.push(`  ${String(i + 1).padStart(2)}. ${pad(g.label[lang], 34)} ${String(g.postings).padStart(4)} ${T.postings[lang]}  ${T.score[lang]} ${g.weight}`);
      out.push(`      ${c.dim(clip(g.advice[lang], 72))}`);
    });
  }
  if (s.fit?.length) {
    out.push('');
    out.push(c.bold(T.bestFit[lang]));
    for (const f of s.fit.slice(0, 10)) out.push(`  ${String(f.fit).padStart(3)}  ${pad(clip(f.title || f.source, 40), 40)} ${c.dim(clip(f.source, 32))}`);
  }
  if (duplicates.length) {
    out.push('');
    out.push(c.bold(T.duplicatesHead[lang]));
    for (const d of duplicates.slice(0, 10)) out.push(`  ${pad(`${clipStart(d.source, 37)} = ${clipStart(d.duplicateOf, 37)}`, 78)}`.trimEnd());
    if (duplicates.length > 10) out.push(c.dim(`  … ${duplicates.length - 10} ${T.more[lang]}`));
  }
  if (errors.length) {
    out.push('');
    out.push(c.bold.red(T.errors[lang]));
    for (const e of errors) out.push(`  ${pad(e.message, 78)}`.trimEnd());
  }
  return `${out.join('\n')}\n`;
}
