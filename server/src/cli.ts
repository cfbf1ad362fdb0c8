// The `verbatim` command: checks the quotations of drafts against sources and prints text, JSON, SARIF or GitHub
// annotations, or prints the text read from source files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HELP, parseCliArgs, UsageError, type CliRequest } from './cli/args.js';
import { formatGithub } from './cli/format/github.js';
import { formatJson } from './cli/format/json.js';
import { formatSarif } from './cli/format/sarif.js';
import { formatText } from './cli/format/text.js';
import { runCheck } from './cli/runner.js';
import { runText } from './cli/sourceText.js';

/** The package version, read from the package.json next to the bundle's folder. */
function packageVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version?: string };
    return manifest.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Whether text output may be coloured: only on a terminal, and not with --no-color or NO_COLOR. */
function useColor(request: Extract<CliRequest, { command: 'check' }>): boolean {
  if (request.noColor) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return process.stdout.isTTY === true;
}

/** Runs the command line `argv` and gives the exit code. */
async function main(argv: string[]): Promise<number> {
  const request = parseCliArgs(argv);
  if (request.command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (request.command === 'version') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const cwd = process.cwd();
  if (request.command === 'text') {
    const read = await runText(request, cwd);
    await write(read.output);
    for (const problem of read.problems) process.stderr.write(`verbatim: ${problem}\n`);
    return read.exitCode;
  }
  const run = await runCheck(request, cwd);
  const output =
    request.format === 'json'
      ? formatJson(run.report)
      : request.format === 'sarif'
        ? formatSarif(run.report, { cwd, version: packageVersion() })
        : request.format === 'github'
          ? formatGithub(run.report)
          : formatText(run.report, run.findings, run.summary, { color: useColor(request) });
  await write(output);
  if (run.problem) process.stderr.write(`verbatim: ${run.problem}\n`);
  return run.exitCode;
}

/**
 * Writes to stdout and waits until it is flushed, so a piped report is never cut short by the exit. A reader that
 * stops early (`| head`) closes the pipe; that is not an error of the check.
 */
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(text, (error) => (error && (error as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(error) : resolve()));
  });
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') process.stderr.write(`verbatim: could not write the report (${error.code ?? error.message}).\n`);
});

main(process.argv.slice(2)).then(
  (code) => {
    // The report is flushed: leave at once rather than wait for the runtime to take down a large heap.
    process.exit(code);
  },
  (error: unknown) => {
    // Usage errors are the user's to fix and are said in one sentence; anything else is a fault of the checker,
    // still said in one line so that no stack trace reaches the user.
    const message =
      error instanceof UsageError
        ? error.message
        : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    for (const line of message.split('\n')) process.stderr.write(`verbatim: ${line}\n`);
    process.exitCode = 2;
  },
);
