import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type Convert = (s: string) => string;
let convert: Convert | undefined;

// Characters that occur only in Traditional Chinese and often in postings: a cheap test that
// spares Simplified text (nearly every posting) the converter.
const TRADITIONAL_HINT = '們個經驗產與為資務開發術負責職應計劃數據練標設說認識環團隊協調營運處關歷時間問題學習體會議員專業級見點導線機構網頁態參強對齊績規範組織語進階際鍵實現樣測試';
const hint = new Uint8Array(0x10000);
for (let k = 0; k < TRADITIONAL_HINT.length; k++) hint[TRADITIONAL_HINT.charCodeAt(k)] = 1;

function hasHint(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (hint[text.charCodeAt(k)] === 1) return true;
  return false;
}

/**
 * Traditional Chinese turned Simplified for matching, one character for one character (opencc's
 * Taiwan/Hong Kong → mainland tables), so offsets still point into the original, which stays the
 * evidence. Undefined when there is nothing to convert.
 */
export function simplifiedTwin(text: string): string | undefined {
  if (!hasHint(text)) return undefined;
  if (!convert) {
    const opencc = require('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): Convert };
    convert = opencc.Converter({ from: 'tw', to: 'cn' });
  }
  const whole = convert(text);
  if (whole === text) return undefined;
  if (whole.length === text.length) return whole;
  // a phrase rule changed the length: fall back to character by character
  let out = '';
  for (const ch of text) {
    const c = convert(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}
