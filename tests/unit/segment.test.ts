import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/normalise/normalise.js';
import { latinKey, sameWordForm, segment } from '../../src/segment/segment.js';

const seg = (text: string, userWords: string[] = []) => {
  const n = normalise(text);
  return { n, tokens: segment(n, { userWords }) };
};

describe('segment', () => {
  it('reads a joined camel-case word no alias names whole as its parts, with their own offsets', () => {
    const n = normalise('精通PromptEngineering, LLMOps and ChatGPT; LLMs and APIs stay whole, and so do NoSQL and CodeBuddy');
    const words = new Set(['prompt', 'engin', 'llm', 'op', 'chatgpt', 'api', 'sql', 'code']);
    const only = { hanReach: () => undefined, latinKey: (k: string) => words.has(k) };
    const tokens = segment(n, { userWords: [], only, aliasWord: only.latinKey });
    for (const t of tokens) expect(n.text.slice(t.start, t.end)).toBe(t.text);
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

  it('tells inflections from words that only share a Porter stem', () => {
    expect(sameWordForm('tuned', 'tuning', latinKey('tuning'))).toBe(true);
    expect(sameWordForm('agents', 'agent', latinKey('agent'))).toBe(true);
    expect(sameWordForm('productivity', 'product', latinKey('product'))).toBe(false);
    expect(sameWordForm('generous', 'generative', latinKey('generative'))).toBe(false);
    expect(sameWordForm('educate', 'education', latinKey('education'))).toBe(false);
  });
});
