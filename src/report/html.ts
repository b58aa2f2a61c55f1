// One self-contained HTML page: inline CSS and inline SVG charts drawn here, no script, no network,
// readable offline and printable, light or dark by the reader's setting. Every piece of posting
// text is untrusted and goes in escaped; the only links are the taxonomy's seed articles (http(s))
// and the page's own anchors.
import type { Lang } from '../model.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { PROFICIENCY_LABEL, STRENGTH_LABEL, T } from './i18n.js';
import { betweenText, postingLang, unreadPostingsText, unreadText } from './text.js';
import type { DuplicateOut, ErrorOut, PostingReport, Summary } from './types.js';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as inert HTML: nothing in it can open a tag, close a style or break out of an attribute. */
export const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => ESC[c]!);
const safeUrl = (u: string | undefined) => (u && /^https?:\/\/[^\s"'<>]+$/.test(u) ? u : undefined);
const pct = (x: number) => `${Math.round(x * 100)}%`;

const CSS = `
:root{--bg:#fff;--fg:#1d1f23;--muted:#5b6270;--line:#d9dde3;--card:#f6f7f9;--a:#2f6fdd;--b:#2a9d8f;--c:#e9a23b;--d:#9aa3af;--mark:#fff3b0}
@media (prefers-color-scheme:dark){:root{--bg:#15171b;--fg:#e6e8eb;--muted:#a2a9b4;--line:#33373e;--card:#1e2126;--a:#6ea0ff;--b:#4cc3b3;--c:#f0b95e;--d:#767e8a;--mark:#5a4b00}}
*{box-sizing:border-box}body{margin:0 auto;max-width:1000px;padding:24px;font:15px/1.55 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:var(--bg);color:var(--fg)}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;margin:1.6em 0 .5em;border-bottom:1px solid var(--line);padding-bottom:.2em}h3{font-size:1.05em;margin:1.2em 0 .4em}
p.meta,.muted{color:var(--muted)}.notice{border-left:3px solid #c80;padding-left:.6em}table{border-collapse:collapse;width:100%;margin:.4em 0 1em}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}th{font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}svg.chart{width:100%;height:auto;display:block;margin:.4em 0}svg text{fill:var(--fg);font-size:12px}
.bar-a{fill:var(--a)}.bar-b{fill:var(--b)}.bar-c{fill:var(--c)}.bar-d{fill:var(--d)}.legend span{display:inline-block;margin-right:1em}.sw{display:inline-block;width:.8em;height:.8em;margin-right:.3em;vertical-align:-.05em}
details.card{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:.6em 0;padding:.4em .9em}details.card>summary{cursor:pointer;font-weight:600}
q{quotes:none}q::before,q::after{content:none}mark{background:var(--mark);color:inherit}a{color:var(--a)}
@media print{details.card{break-inside:avoid}details.card:not([open])>*:not(summary){display:block}body{max-width:none}}
`;

const STRENGTHS = ['required', 'duty', 'preferred', 'unknown'] as const;
const STRENGTH_CLASS: Record<string, string> = { required: 'bar-a', duty: 'bar-b', preferred: 'bar-c', unknown: 'bar-d' };

const ROW_H = 24;
const CHART_W = 720;
const LABEL_W = 240;
/** Room left after the label for the bars and the number behind them. */
const BAR_ROOM = CHART_W - LABEL_W - 90;

interface ChartRow {
  label: string;
  /** what the row counts (the JSON report's number) */
  value: number;
  /** the bar's parts, by CSS class, adding up to `value` */
  parts: [string, number][];
  /** the text behind the bar */
  note: string;
}

/**
 * A horizontal bar chart, accessible (role img, a title) and drawn here: one row a label, a bar of
 * one or more parts, and its number; the table beside every chart says the same.
 */
function chart(id: string, title: string, rows: ChartRow[]): string {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const bars = rows
    .map((r, i) => {
      const y = 4 + i * ROW_H;
      let x = LABEL_W;
      const rects = r.parts
        .map(([cls, v]) => {
          const bw = v > 0 ? Math.max(2, Math.round((BAR_ROOM * v) / max)) : 0;
          const rect = bw > 0 ? `<rect class="${cls}" x="${x}" y="${y + 4}" width="${bw}" height="${ROW_H - 8}"></rect>` : '';
          x += bw;
          return rect;
        })
        .join('');
      return `<g class="row" data-label="${esc(r.label)}" data-value="${r.value}"><text x="${LABEL_W - 8}" y="${y + 16}" text-anchor="end">${esc(r.label)}</text>${rects}<text x="${x + 6}" y="${y + 16}">${esc(r.note)}</text></g>`;
    })
    .join('');
  const h = rows.length * ROW_H + 8;
  return `<svg class="chart" id="${id}" role="img" aria-labelledby="${id}-t" viewBox="0 0 ${CHART_W} ${h}" width="${CHART_W}" height="${h}"><title id="${id}-t">${esc(title)}</title>${bars}</svg>`;
}

/** Postings per row, one bar each: "4 · 27%". */
const shareChart = (id: string, title: string, rows: { label: string; postings: number; share: number }[]) =>
  chart(id, title, rows.map((r) => ({ label: r.label, value: r.postings, parts: [['bar-a', r.postings]], note: `${r.postings} · ${pct(r.share)}` })));

const table = (head: string[], rows: string[][], numeric: number[] = []) =>
  `<table><thead><tr>${head.map((h, i) => `<th scope="col"${numeric.includes(i) ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

/** A quoted line of the posting, the matched words marked; all of it escaped. */
function quoted(context: string, word: string): string {
  const at = word ? context.toLowerCase().indexOf(word.toLowerCase()) : -1;
  if (at < 0) return `<q>${esc(context)}</q>`;
  return `<q>${esc(context.slice(0, at))}<mark>${esc(context.slice(at, at + word.length))}</mark>${esc(context.slice(at + word.length))}</q>`;
}

function card(p: PostingReport, i: number, tax: Taxonomy, lang: Lang): string {
  const cat = `${esc(p.category.label[lang])} · ${T.confidence[lang]} ${p.category.confidence.toFixed(2)}`;
  const out = [`<details class="card" id="p-${i + 1}"><summary>${esc(p.title || T.untitled[lang])} — ${cat}${p.fit !== undefined ? ` · ${T.fit[lang]} ${p.fit}` : ''}</summary>`];
  out.push(`<p class="muted">${esc(p.source)}</p>`);
  const unread = unreadText(p, lang);
  if (unread) out.push(`<p class="notice">${esc(unread)}</p>`);
  const between = betweenText(p, tax.categories, lang);
  if (between) out.push(`<p>${esc(between)}</p>`);
  if (p.category.evidence.length) {
    out.push(`<h4>${esc(T.why[lang])}</h4><ul>${p.category.evidence.map((e) => `<li>+${e.contribution.toFixed(2)} · ${esc(T.line[lang])} ${e.line}: ${quoted(e.context, e.text)}</li>`).join('')}</ul>`);
  }
  if (p.skills.length) {
    const dims = new Map(tax.dimensions.map((d) => [d.id, d.label[lang]]));
    out.push(`<h4>${esc(T.skills[lang])} (${p.skills.length})</h4>`);
    out.push(
      table(
        [T.colSkill[lang], T.colDimension[lang], T.colStrength[lang], T.line[lang]],
        p.skills.map((s) => [
          esc(s.label[lang]) + (s.proficiency ? ` <span class="muted">${esc(PROFICIENCY_LABEL[s.proficiency][lang])}</span>` : ''),
          esc(dims.get(s.dimension) ?? s.dimension),
          esc(STRENGTH_LABEL[s.strength][lang]),
          `${s.mentions[0]!.line}: ${quoted(s.mentions[0]!.context, s.mentions[0]!.text)}`,
        ]),
      ),
    );
  }
  if (p.mentioned?.length) out.push(`<p class="muted">${esc(T.mentioned[lang])}: ${p.mentioned.map((m) => esc(m.label[lang])).join(' · ')}</p>`);
  if (p.requirements.length) {
    out.push(`<h4>${esc(T.requirements[lang])}</h4><ul>${p.requirements.map((r) => `<li>${esc(r.label[lang])} <span class="muted">(${esc(STRENGTH_LABEL[r.strength][lang])} · ${esc(T.line[lang])} ${r.line}: ${esc(r.text)})</span></li>`).join('')}</ul>`);
  }
  if (p.gaps?.length) {
    out.push(`<h4>${esc(T.gaps[lang])} (${p.gaps.length})</h4>`);
    out.push(table(['#', T.colSkill[lang], T.colStatus[lang], T.score[lang], T.advice[lang]], p.gaps.map((g, k) => [String(k + 1), esc(g.label[lang]), esc(g.status === 'missing' ? T.missing[lang] : T.partial[lang]), String(g.score), adviceCell(g.advice[lang], g.seed, g.source)]), [0, 3]));
  }
  out.push('</details>');
  return out.join('\n');
}

function adviceCell(advice: string, seed: { title: string; url?: string } | undefined, source: string): string {
  const url = safeUrl(seed?.url);
  const from = seed ? (url ? `<a href="${esc(url)}" rel="noreferrer noopener">${esc(seed.title)}</a>` : esc(seed.title)) : esc(source);
  return `${esc(advice)} <span class="muted">(${from})</span>`;
}

export interface HtmlInput {
  postings: PostingReport[];
  errors: ErrorOut[];
  duplicates: DuplicateOut[];
  summary: Summary | undefined;
  taxonomy: Taxonomy;
  lang?: Lang;
  tool: { name: string; version: string };
}

/** The whole page. The language is --lang's, else that of most postings. */
export function renderHtml(inp: HtmlInput): string {
  const langs = { zh: 0, en: 0 };
  for (const p of inp.postings) langs[postingLang(p)]++;
  const lang: Lang = inp.lang ?? (langs.zh > langs.en ? 'zh' : 'en');
  const s = inp.summary;
  const body: string[] = [];
  body.push(`<header><h1>${esc(lang === 'zh' ? 'jdlens 岗位报告' : 'jdlens report')}</h1><p class="meta">${esc(`${inp.postings.length} ${T.postings[lang]} · ${inp.taxonomy.label[lang]} · ${inp.tool.name} ${inp.tool.version}`)}</p></header>`);
  body.push('<main>');
  if (s) {
    const unread = unreadPostingsText(s, lang);
    if (unread) body.push(`<p class="notice">${esc(unread)}</p>`);
    body.push(`<section aria-labelledby="h-cat"><h2 id="h-cat">${esc(T.byCategory[lang])}</h2>`);
    body.push(shareChart('chart-categories', T.byCategory[lang], s.categories.map((r) => ({ ...r, label: r.label[lang] }))));
    body.push(table([T.colCategory[lang], T.colPostings[lang], T.colShare[lang]], s.categories.map((r) => [esc(r.label[lang]), String(r.postings), pct(r.share)]), [1, 2]));
    for (const g of inp.taxonomy.subLabels) {
      const rows = (s.subLabels[g.id] ?? []).filter((r) => r.postings > 0);
      if (rows.length) body.push(`<h3>${esc(g.label[lang])}</h3>${table([g.label[lang], T.colPostings[lang], T.colShare[lang]], rows.map((r) => [esc(r.label[lang]), String(r.postings), pct(r.share)]), [1, 2])}`);
    }
    if (s.seniority?.length) body.push(`<h3>${esc(T.bySeniority[lang])}</h3>${table([T.colLevel[lang], T.colPostings[lang], T.colShare[lang]], s.seniority.map((r) => [esc(r.label[lang]), String(r.postings), pct(r.share)]), [1, 2])}`);
    body.push('</section>');

    body.push(`<section aria-labelledby="h-skills"><h2 id="h-skills">${esc(T.topSkills[lang])}</h2>`);
    body.push(`<p class="legend">${STRENGTHS.map((k) => `<span><span class="sw ${STRENGTH_CLASS[k]}" style="background:var(--${STRENGTH_CLASS[k]!.slice(4)})"></span>${esc(STRENGTH_LABEL[k][lang])}</span>`).join('')}</p>`);
    const top = s.skills.slice(0, 15);
    body.push(chart('chart-skills', T.topSkills[lang], top.map((r) => ({ label: r.label[lang], value: r.postings, parts: STRENGTHS.map((k) => [STRENGTH_CLASS[k]!, r.byStrength[k]] as [string, number]), note: String(r.postings) }))));
    const dims = new Map(inp.taxonomy.dimensions.map((d) => [d.id, d.label[lang]]));
    for (const d of inp.taxonomy.dimensions) {
      const rows = s.skills.filter((r) => r.dimension === d.id);
      if (!rows.length) continue;
      body.push(`<h3>${esc(dims.get(d.id)!)}</h3>`);
      body.push(table([T.colSkill[lang], T.colPostings[lang], ...STRENGTHS.map((k) => STRENGTH_LABEL[k][lang])], rows.map((r) => [esc(r.label[lang]), String(r.postings), ...STRENGTHS.map((k) => String(r.byStrength[k]))]), [1, 2, 3, 4, 5]));
    }
    body.push(`<h3>${esc(T.byDimension[lang])}</h3>`);
    body.push(shareChart('chart-dimensions', T.byDimension[lang], s.dimensions.map((r) => ({ ...r, label: r.label[lang] }))));
    body.push(table([T.colDimension[lang], T.colPostings[lang], T.colShare[lang]], s.dimensions.map((r) => [esc(r.label[lang]), String(r.postings), pct(r.share)]), [1, 2]));
    body.push('</section>');
    if (s.gaps?.length) {
      body.push(`<section aria-labelledby="h-gaps"><h2 id="h-gaps">${esc(T.learnFirst[lang])}</h2>`);
      const skillDefs = new Map(inp.taxonomy.skills.map((k) => [k.id, k]));
      body.push(table(['#', T.colSkill[lang], T.colPostings[lang], T.score[lang], T.advice[lang]], s.gaps.slice(0, 15).map((g, i) => [String(i + 1), esc(g.label[lang]), String(g.postings), String(g.weight), adviceCell(g.advice[lang], inp.taxonomy.seeds?.[skillDefs.get(g.id)?.source.seed ?? ''], skillDefs.get(g.id)?.source.seed ?? '')]), [0, 2, 3]));
      body.push('</section>');
    }
    if (s.fit?.length) {
      const index = new Map(inp.postings.map((p, i) => [p.source, i + 1]));
      body.push(`<section aria-labelledby="h-fit"><h2 id="h-fit">${esc(T.bestFit[lang])}</h2><ol>${s.fit.slice(0, 20).map((f) => `<li><a href="#p-${index.get(f.source) ?? 0}">${esc(f.title || f.source)}</a> — ${esc(T.fit[lang])} ${f.fit}</li>`).join('')}</ol></section>`);
    }
  }
  body.push(`<section aria-labelledby="h-postings"><h2 id="h-postings">${esc(lang === 'zh' ? '岗位' : 'Postings')} (${inp.postings.length})</h2>`);
  inp.postings.forEach((p, i) => body.push(card(p, i, inp.taxonomy, lang)));
  body.push('</section>');
  if (inp.duplicates.length) body.push(`<section><h2>${esc(T.duplicatesHead[lang])}</h2><ul>${inp.duplicates.map((d) => `<li>${esc(d.source)} = ${esc(d.duplicateOf)}</li>`).join('')}</ul></section>`);
  if (inp.errors.length) body.push(`<section><h2>${esc(T.errors[lang])}</h2><ul>${inp.errors.map((e) => `<li><code>${esc(e.source)}</code>: ${esc(e.message)}</li>`).join('')}</ul></section>`);
  body.push('</main>');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(lang === 'zh' ? 'jdlens 岗位报告' : 'jdlens report')}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
