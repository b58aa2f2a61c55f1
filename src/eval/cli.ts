import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isJdlensError } from '../errors.js';
import { loadAnalyzer } from '../taxonomy/compiled.js';
import { CATEGORY_IDS } from '../taxonomy/types.js';
import { summarise, type EvalSummary } from './metrics.js';
import { evaluateFolder } from './run.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pct = (x: number) => x.toFixed(3);

export function formatSummary(s: EvalSummary, showUncovered: boolean, uncovered: { file: string; line: number; text: string }[]): string {
  const out: string[] = [];
  out.push(`postings: ${s.n}`);
  out.push(`category accuracy: ${pct(s.accuracy)}`);
  out.push(`macro-F1: ${pct(s.macroF1)}`);
  out.push(`dimension precision: ${pct(s.dimensions.precision)}  recall: ${pct(s.dimensions.recall)}  (tp ${s.dimensions.tp}, fp ${s.dimensions.fp}, fn ${s.dimensions.fn})`);
  out.push(`requirement-line coverage: ${pct(s.coverage.ratio)} (${s.coverage.covered}/${s.coverage.total} lines)`);
  out.push('');
  out.push('category            precision recall  f1     support  recall-zh  recall-en');
  for (const c of CATEGORY_IDS) {
    const p = s.perCategory[c];
    const z = s.recallByLang.zh[c];
    const e = s.recallByLang.en[c];
    const lr = (x: { recall: number; support: number }) => (x.support ? `${pct(x.recall)} (${x.support})` : '-').padEnd(11);
    out.push(`${c.padEnd(20)}${pct(p.precision).padEnd(10)}${pct(p.recall).padEnd(8)}${pct(p.f1).padEnd(7)}${String(p.support).padEnd(9)}${lr(z)}${lr(e)}`);
  }
  out.push('');
  out.push(`confusion (rows: label, columns: predicted)`);
  out.push(`${''.padEnd(18)}${CATEGORY_IDS.map((c) => c.slice(0, 11).padStart(12)).join('')}`);
  for (const t of CATEGORY_IDS) out.push(`${t.padEnd(18)}${CATEGORY_IDS.map((p) => String(s.confusion[t][p]).padStart(12)).join('')}`);
  if (s.misses.length) {
    out.push('');
    out.push('misclassified:');
    for (const m of s.misses) out.push(`  ${m.file}: label ${m.primary}${m.also ? `/${m.also}` : ''}, predicted ${m.predicted}`);
  }
  if (showUncovered && uncovered.length) {
    out.push('');
    out.push(`uncovered requirement lines (${uncovered.length}):`);
    for (const u of uncovered) out.push(`  ${u.file}:${u.line}: ${u.text.slice(0, 120)}`);
  }
  return `${out.join('\n')}\n`;
}

function main(): number {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      labels: { type: 'string' },
      dimensions: { type: 'string' },
      taxonomy: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const dir = resolve(values.dir ?? resolve(ROOT, '../shared/corpus/dev'));
  const labels = resolve(values.labels ?? resolve(dir, 'labels.tsv'));
  const dimensions = values.dimensions ? resolve(values.dimensions) : values.labels ? undefined : resolve(dir, 'dimensions.tsv');
  const analyzer = loadAnalyzer(values.taxonomy);
  const results = evaluateFolder(dir, labels, dimensions, analyzer);
  const uncovered = results.flatMap((r) => r.uncovered.map((u) => ({ file: r.file, ...u })));
  process.stdout.write(formatSummary(summarise(results), !values.quiet, uncovered));
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  process.stderr.write(`jdlens eval: ${isJdlensError(err) ? err.message : String(err)}\n`);
  process.exitCode = isJdlensError(err) ? err.exitCode : 1;
}
