import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, type Analyzer } from '../analyze.js';
import { loadModel } from '../classify/fitted.js';
import { lexiconHash } from '../lexicon/lexicon.js';
import { JdlensError } from '../errors.js';
import { compiledFrom, indexLists, storedIndex, type FormTable, type PatternIndex } from '../match/compile.js';
import { rememberInflections } from '../segment/inflections.js';
import { DEFAULT_TAXONOMY, loadTaxonomy } from './load.js';
import type { Taxonomy } from './types.js';

/** Where the build puts precompiled taxonomies (dist/taxonomies/). */
export const COMPILED_DIR = fileURLToPath(new URL('../taxonomies/', import.meta.url));

interface CompiledFile {
  sha1: string;
  /** the lexicon files' hash: their terms are compiled in too */
  lexicon: string;
  taxonomy: Taxonomy;
  /** the patterns by where matching looks them up: where each list stands in `lists` */
  index: PatternIndex;
  table: FormTable;
  hanWords: string[];
  priorityWords: string[];
  /** (read back, not written) the file's pattern lists, after the document's line */
  lists?: Buffer;
}

export function compiledPathFor(file: string): string {
  return join(COMPILED_DIR, `${basename(file).replace(/\.ya?ml$/i, '')}.compiled.jsonl`);
}

const sha1 = (b: Buffer | string) => createHash('sha1').update(b).digest('hex');

/**
 * The analyzer of a taxonomy, as the build writes it and a run reads it back: a JSON document on the
 * first line, then the pattern lists, one per line, which a run parses only when it looks one up.
 */
export function serialiseAnalyzer(a: Analyzer, yamlText: Buffer | string): string {
  const { index, lists } = storedIndex(a.compiled.index);
  const doc: CompiledFile = { sha1: sha1(yamlText), lexicon: lexiconHash(), taxonomy: a.taxonomy, index, table: a.compiled.table, hanWords: a.compiled.hanWords, priorityWords: a.compiled.priorityWords };
  return `${JSON.stringify(doc)}\n${lists}`;
}

/**
 * The analyzer for a taxonomy file. The default taxonomy is precompiled at build time (validated,
 * aliases and the lexicon's terms segmented and stemmed): when the YAML and the lexicon still have
 * the content it was built from, the run
 * reads that JSON and skips YAML parsing, validation and alias compilation. Any other file, or an
 * edited one, is read and checked as usual.
 */
export function loadAnalyzer(file: string = DEFAULT_TAXONOMY, opts: AnalyzerOptions = {}): Analyzer {
  // read and hashed once: for the compiled cache and for the model's stamp
  let hash: string | undefined;
  try {
    hash = sha1(readFileSync(file));
  } catch {
    // loadTaxonomy says why
  }
  const analyzer = analyzerFor(file, hash);
  const modelFile = opts.model === false ? undefined : (opts.model ?? modelPathFor(file));
  if (modelFile === undefined || (opts.model === undefined && !existsSync(modelFile))) return analyzer;
  if (hash === undefined) throw new JdlensError('taxonomy', `${file}: cannot be read`);
  return { ...analyzer, model: loadModel(modelFile, { id: analyzer.taxonomy.id, sha1: hash, lexicon: lexiconHash() }) };
}

export interface AnalyzerOptions {
  /** a fitted model file; false: none (the taxonomy's own weights); by default the one beside the taxonomy, if any */
  model?: string | false;
}

/** Where a taxonomy's fitted model lives: beside it, `<name>.model.json`. */
export function modelPathFor(taxonomyFile: string): string {
  return join(dirname(resolve(taxonomyFile)), `${basename(taxonomyFile).replace(/\.ya?ml$/i, '')}.model.json`);
}

/** The SHA-1 of a taxonomy file as it is now: what a fitted model is stamped with. */
export function taxonomyHash(file: string): string {
  return sha1(readFileSync(file));
}

function analyzerFor(file: string, hash: string | undefined): Analyzer {
  const built = readBuilt();
  if (built && hash !== undefined && resolve(file) === resolve(DEFAULT_TAXONOMY) && built.sha1 === hash && built.lexicon === lexiconHash()) {
    return { taxonomy: { ...built.taxonomy, file }, compiled: compiledFrom(built.index, built.hanWords, built.priorityWords ?? [], built.table, built.lists) };
  }
  const taxonomy = loadTaxonomy(file);
  // another taxonomy (or the default one edited since the build): the English word forms the build
  // worked out are remembered, so that the words it shares need no lemmatiser (about 0.4 s to load)
  if (built) rememberForms(built);
  return createAnalyzer(taxonomy);
}

/** The default taxonomy as the build compiled it, if it is there and readable. */
function readBuilt(): CompiledFile | undefined {
  try {
    // the document's line is parsed; the lists after it stay bytes until matching looks one up
    const file = readFileSync(compiledPathFor(DEFAULT_TAXONOMY));
    const nl = file.indexOf(10);
    const doc = JSON.parse(file.toString('utf8', 0, nl < 0 ? file.length : nl)) as CompiledFile;
    doc.lists = file.subarray(nl + 1);
    return doc.table?.formKeys && doc.index?.latin && nl >= 0 ? doc : undefined;
  } catch {
    // a missing or broken build is no reason to fail: the YAML is read
    return undefined;
  }
}

function rememberForms(doc: CompiledFile): void {
  for (const list of indexLists(doc.index, doc.lists)) {
    for (const p of list) {
      for (const u of p.units) {
        if (u.f !== undefined) rememberInflections(u.word, p.kind === 'role', doc.table.forms[u.f]!.trim().split(' '), doc.table.formKeys[u.f]);
      }
    }
  }
}
