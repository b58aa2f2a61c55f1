import type { Line, Mention, NormalisedText, Proficiency, Token } from '../model.js';
import { lexicon, termsPattern } from '../lexicon/lexicon.js';
import type { Sense } from '../taxonomy/types.js';
import { toOriginal } from '../normalise/normalise.js';
import { clausesOf, type Clauses } from '../sections/clauses.js';
import { strengthAt } from '../sections/sections.js';
import { type CompiledTaxonomy, type OwnerKind, type Pattern, type Unit } from './compile.js';

export interface Hit {
  kind: OwnerKind;
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
// ("原理", "experience") are the lexicon's (taxonomies/lexicon/*.yaml)

/** How far from a mention a proficiency word or a "know" word may stand, within its clause. */
const NEAR = 80;

/**
 * What one line can say of the mentions in it, worked out once per line. None of the words above needs
 * anything outside its match, so a word that is nowhere in the line is in none of its clauses either:
 * most lines are never searched again.
 */
interface LineWords {
  clauses: Clauses;
  knows: boolean;
  /** the proficiency patterns that match somewhere in the line */
  proficiencies: [Proficiency, RegExp][];
}

function lineWords(owner: object, text: string): LineWords {
  const lx = lexicon();
  return {
    clauses: clausesOf(owner, text, CLAUSE_BREAK),
    knows: lx.asksToKnow.test(text),
    proficiencies: lx.proficiency.filter(([, re]) => {
      re.lastIndex = 0;
      return re.test(text);
    }),
  };
}

/** Whether the clause around a mention asks the reader to know its topic. */
function asksToKnow(words: LineWords, at: number): boolean {
  return words.knows && lexicon().asksToKnow.test(words.clauses.near(at, NEAR).whole);
}

/** The proficiency word nearest before the mention, within its clause. */
function proficiencyBefore(words: LineWords, at: number): Proficiency | undefined {
  if (words.proficiencies.length === 0) return undefined;
  const clause = words.clauses.near(at, NEAR).before;
  let best: { p: Proficiency; pos: number } | undefined;
  for (const [p, re] of words.proficiencies) {
    re.lastIndex = 0;
    for (let m = re.exec(clause); m; m = re.exec(clause)) {
      if (!best || m.index > best.pos) best = { p, pos: m.index };
    }
  }
  return best?.p;
}

/** Whether a token is one of a Latin unit's word forms ("prioritizing" of "prioritize"; not "productivity" of "product"). */
function isFormOf(unit: Unit, tok: Token, forms: string[]): boolean {
  return forms[unit.f!]!.includes(` ${tok.text.toLowerCase()} `);
}

function tryPattern(p: Pattern, tokens: Token[], i: number, text: string, forms: string[]): number {
  const line = tokens[i]!.line;
  let j = i;
  for (const unit of p.units) {
    const tok = tokens[j];
    if (!tok || tok.line !== line) return -1;
    if (j > i && !joinable(text, tokens[j - 1]!.end, tok.start)) return -1;
    if (unit.script === 'latin') {
      if (tok.script !== 'latin' || !isFormOf(unit, tok, forms)) return -1;
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
  return j;
}

const senseRes = new WeakMap<Sense, { needs?: RegExp; not?: RegExp }>();

/** Whether an ambiguous alias's clause holds what its sense needs, and nothing it rules out. */
function senseHolds(sense: Sense, ctx: MatchContext, lineNo: number, at: number): boolean {
  let re = senseRes.get(sense);
  if (!re) {
    re = {};
    if (sense.needs) re.needs = termsPattern(sense.needs, 'i');
    if (sense.not) re.not = termsPattern(sense.not, 'i');
    senseRes.set(sense, re);
  }
  const line = ctx.lines[lineNo - 1];
  if (!line) return true;
  const clause = clausesOf(line, line.text, CLAUSE_BREAK).near(at - ctx.norm.lineStarts[lineNo - 1]!, SENSE_NEAR).whole;
  if (re.not?.test(clause)) return false;
  return re.needs ? re.needs.test(clause) : true;
}

/** A sense is read in the sentence around the alias (the clauses proficiency words use), with a longer reach. */
const SENSE_NEAR = 160;

export interface MatchContext {
  norm: NormalisedText;
  tokens: Token[];
  lines: Line[];
  titleLine: number;
  /** the lines in the posting's own script, where it differs from the matched text (Traditional Chinese) */
  writtenLines?: string[];
}

/**
 * Finds every alias of the compiled taxonomy in the token stream. Within one kind (skills, roles,
 * sub-labels) the longest alias wins where two overlap; no hit starts or ends inside a token,
 * and none crosses a line.
 */
export function matchTokens(ctx: MatchContext, compiled: CompiledTaxonomy): Hit[] {
  const { norm, tokens } = ctx;
  const hits: Hit[] = [];
  // per kind (skill, role, sub-label): the last token a hit of that kind covers
  let coveredSkill = -1;
  let coveredRole = -1;
  let coveredSub = -1;
  // one trimmed context string per line, however many hits stand in it
  const contexts: string[] = [];
  const lineInfo: LineWords[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    // headings and front matter name no skill; a front-matter `title:` line is the posting's title all the same
    if (ctx.lines[tok.line - 1]?.isHeading && tok.line !== ctx.titleLine) continue;
    const candidates = tok.script === 'han' ? compiled.byHanFirst.get(tok.key.charCodeAt(0)) : compiled.patterns.get(tok.key);
    if (!candidates) continue;
    for (const p of candidates) {
      // a kind matched here already covers this token: the longest alias won (candidates are longest first)
      if (i <= (p.kind === 'skill' ? coveredSkill : p.kind === 'role' ? coveredRole : coveredSub)) continue;
      const end = tryPattern(p, tokens, i, norm.text, compiled.table.forms);
      if (end < 0) continue;
      if (p.sense && !senseHolds(p.sense, ctx, tok.line, tok.start)) continue;
      if (p.kind === 'skill') coveredSkill = end - 1;
      else if (p.kind === 'role') coveredRole = end - 1;
      else coveredSub = end - 1;
      const s = tok.start;
      const e = tokens[end - 1]!.end;
      const orig = toOriginal(norm, s, e);
      const lineNo = tok.line;
      const line = ctx.lines[lineNo - 1];
      const lt = line?.text ?? '';
      const lineStart = norm.lineStarts[lineNo - 1]!;
      const mention: Mention = {
        text: norm.original.slice(orig.start, orig.end),
        line: lineNo,
        start: orig.start,
        end: orig.end,
        strength: line ? strengthAt(line, s - lineStart) : 'unknown',
        context: (contexts[lineNo] ??= (ctx.writtenLines?.[lineNo - 1] ?? lt).trim().slice(0, 240)),
        inTitle: lineNo === ctx.titleLine,
        background: line?.background ?? false,
        inRoleHeading: line?.roleHeading ?? false,
        asksToKnow: false,
        proficiency: undefined,
      };
      const words = (lineInfo[lineNo] ??= lineWords(line ?? mention, lt));
      mention.asksToKnow = asksToKnow(words, s - lineStart);
      mention.proficiency = proficiencyBefore(words, s - lineStart);
      hits.push({ kind: p.kind, owner: p.owner, mention, col: s - lineStart, colEnd: e - lineStart });
    }
  }
  return hits;
}
