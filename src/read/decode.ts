import { createRequire } from 'node:module';
import { JdlensError } from '../errors.js';

const require = createRequire(import.meta.url);
/** Below this chardet confidence an encoding is a guess, and a guess is not good enough. */
export const MIN_CONFIDENCE = 50;
/** What jdlens reads besides UTF-8/UTF-16: Chinese legacy encodings, by chardet's names. */
const LEGACY: Record<string, string> = { GB18030: 'gb18030', GBK: 'gb18030', GB2312: 'gb18030', Big5: 'big5' };

/** A posting is kilobytes; above this a file is refused rather than read into memory. */
export const MAX_POSTING_BYTES = 5 * 1024 * 1024;

/**
 * Turns the bytes of one posting into text, or refuses them with a reason. UTF-8 (with or without
 * BOM) and UTF-16 with a BOM are read as such; other bytes go to chardet, and GB18030/GBK or Big5
 * detected with confidence are decoded by iconv-lite. Binary files and PDFs are named as such.
 */
export function decodePosting(bytes: Uint8Array, source: string): string {
  if (bytes.length > MAX_POSTING_BYTES) {
    throw new JdlensError('too-large', `${source}: ${bytes.length} bytes is over the ${MAX_POSTING_BYTES}-byte limit for a posting`);
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    throw new JdlensError('pdf', `${source}: is a PDF; jdlens reads text, Markdown and HTML (copy the posting's text into a .txt file)`);
  }
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (startsWith(bytes, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (bytes.includes(0)) throw new JdlensError('binary', `${source}: is a binary file, not text`);
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = decodeLegacy(bytes, source);
    }
  }
  if (text.trim() === '') throw new JdlensError('empty', `${source}: is empty`);
  return text;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function decodeLegacy(bytes: Uint8Array, source: string): string {
  const chardet = require('chardet') as { analyse(b: Uint8Array): { name: string; confidence: number }[] };
  const found = chardet.analyse(bytes).find((c) => LEGACY[c.name] && c.confidence >= MIN_CONFIDENCE);
  if (!found) {
    const best = chardet.analyse(bytes)[0];
    throw new JdlensError('decode', `${source}: is not UTF-8, and its encoding could not be told with confidence${best ? ` (best guess ${best.name}, ${best.confidence}%)` : ''}`);
  }
  const iconv = require('iconv-lite') as { decode(b: Buffer, enc: string): string };
  return iconv.decode(Buffer.from(bytes), LEGACY[found.name]!);
}
