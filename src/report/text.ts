import type { ChalkInstance } from 'chalk';
import type { Lang } from '../model.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { PROFICIENCY_LABEL, STRENGTH_LABEL, T } from './i18n.js';
import type { PostingReport, Report } from './types.js';

export interface TextOptions {
  /** fixed language, or undefined to follow each posting's own */
  lang?: Lang;
  color: ChalkInstance;
  taxonomy: Taxonomy;
}

export function postingLang(p: PostingReport, fixed?: Lang): Lang {
  if (fixed) return fixed;
  return p.language === 'en' ? 'en' : p.language === 'zh' ? 'zh' : /[\u4e00-\u9fff]/.test(p.title) ? 'zh' : 'en';
}

function clip(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
}

/** A posting as a person reads it: title, role with why, skills by dimension with one evidence line each. */
export function renderPostingText(p: PostingReport, opts: TextOptions): string {
  const lang = postingLang(p, opts.lang);
  const c = opts.color;
  const out: string[] = [];
  const sep = lang === 'zh' ? '：' : ': ';
  out.push(c.bold(p.title || T.untitled[lang]) + c.dim(`  (${p.source})`));
  out.push(`${T.category[lang]}${sep}${c.bold.cyan(p.category.label[lang])}  ${c.dim(`${T.confidence[lang]} ${p.category.confidence.toFixed(2)}`)}`);
  if (p.category.evidence.length) {
    out.push(`${T.why[lang]}${sep}`);
    for (const e of p.category.evidence) {
      out.push(`  ${c.green('•')} ${c.bold(e.text)} ${c.dim(`(${T.line[lang]} ${e.line})`)} ${clip(e.context, 70)}`);
    }
  }
  const cats = opts.taxonomy.categories;
  out.push(c.dim(`${T.scores[lang]}${sep}${cats.map((k) => `${k.label[lang]} ${p.scores[k.id].toFixed(1)}`).join(' · ')}`));

  const groups = opts.taxonomy.subLabels.filter((g) => p.subLabels[g.id]?.length);
  if (groups.length) {
    const parts = groups.map((g) => `${g.label[lang]} ${p.subLabels[g.id]!.map((v) => v.label[lang]).join('/')}`);
    out.push(`${T.subLabels[lang]}${sep}${parts.join(' · ')}`);
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
        out.push(`      ${c.dim(`${T.line[lang]} ${m.line}:`)} ${clip(m.context, 90)}`);
      }
    }
  }
  if (p.requirements.length) {
    out.push('');
    out.push(c.bold(T.requirements[lang]));
    for (const r of p.requirements) {
      out.push(`  ${r.label[lang]}  ${c.dim(`${STRENGTH_LABEL[r.strength][lang]} · ${T.line[lang]} ${r.line}: ${clip(r.text, 60)}`)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

export function renderText(report: Report, opts: TextOptions): string {
  const parts = report.postings.map((p) => renderPostingText(p, opts));
  if (report.errors.length) {
    const lang = opts.lang ?? 'en';
    parts.push(`${opts.color.red(T.errors[lang])}\n${report.errors.map((e) => `  ${e.source}: ${e.message}`).join('\n')}\n`);
  }
  return parts.join('\n');
}
