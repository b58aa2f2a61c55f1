import { describe, expect, it } from 'vitest';
import { readLanguage } from '../../src/normalise/language.js';
import { normalise } from '../../src/normalise/normalise.js';
import { corpusPostings } from '../helpers/corpus.js';

describe('postings in a language jdlens does not read, over every real posting', () => {
  it('are few, each named, and none is a Chinese one or English prose', () => {
    // every real posting: the labelled ones (dev, train) and the unlabelled bulk ones
    const all = corpusPostings(['dev', 'train']);
    const called = all.flatMap((p) => {
      const text = normalise(p.text).text;
      const { language, unread: u } = readLanguage(text);
      return u ? [{ ...p, language, u, words: text.match(/[A-Za-z]+/g) ?? [] }] : [];
    });
    expect(all.length).toBeGreaterThan(2400);
    // the corpus is Chinese and English postings, and (kept as found) a few written otherwise
    expect(called.length).toBeGreaterThan(0);
    expect(called.length / all.length).toBeLessThan(0.005);
    for (const c of called) {
      expect(c.u.code, c.source).not.toBe('und');
      expect(c.u.label.en, c.source).not.toBe(c.u.code);
      // never a posting read as Chinese or mixed Chinese (no other script is in the corpus)
      expect(c.language, c.source).toBe('en');
      // English prose is a quarter its function words or more; one called otherwise has few
      const the = c.words.filter((w) => /^(the|and|of|to|with|you|we|our|for|is|are|will|your|in|on)$/i.test(w)).length;
      expect(the / c.words.length, c.source).toBeLessThan(0.1);
    }
  });
});
