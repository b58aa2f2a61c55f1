import { Command, CommanderError } from 'commander';
import { EXIT, isJdlensError } from '../errors.js';
import { runAnalyze } from './analyze-command.js';
import { toolInfo } from './version.js';

// `jdlens … | head` closes stdout early: end quietly instead of printing an EPIPE trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
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

const program = new Command();
program
  .name('jdlens')
  .description('Reads AI product-manager job descriptions (Chinese, English or mixed): what the role really is, which skills it asks for, and what you lack.')
  .version(toolInfo().version, '-V, --version')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) })
  .showHelpAfterError('(run jdlens --help for usage)');

const analyzeCmd = program
  .command('analyze')
  .description('analyze a posting: a file, "-" or piped stdin')
  .argument('[input]', 'a posting file (.txt, .md), or - for stdin')
  .option('--json', 'print the JSON report (schema/report.schema.json) and nothing else')
  .option('--taxonomy <file>', 'a taxonomy YAML file instead of taxonomies/ai-pm.yaml')
  .option('--lang <zh|en>', 'language of the human report (default: the posting\'s own)')
  .option('--no-color', 'no colours in the human report')
  .exitOverride()
  .action(async (input: string | undefined, opts) => {
    process.exitCode = await runAnalyze(input, opts, { stdin: process.stdin, stdout: process.stdout }, () => analyzeCmd.helpInformation());
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  fail(err);
}
