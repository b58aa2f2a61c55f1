import { JdlensError } from '../errors.js';

/** A posting is kilobytes; above this a file is refused rather than read into memory. */
export const MAX_POSTING_BYTES = 5 * 1024 * 1024;

/**
 * Turns the bytes of one posting into text, or refuses them with a reason.
 * UTF-8 (with or without BOM) and UTF-16 with a BOM are read; binary files are named as such.
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
      throw new JdlensError('decode', `${source}: is not valid UTF-8 text`);
    }
  }
  if (text.trim() === '') throw new JdlensError('empty', `${source}: is empty`);
  return text;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
