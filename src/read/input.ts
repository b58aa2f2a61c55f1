import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { JdlensError } from '../errors.js';
import type { SourceText } from '../model.js';
import { decodePosting, MAX_POSTING_BYTES } from './decode.js';

/** Reads one posting file. A directory, a missing file or an unreadable one is a clear error. */
export function readPostingFile(path: string): SourceText {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new JdlensError('is-directory', `${path}: is a directory, expected a file`);
    size = st.size;
  } catch (err) {
    if (err instanceof JdlensError) throw err;
    throw fsError(path, err);
  }
  if (size > MAX_POSTING_BYTES) {
    throw new JdlensError('too-large', `${path}: ${size} bytes is over the ${MAX_POSTING_BYTES}-byte limit for a posting`);
  }
  let bytes: Buffer;
  try {
    bytes = readInto(path, size);
  } catch (err) {
    throw fsError(path, err);
  }
  return { source: path, text: decodePosting(bytes, path) };
}

// One buffer for every posting a run reads: a folder of thousands does not leave thousands of
// freed buffers behind in the native heap.
let scratch: Buffer | undefined;

function readInto(path: string, size: number): Buffer {
  if (!scratch || scratch.length < size + 1) scratch = Buffer.allocUnsafe(Math.max(size + 1, 64 * 1024));
  const fd = openSync(path, 'r');
  try {
    let n = 0;
    for (let got = 1; got > 0 && n < scratch.length; n += got) got = readSync(fd, scratch, n, scratch.length - n, null);
    // a file that grew since stat is read up to the limit and judged on that
    return scratch.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Reads one posting from a stream (stdin), stopping past the size limit. */
export async function readPostingStream(stream: NodeJS.ReadableStream, source = '<stdin>'): Promise<SourceText> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > MAX_POSTING_BYTES) {
      throw new JdlensError('too-large', `${source}: over the ${MAX_POSTING_BYTES}-byte limit for a posting`);
    }
    chunks.push(buf);
  }
  return { source, text: decodePosting(Buffer.concat(chunks), source) };
}

function fsError(path: string, err: unknown): JdlensError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new JdlensError('not-found', `${path}: no such file`);
  if (code === 'EACCES' || code === 'EPERM') return new JdlensError('unreadable', `${path}: permission denied`);
  if (code === 'ELOOP') return new JdlensError('unreadable', `${path}: too many levels of symbolic links`);
  return new JdlensError('unreadable', `${path}: cannot read (${code ?? (err as Error).message})`);
}
