// What script a character is in, by table: the hot loops ask this of every character of a posting,
// and a Unicode property escape in a regular expression costs far more per character than a lookup.

const HAN = /^\p{Script=Han}$/u;
// 0 not yet seen, 1 Han, 2 not Han; filled on first sight of each code unit
const hanBmp = new Uint8Array(0x10000);
const hanAstral = new Map<number, boolean>();

/** Whether a code point is in the Han script (Unicode's Script=Han, as the regular expressions say). */
export function isHanCode(cp: number): boolean {
  if (cp < 0x10000) {
    let v = hanBmp[cp]!;
    if (v === 0) {
      // a lone surrogate is no character at all
      v = cp >= 0xd800 && cp <= 0xdfff ? 2 : HAN.test(String.fromCharCode(cp)) ? 1 : 2;
      hanBmp[cp] = v;
    }
    return v === 1;
  }
  let v = hanAstral.get(cp);
  if (v === undefined) {
    v = HAN.test(String.fromCodePoint(cp));
    hanAstral.set(cp, v);
  }
  return v;
}

/** Whether the character starting at `i` is Han (a surrogate pair counts as one character). */
export function isHanAt(s: string, i: number): boolean {
  return i < s.length && isHanCode(s.codePointAt(i)!);
}

const PICTOGRAPHIC = /[\p{Extended_Pictographic}\u{1F300}-\u{1FAFF}]/u;
const PICTOGRAPHS = new RegExp(PICTOGRAPHIC.source, 'gu');
const pictoBmp = new Uint8Array(0x10000);

/** The text without its emoji and other pictographs; a text that holds none is not searched. */
export function stripPictographs(s: string): string {
  return mayBePictographic(s) ? s.replace(PICTOGRAPHS, '') : s;
}

/** Whether a text may hold an emoji or other pictograph: false means it certainly holds none. */
export function mayBePictographic(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xa9) continue;
    // a surrogate pair may be anything: the regular expression decides
    if (c >= 0xd800 && c <= 0xdfff) return true;
    let v = pictoBmp[c]!;
    if (v === 0) {
      v = PICTOGRAPHIC.test(String.fromCharCode(c)) ? 1 : 2;
      pictoBmp[c] = v;
    }
    if (v === 1) return true;
  }
  return false;
}

/** Whether a text holds a Han character. */
export function hasHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // nothing below the CJK radicals is Han
    if (c >= 0x2e80 && isHanAt(s, i)) return true;
  }
  return false;
}
