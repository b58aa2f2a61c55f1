import { Command, CommanderError } from 'commander';
import { EXIT, isJdlensError } from '../errors.js';
import { toolInfo } from './version.js';

// `jdlens … | head` closes stdout early: end quietly instead of printing an EPIPE trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  // a full disk or a closed descriptor: one line, exit 4
  process.stderr.write(`jdlens: cannot write the report to standard output (${err.code === 'ENOSPC' ? 'no space left on the device' : (err.code ?? err.message)})\n`);
  process.exit(EXIT.output);
});

function fail(err: unknown): void {
  if (isJdlensError(err)) {
    process.stderr.write(`jdlens: ${err.message}\n`);
    for (const d of err.details) process.stderr.write(`  ${d}\n`);
    process.exitCode = err.exitCode;
    return;
  }
  if (err instanceof CommanderError) {
    process.exitCode = err.exitCode === 0 ? 0 : EXIT.usage;
    return;
  }
  process.stderr.write(`jdlens: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = EXIT.unexpected;
}

const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
const program = new Command();
program
  .name('jdlens')
  .description('Reads AI product-manager job descriptions (Chinese, English or mixed): what the role really is, which skills it asks for, and what you lack.')
  .version(toolInfo().version, '-V, --version')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) })
  .showHelpAfterError('(run jdlens --help for usage)');

// each command's code is loaded when that command runs: start-up is a feature of a CLI
const analyzeCmd = program
  .command('analyze')
  .description('analyze postings: files, folders (recursive), JSONL, "-" or piped stdin')
  .argument('[inputs...]', 'posting files (.txt .md .html .json .jsonl) or folders; - for stdin')
  .option('--json', 'print the JSON report (schema/report.schema.json) and nothing else')
  .option('--profile <file>', 'your profile (YAML; `jdlens profile init` writes a template): adds fit, gaps and strengths')
  .option('--resume <file>', 'your résumé (text or Markdown, zh or en): its skills count as held')
  .option('--out <file>', 'write the report to a file, atomically (format from the extension: .json, .md, else text)')
  .option('--format <json|md|text>', 'report format for --out or stdout')
  .option('--taxonomy <file>', 'a taxonomy YAML file instead of taxonomies/ai-pm.yaml')
  .option('--model <file>', 'a category model fitted with `jdlens fit` (default: the one beside the taxonomy, if any)')
  .option('--lang <zh|en>', "language of the human report (default: each posting's own)")
  .option('--verbose', 'say which files were skipped and why')
  .option('--jobs <n>', 'worker threads for a folder (default: one per core, at most 4, for 32 postings or more)')
  .option('--no-color', 'no colours in the human report')
  .exitOverride()
  .action(async (inputs: string[], opts) => {
    const { runAnalyze } = await import('./analyze-command.js');
    process.exitCode = await runAnalyze(inputs, opts, io, () => analyzeCmd.helpInformation());
  });

const profileCmd = program.command('profile').description('your profile, for gaps and fit').exitOverride();
profileCmd
  .command('init')
  .description('print a commented profile template listing every skill of the taxonomy')
  .option('--taxonomy <file>', 'a taxonomy YAML file instead of taxonomies/ai-pm.yaml')
  .exitOverride()
  .action(async (opts: { taxonomy?: string }) => {
    const [{ profileTemplate }, { loadAnalyzer }] = await Promise.all([import('./profile-command.js'), import('../taxonomy/compiled.js')]);
    process.stdout.write(profileTemplate(loadAnalyzer(opts.taxonomy).taxonomy));
  });

program
  .command('fit')
  .description('fit a category model on your own labelled postings, with a cross-validation report')
  .requiredOption('--labels <file>', 'labels TSV: file<TAB>primary<TAB>also, paths relative to it (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
  .option('--taxonomy <file>', 'a taxonomy YAML file instead of taxonomies/ai-pm.yaml')
  .option('--out <file>', 'where to write the model (default: beside --taxonomy as <name>.model.json, else ./model.json)')
  .option('--folds <n>', 'cross-validation folds', '10')
  .option('--quiet', 'leave out the list of misclassified postings')
  .exitOverride()
  .addHelpText('after', '\nExamples:\n  jdlens fit --labels my/labels.tsv --out my.model.json\n  jdlens analyze --model my.model.json posting.txt\n')
  .action(async (opts) => {
    const { runFit } = await import('./fit-command.js');
    process.exitCode = await runFit(opts, io);
  });

program
  .command('terms')
  .description('words and two-word phrases postings use often that no taxonomy alias covers')
  .argument('<inputs...>', 'folders, posting files or JSONL files')
  .option('--limit <n>', 'how many terms to list', '50')
  .option('--min-postings <n>', 'leave out terms in fewer postings than this', '2')
  .option('--against <path>', 'background postings (repeatable): rank terms by how much more the inputs use them', (v: string, all: string[]) => [...all, v], [] as string[])
  .option('--taxonomy <file>', 'a taxonomy YAML file instead of taxonomies/ai-pm.yaml')
  .option('--json', 'print JSON')
  .exitOverride()
  .action(async (inputs: string[], opts) => {
    const { runTerms } = await import('./terms-command.js');
    process.exitCode = await runTerms(inputs, opts, io);
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  fail(err);
}
