// Build-time assets, written into dist/ after tsc:
// 1. the compact jieba dictionary jdlens loads instead of nodejieba's full one: every single
//    character, and the words real postings use (src/segment/postings-vocab.txt, made by
//    scripts/build-vocab.mjs), each with its own frequency; one filler entry keeps the total
//    frequency, so every word weighs what it weighs in the full dictionary; taxonomy aliases are
//    added at run time;
// 2. the lexicons, merged; 3. the default taxonomy with the lexicon's terms, validated and compiled,
//    so that a run need not parse YAML;
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';


const require = createRequire(import.meta.url);
const jieba = require('nodejieba');
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dictDir = join(root, 'dist', 'dict');
mkdirSync(dictDir, { recursive: true });

const vocab = new Set(readFileSync(join(root, 'src/segment/postings-vocab.txt'), 'utf8').split('\n').filter(Boolean));
const kept = [];
let dropped = 0;
for (const line of readFileSync(jieba.DEFAULT_DICT, 'utf8').split('\n')) {
  const [word, freq] = line.split(' ');
  if (!word) continue;
  if ([...word].length === 1 || vocab.has(word)) kept.push(line);
  else dropped += Number(freq);
}
// a private-use character no text holds, carrying the frequency of the words left out
kept.push(`\uE000 ${dropped} x`);
writeFileSync(join(dictDir, 'jieba.compact.utf8'), `${kept.join('\n')}\n`);
// jdlens never extracts keywords, but cppjieba insists on a non-empty idf and stop-word file
writeFileSync(join(dictDir, 'idf.utf8'), '的 1.0\n');
writeFileSync(join(dictDir, 'stop_words.utf8'), '的\n');
process.stdout.write(`jieba compact dictionary: ${kept.length} words\n`);

// 2. the lexicons of every language, merged and checked (the taxonomy compiles their terms with its aliases)
const { readLexiconFiles, COMPILED_LEXICON } = await import('../dist/lexicon/lexicon.js');
const lexiconDoc = readLexiconFiles();
writeFileSync(COMPILED_LEXICON, JSON.stringify(lexiconDoc));
process.stdout.write(`lexicon compiled: ${COMPILED_LEXICON.slice(root.length + 1)}\n`);

// 3. the default taxonomy with the lexicon's terms, validated and compiled
const { DEFAULT_TAXONOMY, loadTaxonomy } = await import('../dist/taxonomy/load.js');
const { createAnalyzer } = await import('../dist/analyze.js');
const { compiledPathFor, serialiseAnalyzer } = await import('../dist/taxonomy/compiled.js');
const out = compiledPathFor(DEFAULT_TAXONOMY);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, serialiseAnalyzer(createAnalyzer(loadTaxonomy(DEFAULT_TAXONOMY)), readFileSync(DEFAULT_TAXONOMY)));
process.stdout.write(`default taxonomy compiled: ${out.slice(root.length + 1)}\n`);
