import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, readText } from '../../src/analyze.js';
import { isBoilerplate } from '../../src/lexicon/lexicon.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';
import { corpusPostings } from '../helpers/corpus.js';

const analyzer = createAnalyzer(loadTaxonomy());

const postings = () => corpusPostings(['dev']);

const WORD = /[A-Za-z0-9]/;
// where a joined camel-case word made of alias words is cut: lower→upper, or an acronym before a capitalised word
const camelCut = (before: string, first: string, next: string) => (/[a-z]/.test(before) && /[A-Z]/.test(first)) || (/[A-Z]/.test(before) && /[A-Z]/.test(first) && /[a-z]/.test(next));

describe('every hit in every dev and bulk posting', () => {
  it('slices exactly its text, stays on one line and never starts or ends inside a longer word (but at a camel-case cut)', () => {
    const all = postings();
    expect(all.length).toBeGreaterThan(2000);
    const bad: string[] = [];
    let mentions = 0;
    for (const p of all) {
      if (p.text.trim() === '') continue;
      const { report } = analyze(p, analyzer);
      const spans = [...report.skills.flatMap((s) => s.mentions), ...report.category.evidence, ...report.requirements];
      for (const m of spans) {
        mentions++;
        const text = p.text.slice(m.start, m.end);
        if (text !== m.text) bad.push(`${p.source}: "${m.text}" != slice "${text}"`);
        if (/[\r\n]/.test(m.text)) bad.push(`${p.source}: "${m.text}" crosses a line`);
        const before = p.text[m.start - 1] ?? '';
        const after = p.text[m.end] ?? '';
        if (WORD.test(m.text[0] ?? '') && WORD.test(before) && !camelCut(before, m.text[0]!, m.text[1] ?? '')) bad.push(`${p.source}: "${before}|${m.text}" starts inside a word`);
        if (WORD.test(m.text[m.text.length - 1] ?? '') && WORD.test(after) && !camelCut(m.text[m.text.length - 1]!, after, p.text[m.end + 1] ?? '')) bad.push(`${p.source}: "${m.text}|${after}" ends inside a word`);
      }
    }
    expect(mentions).toBeGreaterThan(20000);
    expect(bad.slice(0, 20)).toEqual([]);
  }, 180_000);
});

describe('segmenting only what matching can use', () => {
  it('finds the same hits as segmenting everything, in every dev and bulk posting', () => {
    const all = postings();
    let hits = 0;
    let dropped = 0;
    const differ: string[] = [];
    for (const p of all) {
      const some = readText(p.text, analyzer);
      const every = readText(p.text, analyzer, true);
      hits += every.hits.length;
      dropped += every.tokens.length - some.tokens.length;
      if (JSON.stringify(some.hits) !== JSON.stringify(every.hits)) differ.push(p.source);
      // the lexicon's terms are matched with the aliases: none is lost either
      else if (JSON.stringify(some.sections.lines.map((l) => l.terms)) !== JSON.stringify(every.sections.lines.map((l) => l.terms))) differ.push(`${p.source} (terms)`);
    }
    expect(hits).toBeGreaterThan(20000);
    // the filter does leave tokens out, or this test would prove nothing
    expect(dropped).toBeGreaterThan(100000);
    expect(differ.slice(0, 10)).toEqual([]);
  }, 180_000);
});

describe('a Chinese alias covers whole words of the segmentation', () => {
  it('every Han hit in every dev and bulk posting starts and ends where a token of the whole segmentation does', () => {
    const all = postings();
    let han = 0;
    const bad: string[] = [];
    for (const p of all) {
      const { norm, tokens, hits } = readText(p.text, analyzer, true);
      const starts = new Set(tokens.map((t) => t.start));
      const ends = new Set(tokens.map((t) => t.end));
      const lineStart = norm.lineStarts;
      for (const h of hits) {
        const at = lineStart[h.mention.line - 1]!;
        const s = at + h.col;
        const e = at + h.colEnd;
        const text = norm.text.slice(s, e);
        if (!/^\p{Script=Han}/u.test(text) && !/\p{Script=Han}$/u.test(text)) continue;
        han++;
        if ((/^\p{Script=Han}/u.test(text) && !starts.has(s)) || (/\p{Script=Han}$/u.test(text) && !ends.has(e))) bad.push(`${p.source}: ${norm.text.slice(Math.max(0, s - 4), e + 4)} → ${text}`);
      }
    }
    expect(han).toBeGreaterThan(20000);
    expect(bad.slice(0, 10)).toEqual([]);
  }, 180_000);

  it("a lexicon term does too, but at the edge of a word the segmenter was told or where it is declared part of longer words", () => {
    const all = postings();
    const told = new Set(analyzer.compiled.hanWords.concat(analyzer.compiled.priorityWords));
    const parts = new Set(analyzer.compiled.index.parts.map((t) => t.key));
    let han = 0;
    let inside = 0;
    const bad: string[] = [];
    for (const p of all) {
      const { norm, tokens, sections } = readText(p.text, analyzer, true);
      const hanTokens = tokens.filter((t) => t.script === 'han');
      for (const line of sections.lines) {
        const at = norm.lineStarts[line.number - 1]!;
        for (const t of line.terms) {
          const text = line.text.slice(t.col, t.colEnd);
          if (!/^\p{Script=Han}+$/u.test(text)) continue;
          han++;
          const s = at + t.col;
          const e = at + t.colEnd;
          // the token that holds the term's start, and the one that holds its end
          const first = hanTokens.find((k) => k.start <= s && s < k.end);
          const last = hanTokens.find((k) => k.start < e && e <= k.end);
          if (first?.start === s && last?.end === e) continue;
          inside++;
          const word = first === last ? first : undefined;
          if (word && (parts.has(text) || (told.has(word.text) && (word.start === s || word.end === e)))) continue;
          bad.push(`${p.source}: ${norm.text.slice(Math.max(0, s - 4), e + 4)} → ${text}`);
        }
      }
    }
    expect(han).toBeGreaterThan(20000);
    // terms do stand inside words, or this test would prove nothing
    expect(inside).toBeGreaterThan(100);
    expect(bad.slice(0, 10)).toEqual([]);
  }, 180_000);
});

describe('boilerplate lists no skill', () => {
  it('in every dev and bulk posting, no skill listed stands on a line (but the title) the lexicon calls boilerplate (pay, benefits, equal opportunity, the company, applying, where and when the work is done)', () => {
    const all = postings();
    let checked = 0;
    let boilerplateLines = 0;
    const bad: string[] = [];
    for (const p of all) {
      if (p.text.trim() === '') continue;
      const { report, titleLine, lines } = analyze(p, analyzer);
      boilerplateLines += lines.filter((l) => isBoilerplate(l.terms)).length;
      for (const s of report.skills) {
        for (const m of s.mentions) {
          // the title says what the role is, whatever words it holds ("Product Manager, Health Insurance")
          if (m.line === titleLine) continue;
          checked++;
          const line = lines[m.line - 1]!;
          if (isBoilerplate(line.terms)) bad.push(`${p.source}:${m.line}: ${s.id} from "${line.text.slice(0, 80)}"`);
        }
      }
    }
    // the property holds over many listed mentions and many boilerplate lines, or it proves nothing
    expect(checked).toBeGreaterThan(10000);
    expect(boilerplateLines).toBeGreaterThan(1000);
    expect(bad.slice(0, 10)).toEqual([]);
  }, 180_000);
});
