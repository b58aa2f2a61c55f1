// Reading a text as a posting is read: the lexicon's terms are found by the matcher, with the
// taxonomy's aliases, and the sections follow from them.
import { createAnalyzer, readText, type Analyzer } from '../../src/analyze.js';
import type { Line, TermHit } from '../../src/model.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

let shared: Analyzer | undefined;

/** The default taxonomy compiled from its YAML (with the default lexicon's terms), once per test file. */
export const defaultAnalyzer = (): Analyzer => (shared ??= createAnalyzer(loadTaxonomy()));

/** The sections of a text, read as a posting's. */
export const sectionsOf = (text: string, analyzer: Analyzer = defaultAnalyzer()) => readText(text, analyzer).sections;

/** The lexicon's terms in a one-line text. */
export const termsOfLine = (text: string, analyzer: Analyzer = defaultAnalyzer()): TermHit[] => readText(text, analyzer).sections.lines[0]?.terms ?? [];

/** A line of a posting, read: its terms found, its section as given. */
export const lineOf = (number: number, text: string, section: Line['section'] = 'required'): Line => ({ number, text, strength: section, section, isHeading: false, background: false, roleHeading: false, terms: termsOfLine(text) });
