import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Jieba = {
  DEFAULT_HMM_DICT: string;
  load(opts?: Record<string, string>): unknown;
  cut(text: string, hmm?: boolean): string[];
};

const require = createRequire(import.meta.url);
// dist/dict when running the build; the same folder when running from src (tests)
const DICT_DIRS = [fileURLToPath(new URL('../dict/', import.meta.url)), fileURLToPath(new URL('../../dist/dict/', import.meta.url))];
/** A user word is as likely as a common word, so jieba keeps "大模型" or "提示词工程" whole. */
export const USER_WORD_FREQ = 20000;
/** A priority word (a role: "产品经理") is ten times as likely, so it wins an overlap ("海外产品|经理"). */
export const PRIORITY_WORD_FREQ = 200000;

let jieba: Jieba | undefined;
let loadedWith = '';
let lastWords: Iterable<string> | undefined;

/** Writes the user dictionary once per distinct word list, where every process can reuse it. */
function userDictFile(words: string[], priority: Set<string>): string {
  const body = `${words.map((w) => `${w} ${priority.has(w) ? PRIORITY_WORD_FREQ : USER_WORD_FREQ} n`).join('\n')}\n`;
  const hash = createHash('sha1').update(body).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `jdlens-${process.getuid?.() ?? 'u'}`);
  const file = join(dir, `userdict-${hash}.utf8`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, body);
    renameSync(tmp, file);
  }
  return file;
}

/**
 * nodejieba, loaded on first use only (an English posting never pays for it), with the compact
 * dictionary built by scripts/build-dict.mjs when it is there, and the taxonomy's Han aliases as
 * user words of high frequency.
 */
export function jiebaWith(words: Iterable<string>, priorityWords: Iterable<string> = []): Jieba {
  // the same word list (one analyzer) asks again for every posting: answer at once
  if (jieba && words === lastWords) return jieba;
  const priority = new Set(priorityWords);
  const list = [...new Set([...words, ...priority])].filter((w) => !/\s/.test(w)).sort();
  const key = `${list.join('\n')}\n${[...priority].sort().join('\n')}`;
  lastWords = words;
  if (jieba && loadedWith === key) return jieba;
  jieba = require('nodejieba') as Jieba;
  const dir = DICT_DIRS.find((d) => existsSync(join(d, 'jieba.compact.utf8')));
  const opts: Record<string, string> = { userDict: userDictFile(list, priority) };
  if (dir && process.env.JDLENS_FULL_DICT !== '1') {
    Object.assign(opts, { dict: join(dir, 'jieba.compact.utf8'), idfDict: join(dir, 'idf.utf8'), stopWordDict: join(dir, 'stop_words.utf8') });
  }
  jieba.load(opts);
  loadedWith = key;
  return jieba;
}
