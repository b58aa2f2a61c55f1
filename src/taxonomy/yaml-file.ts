import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Document } from 'yaml';
import { JdlensError, type ErrorCode } from '../errors.js';

// yaml is loaded when a YAML file is read: a run on the precompiled default taxonomy never needs it
const require = createRequire(import.meta.url);
const yamlLib = () => require('yaml') as typeof import('yaml');

/** Config files (taxonomy, profile) are small; refuse anything that could only be an accident or an attack. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
/** yaml's own guard against alias expansion ("billion laughs"), set explicitly. */
export const MAX_ALIAS_COUNT = 100;

export interface LoadedYaml {
  file: string;
  value: unknown;
  /** 1-based line of the node at a path, or of the nearest ancestor that has one */
  lineOf(path: (string | number)[]): number;
}

/** Reads and parses a YAML config file; syntax errors name the file, line and column. */
export function loadYamlFile(file: string, code: ErrorCode): LoadedYaml {
  let text: string;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new JdlensError(code, `${file}: is a directory, expected a YAML file`);
    if (st.size > MAX_CONFIG_BYTES) {
      throw new JdlensError(code, `${file}: ${st.size} bytes is over the ${MAX_CONFIG_BYTES}-byte limit for a YAML file`);
    }
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof JdlensError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new JdlensError(code, `${file}: no such file`);
    throw new JdlensError(code, `${file}: cannot read (${e.code ?? e.message})`);
  }
  return parseYamlText(text, file, code);
}

export function parseYamlText(text: string, file: string, code: ErrorCode): LoadedYaml {
  const { LineCounter, parseDocument, isNode } = yamlLib();
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const details = doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      const where = `${file}:${pos.line}:${pos.col}`;
      return `${where}: ${e.message.split('\n')[0]}`;
    });
    throw new JdlensError(code, `${file}: invalid YAML`, { details });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new JdlensError(code, `${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  return {
    file,
    value,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return 1;
    },
  };
}
