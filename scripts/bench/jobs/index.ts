// Benchmark job: loads a corpus, indexes it and checks the draft in this process, timing each step, and reports the
// memory the index keeps. Run by the benchmark in a child process of its own.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { checkDraft } from '../../../server/src/core/check.js';
import { SourceIndex } from '../../../server/src/core/sourceIndex.js';
import { loadSources } from '../../../server/src/io/sources.js';
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
  loadMs: number;
  setMs: number;
  buildMs: number;
  indexMs: number;
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
  // The floor: reading every file into a string, nothing else.
  let started = performance.now();
  const texts = await Promise.all(args.files.map((file) => readFile(file, 'utf8')));
  const readStringsMs = performance.now() - started;
  texts.length = 0;

  started = performance.now();
  const loaded = await loadSources([args.sources]);
  const loadMs = performance.now() - started;
  progress(`loaded ${loaded.documents.length} sources in ${(loadMs / 1000).toFixed(1)} s`);

  started = performance.now();
  const index = new SourceIndex();
  for (const doc of loaded.documents) index.set(doc);
  const setMs = performance.now() - started;
  // The hash index may be brought up to date lazily, at the first look-up; one look-up makes it build now.
  started = performance.now();
  index.frequency(0);
  const buildMs = performance.now() - started;
  progress(`indexed in ${((setMs + buildMs) / 1000).toFixed(1)} s`);
  loaded.documents.length = 0;

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
    loadMs,
    setMs,
    buildMs,
    indexMs: setMs + buildMs,
    bytes: loaded.bytes,
    documents: index.size,
    skipped: loaded.skipped.length,
    stats: index.stats(),
    firstCheckMs,
    checkMs: median(times),
    verdicts,
    heldMiB: { rss: mib(memory.rss), heap: mib(memory.heapUsed), external: mib(memory.external) },
  };
}

runMain(main);
