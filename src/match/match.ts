import type { Line, Mention, NormalisedText, Proficiency, Token } from '../model.js';
import { termsOf, type TermHit } from '../lexicon/lexicon.js';
import type { Sense } from '../taxonomy/types.js';
import { toOriginal } from '../normalise/normalise.js';
import { Clauses } from '../sections/clauses.js';
import { strengthAt } from '../sections/sections.js';
import { type CompiledTaxonomy, type OwnerKind, type Pattern, type Unit } from './compile.js';
import { escapeRegExp } from '../util.js';

/** What a hit of the taxonomy names (the lexicon's terms are TermHits of their lines). */
export type HitKind = Exclude<OwnerKind, 'term'>;

export interface Hit {
  kind: HitKind;
  owner: string;
  mention: Mention;
  /** where the hit stands in its normalised line (Line.text): start and end offsets */
  col: number;
  colEnd: number;
}

// Between two words of one alias only spaces, hyphens and slashes may stand ("fine-tuned", "A/B test").
function joinable(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    // space, tab, - _ / · &
    if (c !== 0x20 && c !== 0x09 && c !== 0x2d && c !== 0x5f && c !== 0x2f && c !== 0xb7 && c !== 0x26) return false;
  }
  return true;
}
const CLAUSE_BREAK = /[;；。!！?？]|\.\s/g;

// proficiency words ("精通", "familiar with") and words that ask the reader to know something
// ("原理", "experience") are the lexicon's (taxonomies/lexicon/*.yaml), found by this matcher too

/** How far from a mention a proficiency word or a "know" word may stand, within its clause. */
const NEAR = 80;

/** Whether the clause around a mention asks the reader to know its topic. */
function asksToKnow(terms: readonly TermHit[], clauses: Clauses, at: number): boolean {
  if (!terms.some((t) => t.group === 'asksToKnow')) return false;
  const { from, to } = clauses.nearRange(at, NEAR);
  return termsOf(terms, 'asksToKnow', from, to).length > 0;
}

/** The proficiency word nearest before the mention, within its clause. */
function proficiencyBefore(terms: readonly TermHit[], clauses: Clauses, at: number): Proficiency | undefined {
  if (!terms.some((t) => t.group === 'proficiency')) return undefined;
  const { from } = clauses.nearRange(at, NEAR);
  return termsOf(terms, 'proficiency', from, at).at(-1)?.value as Proficiency | undefined;
}

/** What one matching needs of the tokens and the forms: the tokens lower-cased, once each. */
interface Matching {
  tokens: Token[];
  text: string;
  compiled: CompiledTaxonomy;
  lower: (string | undefined)[];
}

/** Whether token j is one of a Latin unit's word forms ("prioritizing" of "prioritize"; not "productivity" of "product"). */
function isFormOf(unit: Unit, j: number, m: Matching): boolean {
  return m.compiled.formsOf(unit.f!).has((m.lower[j] ??= m.tokens[j]!.text.toLowerCase()));
}

/** Whether the text between two tokens is what the alias itself has between the two words ("." in "Ph.D"), spacing aside. */
function writtenBetween(text: string, from: number, to: number, sep: string): boolean {
  return to - from <= sep.length + 2 && sameText(text.slice(from, to).replace(/\s+/g, ' '), sep);
}

/** Whether the text written around a pattern's words stands there: what it starts with before its first word ("/year"), ends with after its last ("Sr.", "C++"). */
function framed(p: Pattern, tokens: Token[], i: number, end: number, text: string): boolean {
  const lead = p.units[0]!.sep;
  if (lead !== undefined && !sameText(text.slice(tokens[i]!.start - lead.length, tokens[i]!.start), lead)) return false;
  const trail = p.units[p.units.length - 1]!.trail;
  if (trail !== undefined && !sameText(text.slice(tokens[end - 1]!.end, tokens[end - 1]!.end + trail.length), trail)) return false;
  return true;
}

const sameText = (a: string, b: string) => a.replace(/’/g, "'") === b.replace(/’/g, "'");

function tryPattern(p: Pattern, i: number, m: Matching): number {
  const { tokens, text } = m;
  const line = tokens[i]!.line;
  let j = i;
  const units = p.units;
  for (let n = 0; n < units.length; n++) {
    const unit = units[n]!;
    const tok = tokens[j];
    if (!tok || tok.line !== line) return -1;
    if (n > 0 && !joinable(text, tokens[j - 1]!.end, tok.start) && !(unit.sep !== undefined && writtenBetween(text, tokens[j - 1]!.end, tok.start, unit.sep))) return -1;
    if (unit.script === 'latin') {
      if (tok.script !== 'latin' || !isFormOf(unit, j, m)) return -1;
      j++;
      continue;
    }
    // a Han unit spans whole adjacent Han tokens whose text adds up to it exactly
    let got = 0;
    while (got < unit.key.length) {
      const t = tokens[j];
      if (!t || t.script !== 'han' || t.line !== line) return -1;
      if (got > 0 && tokens[j - 1]!.end !== t.start) return -1;
      if (!unit.key.startsWith(t.text, got)) return -1;
      got += t.text.length;
      j++;
    }
  }
  return framed(p, tokens, i, j, text) ? j : -1;
}

// A sense's words are a short list read in one clause: one expression, longest first. A Latin word
// matches whole words in any case, with any spacing or hyphen between its parts and a plural s; a Han
// word as written.
function wordsPattern(words: string[]): RegExp {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const body = (w: string) => w.toLowerCase().split(/[\s-]+/).map(escapeRegExp).join('[\\s-]');
  const latin = sorted.filter((w) => /^[a-z0-9]/i.test(w) && /[a-z0-9]$/i.test(w));
  const other = sorted.filter((w) => !latin.includes(w));
  const alts: string[] = [];
  if (latin.length) alts.push(`\\b(?:${latin.map(body).join('|')})s?\\b`);
  if (other.length) alts.push(`(?:${other.map(body).join('|')})`);
  return new RegExp(alts.join('|') || '(?!)', 'i');
}

const senseRes = new WeakMap<Sense, { needs?: RegExp; not?: RegExp }>();

/** Whether an ambiguous alias's clause holds what its sense needs, and nothing it rules out. */
function senseHolds(sense: Sense, clauses: Clauses, at: number): boolean {
  let re = senseRes.get(sense);
  if (!re) {
    re = {};
    if (sense.needs) re.needs = wordsPattern(sense.needs);
    if (sense.not) re.not = wordsPattern(sense.not);
    senseRes.set(sense, re);
  }
  const clause = clauses.near(at, SENSE_NEAR);
  if (re.not?.test(clause)) return false;
  return re.needs ? re.needs.test(clause) : true;
}

/**
 * The patterns whose first Han unit stands at token i: the unit is the text of whole adjacent tokens
 * from i on, so each such text is looked up (the lists in their order, longest pattern first).
 */
function hanCandidates(tokens: Token[], i: number, compiled: CompiledTaxonomy): Pattern[] | undefined {
  const tok = tokens[i]!;
  const starts = compiled.hanAt(tok.key[0]!);
  if (!starts) return undefined;
  let found: Pattern[] | undefined;
  let units: Set<string> | undefined;
  let text = tok.text;
  for (let j = i; ; ) {
    const l = starts.byUnit.get(text);
    if (l) {
      if (!found) found = l;
      else (units ??= new Set([found[0]!.units[0]!.key])).add(text);
    }
    const next = tokens[++j];
    if (!next || next.script !== 'han' || next.line !== tok.line || next.start !== tokens[j - 1]!.end) break;
    text += next.text;
    if (text.length > starts.longest) break;
  }
  // (several units stand there: their patterns as the character's list holds them, longest first)
  return units ? starts.all.filter((p) => units.has(p.units[0]!.key)) : found;
}

/** The patterns whose first Latin word stands at token i, and whose second unit (if any) the next token of the line may start. */
function latinCandidates(tokens: Token[], i: number, compiled: CompiledTaxonomy): Pattern[] | undefined {
  const tok = tokens[i]!;
  const starts = compiled.latinAt(tok.key);
  if (!starts) return undefined;
  const next = tokens[i + 1];
  return starts.after(next && next.line === tok.line ? (next.script === 'han' ? next.text[0] : next.key) : undefined);
}

/** A sense is read in the sentence around the alias (the clauses proficiency words use), with a longer reach. */
const SENSE_NEAR = 160;

/** A hit of the taxonomy before its line's section is known: its pattern and where it stands. */
export interface Found {
  kind: HitKind;
  owner: string;
  line: number;
  /** offsets into the normalised text */
  start: number;
  end: number;
}

/** What matching finds: the taxonomy's hits, and the lexicon's terms of each line. */
export interface Matched {
  found: Found[];
  /** by line (index: line number − 1), in order; none for a line without any */
  terms: (TermHit[] | undefined)[];
  /** the clauses of the lines, as far as matching has read them */
  clauses: LineClauses;
}

/** The clauses of each line, worked out once: for the senses matching reads, and for placing the hits. */
export class LineClauses {
  private readonly byLine: Clauses[] = [];
  constructor(private readonly lines: readonly string[]) {}
  of(lineNo: number): Clauses {
    return (this.byLine[lineNo - 1] ??= new Clauses(this.lines[lineNo - 1] ?? '', CLAUSE_BREAK));
  }
}

/**
 * Finds every alias of the compiled taxonomy and every term of the lexicon in the token stream.
 * Within one kind (skills, roles, sub-labels) or one group of terms the longest wins where two
 * overlap; no hit starts or ends inside a token, and none crosses a line.
 */
export function matchTokens(norm: NormalisedText, tokens: Token[], lines: readonly string[], compiled: CompiledTaxonomy): Matched {
  const found: Found[] = [];
  // (a line's terms, once it has one: most lines have none)
  const terms: (TermHit[] | undefined)[] = new Array<TermHit[] | undefined>(lines.length);
  const clauses = new LineClauses(lines);
  // per kind or group of terms (its slot): the last token a hit of it covers
  const covered: number[] = [];
  const m: Matching = { tokens, text: norm.text, compiled, lower: [] };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    // the lexicon's terms inside a Han word (资深|产品经理, 本科…学历)
    if (tok.script === 'han') {
      for (const { term, at } of compiled.termsInside(tok.text)) {
        const col = tok.start + at - norm.lineStarts[tok.line - 1]!;
        (terms[tok.line - 1] ??= []).push({ group: term.group, value: term.value, col, colEnd: col + term.key.length });
      }
    }
    const candidates = tok.script === 'han' ? hanCandidates(tokens, i, compiled) : latinCandidates(tokens, i, compiled);
    if (!candidates) continue;
    for (const p of candidates) {
      // this kind or group covers the token already: the longest won (candidates are longest first)
      if (i <= (covered[p.slot!] ?? -1)) continue;
      const end = tryPattern(p, i, m);
      if (end < 0) continue;
      const lineStart = norm.lineStarts[tok.line - 1]!;
      if (p.sense && !senseHolds(p.sense, clauses.of(tok.line), tok.start - lineStart)) continue;
      covered[p.slot!] = end - 1;
      // what the alias writes before its first word and after its last is part of the hit ("/year", "Sr.")
      const s = tok.start - (p.units[0]!.sep?.length ?? 0);
      const e = tokens[end - 1]!.end + (p.units[p.units.length - 1]!.trail?.length ?? 0);
      if (p.group) (terms[tok.line - 1] ??= []).push({ group: p.group, value: p.owner, col: s - lineStart, colEnd: e - lineStart });
      else found.push({ kind: p.kind as HitKind, owner: p.owner, line: tok.line, start: s, end: e });
    }
  }
  // (an alias word's edge terms go in before the terms that start with it)
  for (const t of terms) if (t && t.length > 1) t.sort((a, b) => a.col - b.col);
  return { found, terms, clauses };
}

export interface PlaceContext {
  norm: NormalisedText;
  /** the clauses of the lines (matching's: each line's are worked out once) */
  clauses: LineClauses;
  /** the lines with their sections (and lexicon terms) */
  lines: Line[];
  titleLine: number;
  /** the lines in the posting's own script, where it differs from the matched text (Traditional Chinese) */
  writtenLines?: string[];
}

/**
 * The taxonomy's hits placed in the posting's sections: each with its strength, whether it stands in
 * background text, the proficiency word before it and whether its clause asks the reader to know it.
 * Headings and front matter name no skill; a front-matter `title:` line is the posting's title all the same.
 */
export function placeHits(found: readonly Found[], ctx: PlaceContext): Hit[] {
  const { norm } = ctx;
  const hits: Hit[] = [];
  // one trimmed context string per line, however many hits stand in it
  const contexts: string[] = [];
  for (const f of found) {
    const lineNo = f.line;
    const line = ctx.lines[lineNo - 1];
    if (!line || (line.isHeading && lineNo !== ctx.titleLine)) continue;
    const lineStart = norm.lineStarts[lineNo - 1]!;
    const col = f.start - lineStart;
    const orig = toOriginal(norm, f.start, f.end);
    const clauses = ctx.clauses.of(lineNo);
    const proficiency = proficiencyBefore(line.terms, clauses, col);
    const mention: Mention = {
      text: norm.original.slice(orig.start, orig.end),
      line: lineNo,
      start: orig.start,
      end: orig.end,
      strength: strengthAt(line, col),
      context: (contexts[lineNo] ??= (ctx.writtenLines?.[lineNo - 1] ?? line.text).trim().slice(0, 240)),
      inTitle: lineNo === ctx.titleLine,
      background: line.background,
      inRoleHeading: line.roleHeading,
      asksToKnow: asksToKnow(line.terms, clauses, col),
      proficiency,
    };
    hits.push({ kind: f.kind, owner: f.owner, mention, col, colEnd: f.end - lineStart });
  }
  return hits;
}
