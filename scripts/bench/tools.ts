// Runs the command-line tools the benchmark compares: Verbatim's own CLI (cold and warm cache), ripgrep's
// fixed-string search once per quotation, when ripgrep is installed, and the bare index of every word (floor.cjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNode } from './child.js';
import type { DraftQuote } from './draft.js';
import { median, scoreVerdicts, type VerdictScore } from './jobs/common.js';
import type { Measured } from './report.js';

/** One run of `verbatim check --format json`, or the summary of several alike. */
export interface CliRun {
  ok: boolean;
  error: string | null;
  /** The time of the run; of several, the median. */
  wallMs: number;
  /** Of several runs, the highest. */
  peakMiB: number | null;
  exitCode: number | null;
  /** Of several runs, those of the run that got the fewest right. */
  verdicts: VerdictScore | null;
  /** The time of every run, in the order they ran. */
  runsMs: number[];
}

/**
 * Sums up several runs of the same command: the median time, the highest memory, the worst verdicts. A run that
 * failed makes the whole a failure, with its reason.
 */
export function summarizeRuns(runs: CliRun[]): CliRun {
  const failed = runs.find((run) => !run.ok);
  const runsMs = runs.map((run) => run.wallMs);
  if (failed) return { ...failed, runsMs };
  const peaks = runs.map((run) => run.peakMiB).filter((peak): peak is number => peak !== null);
  const worst = runs.reduce((a, b) => ((b.verdicts?.right ?? -1) < (a.verdicts?.right ?? -1) ? b : a));
  return {
    ok: true,
    error: null,
    wallMs: median(runsMs),
    peakMiB: peaks.length > 0 ? Math.max(...peaks) : null,
    exitCode: worst.exitCode,
    verdicts: worst.verdicts,
    runsMs,
  };
}

/** Runs the CLI on one draft against one sources folder, with `cacheHome` as XDG_CACHE_HOME. */
export async function runCli(cli: string, sources: string, draft: string, quotes: DraftQuote[], cacheHome: string, timeoutMs: number): Promise<CliRun> {
  const outcome = await runNode([cli, 'check', '--sources', sources, '--format', 'json', draft], {
    timeoutMs,
    cwd: process.cwd(),
    env: { XDG_CACHE_HOME: cacheHome },
    // Exit code 1 means some quotation is not verbatim, which the draft's altered quotations are.
    okCodes: [0, 1],
  });
  let verdicts: VerdictScore | null = null;
  if (outcome.ok) {
    try {
      const report = JSON.parse(outcome.stdout) as { results: { quotes: { offset: number; verdict: string }[] }[] };
      const found = new Map((report.results[0]?.quotes ?? []).map((quote) => [quote.offset, quote.verdict]));
      verdicts = scoreVerdicts(quotes.map((q) => ({ offset: q.offset, expected: q.expected })), found);
    } catch (error) {
      return { ...outcome, ok: false, error: `its JSON output could not be read (${(error as Error).message})`, verdicts, runsMs: [outcome.wallMs] };
    }
  }
  return { ok: outcome.ok, error: outcome.error, wallMs: outcome.wallMs, peakMiB: outcome.peakMiB, exitCode: outcome.exitCode, verdicts, runsMs: [outcome.wallMs] };
}

/** ripgrep's version line, or null when `rg` is not installed. */
export function ripgrepVersion(): string | null {
  const result = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n')[0]!.trim() : null;
}

/** The `rg -F` loop: time for all quotations and how many of each kind it finds. */
export interface RipgrepRun {
  version: string;
  /** The time of the loop; of several loops, the median. */
  ms: number;
  /** The time of every loop, in the order they ran. */
  runsMs: number[];
  found: { verbatim: number; altered: number };
  of: { verbatim: number; altered: number };
}

/** Searches each quotation's exact text with `rg -F` (one process per quotation, as a writer would run it). */
function runRipgrep(version: string, sources: string, quotes: DraftQuote[]): RipgrepRun {
  const found = { verbatim: 0, altered: 0 };
  const of = { verbatim: 0, altered: 0 };
  const started = performance.now();
  for (const quote of quotes) {
    const result = spawnSync('rg', ['--fixed-strings', '--line-number', '--no-heading', '--color', 'never', '--', quote.text, sources], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    of[quote.expected]++;
    // Exit status 0: some line matched; 1: none did; 2: an error, which must not pass as "not found".
    if (result.status === 2) throw new Error(`rg failed: ${result.stderr.trim()}`);
    if (result.status === 0) found[quote.expected]++;
  }
  const ms = performance.now() - started;
  return { version, ms, runsMs: [ms], found, of };
}

/** The `rg -F` loop run `times` times: the median time, and what the loops found (the same every time). */
export function runRipgrepSeries(version: string, sources: string, quotes: DraftQuote[], times: number): RipgrepRun {
  const runs = Array.from({ length: times }, () => runRipgrep(version, sources, quotes));
  const runsMs = runs.map((run) => run.ms);
  return { ...runs[0], ms: median(runsMs), runsMs };
}

/** The bare index of every word (floor.cjs), alone and with every pair of words: the least any index costs here. */
export interface FloorRun {
  words: number;
  /** Median times of the runs, words alone and with pairs. */
  wordsMs: number;
  pairsMs: number;
  /** The time of every run, in the order they ran. */
  runsMs: { words: number[]; pairs: number[] };
}

/** Runs floor.cjs `times` times in each mode, the two modes taking turns; a run that fails fails the whole. */
export async function runFloorSeries(files: string[], times: number, timeoutMs: number): Promise<Measured<FloorRun>> {
  const scratch = mkdtempSync(join(tmpdir(), 'verbatim-bench-floor-'));
  const runsMs = { words: [] as number[], pairs: [] as number[] };
  let words = 0;
  try {
    for (let run = 0; run < times; run++) {
      for (const mode of ['words', 'pairs'] as const) {
        const outcome = await runNode([join(__dirname, 'floor.cjs'), mode, scratch, ...files], { timeoutMs, cwd: process.cwd() });
        if (!outcome.ok) return { ok: false, error: outcome.error ?? 'failed', peakMiB: outcome.peakMiB, wallMs: outcome.wallMs };
        words = (JSON.parse(outcome.stdout) as { words: number }).words;
        runsMs[mode].push(outcome.wallMs);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const value = { words, wordsMs: median(runsMs.words), pairsMs: median(runsMs.pairs), runsMs };
  return { ok: true, value, peakMiB: null, wallMs: value.pairsMs };
}
