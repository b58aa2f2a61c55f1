import type { Lang } from '../model.js';
import type { Summary } from '../summary/summary.js';
import type { Taxonomy } from '../taxonomy/types.js';
import type { Sink } from './sink.js';
import { SCHEMA_VERSION, type DuplicateOut, type ErrorOut, type PostingReport } from './types.js';

export type Format = 'json' | 'text' | 'md' | 'html';

export interface WriterContext {
  sink: Sink;
  tool: { name: string; version: string };
  taxonomy: Taxonomy;
  lang?: Lang;
  /** the stream whose terminal decides colour, and --no-color (false) */
  colorStream: NodeJS.WriteStream;
  color: boolean | undefined;
  /** several postings (a folder, several files, JSONL): a summary closes the report */
  batch: boolean;
}

/** Writes a report as postings arrive, so a folder of any size streams through. */
export interface ReportWriter {
  posting(p: PostingReport): void;
  /** a posting already serialised (by a worker thread): JSON output only */
  postingJson?(json: string): void;
  end(errors: ErrorOut[], duplicates: DuplicateOut[], summary: Summary | undefined): void;
}

const indent = (s: string, n: number) => s.replace(/\n/g, `\n${' '.repeat(n)}`);

function jsonWriter(ctx: WriterContext): ReportWriter {
  const { sink } = ctx;
  sink.write(
    `{\n  "schemaVersion": ${SCHEMA_VERSION},\n  "tool": ${JSON.stringify(ctx.tool)},\n  "taxonomy": ${JSON.stringify({ id: ctx.taxonomy.id, version: ctx.taxonomy.version })},\n  "postings": [`,
  );
  let n = 0;
  // one posting: pretty; many: one compact line each, which a folder of thousands can afford
  return {
    posting(p) {
      sink.write(`${n++ ? ',' : ''}\n    ${ctx.batch ? JSON.stringify(p) : indent(JSON.stringify(p, null, 2), 4)}`);
    },
    postingJson(json) {
      sink.write(`${n++ ? ',' : ''}\n    ${json}`);
    },
    end(errors, duplicates, summary) {
      sink.write(`${n ? '\n  ' : ''}],\n  "errors": ${indent(JSON.stringify(errors, null, 2), 2)}`);
      if (ctx.batch) sink.write(`,\n  "duplicates": ${indent(JSON.stringify(duplicates, null, 2), 2)}`);
      if (summary) sink.write(`,\n  "summary": ${indent(JSON.stringify(summary, null, 2), 2)}`);
      sink.write('\n}\n');
    },
  };
}

// text and Markdown need chalk and string-width: loaded only when a person reads the report
async function textWriter(ctx: WriterContext): Promise<ReportWriter> {
  const [{ renderBatchLine, renderPostingText, renderSummaryText, postingLang }, { makeColor }] = await Promise.all([import('./text.js'), import('../cli/color.js')]);
  // the terminal's width where the report goes to one, else 80
  const width = (ctx.colorStream.isTTY && ctx.color !== false ? ctx.colorStream.columns : 0) || 80;
  const opts = { lang: ctx.lang, color: makeColor(ctx.colorStream, ctx.color), taxonomy: ctx.taxonomy, width };
  // the summary speaks the language most of its postings speak, unless --lang says otherwise
  const langs = { zh: 0, en: 0 };
  return {
    posting(p) {
      langs[postingLang(p)]++;
      ctx.sink.write(ctx.batch ? renderBatchLine(p, opts) : renderPostingText(p, opts));
    },
    end(errors, duplicates, summary) {
      const lang = ctx.lang ?? (langs.zh > langs.en ? 'zh' : 'en');
      if (summary) ctx.sink.write(`\n${renderSummaryText(summary, duplicates, errors, { ...opts, lang })}`);
    },
  };
}

async function markdownWriter(ctx: WriterContext): Promise<ReportWriter> {
  const { renderMarkdownPosting, renderMarkdownSummary } = await import('./markdown.js');
  // the summary comes first in Markdown, so the sections wait for the end
  const sections: string[] = [];
  const { postingLang } = await import('./text.js');
  // as in text: the summary speaks the language most of its postings speak, unless --lang says otherwise
  const langs = { zh: 0, en: 0 };
  return {
    posting(p) {
      langs[postingLang(p)]++;
      sections.push(renderMarkdownPosting(p, ctx.taxonomy, ctx.lang));
    },
    end(errors, duplicates, summary) {
      const lang = ctx.lang ?? (langs.zh > langs.en ? 'zh' : 'en');
      ctx.sink.write(renderMarkdownSummary(summary, duplicates, errors, ctx.taxonomy, lang, ctx.batch));
      ctx.sink.write(sections.join('\n'));
    },
  };
}

/** One self-contained page, written whole at the end: the summary and charts come before the cards. */
async function htmlWriter(ctx: WriterContext): Promise<ReportWriter> {
  const { renderHtml } = await import('./html.js');
  const postings: PostingReport[] = [];
  return {
    posting(p) {
      postings.push(p);
    },
    end(errors, duplicates, summary) {
      ctx.sink.write(renderHtml({ postings, errors, duplicates, summary, taxonomy: ctx.taxonomy, ...(ctx.lang ? { lang: ctx.lang } : {}), tool: ctx.tool }));
    },
  };
}

export async function createWriter(format: Format, ctx: WriterContext): Promise<ReportWriter> {
  if (format === 'json') return jsonWriter(ctx);
  if (format === 'html') return htmlWriter(ctx);
  if (format === 'md') return markdownWriter(ctx);
  return textWriter(ctx);
}
