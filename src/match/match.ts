import type { Line, Mention, NormalisedText, Proficiency, Token } from '../model.js';
import { toOriginal } from '../normalise/normalise.js';
import { clausesOf, type Clauses } from '../sections/clauses.js';
import { strengthAt } from '../sections/sections.js';
import { sameWordForm } from '../segment/segment.js';
import { indexKey, type CompiledTaxonomy, type OwnerKind, type Pattern } from './compile.js';

export interface Hit {
  kind: OwnerKind;
  owner: string;
  mention: Mention;
}

// Between two words of one alias only spaces, hyphens and slashes may stand ("fine-tuned", "A/B test").
const JOINERS = new Set([' ', '\t', '-', '_', '/', '·', '&']);

function joinable(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!JOINERS.has(text[k]!)) return false;
  return true;
}
const CLAUSE_BREAK = /[;；。!！?？]|\.\s/g;

const PROFICIENCY: [Proficiency, RegExp][] = [
  ['expert', /(精通|深入理解|深刻理解|深度理解|深入了解|expert(ise)?\s*(in|with)?|deep (understanding|knowledge|expertise)|mastery of)/gi],
  ['proficient', /(熟练|掌握|擅长|proficien(t|cy)\s*(in|with)?|strong (experience|skills?|knowledge)|hands[- ]on)/gi],
  ['familiar', /(熟悉|familiar(ity)? with|experience (with|in)|working knowledge)/gi],
  ['aware', /(了解|知道|exposure to|aware(ness)? of|basic (understanding|knowledge)|understanding of|interest in)/gi],
];

// Words that ask the reader to know something, anywhere in the mention's clause.
const ASKS_TO_KNOW = /(原理|理解|熟悉|了解|掌握|精通|认知|经验|know|understand|familiar|experience|expertise|proficien|fluent|background in|grasp)/i;

/** How far from a mention a proficiency word or a "know" word may stand, within its clause. */
const NEAR = 80;

/** Whether the clause around a mention asks the reader to know its topic. */
export function asksToKnow(clauses: Clauses, at: number): boolean {
  return ASKS_TO_KNOW.test(clauses.near(at, NEAR).whole);
}

/** The proficiency word nearest before the mention, within its clause. */
export function proficiencyBefore(clauses: Clauses, at: number): Proficiency | undefined {
  const clause = clauses.near(at, NEAR).before;
  let best: { p: Proficiency; pos: number } | undefined;
  for (const [p, re] of PROFICIENCY) {
    re.lastIndex = 0;
    for (let m = re.exec(clause); m; m = re.exec(clause)) {
      if (!best || m.index > best.pos) best = { p, pos: m.index };
    }
  }
  return best?.p;
}

function tryPattern(p: Pattern, tokens: Token[], i: number, text: string): number {
  const line = tokens[i]!.line;
  let j = i;
  for (const unit of p.units) {
    const tok = tokens[j];
    if (!tok || tok.line !== line) return -1;
    if (j > i && !joinable(text, tokens[j - 1]!.end, tok.start)) return -1;
    if (unit.script === 'latin') {
      if (tok.script !== 'latin' || tok.key !== unit.key || !sameWordForm(tok.text, unit.word, unit.key)) return -1;
      j++;
      continue;
    }
    // a Han unit spans whole adjacent Han tokens whose text adds up to it exactly
    let acc = '';
    while (acc.length < unit.key.length) {
      const t = tokens[j];
      if (!t || t.script !== 'han' || t.line !== line) return -1;
      if (acc.length > 0 && tokens[j - 1]!.end !== t.start) return -1;
      acc += t.text;
      j++;
      if (!unit.key.startsWith(acc)) return -1;
    }
    if (acc !== unit.key) return -1;
  }
  return j;
}

export interface MatchContext {
  norm: NormalisedText;
  tokens: Token[];
  lines: Line[];
  titleLine: number;
}

/**
 * Finds every alias of the compiled taxonomy in the token stream. Within one kind (skills, roles,
 * sub-labels) the longest alias wins where two overlap; no hit starts or ends inside a token,
 * and none crosses a line.
 */
export function matchTokens(ctx: MatchContext, compiled: CompiledTaxonomy): Hit[] {
  const { norm, tokens } = ctx;
  const hits: Hit[] = [];
  const covered: Record<OwnerKind, number> = { skill: -1, role: -1, sub: -1 };
  // one trimmed context string per line, however many hits stand in it
  const contexts: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (ctx.lines[tok.line - 1]?.isHeading) continue;
    const candidates = compiled.patterns.get(indexKey(tok));
    if (!candidates) continue;
    for (const p of candidates) {
      // a kind matched here already covers this token: the longest alias won (candidates are longest first)
      if (i <= covered[p.kind]) continue;
      const end = tryPattern(p, tokens, i, norm.text);
      if (end < 0) continue;
      covered[p.kind] = end - 1;
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
        context: (contexts[lineNo] ??= lt.trim().slice(0, 240)),
        inTitle: lineNo === ctx.titleLine,
        background: line?.background ?? false,
        inRoleHeading: line?.roleHeading ?? false,
      };
      const clauses = clausesOf(line ?? mention, lt, CLAUSE_BREAK);
      if (asksToKnow(clauses, s - lineStart)) mention.asksToKnow = true;
      const prof = proficiencyBefore(clauses, s - lineStart);
      if (prof) mention.proficiency = prof;
      hits.push({ kind: p.kind, owner: p.owner, mention });
    }
  }
  return hits;
}
