import { analyze, createAnalyzer } from '../analyze.js';
import { JdlensError } from '../errors.js';
import type { Lang } from '../model.js';
import { readPostingFile, readPostingStream } from '../read/input.js';
import { buildReport, renderJson } from '../report/json.js';
import { renderText } from '../report/text.js';
import { DEFAULT_TAXONOMY, loadTaxonomy } from '../taxonomy/load.js';
import { makeColor } from './color.js';
import { toolInfo } from './version.js';

export interface AnalyzeOptions {
  json?: boolean;
  taxonomy?: string;
  lang?: string;
  color?: boolean;
}

export interface CommandIO {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

function parseLang(v: string | undefined): Lang | undefined {
  if (v === undefined) return undefined;
  if (v === 'zh' || v === 'en') return v;
  throw new JdlensError('usage', `--lang takes zh or en, not "${v}"`);
}

/** `jdlens analyze [file|-]`: one posting in, a report out. Returns the exit code. */
export async function runAnalyze(input: string | undefined, opts: AnalyzeOptions, io: CommandIO, usage: () => string): Promise<number> {
  const lang = parseLang(opts.lang);
  if (input === undefined && io.stdin.isTTY) {
    throw new JdlensError('usage', `no posting given: pass a file, or pipe one in\n${usage()}`);
  }
  const taxonomy = loadTaxonomy(opts.taxonomy ?? DEFAULT_TAXONOMY);
  const source = input === undefined || input === '-' ? await readPostingStream(io.stdin) : readPostingFile(input);
  const analysis = analyze(source, createAnalyzer(taxonomy));
  const report = buildReport(toolInfo(), taxonomy, [analysis.report], []);
  if (opts.json) io.stdout.write(renderJson(report));
  else io.stdout.write(renderText(report, { lang, color: makeColor(io.stdout, opts.color), taxonomy }));
  return 0;
}
