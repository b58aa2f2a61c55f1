import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readText, type Analyzer } from '../analyze.js';
import { extractRequirements } from '../requirements/extract.js';
import { englishStopWords } from '../normalise/language.js';
import type { SourceText, Token } from '../model.js';
import { byString, round3 } from '../util.js';

const require = createRequire(import.meta.url);

/** Words too common in Chinese at large to say anything (jieba's IDF below this) are left out. */
export const MIN_IDF = 7;
/** A word jieba's IDF table does not know is new vocabulary ("大模型", "文旅"): it weighs as the rarest. */
export const UNKNOWN_IDF = 12;
/** Words that mark a posting's structure, not its content. */
const STRUCTURE = new Set(['优先', '加分', '加分项', '任职', '要求', '职责', '岗位', '以上', '及以上', '相关', '经验', '能力', '负责', '具备', '熟悉', '了解', '精通', '熟练', '良好', '优秀', '较强', '具有']);

interface Lexicon {
  stop: Set<string>;
  idf: Map<string, number>;
}

let lexicon: Lexicon | undefined;

/** jieba's stop words and IDF table, and natural's English stop words: the general language to subtract. */
function loadLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const jieba = require('nodejieba') as { DEFAULT_STOP_WORD_DICT: string; DEFAULT_IDF_DICT: string };
  const stop = new Set<string>([...readFileSync(jieba.DEFAULT_STOP_WORD_DICT, 'utf8').split('\n').map((w) => w.trim()), ...englishStopWords()]);
  const idf = new Map<string, number>();
  for (const line of readFileSync(jieba.DEFAULT_IDF_DICT, 'utf8').split('\n')) {
    const [w, v] = line.split(' ');
    if (w && v) idf.set(w, Number(v));
  }
  lexicon = { stop, idf };
  return lexicon;
}

function keep(t: Token, lex: Lexicon): boolean {
  const w = t.text.toLowerCase();
  if (lex.stop.has(w) || lex.stop.has(t.text) || STRUCTURE.has(t.text)) return false;
  if (/^\d+$/.test(w)) return false;
  if (t.script === 'han') {
    if ([...t.text].length < 2) return false;
    const idf = lex.idf.get(t.text);
    return idf === undefined || idf >= MIN_IDF;
  }
  return w.length >= 2 && /[a-z]/.test(w);
}

export interface TermRow {
  term: string;
  postings: number;
  share: number;
  /** share × IDF (how much more these postings use it than language at large), or with a background set share × ln(lift) */
  score: number;
  example: string;
  /** with a background set: its share of the background postings */
  background?: number;
  /** with a background set: share ÷ the background's share (smoothed) */
  lift?: number;
}

/** Counts, over postings, the words and two-word phrases that no alias of the taxonomy covers. */
export class TermCounter {
  private readonly df = new Map<string, { n: number; example: string; idf: number }>();
  private total = 0;

  constructor(private readonly analyzer: Analyzer) {}

  add(posting: SourceText): void {
    const lex = loadLexicon();
    const { norm, sections, tokens, hits } = readText(posting.text, this.analyzer, true);
    // hits and requirements carry original offsets: a token is covered when its start falls inside one
    const covered = [...hits.map((h) => h.mention), ...extractRequirements(norm, sections.lines)].map((m) => [m.start, m.end] as const);
    const isCovered = (t: Token) => {
      const at = norm.starts[t.start] ?? 0;
      return covered.some(([s, e]) => at >= s && at < e);
    };
    const seen = new Set<string>();
    let prev: Token | undefined;
    for (const t of tokens) {
      // headings and front matter are the posting's frame, not its content
      const ok = !sections.lines[t.line - 1]?.isHeading && !isCovered(t) && keep(t, lex);
      if (!ok) {
        prev = undefined;
        continue;
      }
      const word = t.script === 'latin' ? t.text.toLowerCase() : t.text;
      const idfOf = (tok: Token) => (tok.script === 'han' ? (lex.idf.get(tok.text) ?? UNKNOWN_IDF) : UNKNOWN_IDF);
      const note = (term: string, idf: number) => {
        if (seen.has(term)) return;
        seen.add(term);
        const e = this.df.get(term);
        if (e) e.n++;
        else this.df.set(term, { n: 1, idf, example: (sections.lines[t.line - 1]?.text ?? '').trim().slice(0, 80) });
      };
      note(word, idfOf(t));
      if (prev && prev.line === t.line && /^[\s\-/]*$/.test(norm.text.slice(prev.end, t.start))) {
        const pw = prev.script === 'latin' ? prev.text.toLowerCase() : prev.text;
        const joiner = prev.script === 'latin' && t.script === 'latin' ? ' ' : '';
        note(`${pw}${joiner}${word}`, Math.max(idfOf(prev), idfOf(t)));
      }
      prev = t;
    }
    this.total++;
  }

  get postings(): number {
    return this.total;
  }

  /** Postings that use a term, of those counted. */
  postingsWith(term: string): number {
    return this.df.get(term)?.n ?? 0;
  }

  /**
   * The terms in at least `minPostings` postings, ranked as jieba ranks keywords (TF-IDF), with the
   * share of postings in place of term frequency: share × IDF, IDF from jieba's table.
   */
  top(limit: number, minPostings = 2): TermRow[] {
    return [...this.df]
      .filter(([, v]) => v.n >= minPostings)
      .map(([term, v]) => {
        const share = this.total ? v.n / this.total : 0;
        return { term, postings: v.n, share, score: round3(share * v.idf), example: v.example };
      })
      .sort((a, b) => b.score - a.score || byString(a.term, b.term))
      .slice(0, limit);
  }

  /**
   * The terms these postings use more than a background set does (say, AI PM postings against tech
   * postings at large): lift = share ÷ background share, the background's share smoothed as
   * (n + 1) / (N + 2) so a term it never uses does not divide by zero; score = share × ln(lift).
   * Words every posting uses (落地, 迭代) fall away, however rare they are in Chinese at large.
   */
  against(background: TermCounter, limit: number, minPostings = 2): TermRow[] {
    return [...this.df]
      .filter(([, v]) => v.n >= minPostings)
      .map(([term, v]) => {
        const share = v.n / this.total;
        const bn = background.postingsWith(term);
        const lift = share / ((bn + 1) / (background.postings + 2));
        return { term, postings: v.n, share, score: round3(share * Math.log(lift)), example: v.example, background: bn / background.postings, lift: round3(lift) };
      })
      .filter((r) => r.lift > 1)
      .sort((a, b) => b.score - a.score || byString(a.term, b.term))
      .slice(0, limit);
  }
}
