// What every benchmark job shares: reading its argument, scoring verdicts, and printing its result as one line.
import { RESULT_PREFIX } from '../child.js';

/** A quotation's expected verdict, keyed by the UTF-16 offset of its text in the draft. */
export interface Expectation {
  offset: number;
  expected: string;
}

/** How many verdicts were right, and the wrong ones. */
export interface VerdictScore {
  right: number;
  total: number;
  wrong: { offset: number; expected: string; got: string }[];
}

/** Compares verdicts found (by offset) with the expected ones; a quotation not found at all counts as wrong. */
export function scoreVerdicts(expected: Expectation[], found: Map<number, string>): VerdictScore {
  const wrong: VerdictScore['wrong'] = [];
  for (const { offset, expected: want } of expected) {
    const got = found.get(offset) ?? 'not found';
    if (got !== want) wrong.push({ offset, expected: want, got });
  }
  return { right: expected.length - wrong.length, total: expected.length, wrong };
}

/** The median of some numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The value below which `share` (0..1) of the numbers fall, by the nearest-rank method. */
export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

/** Writes a progress line to stderr; the parent shows lines that start with two spaces. */
export function progress(line: string): void {
  process.stderr.write(`  ${line}\n`);
}

/** Runs a job's main function on its JSON argument and prints the result with the process's peak memory. */
export function runMain<A, R extends object>(main: (args: A) => Promise<R>): void {
  const args = JSON.parse(process.argv[2] ?? '{}') as A;
  main(args).then(
    (result) => {
      const peakMiB = process.resourceUsage().maxRSS / 1024;
      process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ ...result, peakMiB })}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`Error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 3;
    },
  );
}
