import { Parser } from 'htmlparser2';

// page chrome and code: a site's navigation ("首页 | 职位 | 关于我们") is no part of the posting
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'nav']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'td', 'th', 'thead', 'tfoot', 'tr', 'ul', 'title', 'body', 'html',
]);

/**
 * The text of a saved HTML page: script, style, noscript and navigation dropped, entities decoded
 * (htmlparser2), block elements kept as line breaks. A page with no <h1> starts with its <title>,
 * so that the posting's title comes first. Offsets of a report on an HTML file count in this text.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipping = 0;
  let inTitle = false;
  let hasH1 = false;
  let title = '';
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title') inTitle = true;
        if (name === 'h1') hasH1 = true;
        if (SKIP.has(name)) skipping++;
        else if (BLOCK.has(name) && skipping === 0) out.push('\n');
      },
      ontext(text) {
        if (inTitle) title += text;
        if (skipping === 0) out.push(text);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BLOCK.has(name) && skipping === 0) out.push('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const t = title.replace(/\s+/g, ' ').trim();
  if (!hasH1 && t) out.unshift(t, '\n');
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
