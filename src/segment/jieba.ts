import { createRequire } from 'node:module';

type Jieba = {
  load(opts?: Record<string, string>): unknown;
  cut(text: string, hmm?: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
};

const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;
const inserted = new Set<string>();

/**
 * nodejieba, loaded on first use only: an English posting never pays for the dictionary.
 * Taxonomy aliases are inserted as user words so that "提示词工程" or "大模型" stay one token.
 */
export function jiebaWith(words: Iterable<string>): Jieba {
  if (!jieba) {
    jieba = require('nodejieba') as Jieba;
    jieba.load();
  }
  for (const w of words) {
    if (!inserted.has(w)) {
      jieba.insertWord(w);
      inserted.add(w);
    }
  }
  return jieba;
}

export function jiebaLoaded(): boolean {
  return jieba !== undefined;
}
