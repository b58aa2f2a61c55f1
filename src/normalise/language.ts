import { createRequire } from 'node:module';
import type { Bilingual, PostingLanguage } from '../model.js';

const require = createRequire(import.meta.url);

/** Letters of a text by script, counted in one pass. */
interface Counts {
  han: number;
  /** Latin letters (a–z, and the accented ones of Latin-1 and Latin Extended) */
  letters: number;
  /** Japanese kana and Korean hangul: scripts of languages jdlens does not read */
  kanaHangul: number;
  /** letters of other alphabets (Greek, Cyrillic, Hebrew, Arabic, Indic, Thai …) */
  otherLetters: number;
}

function counts(text: string): Counts {
  let han = 0;
  let letters = 0;
  let kanaHangul = 0;
  let otherLetters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
    } else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) letters++;
    else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff) || (c >= 0xff66 && c <= 0xff9d) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) kanaHangul++;
    else if (c >= 0x370 && c <= 0x1dff) otherLetters++;
  }
  return { han, letters, kanaHangul, otherLetters };
}

/**
 * zh, en or mixed, from the share of Han characters against Latin words
 * (a Chinese character carries about as much as an English word of ~4 letters).
 */
export function detectLanguage(text: string): PostingLanguage {
  return languageFrom(counts(text));
}

function languageFrom({ han, letters }: Counts): PostingLanguage {
  const latin = letters / 4;
  if (han + latin === 0) return 'en';
  const share = han / (han + latin);
  if (share >= 0.75) return 'zh';
  if (share <= 0.1) return 'en';
  return 'mixed';
}

/** How a posting is read (zh, en or mixed) and, when it is written in a language jdlens does not read, which: one pass over its letters. */
export function readLanguage(text: string): { language: PostingLanguage; unread?: UnreadLanguage } {
  const c = counts(text);
  const language = languageFrom(c);
  const unread = unreadFrom(text, c, language);
  return unread ? { language, unread } : { language };
}

/** A language jdlens does not read, as the posting reads: its ISO 639-3 code and its name. */
export interface UnreadLanguage {
  code: string;
  label: Bilingual;
}

/** Below this share of English function words, a Latin-script posting may not be English at all. */
const FEW_FUNCTION_WORDS = 0.16;
/** Prose in a language is at least this share its function words (English here is 0.29 at the median). */
const PROSE_FUNCTION_WORDS = 0.15;
/** Fewer Latin words than this say too little to tell a language by. */
const MIN_WORDS = 30;
/** Kana, hangul and other alphabets at least this share of the text: not Chinese or English. */
const OTHER_SCRIPT_SHARE = 0.2;
/** The identifier reads this much of a posting: enough to tell a language, little time. */
const SAMPLE = 3000;
/** How far down the identifier's ranking a language may stand and still be the one. */
const RANKS = 5;

let functionWords: Set<string> | undefined;
/** franc's ranking: ISO 639-3 codes, most likely first, with a score (1 for the first) */
type Identify = (text: string) => [string, number][];
let identify: Identify | null | undefined;
let otherFunctionWords: Map<string, Set<string> | undefined> | undefined;
let lists: Record<string, unknown> | undefined;

let stopWords: readonly string[] | undefined;

/** natural's English stop words: the general language (the terms count subtracts them too). */
export function englishStopWords(): readonly string[] {
  stopWords ??= (require('natural/lib/natural/util/stopwords.js') as { words: string[] }).words;
  return stopWords;
}

/** natural's English stop words but single letters: the words every English text is full of. */
function englishFunctionWords(): Set<string> {
  functionWords ??= new Set(englishStopWords().filter((w) => /^[a-z]{2,}$/.test(w)));
  return functionWords;
}

/** A language's function words (the stopword package's list, by ISO 639-3 code), if it has one. */
function functionWordsOf(code: string): Set<string> | undefined {
  if (!otherFunctionWords) {
    otherFunctionWords = new Map();
    try {
      lists = require('stopword') as Record<string, unknown>;
    } catch {
      // without the lists no Latin-script posting is called another language
      lists = {};
    }
  }
  if (!otherFunctionWords.has(code)) {
    const list = /^[a-z]{3}$/.test(code) ? lists?.[code] : undefined;
    otherFunctionWords.set(code, Array.isArray(list) ? new Set(list.map((w) => String(w).toLowerCase())) : undefined);
  }
  return otherFunctionWords.get(code);
}

/** The share of a text's words that a set holds. */
function shareOf(words: string[], set: Set<string>): number {
  let n = 0;
  for (const w of words) if (set.has(w.toLowerCase())) n++;
  return words.length ? n / words.length : 0;
}

/** franc's language identifier, loaded on first need (null where this Node cannot load it). */
function identifier(): Identify | null {
  if (identify === undefined) {
    try {
      identify = (require('franc-min') as { francAll: Identify }).francAll;
    } catch {
      identify = null;
    }
  }
  return identify;
}

const names = new Map<string, Bilingual>();
function nameOf(code: string): Bilingual {
  let n = names.get(code);
  if (!n) {
    const of = (lang: 'zh' | 'en') => {
      if (code === 'und') return lang === 'zh' ? '未能识别的语言' : 'an unidentified language';
      const name = new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' }).of(code);
      return name && name !== code ? name : code;
    };
    n = { zh: of('zh'), en: of('en') };
    names.set(code, n);
  }
  return n;
}

/**
 * The language a posting is written in when it is one jdlens does not read (it reads Chinese and
 * English): a text whose letters are largely kana, hangul or another alphabet, or a Latin-script
 * text with few English function words that the identifier (franc) names as another language
 * whose own function words (the stopword package's lists) make up its prose.
 * Undefined for Chinese, English and the two mixed, and for a Latin text too short to tell.
 */
function unreadFrom(text: string, { han, letters, kanaHangul, otherLetters }: Counts, language: PostingLanguage): UnreadLanguage | undefined {
  const other = kanaHangul + otherLetters / 4;
  const total = han + letters / 4 + other;
  if (total > 0 && other / total >= OTHER_SCRIPT_SHARE) {
    // the script says it is neither Chinese nor English; the language is the identifier's best
    // guess that its function words confirm, else its best guess, else unidentified
    const ranking = identifier()?.(text.slice(0, SAMPLE)) ?? [];
    const code = proseLanguage(text, ranking) ?? ranking[0]?.[0];
    const known = code && code !== 'cmn' && code !== 'eng' && code !== 'und' ? code : 'und';
    return { code: known, label: nameOf(known) };
  }
  if (language !== 'en') return undefined;
  const words = text.match(/[A-Za-z]+/g);
  if (!words || words.length < MIN_WORDS) return undefined;
  if (shareOf(words, englishFunctionWords()) >= FEW_FUNCTION_WORDS) return undefined;
  // few English function words: English written tersely (a list of skills) or another language,
  // which only counts where its own function words make prose
  const code = proseLanguage(text, identifier()?.(text.slice(0, SAMPLE)) ?? []);
  return code && code !== 'eng' ? { code, label: nameOf(code) } : undefined;
}

/**
 * The first of the identifier's likeliest languages whose function words make up the text as they
 * make up prose (franc alone confuses close languages on a short text, and calls a list of English
 * product names French as readily as English). Undefined when none does.
 */
function proseLanguage(text: string, ranking: [string, number][]): string | undefined {
  const words = text.match(/\p{L}+/gu) ?? [];
  for (const [code] of ranking.slice(0, RANKS)) {
    if (code === 'eng') return 'eng';
    const own = functionWordsOf(code);
    if (own && shareOf(words, own) >= PROSE_FUNCTION_WORDS) return code;
  }
  return undefined;
}
