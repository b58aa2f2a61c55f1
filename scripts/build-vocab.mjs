// Maintainer tool: the jieba dictionary words that real job postings can use. Every word jieba's
// full mode finds in the bulk postings of ../shared/corpus (the words that enter its DAG) is kept;
// the build then loads only these (plus every single character) from nodejieba's dictionary.
// Run it when the corpus grows: node scripts/build-vocab.mjs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const jieba = require('nodejieba');
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bulk = join(root, '../shared/corpus/bulk');
const words = new Set();
let runs = 0;
for (const f of readdirSync(bulk)) {
  for (const line of readFileSync(join(bulk, f), 'utf8').split('\n')) {
    if (!line) continue;
    for (const m of JSON.parse(line).text.normalize('NFKC').matchAll(/\p{Script=Han}+/gu)) {
      runs++;
      for (const w of jieba.cutAll(m[0])) if ([...w].length > 1) words.add(w);
    }
  }
}
const out = join(root, 'src/segment/postings-vocab.txt');
writeFileSync(out, `${[...words].sort().join('\n')}\n`);
process.stdout.write(`${words.size} words from ${runs} Han runs of the bulk postings -> ${out}\n`);
