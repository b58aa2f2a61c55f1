import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
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
  // commander's own errors become one `jdlens:` line like every other error
  .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(`jdlens: ${s.replace(/^error: /, '').trim()} (see jdlens --help)\n`) })
  .addHelpText(
    'after',
    `
Examples:
  jdlens analyze posting.txt                      a report in the posting's language
  cat posting.txt | jdlens analyze --lang en      from stdin, in English
  jdlens analyze saved/ --profile me.yaml -o r.md a folder: market picture, your gaps, to Markdown
  jdlens fit --labels mine/labels.tsv -o m.json   a category model of your own labelled postings

Exit codes:
  0 done · 1 unexpected error · 2 usage or input error (nothing written) · 3 some inputs of a
  folder failed (the others reported) · 4 the report could not be written · 130/143 interrupted
  (SIGINT/SIGTERM; no report written, a previous --out file kept)

Environment:
  NO_COLOR        no colour (any value)         FORCE_COLOR   colour even when not a terminal (0: none)
  JDLENS_CORPUS   the shared corpus, for npm run eval/fit/bench and the corpus tests
  JDLENS_FULL_DICT=1  nodejieba's full dictionary instead of the compact one
`,
  );

/** --lang, in any case. */
const parseLangOpt = (v: string): 'zh' | 'en' => {
  const l = v.toLowerCase();
  if (l !== 'zh' && l !== 'en') throw new InvalidArgumentError('takes zh or en');
  return l;
};
/** --jobs / --folds style whole numbers. */
const wholeNumber = (min: number, max: number) => (v: string): string => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`takes a whole number from ${min} to ${max}`);
  return v;
};

// each command's code is loaded when that command runs: start-up is a feature of a CLI
const analyzeCmd = program
  .command('analyze')
  .description('analyze postings: files, folders (recursive), JSONL, "-" or piped stdin')
  .argument('[inputs...]', 'posting files (.txt .md .html .json .jsonl) or folders; - for stdin')
  .option('-j, --json', 'print the JSON report (schema/report.schema.json) and nothing else')
  .option('--profile <file>', 'your profile (YAML; `jdlens profile init` writes a template): adds fit, gaps and strengths')
  .option('--resume <file>', 'your résumé (text or Markdown, zh or en): its skills count as held')
  .option('-o, --out <file>', 'write the report to a file, atomically (format from the extension: .json, .md, .html, else text)')
  .addOption(new Option('--format <format>', 'report format for --out or stdout (html: one self-contained page)').choices(['json', 'md', 'text', 'html']))
  .option('--taxonomy <file>', 'a taxonomy YAML file instead of taxonomies/ai-pm.yaml')
  .option('--model <file>', 'a category model fitted with `jdlens fit` (default: the one beside the taxonomy, if any)')
  .addOption(new Option('--lang <lang>', "language of the human report: zh or en (default: each posting's own)").argParser(parseLangOpt))
  .option('--verbose', 'say which files were skipped and why')
  .addOption(new Option('--jobs <n>', 'threads that analyse a folder (1: no worker threads; default for 32 postings or more: one per core but one, at least 1 and at most 4 worker threads)').argParser(wholeNumber(1, 64)))
  .option('--no-color', 'no colours in the human report')
  .addHelpText('after', '\nExamples:\n  jdlens analyze posting.txt\n  jdlens analyze a.txt - < b.txt --json\n  jdlens analyze saved/ --resume cv.md -o report.md\n  jdlens analyze saved/ --jobs 1 --verbose\n')
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
  .option('--no-color', 'accepted for symmetry: the template has no colour')
  .addHelpText('after', '\nExamples:\n  jdlens profile init > me.yaml\n  jdlens analyze posting.txt --profile me.yaml\n')
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
  .option('-o, --out <file>', 'where to write the model (default: beside --taxonomy as <name>.model.json, else ./model.json)')
  .addOption(new Option('--folds <n>', 'cross-validation folds').default('10').argParser(wholeNumber(2, 100)))
  .option('--quiet', 'leave out the list of misclassified postings')
  .option('--no-color', 'accepted for symmetry: the report has no colour')
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
  .option('-j, --json', 'print JSON')
  .option('--no-color', 'accepted for symmetry: the table has no colour')
  .addHelpText('after', '\nExamples:\n  jdlens terms saved/ --limit 30\n  jdlens terms ai-pm.jsonl --against all-tech.jsonl --json\n')
  .exitOverride()
  .action(async (inputs: string[], opts) => {
    const { runTerms } = await import('./terms-command.js');
    process.exitCode = await runTerms(inputs, opts, io);
  });

program
  .command('completion')
  .description('print a shell completion script (commands, options, their values, files and folders)')
  .addArgument(new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish']))
  .addHelpText('after', '\nExamples:\n  jdlens completion bash > ~/.local/share/bash-completion/completions/jdlens\n  jdlens completion zsh > "${fpath[1]}/_jdlens"\n  jdlens completion fish > ~/.config/fish/completions/jdlens.fish\n')
  .exitOverride()
  .action(async (shell: 'bash' | 'zsh' | 'fish') => {
    const { completionScript } = await import('./completion.js');
    process.stdout.write(completionScript(program, shell));
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  fail(err);
}
