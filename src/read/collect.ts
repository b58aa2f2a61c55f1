import { createReadStream, lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { JdlensError } from '../errors.js';
import type { SourceText } from '../model.js';
import { MAX_POSTING_BYTES } from './decode.js';
import { readPostingFile, readPostingStream } from './input.js';

/** One posting read, or the reason it could not be. */
export type Entry = { ok: true; posting: SourceText } | { ok: false; source: string; error: JdlensError };

export interface Skipped {
  path: string;
  reason: string;
}

export const POSTING_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.json', '.jsonl', ''];
/** Documents a user may well have meant as postings, that jdlens cannot read: an error each, not a silent skip. */
const UNREADABLE_DOCUMENTS: Record<string, string> = {
  '.pdf': 'is a PDF; jdlens reads text, Markdown, HTML and JSON (copy the posting\'s text into a .txt file)',
  '.doc': 'is a Word document; jdlens reads text, Markdown, HTML and JSON (save it as .txt)',
  '.docx': 'is a Word document; jdlens reads text, Markdown, HTML and JSON (save it as .txt)',
};

interface Walk {
  files: string[];
  skipped: Skipped[];
  errors: Entry[];
}

/**
 * The posting files under the given paths, in a stable order: each argument in turn, a folder's
 * files sorted by path. Hidden files and folders are skipped and said so; a symbolic link is
 * followed at most once, never out of the folder it was found in and never in a loop.
 */
export function listPostingFiles(paths: string[]): Walk {
  const walk: Walk = { files: [], skipped: [], errors: [] };
  for (const p of paths) {
    // "-" is standard input, read in its turn among the files
    if (p === '-') {
      walk.files.push(p);
      continue;
    }
    let st: Stats;
    try {
      st = statSync(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const msg = code === 'ELOOP' ? `${p}: symbolic link loop` : code === 'EACCES' ? `${p}: permission denied` : `${p}: no such file or folder`;
      walk.errors.push({ ok: false, source: p, error: new JdlensError(code === 'ELOOP' ? 'unreadable' : code === 'EACCES' ? 'unreadable' : 'not-found', msg) });
      continue;
    }
    if (!st.isDirectory()) {
      walk.files.push(p);
      continue;
    }
    const root = realpathSync(p);
    const found: string[] = [];
    visit(p, root, new Set([root]), found, walk);
    found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    walk.files.push(...found);
  }
  return walk;
}

function visit(dir: string, root: string, seen: Set<string>, found: string[], walk: Walk): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    walk.errors.push({ ok: false, source: dir, error: new JdlensError('unreadable', `${dir}: cannot read folder (${(err as NodeJS.ErrnoException).code})`) });
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (name.startsWith('.')) {
      walk.skipped.push({ path, reason: 'hidden' });
      continue;
    }
    let lst: Stats;
    try {
      lst = lstatSync(path);
    } catch {
      continue;
    }
    let st = lst;
    if (lst.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync(path);
        st = statSync(path);
      } catch (err) {
        const loop = (err as NodeJS.ErrnoException).code === 'ELOOP';
        walk.errors.push({ ok: false, source: path, error: new JdlensError('unreadable', loop ? `${path}: symbolic link loop` : `${path}: broken symbolic link`) });
        continue;
      }
      if (real !== root && !real.startsWith(root + sep)) {
        walk.errors.push({ ok: false, source: path, error: new JdlensError('unreadable', `${path}: symbolic link points outside ${relative(process.cwd(), root) || '.'}, not followed`) });
        continue;
      }
      if (st.isDirectory() && seen.has(real)) {
        walk.errors.push({ ok: false, source: path, error: new JdlensError('unreadable', `${path}: symbolic link loop, not followed`) });
        continue;
      }
    }
    if (!st.isDirectory() && !st.isFile()) {
      // a FIFO would block the read for good; sockets and devices are no postings either
      walk.skipped.push({ path, reason: st.isFIFO() ? 'a named pipe, not a regular file' : st.isSocket() ? 'a socket, not a regular file' : 'a device, not a regular file' });
      continue;
    }
    if (st.isDirectory()) {
      const real = realpathSync(path);
      if (seen.has(real)) continue;
      seen.add(real);
      visit(path, root, seen, found, walk);
    } else if (POSTING_EXTENSIONS.includes(extname(name).toLowerCase())) {
      found.push(path);
    } else if (UNREADABLE_DOCUMENTS[extname(name).toLowerCase()]) {
      walk.errors.push({ ok: false, source: path, error: new JdlensError(extname(name).toLowerCase() === '.pdf' ? 'pdf' : 'binary', `${path}: ${UNREADABLE_DOCUMENTS[extname(name).toLowerCase()]}`) });
    } else {
      walk.skipped.push({ path, reason: `not a posting file (${extname(name) || 'no extension'})` });
    }
  }
}

interface JsonPosting {
  text?: unknown;
  id?: unknown;
  title?: unknown;
}

function fromJson(value: unknown, source: string): SourceText {
  const o = value as JsonPosting | null;
  if (!o || typeof o !== 'object' || typeof o.text !== 'string') throw new JdlensError('decode', `${source}: no "text" field holding the posting`);
  // a separate title field leads the text, so the title is found as in any posting
  const title = typeof o.title === 'string' && o.title.trim() && !o.text.startsWith(o.title.trim()) ? `${o.title.trim()}\n` : '';
  const text = title + o.text;
  if (text.trim() === '') throw new JdlensError('empty', `${source}: is empty`);
  return { source, text };
}

/** Reads one posting file (not JSONL): text, Markdown, HTML or a JSON object with a text field. */
export async function readOne(path: string): Promise<SourceText> {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') {
    // htmlparser2 is loaded for HTML files only
    const { htmlToText } = await import('./html.js');
    const raw = readPostingFile(path);
    const text = htmlToText(raw.text);
    if (text === '') throw new JdlensError('empty', `${path}: holds no text`);
    return { source: path, text };
  }
  if (ext === '.json') {
    const raw = readPostingFile(path);
    let value: unknown;
    try {
      value = JSON.parse(raw.text);
    } catch (err) {
      throw new JdlensError('decode', `${path}: invalid JSON (${(err as Error).message.split('\n')[0]})`);
    }
    return fromJson(value, path);
  }
  return readPostingFile(path);
}

/** The postings of a JSONL file, one a line, as `file.jsonl#<id or line>`; a bad line is an error entry. */
export async function* readJsonl(path: string): AsyncGenerator<Entry> {
  let st: Stats;
  try {
    st = statSync(path);
  } catch {
    yield { ok: false, source: path, error: new JdlensError('not-found', `${path}: no such file`) };
    return;
  }
  if (st.isDirectory()) {
    yield { ok: false, source: path, error: new JdlensError('is-directory', `${path}: is a directory`) };
    return;
  }
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  let any = false;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    any = true;
    let source = `${path}#${n}`;
    try {
      if (Buffer.byteLength(line) > MAX_POSTING_BYTES) throw new JdlensError('too-large', `${source}: over the ${MAX_POSTING_BYTES}-byte limit for a posting`);
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        throw new JdlensError('decode', `${source}: invalid JSON (${(err as Error).message.split('\n')[0]})`);
      }
      const id = (value as JsonPosting | null)?.id;
      if (typeof id === 'string' || typeof id === 'number') source = `${path}#${id}`;
      yield { ok: true, posting: fromJson(value, source) };
    } catch (err) {
      if (err instanceof JdlensError) yield { ok: false, source, error: err };
      else throw err;
    }
  }
  if (!any) yield { ok: false, source: path, error: new JdlensError('empty', `${path}: is empty`) };
}

/** Every posting under the paths, in order, as entries: one bad file never stops the others; "-" is stdin. */
export async function* readPostings(files: string[], stdin: NodeJS.ReadableStream = process.stdin): AsyncGenerator<Entry> {
  for (const f of files) {
    if (f === '-') {
      try {
        yield { ok: true, posting: await readPostingStream(stdin) };
      } catch (err) {
        if (err instanceof JdlensError) yield { ok: false, source: '<stdin>', error: err };
        else throw err;
      }
      continue;
    }
    if (extname(f).toLowerCase() === '.jsonl') {
      yield* readJsonl(f);
      continue;
    }
    try {
      yield { ok: true, posting: await readOne(f) };
    } catch (err) {
      if (err instanceof JdlensError) yield { ok: false, source: f, error: err };
      else throw err;
    }
  }
}

