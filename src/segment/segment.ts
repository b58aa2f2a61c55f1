import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { WordTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import type { NormalisedText, Token } from '../model.js';
import { jiebaWith } from './jieba.js';

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const tokenizer = new WordTokenizer();

/** The matching key of a Latin word: lower-cased, Porter-stemmed ("fine-tuned" and "fine-tuning" meet at "tune"). */
const stems = new Map<string, string>();

export function latinKey(word: string): string {
  const lower = word.toLowerCase();
  let stem = stems.get(lower);
  if (stem === undefined) {
    stem = PorterStemmer.stem(lower);
    // postings repeat their words: a bounded cache saves most of the stemming
    if (stems.size < 200_000) stems.set(lower, stem);
  }
  return stem;
}

// Porter also merges words of different meaning ("product"/"productivity", "generous"/"generative").
// Two words with one stem match only when what each adds to the stem is an inflection,
// or they are the same word ("educate" is not "education", "evaluate" not "evaluation").
const INFLECTION = new Set(['', 'e', 's', 'es', 'ed', 'd', 'ing', 'ings', 'y', 'ies', 'ied', "'s"]);

function remainder(word: string, stem: string): string {
  let i = 0;
  while (i < word.length && i < stem.length && word[i] === stem[i]) i++;
  return word.slice(i);
}

/** Whether a token's word and an alias's word, already known to share a stem, are forms of one word. */
export function sameWordForm(tokenWord: string, aliasWord: string, stem: string): boolean {
  const a = tokenWord.toLowerCase();
  const b = aliasWord.toLowerCase();
  if (a === b) return true;
  const ra = remainder(a, stem);
  const rb = remainder(b, stem);
  return INFLECTION.has(ra) && INFLECTION.has(rb);
}

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

export interface SegmentOptions {
  /** words jieba must keep whole (the taxonomy's Han aliases) */
  userWords: Iterable<string>;
}

/**
 * Splits normalised text into script runs: Han runs through nodejieba (HMM on, so Latin letters
 * never end up as single characters), everything else through natural's word tokenizer.
 * Tokens never cross a line; every token keeps its offsets and line.
 */
export function segment(norm: NormalisedText, options: SegmentOptions): Token[] {
  const tokens: Token[] = [];
  const lines = norm.text.split('\n');
  const jieba = hasHan(norm.text) ? jiebaWith(options.userWords) : undefined;
  lines.forEach((lineText, idx) => {
    const base = norm.lineStarts[idx]!;
    const line = idx + 1;
    let cursor = 0;
    HAN_RUN.lastIndex = 0;
    for (let m = HAN_RUN.exec(lineText); m; m = HAN_RUN.exec(lineText)) {
      latinTokens(lineText.slice(cursor, m.index), base + cursor, line, tokens);
      hanTokens(m[0], base + m.index, line, tokens, jieba!);
      cursor = m.index + m[0].length;
    }
    latinTokens(lineText.slice(cursor), base + cursor, line, tokens);
  });
  return tokens;
}

function latinTokens(run: string, offset: number, line: number, out: Token[]): void {
  if (!/[\p{L}\p{N}]/u.test(run)) return;
  let cursor = 0;
  for (const word of tokenizer.tokenize(run)) {
    const at = run.indexOf(word, cursor);
    if (at < 0) continue;
    cursor = at + word.length;
    out.push({ text: word, key: latinKey(word), script: 'latin', start: offset + at, end: offset + cursor, line });
  }
}

function hanTokens(run: string, offset: number, line: number, out: Token[], jieba: { cut(t: string, hmm?: boolean): string[] }): void {
  let cursor = 0;
  for (const word of jieba.cut(run, true)) {
    const at = run.indexOf(word, cursor);
    if (at < 0 || word.trim() === '') continue;
    cursor = at + word.length;
    out.push({ text: word, key: word, script: 'han', start: offset + at, end: offset + cursor, line });
  }
}

/** Segments a short phrase (an alias) the same way as a posting, without offsets. */
export interface PhraseUnit {
  key: string;
  script: 'han' | 'latin';
  /** the word as written in the alias (Latin units) */
  word: string;
}

export function segmentPhrase(phrase: string): PhraseUnit[] {
  const units: PhraseUnit[] = [];
  let cursor = 0;
  const text = phrase.normalize('NFKC');
  HAN_RUN.lastIndex = 0;
  const pushLatin = (s: string) => {
    for (const w of tokenizer.tokenize(s)) units.push({ key: latinKey(w), script: 'latin', word: w });
  };
  for (let m = HAN_RUN.exec(text); m; m = HAN_RUN.exec(text)) {
    pushLatin(text.slice(cursor, m.index));
    // a Han part of an alias is matched as one string over whole tokens; jieba is not needed here
    units.push({ key: m[0], script: 'han', word: m[0] });
    cursor = m.index + m[0].length;
  }
  pushLatin(text.slice(cursor));
  return units;
}
