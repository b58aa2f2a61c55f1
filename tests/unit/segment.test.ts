import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/normalise/normalise.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, createAnalyzer, segmentPosting } from '../../src/analyze.js';
import { inflectionsOf, rememberInflections } from '../../src/segment/inflections.js';
import { latinKey, packTokens, segment, unpackTokens } from '../../src/segment/segment.js';
import { fixture } from '../helpers/cli.js';
import { defaultAnalyzer } from '../helpers/reading.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

const fixtureDir = fixture('postings');

const seg = (text: string, userWords: string[] = []) => {
  const n = normalise(text);
  return { n, tokens: segment(n, { userWords }) };
};

describe('segment', () => {
  it('reads a joined camel-case word no alias names whole as its parts, with their own offsets', () => {
    const n = normalise('精通PromptEngineering, LLMOps and ChatGPT; LLMs and APIs stay whole, and so do NoSQL and CodeBuddy');
    const words = new Set(['prompt', 'engin', 'llm', 'op', 'chatgpt', 'api', 'sql', 'code']);
    const only = { hanReach: () => false, latinKey: (k: string) => words.has(k) };
    const tokens = segment(n, { userWords: [], only, aliasWord: only.latinKey });
    for (const t of tokens) expect(n.text.slice(t.start, t.end)).toBe(t.text);
    // the parts cross between threads as they are
    expect(unpackTokens(packTokens(tokens), n.text)).toEqual(tokens);
    const texts = tokens.map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['Prompt', 'Engineering', 'LLM', 'Ops', 'LLMs', 'APIs']));
    // an alias that names the joined word keeps it whole
    expect(texts).toContain('ChatGPT');
    expect(texts).not.toContain('Chat');
    // a joined name with a part that is no alias word stays whole: NoSQL is no SQL
    expect(texts).not.toContain('SQL');
    expect(texts).not.toContain('Code');
    // the same parts whether or not segmentation leaves out what cannot match
    const all = segment(n, { userWords: [], aliasWord: only.latinKey }).map((t) => t.text);
    expect(all).toEqual(expect.arrayContaining(['Prompt', 'Engineering', 'LLM', 'Ops']));
    // without alias words to ask, a joined word stays whole
    expect(segment(n, { userWords: [] }).map((t) => t.text)).toContain('PromptEngineering');
  });

  it('keeps Latin words whole inside Chinese text', () => {
    const { tokens } = seg('熟悉Prompt工程和RAG架构');
    const texts = tokens.map((t) => t.text);
    expect(texts).toContain('Prompt');
    expect(texts).toContain('RAG');
    expect(texts).not.toContain('P');
  });

  it('keeps taxonomy aliases one token once they are user words', () => {
    const { tokens } = seg('负责提示词工程与大模型评测', ['提示词工程', '大模型']);
    const texts = tokens.map((t) => t.text);
    expect(texts).toContain('提示词工程');
    expect(texts).toContain('大模型');
  });

  it('gives every token its line and offsets into the normalised text', () => {
    const { n, tokens } = seg('第一行 AI\n第二行 fine-tuned models');
    for (const t of tokens) expect(n.text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.find((t) => t.text === 'AI')?.line).toBe(1);
    expect(tokens.find((t) => t.text === 'models')?.line).toBe(2);
  });

  it('lower-cases and Porter-stems Latin words', () => {
    expect(latinKey('Fine')).toBe('fine');
    expect(latinKey('tuned')).toBe(latinKey('tuning'));
    expect(latinKey('Models')).toBe('model');
  });

  it('tells inflections from words that only share a Porter stem, by a lemmatiser', () => {
    const forms = (w: string, nounOnly = false) => inflectionsOf(w, nounOnly);
    expect(forms('tuning')).toEqual(expect.arrayContaining(['tuned', 'tuning']));
    expect(forms('agent')).toEqual(expect.arrayContaining(['agent', 'agents']));
    // what the old list of endings missed: a dropped e, a doubled consonant, -ies
    expect(forms('prioritize')).toEqual(expect.arrayContaining(['prioritizing', 'prioritized', 'prioritizes']));
    expect(forms('label')).toEqual(expect.arrayContaining(['labelled', 'labeled', 'labelling']));
    expect(forms('evaluate')).toContain('evaluating');
    expect(forms('strategy')).toContain('strategies');
    expect(forms('analysis')).toContain('analyses');
    // words that share a stem and not a lemma stay apart
    expect(forms('product')).not.toContain('productivity');
    expect(forms('generative')).not.toContain('generous');
    expect(forms('education')).not.toContain('educate');
    // an activity in -ing is no thing: "programs" is no programming
    expect(forms('programming')).not.toContain('programs');
    expect(forms('programming')).toContain('programmed');
    // words the lemmatiser does not know take regular forms: new nouns, acronyms, new verbs
    expect(forms('chatbot')).toContain('chatbots');
    expect(forms('API')).toContain('apis');
    expect(forms('prototype')).toContain('prototyping');
    // names of people take a noun's forms only: "engineering" is no engineer
    expect(forms('engineer', true)).toEqual(['engineer', 'engineers']);
  });

  it('takes forms worked out before as they are (a taxonomy of one\'s own reuses the build\'s)', () => {
    rememberInflections('Frobnicate', false, ['frobnicate', 'frobnicated']);
    expect(inflectionsOf('frobnicate')).toEqual(['frobnicate', 'frobnicated']);
    // a name of people is remembered apart
    expect(inflectionsOf('frobnicate', true)).not.toEqual(['frobnicate', 'frobnicated']);
  });

  it('matches an alias in the forms of its words, and only there', () => {
    const tax = loadTaxonomy();
    const analyzer = createAnalyzer(tax);
    const skills = (text: string) => analyze({ source: 't', text }, analyzer).report.skills.map((s) => s.id);
    expect(skills('Product Manager\nResponsibilities\n- Prioritizing the roadmap with engineers')).toContain('product-planning');
    expect(skills('Product Manager\nResponsibilities\n- Prioritizing the roadmap with engineers')).not.toContain('python-coding');
  });
});

describe('tokens segmented in one thread and analysed in another', () => {
  const postings = readdirSync(fixtureDir).map((f) => ({ source: f, text: readFileSync(join(fixtureDir, f), 'utf8') }));

  it('unpack to the tokens segment made, offsets, keys and lines alike', () => {
    const analyzer = defaultAnalyzer();
    for (const p of postings) {
      const n = normalise(p.text);
      const options = { userWords: analyzer.compiled.hanWords, priorityWords: analyzer.compiled.priorityWords, only: analyzer.compiled.only, aliasWord: analyzer.compiled.only.latinKey };
      const tokens = segment(n, options);
      expect(tokens.some((t) => t.script === 'han') || tokens.some((t) => t.script === 'latin')).toBe(true);
      expect(unpackTokens(packTokens(tokens), n.text)).toEqual(tokens);
    }
  });

  it('give the report that segmenting in place gives', () => {
    const analyzer = defaultAnalyzer();
    // copied as a message between threads copies it
    for (const p of postings) expect(analyze(p, analyzer, structuredClone(segmentPosting(p.text, analyzer)))).toEqual(analyze(p, analyzer));
    // the tokens given are the ones read: none, and no skill is found
    const first = postings[0]!;
    expect(analyze(first, analyzer).report.skills.length).toBeGreaterThan(0);
    expect(analyze(first, analyzer, { norm: normalise(first.text), tokens: packTokens([]) }).report.skills).toEqual([]);
  });
});
