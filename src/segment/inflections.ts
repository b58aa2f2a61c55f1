// English word forms. Matching keys Latin words by their Porter stem, which also merges words of
// different meaning ("product"/"productivity", "generous"/"generative"); a word in the text counts
// as an alias's word only when it is one of that word's inflections, and a lemmatiser
// (wink-lemmatizer, over WordNet) says which are: "prioritizing" is a form of "prioritize",
// "labelled" of "label", "annotators" of "annotator"; "productivity" is no form of "product".
// The lemmatiser loads in about a third of a second: it is used where a taxonomy is compiled (at
// build time for the default one), never while a posting is read.
import { createRequire } from 'node:module';
import { latinKey } from './segment.js';

interface Lemmatizer {
  noun(word: string): string;
  verb(word: string): string;
  adjective(word: string): string;
}

let lemmatizer: Lemmatizer | undefined;
function lemmatiser(): Lemmatizer {
  return (lemmatizer ??= createRequire(import.meta.url)('wink-lemmatizer') as Lemmatizer);
}

/** The word itself and its lemma as a noun, a verb and an adjective (as a noun only, for a name of people). */
function lemmasOf(word: string, nounOnly = false): Set<string> {
  const l = lemmatiser();
  return new Set(nounOnly ? [word, l.noun(word)] : [word, l.noun(word), l.verb(word), l.adjective(word)]);
}

/** What regular English inflection could make of a base: plural, third person, past, participle, possessive. */
function candidates(base: string): string[] {
  const out = [base, `${base}'s`];
  const stem = base.slice(0, -1);
  if (/(s|x|z|ch|sh)$/.test(base)) out.push(`${base}es`);
  else if (/[^aeiou]y$/.test(base)) out.push(`${stem}ies`);
  else out.push(`${base}s`);
  if (base.endsWith('is')) out.push(`${base.slice(0, -2)}es`);
  if (base.endsWith('e')) out.push(`${base}d`);
  else if (/[^aeiou]y$/.test(base)) out.push(`${stem}ied`, `${base}ing`);
  else out.push(`${base}ed`);
  if (base.endsWith('ie')) out.push(`${base.slice(0, -2)}ying`);
  else if (/[^eoy]e$/.test(base)) out.push(`${stem}ing`);
  else if (!/[^aeiou]y$/.test(base)) out.push(`${base}ing`);
  // a doubled last consonant after one vowel: shipped, labelled, planning
  if (/[^aeiou][aeiou][bdglmnprt]$/.test(base)) {
    const last = base.at(-1)!;
    out.push(`${base}${last}ed`, `${base}${last}ing`);
  }
  return out;
}

/**
 * The inflected forms of a word, lower case, the word itself included: every regular inflection of
 * any of its lemmas that the lemmatiser takes back to one of them ("training" → trained, training,
 * trainings). `nounOnly` for the names of people: "engineer" → engineers, not "engineering".
 */
export function inflectionsOf(word: string, nounOnly = false): string[] {
  return entryOf(word.toLowerCase(), nounOnly).forms;
}

/** The matching keys of a word's forms other than the word's own ("analys" of "analyses" beside "analysi"). */
export function otherFormKeys(word: string, nounOnly: boolean): string[] {
  const w = word.toLowerCase();
  const e = entryOf(w, nounOnly);
  if (!e.keys) {
    const own = latinKey(w);
    e.keys = [...new Set(e.forms.map(latinKey))].filter((k) => k !== own);
  }
  return e.keys;
}

interface Known {
  forms: string[];
  keys?: string[];
}
const known = new Map<string, Known>();

function entryOf(w: string, nounOnly: boolean): Known {
  const id = `${nounOnly ? 'n' : 'a'}:${w}`;
  let e = known.get(id);
  if (!e) known.set(id, (e = { forms: /^[a-z][a-z'-]*$/.test(w) ? formsOf(w, nounOnly) : [w] }));
  return e;
}

/**
 * Forms (and their keys) worked out before — the build's, for the default taxonomy's words: a
 * taxonomy of one's own that uses the same words is compiled without the lemmatiser or the stemmer.
 */
export function rememberInflections(word: string, nounOnly: boolean, forms: string[], keys?: string[]): void {
  known.set(`${nounOnly ? 'n' : 'a'}:${word.toLowerCase()}`, keys ? { forms, keys } : { forms });
}

function formsOf(w: string, nounOnly: boolean): string[] {
  const lemmas = lemmasOf(w, nounOnly);
  // a word in -ing names an activity ("programming", "coding", "training"): its verb's participles name
  // the same ("programmed", "trained"), the verb's bare forms may name a thing ("programs", "code")
  const activity = w.endsWith('ing');
  const forms = new Set<string>([w]);
  for (const base of lemmas) {
    for (const c of candidates(base)) {
      if (forms.has(c)) continue;
      if (activity && base !== w && !/(ed|ing)$/.test(c)) continue;
      if (nounOnly && /(ed|ing)$/.test(c) && !lemmas.has(c)) continue;
      for (const l of lemmasOf(c, nounOnly)) {
        if (lemmas.has(l)) {
          forms.add(c);
          break;
        }
      }
    }
  }
  // where the lemmatiser's vocabulary lacks the word, regular inflection stands: new words (chatbot,
  // dataset, blockchain) and acronyms (API, KPI) take a regular plural; a word it knows as no verb
  // ("prototype", "benchmark", "wireframe") takes a regular past and -ing
  const regular = candidates(w).filter((c) => c !== w && !c.endsWith("'s"));
  if (forms.size === 1) for (const c of regular) if (!/(ed|ing)$/.test(c)) forms.add(c);
  if (!activity && !nounOnly && ![...forms].some((f) => /(ed|ing)$/.test(f))) for (const c of regular) if (/(ed|ing)$/.test(c)) forms.add(c);
  return [...forms].sort();
}
