import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from './cli.js';

/** Real postings read in place: those of the labelled sets named (each language's folder), then every bulk JSONL line. */
export function corpusPostings(sets: ('dev' | 'train')[]): { source: string; text: string }[] {
  const out: { source: string; text: string }[] = [];
  for (const set of sets) {
    for (const lang of ['zh', 'en']) for (const f of readdirSync(join(CORPUS, set, lang))) out.push({ source: `${set}/${lang}/${f}`, text: readFileSync(join(CORPUS, set, lang, f), 'utf8') });
  }
  for (const f of readdirSync(join(CORPUS, 'bulk'))) {
    readFileSync(join(CORPUS, 'bulk', f), 'utf8')
      .split('\n')
      .filter(Boolean)
      .forEach((line, i) => out.push({ source: `bulk/${f}#${i + 1}`, text: (JSON.parse(line) as { text: string }).text }));
  }
  return out;
}
