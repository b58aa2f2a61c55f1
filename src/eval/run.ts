import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analyzer } from '../analyze.js';
import { JdlensError } from '../errors.js';
import { readPostingFile } from '../read/input.js';
import { CATEGORY_IDS, type CategoryId } from '../taxonomy/types.js';
import type { LabelledResult } from './metrics.js';

function readTsv(file: string): string[][] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new JdlensError('not-found', `${file}: no such file`);
  }
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));
}

function category(v: string | undefined, file: string): CategoryId {
  if (v && (CATEGORY_IDS as readonly string[]).includes(v)) return v as CategoryId;
  throw new JdlensError('usage', `${file}: unknown category "${v}"`);
}

/** Runs the analyzer over every labelled posting of a folder and pairs its answers with the labels. */
export function evaluateFolder(dir: string, labelsFile: string, dimensionsFile: string | undefined, analyzer: Analyzer): LabelledResult[] {
  const dims = new Map<string, Set<string>>();
  if (dimensionsFile) {
    for (const [file, d] of readTsv(dimensionsFile)) {
      if (file) dims.set(file, new Set(d && d !== '-' ? d.split(',').map((x) => x.trim()) : []));
    }
  }
  return readTsv(labelsFile).map(([file = '', primary, also]) => {
    const { report, lines, coveredLines, hasHeadings, titleLine } = analyze(readPostingFile(join(dir, file)), analyzer);
    // requirement lines: inside duty/requirement sections, or, without headings, every line that
    // is not the title or about the company, benefits or applying
    const counted = lines.filter(
      (l) => !l.isHeading && !l.background && l.number !== titleLine && /[\p{L}\p{N}]/u.test(l.text) && (hasHeadings ? l.section === 'required' || l.section === 'duty' : true),
    );
    const uncovered = counted.filter((l) => !coveredLines.has(l.number)).map((l) => ({ line: l.number, text: l.text.trim() }));
    return {
      file,
      lang: file.startsWith('en/') ? 'en' : 'zh',
      primary: category(primary, labelsFile),
      ...(also && also !== '-' ? { also: category(also, labelsFile) } : {}),
      predicted: report.category.id,
      goldDims: dims.get(file) ?? new Set(),
      foundDims: new Set(report.skills.map((s) => s.dimension)),
      coverable: counted.length,
      covered: counted.length - uncovered.length,
      uncovered,
    } satisfies LabelledResult;
  });
}
