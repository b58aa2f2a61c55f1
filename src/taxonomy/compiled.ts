import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, type Analyzer } from '../analyze.js';
import { loadModel } from '../classify/fitted.js';
import { lexiconHash } from '../lexicon/lexicon.js';
import { JdlensError } from '../errors.js';
import { indexPatterns, type FormTable, type Pattern } from '../match/compile.js';
import { rememberInflections } from '../segment/inflections.js';
import { DEFAULT_TAXONOMY, loadTaxonomy } from './load.js';
import type { Taxonomy } from './types.js';

/** Where the build puts precompiled taxonomies (dist/taxonomies/). */
export const COMPILED_DIR = fileURLToPath(new URL('../taxonomies/', import.meta.url));

interface CompiledFile {
  sha1: string;
  taxonomy: Taxonomy;
  patterns: [string, Pattern[]][];
  table: FormTable;
  hanWords: string[];
  priorityWords: string[];
}

export function compiledPathFor(file: string): string {
  return join(COMPILED_DIR, `${basename(file).replace(/\.ya?ml$/i, '')}.compiled.json`);
}

const sha1 = (b: Buffer | string) => createHash('sha1').update(b).digest('hex');

/** The analyzer of a taxonomy, as a JSON document the build writes and a run reads back. */
export function serialiseAnalyzer(a: Analyzer, yamlText: Buffer | string): string {
  const doc: CompiledFile = { sha1: sha1(yamlText), taxonomy: a.taxonomy, patterns: [...a.compiled.own], table: a.compiled.table, hanWords: a.compiled.hanWords, priorityWords: a.compiled.priorityWords };
  return JSON.stringify(doc);
}

/**
 * The analyzer for a taxonomy file. The default taxonomy is precompiled at build time (validated,
 * aliases segmented and stemmed): when the YAML still has the content it was built from, the run
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
  const cached = compiledPathFor(file);
  if (hash !== undefined && resolve(file) === resolve(DEFAULT_TAXONOMY) && existsSync(cached)) {
    try {
      const doc = JSON.parse(readFileSync(cached, 'utf8')) as CompiledFile;
      if (doc.sha1 === hash && doc.table?.formKeys) {
        return { taxonomy: { ...doc.taxonomy, file }, compiled: indexPatterns(new Map(doc.patterns), doc.hanWords, doc.priorityWords ?? [], doc.table) };
      }
    } catch {
      // a broken cache is no reason to fail: read the YAML
    }
  }
  const taxonomy = loadTaxonomy(file);
  rememberDefaultForms();
  return createAnalyzer(taxonomy);
}

/**
 * The English word forms the build worked out for the default taxonomy, remembered before another
 * taxonomy is compiled: the words they share need no lemmatiser (which takes about 0.4 s to load).
 */
function rememberDefaultForms(): void {
  try {
    const doc = JSON.parse(readFileSync(compiledPathFor(DEFAULT_TAXONOMY), 'utf8')) as CompiledFile;
    if (!doc.table?.formKeys) return;
    for (const [, list] of doc.patterns) {
      for (const p of list) {
        for (const u of p.units) {
          if (u.script === 'latin' && u.f !== undefined && u.f >= 0) rememberInflections(u.word, p.kind === 'role', doc.table.forms[u.f]!.trim().split(' '), doc.table.formKeys[u.f]);
        }
      }
    }
  } catch {
    // without the build's forms the lemmatiser works them out
  }
}
