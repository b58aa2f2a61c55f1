// Prints, for every corpus posting and fixture, the Han token boundaries and the category and skills
// jdlens finds: run once with the compact dictionary and once with JDLENS_FULL_DICT=1 to compare.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { loadAnalyzer } = await import(join(ROOT, 'dist/taxonomy/compiled.js'));
const { analyze, readText } = await import(join(ROOT, 'dist/analyze.js'));
const corpus = resolve(process.env.JDLENS_CORPUS ?? join(ROOT, '../shared/corpus'));
const postings = [];
for (const lang of ['zh', 'en']) for (const f of readdirSync(join(corpus, 'dev', lang))) postings.push([`dev/${lang}/${f}`, readFileSync(join(corpus, 'dev', lang, f), 'utf8')]);
for (const f of readdirSync(join(ROOT, 'fixtures/postings'))) postings.push([`fixtures/${f}`, readFileSync(join(ROOT, 'fixtures/postings', f), 'utf8')]);
for (const f of readdirSync(join(corpus, 'bulk'))) {
  readFileSync(join(corpus, 'bulk', f), 'utf8').split('\n').filter(Boolean).forEach((l, i) => postings.push([`bulk/${f}#${i + 1}`, JSON.parse(l).text]));
}
const analyzer = loadAnalyzer();
const out = {};
for (const [source, text] of postings) {
  if (text.trim() === '') continue;
  // every token, not only those matching can use: this compares segmentation itself
  const { tokens } = readText(text, analyzer, true);
  const { report } = analyze({ source, text }, analyzer);
  out[source] = {
    tokens: tokens.filter((t) => t.script === 'han').map((t) => `${t.start}:${t.end}`),
    category: report.category.id,
    skills: report.skills.map((s) => s.id).sort(),
  };
}
process.stdout.write(JSON.stringify(out));
