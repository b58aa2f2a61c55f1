// Builds the compact jieba dictionary that jdlens loads instead of nodejieba's full one:
// the words frequent enough to change a segmentation (freq >= MIN_FREQ). Taxonomy aliases are
// added at run time as user words. Run by `npm run build`; the output lives in dist/dict/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIN_FREQ = Number(process.env.JDLENS_DICT_MIN_FREQ ?? 20);

const require = createRequire(import.meta.url);
const jieba = require('nodejieba');
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(root, 'dist', 'dict');
mkdirSync(out, { recursive: true });

const kept = [];
for (const line of readFileSync(jieba.DEFAULT_DICT, 'utf8').split('\n')) {
  const [word, freq] = line.split(' ');
  if (word && Number(freq) >= MIN_FREQ) kept.push(line);
}
writeFileSync(join(out, 'jieba.compact.utf8'), `${kept.join('\n')}\n`);
// jdlens never extracts keywords, but cppjieba insists on a non-empty idf and stop-word file
writeFileSync(join(out, 'idf.utf8'), '的 1.0\n');
writeFileSync(join(out, 'stop_words.utf8'), '的\n');
process.stdout.write(`jieba compact dictionary: ${kept.length} words (freq >= ${MIN_FREQ})\n`);
