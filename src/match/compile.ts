import { lexicon, termLists, termPart, type LexiconData, type TermGroup, type TermList, type WordPart } from '../lexicon/lexicon.js';
import { inflectionsOf, otherFormKeys } from '../segment/inflections.js';
import { latinKey, segmentPhrase, type TokenFilter } from '../segment/segment.js';
import type { Aliases, Sense, Taxonomy } from '../taxonomy/types.js';

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

export interface CompiledTaxonomy {
  /** patterns by the key of each form of their first unit, longest first: where matching looks them up */
  patterns: Map<string, Pattern[]>;
  /** patterns by the key of their first unit's word only: what a compiled file stores */
  own: Map<string, Pattern[]>;
  table: FormTable;
  /** every Han alias part, for jieba's user dictionary */
  hanWords: string[];
  /** the Han parts of role aliases ("产品经理"): they outweigh skill words where two overlap ("海外产品经理") */
  priorityWords: string[];
  /** patterns whose first unit is Han, by the code of its first character */
  byHanFirst: Map<number, Pattern[]>;
  /** what segmentation must keep for matching */
  only: TokenFilter;
  /**
   * the lexicon's Han terms at the edges of a Han word the segmenter is told, by that word
   * ("资深产品经理" → 资深, "产品总监" → 总监, "深入理解" → 理解): the segmenter keeps an alias's or a
   * term's word whole, which must not hide the lexicon's words it starts or ends with
   */
  edgeTerms(): Map<string, { pattern: Pattern; at: number }[]>;
  /** the lexicon's terms declared part of longer words (see Pattern.part) */
  partTerms: Pattern[];
}

/** The compiled taxonomy with the indexes derived from its patterns (built, or read back from JSON). */
export function indexPatterns(patterns: Map<string, Pattern[]>, hanWords: string[], priorityWords: string[], table: FormTable): CompiledTaxonomy {
  const byHanFirst = new Map<number, Pattern[]>();
  const hanUnits = new Map<number, string[]>();
  const hanStart = new Uint8Array(0x10000);
  const latinKeys = new Set<string>(table.formKeys.flat());
  const partTerms: Pattern[] = [];
  // a Latin alias starts wherever a form of its first word stands, whatever that form's stem
  const lookup = new Map(patterns);
  for (const list of patterns.values()) {
    for (const p of list) {
      const first = p.units[0]!;
      if (first.f !== undefined) {
        for (const k of table.formKeys[first.f]!) {
          const l = lookup.get(k);
          lookup.set(k, l ? [...l, p].sort((a, b) => b.weight - a.weight) : [p]);
        }
      }
      if (first.script === 'han') {
        const c = first.key.charCodeAt(0);
        const l = byHanFirst.get(c);
        if (l) l.push(p);
        else byHanFirst.set(c, [p]);
      }
      // a term that is part of longer words: every word of a run that holds it is kept
      if (p.part) partTerms.push(p);
      for (const u of p.units) {
        if (u.script === 'latin') {
          latinKeys.add(u.key);
          continue;
        }
        const c = u.key.charCodeAt(0);
        hanStart[c] = 1;
        const l = hanUnits.get(c);
        if (!l) hanUnits.set(c, [u.key]);
        else if (!l.includes(u.key)) l.push(u.key);
      }
    }
  }
  const partKeys = new Set(partTerms.map((p) => p.units[0]!.key));
  const only: TokenFilter = {
    hanReach(text, start, end) {
      let reach: Int32Array | undefined;
      let far = 0;
      // a term that is part of longer words may stand anywhere in one: every word of its run is kept
      let whole = false;
      for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        if (hanStart[c] === 1) {
          for (const u of hanUnits.get(c)!) {
            if (!text.startsWith(u, i)) continue;
            const e = i + u.length;
            if (e > far && e <= end) far = e;
            if (partKeys.has(u)) whole = true;
          }
        }
        if (far > i) (reach ??= new Int32Array(end - start))[i - start] = far;
      }
      return whole ? new Int32Array(end - start).fill(end) : reach;
    },
    latinKey: (key) => latinKeys.has(key),
  };
  // (worked out on the first Han word: an English posting never needs it)
  let edges: Map<string, { pattern: Pattern; at: number }[]> | undefined;
  const edgeTerms = () => (edges ??= edgeTermsOf(patterns));
  return { patterns: lookup, own: patterns, table, hanWords, priorityWords, byHanFirst, only, edgeTerms, partTerms };
}

/**
 * For each Han word the segmenter is told (an alias's, a term's), the lexicon's one-word Han terms it
 * starts or ends with, and where — of the groups the word is no term of itself (岗位要求 is a heading
 * already; its 要求 adds nothing).
 */
function edgeTermsOf(patterns: Map<string, Pattern[]>): Map<string, { pattern: Pattern; at: number }[]> {
  const terms: Pattern[] = [];
  // each Han word, with the groups of the terms it is
  const words = new Map<string, Set<string>>();
  for (const list of patterns.values()) {
    for (const p of list) {
      if (p.kind === 'term' && p.units.length === 1 && p.units[0]!.script === 'han') terms.push(p);
      for (const u of p.units) {
        if (u.script !== 'han') continue;
        const groups = words.get(u.key) ?? new Set<string>();
        if (p.group) groups.add(p.group);
        words.set(u.key, groups);
      }
    }
  }
  const out = new Map<string, { pattern: Pattern; at: number }[]>();
  for (const [w, groups] of words) {
    for (const p of terms) {
      const t = p.units[0]!.key;
      if (t.length >= w.length || groups.has(p.group!)) continue;
      const at = w.startsWith(t) ? 0 : w.endsWith(t) ? w.length - t.length : -1;
      if (at < 0) continue;
      const l = out.get(w);
      if (l) l.push({ pattern: p, at });
      else out.set(w, [{ pattern: p, at }]);
    }
  }
  return out;
}

/** The first unit's key: a Latin stem, or a Han unit's first character (the two never collide). */
export function indexKey(unit: { key: string; script: 'han' | 'latin' }): string {
  return unit.script === 'han' ? unit.key[0]! : unit.key;
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
 * whole Han strings) indexed by its first unit: the lexicon's words are found by the same matcher as
 * the taxonomy's.
 */
export function compileTaxonomy(tax: Taxonomy, lex: LexiconData = lexicon().data): CompiledTaxonomy {
  const patterns = new Map<string, Pattern[]>();
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
      const k = indexKey(first);
      const list = patterns.get(k);
      if (list) list.push(p);
      else patterns.set(k, [p]);
    }
  };
  for (const s of tax.skills) add('skill', s.id, s.aliases, s.senses);
  for (const r of tax.roles) add('role', r.id, r.aliases);
  for (const g of tax.subLabels) for (const v of g.values) add('sub', `${g.id}/${v.id}`, v.aliases);
  for (const t of termLists(lex)) add('term', t.value, t.terms, undefined, t);
  // and the words the segmenter must know that its dictionary lacks ("线上" keeps 上线 out of 线上线下)
  for (const w of lex.words) han.add(w);
  for (const list of patterns.values()) list.sort((a, b) => b.weight - a.weight);
  return indexPatterns(patterns, [...han].filter((w) => !priority.has(w)), [...priority], table);
}
