import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { WordTokenizer } from 'natural/lib/natural/tokenizers/regexp_tokenizer.js';
import type { NormalisedText, Token } from '../model.js';
import { isHanCode } from '../normalise/script.js';
import { jiebaWith } from './jieba.js';

const tokenizer = new WordTokenizer();

/** The matching key of a Latin word: lower-cased, Porter-stemmed ("fine-tuned" and "fine-tuning" meet at "tune"). */
const stems = new Map<string, string>();

export function latinKey(word: string): string {
  // postings repeat their words: a bounded cache, by the word as written, saves most of the stemming
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = PorterStemmer.stem(word.toLowerCase());
    if (stems.size < 50_000) stems.set(word, stem);
  }
  return stem;
}

export interface SegmentOptions {
  /** words jieba must keep whole (the taxonomy's Han aliases) */
  userWords: Iterable<string>;
  /** user words that win where they overlap others (role words such as "产品经理") */
  priorityWords?: Iterable<string>;
  /** segment only what can be part of a hit; every token when absent */
  only?: TokenFilter;
  /**
   * Whether a Latin key is an alias word's: a joined camel-case word ("PromptEngineering") whose
   * key is none is read as its parts. Without it, every word stays whole.
   */
  aliasWord?: (key: string) => boolean;
}

/**
 * What matching can use. A Han run that holds no Han alias, a Han word that no alias occurrence holds
 * whole, and a Latin word whose key is no alias word can never be part of a hit: matching needs them
 * neither cut nor kept. Leaving them out changes no hit, since the text between two kept tokens must be
 * only joiners for them to match together, and a left-out token is never a joiner.
 */
export interface TokenFilter {
  /**
   * Where the Han aliases in the Han run text[start, end) reach: writes into `reach`, at each
   * offset of the run, the furthest end of an alias that starts at or before it and reaches past it
   * (leaving 0 where none does); false when the run holds no alias. A Han word is kept when an
   * alias holds it whole.
   */
  hanReach(text: string, start: number, end: number, reach: Int32Array): boolean;
  /** whether a Latin key is the key of some alias word */
  latinKey(key: string): boolean;
}

/** A stretch of one line in one script: Han runs go to jieba, the rest to natural's tokenizer. */
interface Run {
  start: number;
  end: number;
  line: number;
  han: boolean;
  /** see TokenFilter.hanReach, by offset in the text (one array for a text's runs); undefined keeps every word */
  reach?: Int32Array;
}

/** The script runs of every line, in one pass over the normalised text (a run never crosses a line). */
function scriptRuns(text: string): Run[] {
  const runs: Run[] = [];
  const n = text.length;
  let line = 1;
  let from = 0;
  let han = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (i > from) runs.push({ start: from, end: i, line, han });
      line++;
      i++;
      from = i;
      continue;
    }
    let width = 1;
    let isHan = false;
    // nothing below the CJK radicals is Han
    if (c >= 0x2e80) {
      const cp = c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
      if (cp > 0xffff) width = 2;
      isHan = isHanCode(cp);
    }
    if (isHan !== han) {
      if (i > from) runs.push({ start: from, end: i, line, han });
      from = i;
      han = isHan;
    }
    i += width;
  }
  if (i > from) runs.push({ start: from, end: i, line, han });
  return runs;
}

/**
 * Splits normalised text into script runs: Han runs through nodejieba (HMM on, so Latin letters
 * never end up as single characters), everything else through natural's word tokenizer.
 * Tokens never cross a line; every token keeps its offsets and line.
 */
export function segment(norm: NormalisedText, options: SegmentOptions): Token[] {
  const { text } = norm;
  const only = options.only;
  let reach: Int32Array | undefined;
  const runs = only
    ? scriptRuns(text).filter((r) => {
        if (!r.han) return true;
        reach ??= new Int32Array(text.length);
        r.reach = reach;
        return only.hanReach(text, r.start, r.end, reach);
      })
    : scriptRuns(text);
  const hanRuns = runs.filter((r) => r.han);
  const hanWords = hanRuns.length ? cutRuns(text, hanRuns, jiebaWith(options.userWords, options.priorityWords)) : [];
  const tokens: Token[] = [];
  let h = 0;
  for (const run of runs) {
    if (run.han) hanTokens(text, run, hanWords[h++]!, tokens);
    else latinTokens(text.slice(run.start, run.end), run.start, run.line, tokens, only, options.aliasWord);
  }
  return tokens;
}

type Cutter = { cut(t: string, hmm?: boolean): string[] };

/** Where jieba's words for a run end (the index of the line break after them), when the words from `from` add up to the run exactly; -1 when they do not. */
function wordsFit(words: string[], from: number, runText: string): number {
  let at = 0;
  let k = from;
  for (; k < words.length && words[k] !== '\n'; k++) {
    const w = words[k]!;
    if (!runText.startsWith(w, at)) return -1;
    at += w.length;
  }
  return at === runText.length ? k : -1;
}

/**
 * Every Han run of a posting through nodejieba in one call, runs joined by line breaks (which jieba
 * never joins across): one crossing into the native code per posting, not one per run. A run whose
 * words do not add up to it is cut again on its own.
 */
function cutRuns(text: string, runs: Run[], jieba: Cutter): string[][] {
  const texts = runs.map((r) => text.slice(r.start, r.end));
  const words = jieba.cut(texts.join('\n'), true);
  let breaks = 0;
  for (const w of words) if (w === '\n') breaks++;
  // the line breaks must part the runs as they were joined, or every run is cut on its own
  if (breaks !== runs.length - 1) return texts.map((t) => jieba.cut(t, true));
  const out: string[][] = [];
  let k = 0;
  for (const t of texts) {
    const end = wordsFit(words, k, t);
    out.push(end < 0 ? jieba.cut(t, true) : words.slice(k, end));
    // on to the word after this run's line break
    while (k < words.length && words[k] !== '\n') k++;
    k++;
  }
  return out;
}

function hanTokens(text: string, run: Run, words: string[], out: Token[]): void {
  const runText = text.slice(run.start, run.end);
  let cursor = 0;
  for (const word of words) {
    const at = runText.startsWith(word, cursor) ? cursor : runText.indexOf(word, cursor);
    if (at < 0 || word.trim() === '') continue;
    cursor = at + word.length;
    // a word no alias holds whole can never be part of a hit
    if (run.reach && run.reach[run.start + at]! < run.start + cursor) continue;
    out.push({ text: word, key: word, script: 'han', start: run.start + at, end: run.start + cursor, line: run.line });
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

// "_" is a joiner between alias words: a token of underscores only is kept, or two words around it would meet
const UNDERSCORES = /^_+$/;
const UNDERSCORE = 0x5f;

// Where a joined word changes case: "PromptEngineering" → Prompt|Engineering, "LLMOps" → LLM|Ops
// (an upper-case run before a capitalised word of two letters or more: "LLMs", "APIs" stay whole).
const CAMEL_CUT = /(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z]{2})/g;
const CAMEL = /[a-z][A-Z]|[A-Z][A-Z][a-z]{2}/;

function latinTokens(run: string, offset: number, line: number, out: Token[], only: TokenFilter | undefined, aliasWord: ((key: string) => boolean) | undefined): void {
  let cursor = 0;
  for (const written of tokenizeLatin(run)) {
    const found = run.indexOf(written, cursor);
    if (found < 0) continue;
    cursor = found + written.length;
    // underscores around a word are markdown emphasis ("_Role summary:_"), not part of it
    const edged = written.charCodeAt(0) === UNDERSCORE || written.charCodeAt(written.length - 1) === UNDERSCORE;
    const lead = !edged || UNDERSCORES.test(written) ? 0 : /^_*/.exec(written)![0].length;
    const word = edged ? written.slice(lead).replace(/_+$/, '') || written : written;
    const at = found + lead;
    const key = latinKey(word);
    // a joined camel-case word no alias names whole, made only of alias words, is read as its
    // parts ("PromptEngineering"); a name with other parts stays whole ("NoSQL" is no SQL, "CodeBuddy")
    if (aliasWord && !aliasWord(key) && CAMEL.test(word)) {
      const parts = word.split(CAMEL_CUT);
      if (parts.every((p) => aliasWord(latinKey(p)))) {
        camelTokens(parts, offset + at, line, out, only);
        continue;
      }
    }
    if (only && !only.latinKey(key) && !(edged && UNDERSCORES.test(word))) continue;
    out.push({ text: word, key, script: 'latin', start: offset + at, end: offset + at + word.length, line });
  }
}

function camelTokens(parts: string[], offset: number, line: number, out: Token[], only: TokenFilter | undefined): void {
  let from = 0;
  for (const part of parts) {
    const key = latinKey(part);
    if (!only || only.latinKey(key)) out.push({ text: part, key, script: 'latin', start: offset + from, end: offset + from + part.length, line });
    from += part.length;
  }
}

/** Segments a short phrase (an alias) the same way as a posting, without offsets. */
export interface PhraseUnit {
  key: string;
  script: 'han' | 'latin';
  /** the word as written in the alias (Latin units) */
  word: string;
  /** in a compiled taxonomy, a Latin unit's entry in its table of word forms (see compile.ts) */
  f?: number;
  /**
   * what the phrase has between this unit and the one before, where it is more than spacing or a
   * joiner ("." in "Ph.D", "(" in "401(k)"); before the first unit, what the phrase starts with ("/" in "/year")
   */
  sep?: string;
  /** on the last unit: what the phrase ends with after it ("." in "Sr.", "++" in "C++") */
  trail?: string;
}

// what may stand between two words of one phrase without being written in it: spaces, - _ / · &
const JOINERS = /^[\s\-_/·&]*$/;

export function segmentPhrase(phrase: string): PhraseUnit[] {
  const units: PhraseUnit[] = [];
  const text = phrase.normalize('NFKC');
  let end = 0;
  const push = (u: PhraseUnit, at: number) => {
    const between = text.slice(end, at);
    if (units.length ? !JOINERS.test(between) : between.trim() !== '') u.sep = units.length ? between.replace(/\s+/g, ' ') : between.trim();
    units.push(u);
    end = at + u.word.length;
  };
  for (const run of scriptRuns(text)) {
    const part = text.slice(run.start, run.end);
    // a Han part of an alias is matched as one string over whole tokens; jieba is not needed here
    if (run.han) push({ key: part, script: 'han', word: part }, run.start);
    else {
      let cursor = 0;
      for (const w of tokenizer.tokenize(part)) {
        const at = part.indexOf(w, cursor);
        cursor = at + w.length;
        push({ key: latinKey(w), script: 'latin', word: w }, run.start + at);
      }
    }
  }
  const trail = text.slice(end).trim();
  if (trail && units.length) units[units.length - 1]!.trail = trail;
  return units;
}

/**
 * Tokens as numbers, to cross between threads cheaply: start, end, line and script (0 Han, 1 Latin)
 * for each, and the Latin tokens' keys in order (a token's text is the normalised text between its
 * offsets, a Han token's key its text).
 */
export interface PackedTokens {
  numbers: Int32Array;
  latinKeys: string[];
}

export function packTokens(tokens: Token[]): PackedTokens {
  const numbers = new Int32Array(tokens.length * 4);
  const latinKeys: string[] = [];
  tokens.forEach((t, i) => {
    numbers[i * 4] = t.start;
    numbers[i * 4 + 1] = t.end;
    numbers[i * 4 + 2] = t.line;
    numbers[i * 4 + 3] = t.script === 'han' ? 0 : 1;
    if (t.script === 'latin') latinKeys.push(t.key);
  });
  return { numbers, latinKeys };
}

/** The tokens packTokens packed, over the same normalised text. */
export function unpackTokens(packed: PackedTokens, text: string): Token[] {
  const { numbers, latinKeys } = packed;
  const tokens: Token[] = new Array(numbers.length / 4);
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    const start = numbers[i * 4]!;
    const end = numbers[i * 4 + 1]!;
    const word = text.slice(start, end);
    tokens[i] = numbers[i * 4 + 3] === 0 ? { text: word, key: word, script: 'han', start, end, line: numbers[i * 4 + 2]! } : { text: word, key: latinKeys[k++]!, script: 'latin', start, end, line: numbers[i * 4 + 2]! };
  }
  return tokens;
}
