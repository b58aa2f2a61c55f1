import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/jdlens.js', import.meta.url));
/** The shared corpus the corpus suite reads in place: $JDLENS_CORPUS, else ../shared/corpus beside the project. */
export const CORPUS = resolve(process.env.JDLENS_CORPUS ?? join(ROOT, '../shared/corpus'));
export const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the built CLI as a user would, without colour. */
export function jdlens(args: string[], opts: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): RunResult {
  const o: SpawnSyncOptions = {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...opts.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  };
  if (opts.input !== undefined) o.input = opts.input;
  else o.stdio = ['ignore', 'pipe', 'pipe'];
  const r = spawnSync(process.execPath, [BIN, ...args], o);
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
export const validateReport = ajv.compile(schema);

/** Parses a JSON report, fails with the schema's complaints if it does not validate. */
export function parseReport(stdout: string): any {
  const doc = JSON.parse(stdout);
  if (!validateReport(doc)) throw new Error(`report does not match the schema: ${ajv.errorsText(validateReport.errors)}`);
  return doc;
}
