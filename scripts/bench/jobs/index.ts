// Benchmark job: indexes a corpus the way the command line does (worker threads, no persisted index) and checks the
// draft in this process, timing each step, and reports the memory the index keeps. Run in a child process of its own.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { checkDraft } from '../../../server/src/core/check.js';
import type { SourceIndex } from '../../../server/src/core/sourceIndex.js';
import { buildIndex } from '../../../server/src/io/indexer.js';
import { median, progress, runMain, scoreVerdicts, type Expectation, type VerdictScore } from './common.js';

interface Args {
  sources: string;
  files: string[];
  draft: string;
  expected: Expectation[];
}

/** What the job measured; times in milliseconds, memory in MiB. */
export interface IndexResult {
  readStringsMs: number;
  /** Listing, reading, decoding, parsing and indexing every source (buildIndex without a cache). */
  indexMs: number;
  /** Work the index leaves for its first look-up, if any. */
  firstLookupMs: number;
  workers: number;
  bytes: number;
  documents: number;
  skipped: number;
  stats: ReturnType<SourceIndex['stats']>;
  firstCheckMs: number;
  checkMs: number;
  verdicts: VerdictScore;
  /** Memory held once the index is built and garbage collected. */
  heldMiB: { rss: number; heap: number; external: number };
}

const mib = (bytes: number): number => bytes / (1024 * 1024);

async function main(args: Args): Promise<IndexResult> {
  // The floor: reading every file into a string, nothing else. One file at a time, so that the strings of all
  // files never stand in memory together and the job's peak memory stays that of the index.
  let started = performance.now();
  let characters = 0;
  for (const file of args.files) characters += (await readFile(file, 'utf8')).length;
  const readStringsMs = performance.now() - started;
  progress(`read ${characters} characters`);

  // The same defaults as the command line: worker threads, one per core up to four.
  const workers = Math.min(4, availableParallelism());
  started = performance.now();
  const built = await buildIndex([args.sources], { cacheDir: null });
  const indexMs = performance.now() - started;
  const { index } = built;
  started = performance.now();
  index.frequency(0);
  const firstLookupMs = performance.now() - started;
  progress(`indexed ${built.documents.length} sources in ${((indexMs + firstLookupMs) / 1000).toFixed(1)} s`);
  built.documents.length = 0;

  const draft = readFileSync(args.draft, 'utf8');
  started = performance.now();
  const first = checkDraft(index, draft, 'plaintext');
  const firstCheckMs = performance.now() - started;
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    started = performance.now();
    checkDraft(index, draft, 'plaintext');
    times.push(performance.now() - started);
  }
  const verdicts = scoreVerdicts(args.expected, new Map(first.map((finding) => [finding.quotation.start, finding.verdict])));

  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  return {
    readStringsMs,
    indexMs,
    firstLookupMs,
    workers,
    bytes: built.bytes,
    documents: index.size,
    skipped: built.skipped.length,
    stats: index.stats(),
    firstCheckMs,
    checkMs: median(times),
    verdicts,
    heldMiB: { rss: mib(memory.rss), heap: mib(memory.heapUsed), external: mib(memory.external) },
  };
}

runMain(main);
