import { lexicon, termLists, termPart, type LexiconData, type TermGroup, type TermList, type WordPart } from '../lexicon/lexicon.js';
import { inflectionsOf, otherFormKeys } from '../segment/inflections.js';
import { latinKey, segmentPhrase, type TokenFilter } from '../segment/segment.js';
import type { Aliases, Sense, Taxonomy } from '../taxonomy/types.js';
import { addTo } from '../util.js';

/** What a pattern names: a skill, a role, a sub-label value, or a term of the lexicon (a heading word, a degree …). */
export type OwnerKind = 'skill' | 'role' | 'sub' | 'term';

export type { PhraseUnit as Unit } from '../segment/segment.js';
import type { PhraseUnit as Unit } from '../segment/segment.js';

export interface Pattern {
  kind: OwnerKind;
  /** skill id, role id, "group/value" for a sub-label, or the value a lexicon term stands for */
  owner: string;
  /** a lexicon term's group (see TermGroup): hits of one group never overlap */
  group?: TermGroup;
  /** (set where a compiled taxonomy looks it up) the number of its kind or group, where matching keeps what that covers */
  slot?: number;
  alias: string;
  units: Unit[];
  /** total characters of the alias's units: longer patterns win at one position */
  weight: number;
  /** for an ambiguous alias: what its clause must hold, or must not, for it to count */
  sense?: Sense;
  /**
   * a one-word Han term of the lexicon declared as part of longer words: their start ("计算机…":
   * 计算机科学), their end ("…经验": 实践经验) or anywhere in them ("…理解…")
   */
  part?: WordPart;
}

/**
 * The inflected forms of the Latin alias words (see inflections.ts), and what they change in where
 * an alias can start. A Latin unit refers to its word's forms by index (`f`).
 */
export interface FormTable {
  /** the forms of one alias word each, lower case, as " form form … " (a space around each) */
  forms: string[];
  /** beside each, the keys of its forms other than the word's own (mostly none) */
  formKeys: string[][];
}

/**
 * A list of patterns, or where a compiled file keeps its JSON (byte offset and length in the file's
 * lists): parsed when matching first looks it up.
 */
export type StoredList = Pattern[] | [number, number];

/** A lexicon term at the edge of a Han word the segmenter is told, or declared part of longer words. */
export interface InWordTerm {
  group: TermGroup;
  value: string;
  /** the term's Han text */
  key: string;
  /** where it stands in the word (edge terms) */
  at?: number;
  /** what part of longer words it is (declared terms) */
  part?: WordPart;
}

/** What matching looks up, as a compiled file stores it. */
export interface PatternIndex {
  /** patterns by the key of each form of their first unit (Latin), longest first */
  latin: Record<string, StoredList>;
  /** patterns whose first unit is Han, by its first character, longest first */
  han: Record<string, StoredList>;
  /** every key of a Latin alias word and of its forms: what segmentation keeps */
  latinKeys: string[];
  /** every Han unit of a pattern: what segmentation keeps */
  hanUnits: string[];
  /**
   * the lexicon's Han terms at the edges of a Han word the segmenter is told, by that word
   * ("资深产品经理" → 资深, "产品总监" → 总监, "深入理解" → 理解): the segmenter keeps an alias's or a
   * term's word whole, which must not hide the lexicon's words it starts or ends with
   */
  edges: Record<string, InWordTerm[]>;
  /** the lexicon's terms declared part of longer words (see Pattern.part) */
  parts: InWordTerm[];
}

export interface CompiledTaxonomy {
  index: PatternIndex;
  table: FormTable;
  /** every Han alias part, for jieba's user dictionary */
  hanWords: string[];
  /** the Han parts of role aliases ("产品经理"): they outweigh skill words where two overlap ("海外产品经理") */
  priorityWords: string[];
  /** the patterns a Latin token's key may start, by what their second unit may be */
  latinAt(key: string): LatinStarts | undefined;
  /** the patterns whose first unit is Han, by its first character: by that unit */
  hanAt(first: string): HanStarts | undefined;
  /**
   * the lexicon's terms inside a Han word, and where: at the edges of a word the segmenter was told
   * (an alias's or a term's own: 资深|产品经理), and the terms declared part of longer words (本科…, …经验)
   */
  termsInside(word: string): { term: InWordTerm; at: number }[];
  /** the forms of a Latin unit's word (its entry `f` of the table), as a set */
  formsOf(f: number): Set<string>;
  /** what segmentation must keep for matching */
  only: TokenFilter;
}

/** The index of a taxonomy's patterns (by their first unit): where matching looks, and what segmentation keeps. */
export function buildIndex(patterns: Pattern[], table: FormTable): PatternIndex {
  const latin: Record<string, Pattern[]> = {};
  const han: Record<string, Pattern[]> = {};
  const latinKeys = new Set<string>(table.formKeys.flat());
  const hanUnits = new Set<string>();
  const parts: InWordTerm[] = [];
  const add = (into: Record<string, Pattern[]>, k: string, p: Pattern) => (into[k] ??= []).push(p);
  for (const p of patterns) {
    const first = p.units[0]!;
    // a Latin alias starts wherever a form of its first word stands, whatever that form's stem
    if (first.script === 'han') add(han, first.key[0]!, p);
    else for (const k of new Set([first.key, ...table.formKeys[first.f!]!])) add(latin, k, p);
    if (p.part) parts.push({ group: p.group!, value: p.owner, key: first.key, part: p.part });
    for (const u of p.units) (u.script === 'latin' ? latinKeys : hanUnits).add(u.key);
  }
  for (const into of [latin, han]) for (const l of Object.values(into)) l.sort((a, b) => b.weight - a.weight);
  return { latin, han, latinKeys: [...latinKeys], hanUnits: [...hanUnits], edges: edgeTermsOf(patterns), parts };
}

/**
 * The index as a compiled file stores it: each list's JSON in one text of lists (one per line), the
 * index keeping where each stands, so that a run reads only the lists it looks up.
 */
export function storedIndex(index: PatternIndex): { index: PatternIndex; lists: string } {
  const parts: string[] = [];
  let at = 0;
  const stored = (r: Record<string, StoredList>) =>
    Object.fromEntries(
      Object.entries(r).map(([k, l]) => {
        const json = JSON.stringify(l);
        const where: [number, number] = [at, Buffer.byteLength(json)];
        parts.push(json);
        at += where[1] + 1;
        return [k, where];
      }),
    );
  const latin = stored(index.latin);
  const han = stored(index.han);
  return { index: { ...index, latin, han }, lists: parts.join('\n') };
}

/** Every list of an index, parsed (`lists`: the compiled file's text of lists, where the index points into it). */
export function indexLists(index: PatternIndex, lists?: Buffer): Pattern[][] {
  return [...Object.values(index.latin), ...Object.values(index.han)].map((l) => listAt(l, lists));
}

function listAt(l: StoredList, lists: Buffer | undefined): Pattern[] {
  if (!isStored(l)) return l;
  if (!lists) throw new Error('a stored pattern list without the compiled file\'s lists');
  return JSON.parse(lists.toString('utf8', l[0], l[0] + l[1])) as Pattern[];
}

const isStored = (l: StoredList): l is [number, number] => typeof l[0] === 'number';

// Matching reads patterns, their units and the in-word terms in its innermost loop. Parsed from JSON,
// or built with their optional fields where they have them, they would take many shapes; each is
// rebuilt with every field in one order, so the engine keeps one shape for each and its optimised
// matcher is not thrown away when a posting brings a pattern of a shape it has not met yet.
const matchedUnit = (u: Unit): Unit => ({ key: u.key, script: u.script, word: u.word, f: u.f, sep: u.sep, trail: u.trail });
const matchedPattern = (p: Pattern, slot: number): Pattern => ({
  kind: p.kind,
  owner: p.owner,
  group: p.group,
  slot,
  alias: p.alias,
  units: p.units.map(matchedUnit),
  weight: p.weight,
  sense: p.sense,
  part: p.part,
});
const matchedTerm = (t: InWordTerm): InWordTerm => ({ group: t.group, value: t.value, key: t.key, at: t.at, part: t.part });

/**
 * The patterns whose first unit starts with one character, by that unit's text: a Han unit covers
 * whole adjacent tokens, so matching looks up the texts of the tokens from a place on, joined,
 * rather than trying every pattern of the character.
 */
export interface HanStarts {
  /** the character's whole list, longest first */
  all: Pattern[];
  byUnit: Map<string, Pattern[]>;
  /** the longest first unit among them */
  longest: number;
}

/** The patterns of a first-character list by their first unit, each in the list's order (longest first). */
function hanStarts(all: Pattern[]): HanStarts {
  const byUnit = new Map<string, Pattern[]>();
  for (const p of all) addTo(byUnit, p.units[0]!.key, p);
  return { all, byUnit, longest: Math.max(...[...byUnit.keys()].map((k) => k.length)) };
}

/**
 * The patterns whose first unit is one Latin word, by what their second unit needs the next token
 * to be: most patterns a word starts have more words, and most of the time the next token is none
 * of theirs. `after(next)` gives the patterns that can stand there, in the list's order.
 */
export interface LatinStarts {
  /**
   * the candidates where the next token of the line has this key (a Latin token's key, a Han
   * token's first character), or none stands there (undefined)
   */
  after(next: string | undefined): Pattern[];
}

function latinStarts(list: Pattern[], table: FormTable): LatinStarts {
  // patterns of one unit stand whatever follows; the others wait for a token their second unit can start with
  const alone: Pattern[] = [];
  const byNext = new Map<string, Pattern[]>();
  for (const p of list) {
    const second = p.units[1];
    if (!second) {
      alone.push(p);
      continue;
    }
    const keys = second.script === 'han' ? [second.key[0]!] : new Set([second.key, ...table.formKeys[second.f!]!]);
    for (const k of keys) addTo(byNext, k, p);
  }
  // (both kinds stand there: the list kept in its order, once per next key)
  const merged = new Map<string, Pattern[]>();
  return {
    after(next) {
      const more = next === undefined ? undefined : byNext.get(next);
      if (!more) return alone;
      if (!alone.length) return more;
      let l = merged.get(next!);
      if (!l) {
        const can = new Set(more);
        merged.set(next!, (l = list.filter((p) => p.units.length === 1 || can.has(p))));
      }
      return l;
    },
  };
}

const NONE: readonly InWordTerm[] = [];
const NONE_FOUND: { term: InWordTerm; at: number }[] = [];

/**
 * The Han units as a tree of characters, in numbers: node 0 is none; `first` gives the node of a
 * unit's first character, `unit` whether a unit ends at a node, and the edges (a node and the next
 * character → the node after) stand in an open-addressed table of typed arrays. From a place, one
 * walk finds the longest unit standing there.
 */
interface HanTree {
  /** 1 marks a character that starts a term declared part of longer words (`parts`: those terms' keys by it) */
  partStart: Uint8Array;
  parts: Map<number, string[]>;
  first: Int32Array;
  unit: Uint8Array;
  /** the table's size is 2 ** bits */
  bits: number;
  from: Int32Array;
  char: Int32Array;
  to: Int32Array;
}

const CHARS = 0x10000;

const slotOf = (node: number, c: number, bits: number) => Math.imul(node * 31 + c, 0x9e3779b1) >>> (32 - bits);

function hanTree(units: string[], partKeys: string[]): HanTree {
  const partStart = new Uint8Array(CHARS);
  const parts = new Map<number, string[]>();
  for (const k of partKeys) {
    partStart[k.charCodeAt(0)] = 1;
    addTo(parts, k.charCodeAt(0), k);
  }
  const first = new Int32Array(CHARS);
  const edges = new Map<string, number>();
  const list: [number, number, number][] = [];
  const ends: number[] = [0];
  for (const u of units) {
    let node = first[u.charCodeAt(0)]!;
    if (node === 0) first[u.charCodeAt(0)] = node = ends.push(0) - 1;
    for (let k = 1; k < u.length; k++) {
      const key = `${node} ${u.charCodeAt(k)}`;
      let child = edges.get(key);
      if (child === undefined) {
        edges.set(key, (child = ends.push(0) - 1));
        list.push([node, u.charCodeAt(k), child]);
      }
      node = child;
    }
    ends[node] = 1;
  }
  // at most half full
  let bits = 4;
  while (1 << bits < 2 * list.length) bits++;
  const size = 1 << bits;
  const tree: HanTree = { partStart, parts, first, unit: Uint8Array.from(ends), bits, from: new Int32Array(size), char: new Int32Array(size), to: new Int32Array(size) };
  for (const [node, c, child] of list) {
    let at = slotOf(node, c, bits);
    while (tree.to[at] !== 0) at = (at + 1) & (size - 1);
    tree.from[at] = node;
    tree.char[at] = c;
    tree.to[at] = child;
  }
  return tree;
}

/**
 * Where the Han units reach in text[start, end): at each offset, the furthest end of a unit that
 * starts at or before it and reaches past it, written into `reach` (0 left where none does);
 * whether any unit stands there. A term that is part of longer words may stand anywhere in one: a
 * run holding one keeps every word (its reach is its end throughout). One pass with no calls in its
 * loops but on a part term's first character: a folder run does not inline (see runBatch), and this
 * runs for every Han character of a posting.
 */
function unitsReach(tree: HanTree, text: string, start: number, end: number, reach: Int32Array): boolean {
  const { partStart, first, unit, bits, from, char, to } = tree;
  const mask = (1 << bits) - 1;
  let far = 0;
  let any = false;
  for (let i = start; i < end; i++) {
    const c0 = text.charCodeAt(i);
    if (partStart[c0] === 1 && tree.parts.get(c0)!.some((k) => text.startsWith(k, i))) {
      reach.fill(end, start, end);
      return true;
    }
    let node = first[c0]!;
    if (node !== 0) {
      // the longest unit from i: walk the tree while the text goes on along it
      if (unit[node] === 1 && i + 1 > far) far = i + 1;
      for (let j = i + 1; j < end; j++) {
        const c = text.charCodeAt(j);
        let at = Math.imul(node * 31 + c, 0x9e3779b1) >>> (32 - bits); // slotOf(node, c, bits)
        let next = to[at]!;
        while (next !== 0 && (from[at] !== node || char[at] !== c)) {
          at = (at + 1) & mask;
          next = to[at]!;
        }
        if (next === 0) break;
        node = next;
        if (unit[node] === 1 && j + 1 > far) far = j + 1;
      }
    }
    if (far > i) {
      reach[i] = far;
      any = true;
    }
  }
  return any;
}

/** The compiled taxonomy over an index (built now, or read back from a compiled file). */
export function compiledFrom(index: PatternIndex, hanWords: string[], priorityWords: string[], table: FormTable, lists?: Buffer): CompiledTaxonomy {
  const tree = hanTree(index.hanUnits, index.parts.map((p) => p.key));
  const latinKeys = new Set(index.latinKeys);
  const only: TokenFilter = {
    hanReach: (text, start, end, reach) => unitsReach(tree, text, start, end, reach),
    latinKey: (key) => latinKeys.has(key),
  };
  // each kind or group of terms a number: matching keeps, per number, the last token a hit covers
  const slots = new Map<string, number>();
  const slotted = (list: Pattern[]) =>
    list.map((p) => {
      const g = p.group ?? p.kind;
      let n = slots.get(g);
      if (n === undefined) slots.set(g, (n = slots.size));
      return matchedPattern(p, n);
    });
  // the lists by key, each parsed (and slotted) on first look-up
  const lookup = <T>(r: Record<string, StoredList>, made: (list: Pattern[]) => T) => {
    // (null: no list has that key)
    const ready = new Map<string, T | null>();
    return (k: string): T | undefined => {
      let v = ready.get(k);
      if (v === undefined) {
        const l = Object.hasOwn(r, k) ? r[k] : undefined;
        v = l === undefined ? null : made(slotted(isStored(l) ? listAt(l, lists) : l));
        ready.set(k, v);
      }
      return v ?? undefined;
    };
  };
  const formSets: Set<string>[] = [];
  // the terms declared part of longer words, by the character a word must start or end with for them
  const byFirst = new Map<string, InWordTerm[]>();
  const byLast = new Map<string, InWordTerm[]>();
  const inside: InWordTerm[] = [];
  // a word holds a term inside it only when it is longer than the term
  const minInside = 1 + Math.min(...index.parts.map((t) => t.key.length), ...Object.values(index.edges).flat().map((t) => t.key.length));
  for (const t of index.parts.map(matchedTerm)) {
    if (t.part === 'inside') inside.push(t);
    else {
      const [m, c] = t.part === 'start' ? [byFirst, t.key[0]!] : [byLast, t.key.at(-1)!];
      m.set(c, [...(m.get(c) ?? []), t]);
    }
  }
  const termsInWord = (word: string): { term: InWordTerm; at: number }[] => {
    const edges = index.edges[word]?.map(matchedTerm);
    let out: { term: InWordTerm; at: number }[] | undefined = edges?.map((t) => ({ term: t, at: t.at! }));
    const add = (t: InWordTerm, at: number) => {
      if (!edges?.some((e) => e.group === t.group && e.at === at && e.key === t.key)) (out ??= []).push({ term: t, at });
    };
    for (const t of byFirst.get(word[0]!) ?? NONE) if (t.key.length < word.length && word.startsWith(t.key)) add(t, 0);
    for (const t of byLast.get(word.at(-1)!) ?? NONE) if (t.key.length < word.length && word.endsWith(t.key)) add(t, word.length - t.key.length);
    for (const t of inside) {
      const at = t.key.length < word.length ? word.indexOf(t.key) : -1;
      if (at >= 0) add(t, at);
    }
    return out ?? NONE_FOUND;
  };
  const insideOf = new Map<string, { term: InWordTerm; at: number }[]>();
  return {
    index,
    table,
    hanWords,
    priorityWords,
    latinAt: lookup(index.latin, (l) => latinStarts(l, table)),
    hanAt: lookup(index.han, hanStarts),
    formsOf: (f) => (formSets[f] ??= new Set(table.forms[f]!.trim().split(' '))),
    termsInside: (word) => {
      // (a word too short to hold a term inside it holds none, nor does most of any text: no array for it)
      if (word.length < minInside) return NONE_FOUND;
      // postings repeat their words: each word's answer is kept (a bounded cache)
      let out = insideOf.get(word);
      if (out === undefined) {
        out = termsInWord(word);
        if (insideOf.size < 50_000) insideOf.set(word, out);
      }
      return out;
    },
    only,
  };
}

/**
 * For each Han word the segmenter is told (an alias's, a term's), the lexicon's one-word Han terms it
 * starts or ends with, and where — of the groups the word is no term of itself (岗位要求 is a heading
 * already; its 要求 adds nothing).
 */
function edgeTermsOf(patterns: Pattern[]): Record<string, InWordTerm[]> {
  const terms: Pattern[] = [];
  // each Han word, with the groups of the terms it is
  const words = new Map<string, Set<string>>();
  for (const p of patterns) {
    if (p.kind === 'term' && p.units.length === 1 && p.units[0]!.script === 'han') terms.push(p);
    for (const u of p.units) {
      if (u.script !== 'han') continue;
      const groups = words.get(u.key) ?? new Set<string>();
      if (p.group) groups.add(p.group);
      words.set(u.key, groups);
    }
  }
  const out: Record<string, InWordTerm[]> = {};
  for (const [w, groups] of words) {
    for (const p of terms) {
      const t = p.units[0]!.key;
      if (t.length >= w.length || groups.has(p.group!)) continue;
      const at = w.startsWith(t) ? 0 : w.endsWith(t) ? w.length - t.length : -1;
      if (at >= 0) (out[w] ??= []).push({ group: p.group!, value: p.owner, key: t, at });
    }
  }
  return out;
}


/**
 * The forms a lexicon term's Latin word matches: the word itself, and its plural s (or a plural's
 * singular) unless its list reads words as written. (The lexicon's words are function words and phrases — "we", "us",
 * "requirements" — that the lemmatiser's forms would stretch: "us" is no form of "use".)
 */
function termForms(word: string, bare: boolean): string[] {
  const w = word.toLowerCase();
  if (bare) return [w];
  // a plural as written covers its singular ("job requirements": "Job Requirement"), a short word aside ("us")
  if (w.endsWith('s')) return w.length > 3 && !w.endsWith('ss') ? [w, w.slice(0, -1)] : [w];
  return [w, `${w}s`];
}

/**
 * Turns every alias, and every term of the lexicon, into a sequence of units (stemmed Latin words,
 * whole Han strings), indexed by its first unit (see buildIndex): the lexicon's words are found by the
 * same matcher as the taxonomy's.
 */
export function compileTaxonomy(tax: Taxonomy, lex: LexiconData = lexicon().data): CompiledTaxonomy {
  const patterns: Pattern[] = [];
  const han = new Set<string>();
  const priority = new Set<string>();
  // the forms of each alias word, once: a role alias names people, and its words take a noun's
  // forms only ("engineers", not "engineering")
  const table: FormTable = { forms: [], formKeys: [] };
  // a word's forms are one entry of the table however often the word stands
  const formsAt = new Map<string, number>();
  const formsIndex = (forms: string[], keys: string[]) => {
    const entry = ` ${forms.join(' ')} `;
    const id = `${entry}\n${keys.join(' ')}`;
    let i = formsAt.get(id);
    if (i === undefined) {
      i = table.forms.push(entry) - 1;
      table.formKeys.push(keys);
      formsAt.set(id, i);
    }
    return i;
  };
  const add = (kind: OwnerKind, owner: string, aliases: Aliases | string[], senses?: Record<string, Sense>, term?: TermList) => {
    for (const written of Array.isArray(aliases) ? aliases : [...aliases.zh, ...aliases.en]) {
      // a term marked with "…" is also part of longer words ("计算机…": 计算机科学)
      const { term: alias, part } = term ? termPart(written) : { term: written, part: undefined };
      const units = segmentPhrase(alias);
      for (const u of units) {
        if (u.script !== 'latin') continue;
        if (term) {
          const forms = termForms(u.word, term.bare ?? false);
          u.f = formsIndex(forms, [...new Set(forms.map(latinKey))].filter((k) => k !== latinKey(u.word)));
        } else u.f = formsIndex(inflectionsOf(u.word, kind === 'role'), otherFormKeys(u.word, kind === 'role'));
      }
      const first = units[0];
      if (!first) continue;
      // the segmenter keeps every Han part whole, a lexicon term's as an alias's ("加分项", not 加|分项)
      for (const u of units) if (u.script === 'han') (kind === 'role' ? priority : han).add(u.key);
      const p: Pattern = { kind, owner, alias, units, weight: units.reduce((n, u) => n + u.key.length + 1, 0) };
      if (term) p.group = term.group;
      if (part) p.part = part;
      const sense = senses?.[alias];
      if (sense) p.sense = sense;
      patterns.push(p);
    }
  };
  for (const s of tax.skills) add('skill', s.id, s.aliases, s.senses);
  for (const r of tax.roles) add('role', r.id, r.aliases);
  for (const g of tax.subLabels) for (const v of g.values) add('sub', `${g.id}/${v.id}`, v.aliases, v.senses);
  for (const t of termLists(lex)) add('term', t.value, t.terms, undefined, t);
  // and the words the segmenter must know that its dictionary lacks ("线上" keeps 上线 out of 线上线下)
  for (const w of lex.words) han.add(w);
  return compiledFrom(buildIndex(patterns, table), [...han].filter((w) => !priority.has(w)), [...priority], table);
}
