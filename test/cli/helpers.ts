// Runs the built command-line checker as a user would, and makes throw-away project folders for it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The repository root. */
export const ROOT = join(__dirname, '..', '..');
/** The bundled checker that `npm run build` makes. */
export const CLI = join(ROOT, 'dist', 'cli.js');
/** The example workspace. */
export const EXAMPLES = join(ROOT, 'examples');

/** What a run of the checker printed and its exit code. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ...args` in `cwd` (the repository root by default) with colour and config off. */
const CACHE_HOME = mkdtempSync(join(tmpdir(), 'verbatim-cli-cache-'));
process.on('exit', () => rmSync(CACHE_HOME, { recursive: true, force: true }));

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing; run npm run build first.`);
  // Each test process keeps its persisted index in a folder of its own, never in the user's cache.
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: CACHE_HOME, ...options.env };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder, removed when the test ends, filled with `files` (path -> content). */
export function project(
  t: { after: (fn: () => void) => void },
  files: Record<string, string | Uint8Array> = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** Asserts nothing in `stderr` looks like a stack trace. */
export function hasStackTrace(stderr: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(stderr) || /node:internal/.test(stderr);
}
