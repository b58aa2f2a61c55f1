// Labelled postings: a labels TSV (file, primary, also) and optionally a dimensions TSV
// (file, dimensions, evidence[, acceptable]) beside it, in the format of the shared corpus.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { JdlensError } from '../errors.js';
import { CATEGORY_IDS, type CategoryId } from '../taxonomy/types.js';

export interface Labelled {
  /** as written in the TSV, relative to its folder */
  file: string;
  /** absolute path of the posting */
  path: string;
  lang: 'zh' | 'en';
  primary: CategoryId;
  /** every other category a careful reader could defend */
  also: CategoryId[];
  /** dimensions the posting asks for (recall is over these), when the folder has a dimensions file */
  dims?: Set<string>;
  /** dimensions either annotator marked (precision is over these) */
  acceptable?: Set<string>;
}

function readTsv(file: string): { header: string[]; rows: { line: number; cells: string[] }[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new JdlensError('not-found', `${file}: no such file`);
  }
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim());
  const rows = lines
    .map((l, i) => ({ line: i + 1, cells: l.split('\t').map((c) => c.trim()) }))
    .slice(1)
    .filter((r) => r.cells.some((c) => c !== ''));
  return { header, rows };
}

function category(v: string, where: string): CategoryId {
  if ((CATEGORY_IDS as readonly string[]).includes(v)) return v as CategoryId;
  throw new JdlensError('usage', `${where}: unknown category "${v}" (one of ${CATEGORY_IDS.join(', ')})`);
}

const list = (v: string | undefined, sep: RegExp) => (v && v !== '-' ? v.split(sep).map((x) => x.trim()).filter(Boolean) : []);

/** The language a labelled posting is measured in: its folder (zh/, en/) where it has one, else its text. */
function languageOf(file: string, path: string): 'zh' | 'en' {
  if (/^en\//.test(file)) return 'en';
  if (/^zh\//.test(file)) return 'zh';
  const text = readFileSync(path, 'utf8');
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]+/g) ?? []).length;
  return han >= latin ? 'zh' : 'en';
}

/**
 * Reads one labels file, and the dimensions file beside it when there is one (or the one named).
 * Posting paths are relative to the labels file's folder.
 */
export function readLabels(labelsFile: string, dimensionsFile?: string | false): Labelled[] {
  const dir = dirname(resolve(labelsFile));
  const { header, rows } = readTsv(labelsFile);
  if (header[0] !== 'file' || header[1] !== 'primary') throw new JdlensError('usage', `${labelsFile}:1: the header must be "file<TAB>primary<TAB>also"`);
  const dimsPath = dimensionsFile === false ? undefined : (dimensionsFile ?? join(dir, 'dimensions.tsv'));
  const dims = new Map<string, { dims: Set<string>; acceptable: Set<string> }>();
  if (dimsPath && existsSync(dimsPath)) {
    const t = readTsv(dimsPath);
    const acc = t.header.indexOf('acceptable');
    for (const r of t.rows) {
      const d = new Set(list(r.cells[1], /,/));
      dims.set(r.cells[0]!, { dims: d, acceptable: acc >= 0 ? new Set([...d, ...list(r.cells[acc], /,/)]) : d });
    }
  }
  return rows.map(({ line, cells }) => {
    const where = `${labelsFile}:${line}`;
    const [file = '', primary = '', also] = cells;
    const path = join(dir, file);
    if (!existsSync(path)) throw new JdlensError('not-found', `${where}: ${file}: no such posting`);
    const p = category(primary, where);
    const l: Labelled = { file, path, lang: languageOf(file, path), primary: p, also: list(also, /[|,]/).map((a) => category(a, where)).filter((a) => a !== p) };
    const d = dims.get(file);
    if (d) {
      l.dims = d.dims;
      l.acceptable = d.acceptable;
    }
    return l;
  });
}

/** Where the shared corpus is: $JDLENS_CORPUS, else ../shared/corpus beside the project. */
export function corpusDir(root: string): string {
  return resolve(process.env.JDLENS_CORPUS ?? join(root, '../shared/corpus'));
}
