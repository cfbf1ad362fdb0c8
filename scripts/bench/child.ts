// Runs each measured job in a child process of its own, so that its peak memory is its own and one job's garbage
// never slows the next: TypeScript jobs through tsx, reporting one JSON line; other commands with a preloaded probe
// that records the process's peak resident memory when it exits.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The line prefix a job writes its result after. */
export const RESULT_PREFIX = 'BENCH-RESULT ';
const PROBE = join(__dirname, 'rss-probe.cjs');

/** What a finished (or failed) child gives back. */
export interface ChildOutcome<T> {
  ok: boolean;
  /** Wall time from spawn to exit, in milliseconds. */
  wallMs: number;
  /** Peak resident memory of the child process in MiB, when it could be read. */
  peakMiB: number | null;
  exitCode: number | null;
  stdout: string;
  /** The job's result (TypeScript jobs) or null. */
  result: T | null;
  /** One line saying why the child failed, when it did. */
  error: string | null;
}

/** Runs a TypeScript job file with one JSON argument and parses the result line it prints. */
export async function runJob<T>(job: string, args: unknown, options: { timeoutMs: number; nodeArgs?: string[] }): Promise<ChildOutcome<T>> {
  const file = join(__dirname, 'jobs', job);
  const outcome = await runNode<T>([...(options.nodeArgs ?? []), '--import', 'tsx', file, JSON.stringify(args)], { timeoutMs: options.timeoutMs, cwd: process.cwd() });
  const line = outcome.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (line) {
    const parsed = JSON.parse(line.slice(RESULT_PREFIX.length)) as T & { peakMiB?: number };
    outcome.result = parsed;
    if (typeof parsed.peakMiB === 'number') outcome.peakMiB = parsed.peakMiB;
  } else if (outcome.ok) {
    outcome.ok = false;
    outcome.error = 'the job printed no result';
  }
  return outcome;
}

/**
 * Runs `node <args>` with the memory probe preloaded and the given environment additions. The probe writes the
 * peak resident memory (getrusage's maxrss, which covers worker threads too) to a file when the process exits.
 */
export async function runNode<T = never>(
  args: string[],
  options: { timeoutMs: number; cwd: string; env?: Record<string, string>; okCodes?: number[] },
): Promise<ChildOutcome<T>> {
  const scratch = mkdtempSync(join(tmpdir(), 'verbatim-bench-rss-'));
  const rssFile = join(scratch, 'rss.json');
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', PROBE, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, VERBATIM_BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    // Progress lines of jobs go through, so a long run shows what it is doing.
    for (const line of chunk.toString().split('\n')) if (line.startsWith('  ')) process.stderr.write(`${line}\n`);
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, options.timeoutMs);
  const exitCode = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  clearTimeout(timer);
  const wallMs = performance.now() - started;
  let peakMiB: number | null = null;
  try {
    peakMiB = (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRSS: number }).maxRSS / 1024;
  } catch {
    peakMiB = null;
  }
  rmSync(scratch, { recursive: true, force: true });
  let error: string | null = null;
  if (timedOut) error = `stopped after ${Math.round(options.timeoutMs / 1000)} s`;
  else if (/heap out of memory|Allocation failed/i.test(stderr)) error = 'ran out of memory (JavaScript heap)';
  else if (exitCode === null) error = 'killed by a signal';
  if (error === null && !(options.okCodes ?? [0]).includes(exitCode ?? -1)) {
    const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith(' ') && !l.startsWith('Node.js v'));
    const last = lines.find((l) => /^\w*Error\b/.test(l)) ?? lines[lines.length - 1];
    error = `exit code ${exitCode}${last ? `: ${last.trim().slice(0, 200)}` : ''}`;
  }
  return { ok: error === null, wallMs, peakMiB, exitCode, stdout, result: null, error };
}
