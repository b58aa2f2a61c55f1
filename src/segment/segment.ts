import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { WordTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import type { NormalisedText, Token } from '../model.js';
import { jiebaWith } from './jieba.js';

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
    if (stems.size < 50_000) stems.set(lower, stem);
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


export interface SegmentOptions {
  /** words jieba must keep whole (the taxonomy's Han aliases) */
  userWords: Iterable<string>;
  /** user words that win where they overlap others (role words such as "产品经理") */
  priorityWords?: Iterable<string>;
}

/**
 * Splits normalised text into script runs: Han runs through nodejieba (HMM on, so Latin letters
 * never end up as single characters), everything else through natural's word tokenizer.
 * Tokens never cross a line; every token keeps its offsets and line.
 */
interface Run {
  text: string;
  offset: number;
  line: number;
  han: boolean;
}

export function segment(norm: NormalisedText, options: SegmentOptions): Token[] {
  const runs: Run[] = [];
  const lines = norm.text.split('\n');
  lines.forEach((lineText, idx) => {
    const base = norm.lineStarts[idx]!;
    const line = idx + 1;
    let cursor = 0;
    HAN_RUN.lastIndex = 0;
    for (let m = HAN_RUN.exec(lineText); m; m = HAN_RUN.exec(lineText)) {
      if (m.index > cursor) runs.push({ text: lineText.slice(cursor, m.index), offset: base + cursor, line, han: false });
      runs.push({ text: m[0], offset: base + m.index, line, han: true });
      cursor = m.index + m[0].length;
    }
    if (cursor < lineText.length) runs.push({ text: lineText.slice(cursor), offset: base + cursor, line, han: false });
  });
  const hanRuns = runs.filter((r) => r.han);
  const hanWords = hanRuns.length ? cutRuns(hanRuns, jiebaWith(options.userWords, options.priorityWords)) : [];
  const tokens: Token[] = [];
  let h = 0;
  for (const run of runs) {
    if (run.han) hanTokens(run, hanWords[h++]!, tokens);
    else latinTokens(run.text, run.offset, run.line, tokens);
  }
  return tokens;
}

/**
 * Every Han run of a posting through nodejieba in one call, runs joined by line breaks (which jieba
 * never joins across): one crossing into the native code per posting, not one per run. A run whose
 * words do not add up to it is cut again on its own.
 */
function cutRuns(runs: Run[], jieba: { cut(t: string, hmm?: boolean): string[] }): string[][] {
  const out: string[][] = [[]];
  for (const w of jieba.cut(runs.map((r) => r.text).join('\n'), true)) {
    if (w === '\n') out.push([]);
    else out[out.length - 1]!.push(w);
  }
  return runs.map((r, i) => {
    const words = out[i];
    return words && out.length === runs.length && words.join('') === r.text ? words : jieba.cut(r.text, true);
  });
}

function hanTokens(run: Run, words: string[], out: Token[]): void {
  let cursor = 0;
  for (const word of words) {
    const at = run.text.indexOf(word, cursor);
    if (at < 0 || word.trim() === '') continue;
    cursor = at + word.length;
    out.push({ text: word, key: word, script: 'han', start: run.offset + at, end: run.offset + cursor, line: run.line });
  }
}

// Postings repeat their short Latin runs ("AI", "1", " Prompt "): natural's answer is kept.
const latinCache = new Map<string, string[]>();

function tokenizeLatin(run: string): string[] {
  let words = latinCache.get(run);
  if (!words) {
    words = tokenizer.tokenize(run);
    if (run.length <= 32 && latinCache.size < 20_000) latinCache.set(run, words);
  }
  return words;
}

function latinTokens(run: string, offset: number, line: number, out: Token[]): void {
  let cursor = 0;
  for (const word of tokenizeLatin(run)) {
    const at = run.indexOf(word, cursor);
    if (at < 0) continue;
    cursor = at + word.length;
    out.push({ text: word, key: latinKey(word), script: 'latin', start: offset + at, end: offset + cursor, line });
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
