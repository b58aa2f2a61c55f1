import type { PostingLanguage } from '../model.js';

/** Han characters and Latin letters of a text, counted in one pass. */
function counts(text: string): { han: number; latin: number } {
  let han = 0;
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
  }
  return { han, latin: letters / 4 };
}

/**
 * zh, en or mixed, from the share of Han characters against Latin words
 * (a Chinese character carries about as much as an English word of ~4 letters).
 */
export function detectLanguage(text: string): PostingLanguage {
  const { han, latin } = counts(text);
  if (han + latin === 0) return 'en';
  const share = han / (han + latin);
  if (share >= 0.75) return 'zh';
  if (share <= 0.1) return 'en';
  return 'mixed';
}
