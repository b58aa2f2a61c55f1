import type { Lang, PostingLanguage } from '../model.js';

/**
 * zh, en or mixed, from the share of Han characters against Latin words
 * (a Chinese character carries about as much as an English word of ~4 letters).
 */
export function detectLanguage(text: string): PostingLanguage {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length / 4;
  if (han + latin === 0) return 'en';
  const share = han / (han + latin);
  if (share >= 0.75) return 'zh';
  if (share <= 0.1) return 'en';
  return 'mixed';
}

/** The language a person reading about this posting is addressed in. */
export function readerLanguage(text: string): Lang {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length / 4;
  return han >= latin ? 'zh' : 'en';
}
