import type { Lang } from '../model.js';
import type { Summary } from '../summary/summary.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { STRENGTH_LABEL, T } from './i18n.js';
import { betweenText, postingLang, unreadPostingsText, unreadText } from './text.js';
import type { DuplicateOut, ErrorOut, PostingReport } from './types.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const pct = (x: number) => `${Math.round(x * 100)}%`;

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** The summary part of a Markdown report: tables a person can paste into notes. */
export function renderMarkdownSummary(s: Summary | undefined, duplicates: DuplicateOut[], errors: ErrorOut[], tax: Taxonomy, lang: Lang, batch: boolean): string {
  const out = [`# jdlens report`, ''];
  if (s && batch) {
    out.push(`## ${T.summary[lang]}`, '', `${s.postings} ${T.postings[lang]} · ${s.duplicates} ${T.duplicates[lang]} · ${s.errors} ${T.errorsWord[lang]}`, '');
    const unread = unreadPostingsText(s, lang);
    if (unread) out.push(`> ${unread}`, '');
    out.push(`### ${T.byCategory[lang]}`, '', table([T.colCategory[lang], T.colShare[lang], T.colPostings[lang]], s.categories.map((r) => [r.label[lang], pct(r.share), String(r.postings)])), '');
    for (const g of tax.subLabels) {
      const rows = (s.subLabels[g.id] ?? []).filter((r) => r.postings > 0);
      if (rows.length) out.push(`### ${g.label[lang]}`, '', table([g.label[lang], T.colShare[lang], T.colPostings[lang]], rows.map((r) => [r.label[lang], pct(r.share), String(r.postings)])), '');
    }
    if (s.seniority?.length) out.push(`### ${T.bySeniority[lang]}`, '', table([T.colLevel[lang], T.colShare[lang], T.colPostings[lang]], s.seniority.map((r) => [r.label[lang], pct(r.share), String(r.postings)])), '');
    out.push(`### ${T.byDimension[lang]}`, '', table([T.colDimension[lang], T.colShare[lang], T.colPostings[lang]], s.dimensions.map((r) => [r.label[lang], pct(r.share), String(r.postings)])), '');
    out.push(
      `### ${T.topSkills[lang]}`,
      '',
      table([T.colSkill[lang], T.colShare[lang], T.colPostings[lang], T.strengthSplit[lang]], s.skills.slice(0, 30).map((r) => [r.label[lang], pct(r.share), String(r.postings), `${r.byStrength.required}/${r.byStrength.duty}/${r.byStrength.preferred}/${r.byStrength.unknown}`])),
      '',
    );
    if (s.gaps?.length) out.push(`### ${T.learnFirst[lang]}`, '', table(['#', T.colSkill[lang], T.colPostings[lang], T.score[lang], T.advice[lang]], s.gaps.slice(0, 15).map((g, i) => [String(i + 1), g.label[lang], String(g.postings), String(g.weight), g.advice[lang]])), '');
    if (s.fit?.length) out.push(`### ${T.bestFit[lang]}`, '', table([T.fit[lang], T.colTitle[lang], T.colSource[lang]], s.fit.slice(0, 20).map((f) => [String(f.fit), f.title, f.source])), '');
  }
  if (duplicates.length) out.push(`### ${T.duplicatesHead[lang]}`, '', ...duplicates.map((d) => `- ${d.source} = ${d.duplicateOf}`), '');
  if (errors.length) out.push(`### ${T.errors[lang]}`, '', ...errors.map((e) => `- \`${e.source}\`: ${e.message}`), '');
  return `${out.join('\n')}\n`;
}

/** One posting as a Markdown section. */
export function renderMarkdownPosting(p: PostingReport, tax: Taxonomy, fixed?: Lang): string {
  const lang = postingLang(p, fixed);
  const unread = unreadText(p, lang);
  const out = [`## ${p.title || p.source}`, '', ...(unread ? [`> ${unread}`, ''] : []), `- ${T.category[lang]}: **${p.category.label[lang]}** (${T.confidence[lang]} ${p.category.confidence.toFixed(2)})`, `- source: \`${p.source}\``];
  const between = betweenText(p, tax.categories, lang);
  if (between) out.push(`- ${between}`);
  if (p.fit !== undefined) out.push(`- ${T.fit[lang]}: **${p.fit}**/100`);
  out.push('');
  if (p.category.evidence.length) out.push(`**${T.why[lang]}**`, '', ...p.category.evidence.map((e) => `- +${e.contribution.toFixed(2)} ${e.text} (${T.line[lang]} ${e.line}): ${e.context}`), '');
  if (p.skills.length) {
    const dims = new Map(tax.dimensions.map((d) => [d.id, d.label[lang]]));
    out.push(`**${T.skills[lang]}**`, '', table([T.colSkill[lang], T.colDimension[lang], T.colStrength[lang], T.line[lang]], p.skills.map((s) => [s.label[lang], dims.get(s.dimension) ?? s.dimension, STRENGTH_LABEL[s.strength][lang], `${s.mentions[0]!.line}: ${s.mentions[0]!.context.slice(0, 80)}`])), '');
  }
  if (p.mentioned?.length) out.push(`${T.mentioned[lang]}: ${p.mentioned.map((m) => m.label[lang]).join(' · ')}`, '');
  if (p.gaps?.length) out.push(`**${T.gaps[lang]}**`, '', table(['#', T.colSkill[lang], T.colStatus[lang], T.score[lang], T.advice[lang]], p.gaps.map((g, i) => [String(i + 1), g.label[lang], g.status === 'missing' ? T.missing[lang] : T.partial[lang], String(g.score), `${g.advice[lang]} (${g.seed ? (g.seed.url ? `[${g.seed.title}](${g.seed.url})` : g.seed.title) : g.source})`])), '');
  return `${out.join('\n')}\n`;
}
