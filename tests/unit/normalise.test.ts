import { describe, expect, it } from 'vitest';
import { lineOf, normalise, toOriginal } from '../../src/normalise/normalise.js';
import { detectLanguage } from '../../src/normalise/language.js';

describe('normalise', () => {
  it('turns full-width letters, digits and punctuation half-width (NFKC)', () => {
    const n = normalise('ＡＩ产品经理：３年以上，Ｐｒｏｍｐｔ');
    expect(n.text).toBe('AI产品经理:3年以上,Prompt');
  });

  it('keeps a map back to the original offsets', () => {
    const original = 'ＡＩ　　产品\r\n熟悉Ｐｒｏｍｐｔ';
    const n = normalise(original);
    const at = n.text.indexOf('Prompt');
    const o = toOriginal(n, at, at + 'Prompt'.length);
    expect(original.slice(o.start, o.end)).toBe('Ｐｒｏｍｐｔ');
    const ai = toOriginal(n, 0, 2);
    expect(original.slice(ai.start, ai.end)).toBe('ＡＩ');
  });

  it('turns CRLF and CR into LF and keeps line structure', () => {
    const n = normalise('a\r\nb\rc\nd');
    expect(n.text).toBe('a\nb\nc\nd');
    expect(n.lineStarts).toEqual([0, 2, 4, 6]);
    expect(lineOf(n, n.text.indexOf('c'))).toBe(3);
  });

  it('collapses runs of spaces, tabs and ideographic spaces into one space', () => {
    expect(normalise('a \t\u3000 b\u00a0\u00a0c').text).toBe('a b c');
  });

  it('drops zero-width characters and a BOM', () => {
    const original = '\ufeffPro\u200bmpt';
    const n = normalise(original);
    expect(n.text).toBe('Prompt');
    const o = toOriginal(n, 0, n.text.length);
    expect(original.slice(o.start, o.end)).toBe('Pro\u200bmpt');
  });

  it('leaves lone surrogates as they are instead of throwing', () => {
    expect(() => normalise('a\ud800b')).not.toThrow();
  });
});

describe('detectLanguage', () => {
  it('tells Chinese, English and mixed text apart', () => {
    expect(detectLanguage('负责大模型产品的规划与设计，推动 Prompt 与 RAG 能力落地')).toBe('zh');
    expect(detectLanguage('Own the roadmap for our LLM evaluation platform')).toBe('en');
    expect(detectLanguage('Own the roadmap for our evaluation platform. 负责评测平台规划')).toBe('mixed');
  });
});
