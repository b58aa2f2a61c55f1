import { inflectionsOf, otherFormKeys } from '../segment/inflections.js';
import { segmentPhrase, type TokenFilter } from '../segment/segment.js';
import type { Aliases, Sense, Taxonomy } from '../taxonomy/types.js';

export type OwnerKind = 'skill' | 'role' | 'sub';

export type { PhraseUnit as Unit } from '../segment/segment.js';
import type { PhraseUnit as Unit } from '../segment/segment.js';

export interface Pattern {
  kind: OwnerKind;
  /** skill id, role id, or "group/value" for a sub-label */
  owner: string;
  alias: string;
  units: Unit[];
  /** total characters of the alias's units: longer patterns win at one position */
  weight: number;
  /** for an ambiguous alias: what its clause must hold, or must not, for it to count */
  sense?: Sense;
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
}

/** The compiled taxonomy with the indexes derived from its patterns (built, or read back from JSON). */
export function indexPatterns(patterns: Map<string, Pattern[]>, hanWords: string[], priorityWords: string[], table: FormTable): CompiledTaxonomy {
  const byHanFirst = new Map<number, Pattern[]>();
  const hanUnits = new Map<number, string[]>();
  const hanStart = new Uint8Array(0x10000);
  const latinKeys = new Set<string>(table.formKeys.flat());
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
  const only: TokenFilter = {
    hanReach(text, start, end) {
      let reach: Int32Array | undefined;
      let far = 0;
      for (let i = start; i < end; i++) {
        const c = text.charCodeAt(i);
        if (hanStart[c] === 1) {
          for (const u of hanUnits.get(c)!) {
            const e = i + u.length;
            if (e > far && e <= end && text.startsWith(u, i)) far = e;
          }
        }
        if (far > i) (reach ??= new Int32Array(end - start))[i - start] = far;
      }
      return reach;
    },
    latinKey: (key) => latinKeys.has(key),
  };
  return { patterns: lookup, own: patterns, table, hanWords, priorityWords, byHanFirst, only };
}

/** The first unit's key: a Latin stem, or a Han unit's first character (the two never collide). */
export function indexKey(unit: { key: string; script: 'han' | 'latin' }): string {
  return unit.script === 'han' ? unit.key[0]! : unit.key;
}

/** Turns every alias into a sequence of units (stemmed Latin words, whole Han strings) indexed by its first unit. */
export function compileTaxonomy(tax: Taxonomy): CompiledTaxonomy {
  const patterns = new Map<string, Pattern[]>();
  const han = new Set<string>();
  const priority = new Set<string>();
  // the forms of each alias word, once: a role alias names people, and its words take a noun's
  // forms only ("engineers", not "engineering")
  const table: FormTable = { forms: [], formKeys: [] };
  // a word's forms are one array however often the word stands (inflectionsOf keeps them)
  const formsAt = new Map<string[], number>();
  const add = (kind: OwnerKind, owner: string, aliases: Aliases, senses?: Record<string, Sense>) => {
    for (const alias of [...aliases.zh, ...aliases.en]) {
      const units = segmentPhrase(alias);
      for (const u of units) {
        if (u.script !== 'latin') continue;
        const forms = inflectionsOf(u.word, kind === 'role');
        let i = formsAt.get(forms);
        if (i === undefined) {
          i = table.forms.push(` ${forms.join(' ')} `) - 1;
          table.formKeys.push(otherFormKeys(u.word, kind === 'role'));
          formsAt.set(forms, i);
        }
        u.f = i;
      }
      const first = units[0];
      if (!first) continue;
      for (const u of units) if (u.script === 'han') (kind === 'role' ? priority : han).add(u.key);
      const p: Pattern = { kind, owner, alias, units, weight: units.reduce((n, u) => n + u.key.length + 1, 0) };
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
  for (const list of patterns.values()) list.sort((a, b) => b.weight - a.weight);
  return indexPatterns(patterns, [...han].filter((w) => !priority.has(w)), [...priority], table);
}
