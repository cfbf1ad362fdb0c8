// The benchmark: measures Verbatim (indexing, checking, the CLI cold and warm, the language server while editing)
// and the naive ways of doing the same job on one draft, on a real-text corpus and on larger generated corpora,
// then prints a table and writes the figures as JSON.
//
// Usage: npm run bench [-- --quick] [-- --sizes 10,100,1000] [-- --out <file>] [-- --cache <dir>] [-- --corpus <dir>]
//        [-- --edits <n>] [-- --naive <n>] [-- --budget <minutes>]
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { runJob } from './child.js';
import { findRealCorpus, freeBytes, generatedCorpus, type Corpus } from './corpus.js';
import { buildDraft, type BenchDraft } from './draft.js';
import type { IndexResult } from './jobs/index.js';
import type { LspResult } from './jobs/lsp.js';
import type { NaiveResult } from './jobs/naive.js';
import { parseOptions, type Options } from './options.js';
import { printReport, targets, type BenchResults, type Measured, type ScaleRow } from './report.js';
import { ripgrepVersion, runCli, runFloorSeries, runRipgrepSeries, summarizeRuns, type CliRun } from './tools.js';

const REPO = resolve(__dirname, '..', '..');
const DIST = join(REPO, 'dist');
const MINUTE = 60_000;
/** How many times the command-line runs are repeated; the figures are their medians. */
const CLI_RUNS = { cold: 3, warm: 5, ripgrep: 3, floor: 3 };

const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** A job's outcome as recorded: the result, or the one-line reason it failed. */
function recorded<T>(outcome: { ok: boolean; result: T | null; error: string | null; peakMiB: number | null; wallMs: number }): Measured<T> {
  return outcome.ok && outcome.result
    ? { ok: true, value: outcome.result, peakMiB: outcome.peakMiB, wallMs: outcome.wallMs }
    : { ok: false, error: outcome.error ?? 'failed', peakMiB: outcome.peakMiB, wallMs: outcome.wallMs };
}

function expectations(draft: BenchDraft): { offset: number; expected: string }[] {
  return draft.quotes.map((quote) => ({ offset: quote.offset, expected: quote.expected }));
}

async function indexJob(corpus: Corpus, draftFile: string, draft: BenchDraft, timeoutMs: number): Promise<Measured<IndexResult>> {
  log(`indexing ${corpus.name} in-process ...`);
  const args = { sources: corpus.dir, files: corpus.files, draft: draftFile, expected: expectations(draft) };
  return recorded(await runJob<IndexResult>('index.ts', args, { timeoutMs, nodeArgs: ['--expose-gc'] }));
}

async function lspJob(server: string, corpus: Corpus, draftFile: string, draft: BenchDraft, edits: number, timeoutMs: number): Promise<Measured<LspResult>> {
  log(`language server on ${corpus.name}: indexing, then ${edits} edits as typed and ${edits} checked at once ...`);
  const args = { server, sources: corpus.dir, draft: draftFile, expected: expectations(draft), edits, timeoutMs };
  const outcome = recorded(await runJob<LspResult>('lsp.ts', args, { timeoutMs: timeoutMs + 5 * MINUTE }));
  // The job's own memory is the client's; the figure that matters is the server's.
  return outcome.ok ? { ...outcome, peakMiB: outcome.value.serverPeakMiB } : outcome;
}

/** The bundles a run measures: a copy of dist/ taken at the start, so that a rebuild during the run changes nothing. */
interface Bundles {
  cli: string;
  server: string;
  commit: string;
  /** Files under server/ with uncommitted changes when the run started. */
  modified: number;
  builtAt: string;
}

function snapshotBundles(cacheDir: string): Bundles {
  for (const bundle of ['cli.js', 'server.js']) {
    if (!existsSync(join(DIST, bundle))) throw new Error(`dist/${bundle} is missing: run npm run build first (npm run bench does).`);
  }
  const snapshot = join(cacheDir, 'build');
  rmSync(snapshot, { recursive: true, force: true });
  cpSync(DIST, join(snapshot, 'dist'), { recursive: true });
  // The CLI reads its version from the package.json beside its folder.
  copyFileSync(join(REPO, 'package.json'), join(snapshot, 'package.json'));
  const git = (...args: string[]): string => spawnSync('git', args, { cwd: REPO, encoding: 'utf8' }).stdout?.trim() ?? '';
  return {
    cli: join(snapshot, 'dist', 'cli.js'),
    server: join(snapshot, 'dist', 'server.js'),
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    modified: git('status', '--porcelain', '--untracked-files=no', '--', 'server').split('\n').filter(Boolean).length,
    builtAt: statSync(join(DIST, 'cli.js')).mtime.toISOString(),
  };
}

/** Reads every file once, so that all measurements start with the files in the operating system's cache. */
function warmFileCache(corpus: Corpus): void {
  for (const file of corpus.files) readFileSync(file);
}

async function measureReal(bundles: Bundles, options: Options, corpus: Corpus, draftFile: string, draft: BenchDraft, results: BenchResults): Promise<void> {
  const timeoutMs = 20 * MINUTE;
  warmFileCache(corpus);
  results.real.index = await indexJob(corpus, draftFile, draft, timeoutMs);

  // Timings on a shared machine vary from run to run: each figure is the median of several runs.
  const cacheHome = mkdtempSync(join(tmpdir(), 'verbatim-bench-xdg-'));
  const cold: CliRun[] = [];
  for (let run = 1; run <= CLI_RUNS.cold; run++) {
    log(`CLI with an empty cache (${run} of ${CLI_RUNS.cold}) ...`);
    rmSync(cacheHome, { recursive: true, force: true });
    mkdirSync(cacheHome);
    cold.push(await runCli(bundles.cli, corpus.dir, draftFile, draft.quotes, cacheHome, timeoutMs));
  }
  results.real.cliCold = summarizeRuns(cold);
  log(`the bare index of every word, the least any index costs (${CLI_RUNS.floor} times, with and without pairs) ...`);
  results.real.floor = await runFloorSeries(corpus.files, CLI_RUNS.floor, timeoutMs);
  const warm: CliRun[] = [];
  for (let run = 1; run <= CLI_RUNS.warm; run++) {
    log(`CLI again with the same cache (${run} of ${CLI_RUNS.warm}) ...`);
    warm.push(await runCli(bundles.cli, corpus.dir, draftFile, draft.quotes, cacheHome, timeoutMs));
  }
  results.real.cliWarm = summarizeRuns(warm);
  rmSync(cacheHome, { recursive: true, force: true });

  results.real.lsp = await lspJob(bundles.server, corpus, draftFile, draft, options.edits, timeoutMs);

  if (options.naive > 0) {
    log(`string-similarity on ${options.naive} quotations (about 10 s each on LitBank) ...`);
    const quotes = draft.quotes.slice(0, options.naive).map((quote) => ({ text: quote.text, expected: quote.expected }));
    results.peers.stringSimilarity = recorded(await runJob<NaiveResult>('naive.ts', { files: corpus.files, quotes }, { timeoutMs }));
  } else {
    results.peers.stringSimilarity = { ok: false, error: 'skipped: --naive 0', peakMiB: null, wallMs: 0 };
  }

  const rg = ripgrepVersion();
  if (rg) {
    log(`rg -F once per quotation (${rg}), ${CLI_RUNS.ripgrep} times ...`);
    results.peers.ripgrep = { ok: true, value: runRipgrepSeries(rg, corpus.dir, draft.quotes, CLI_RUNS.ripgrep), peakMiB: null, wallMs: 0 };
  } else {
    results.peers.ripgrep = { ok: false, error: 'rg not installed: skipped (install the ripgrep package to compare)', peakMiB: null, wallMs: 0 };
  }
}

/** Why a generated size is not measured on this run, or null when it is. */
function reasonToSkip(megabytes: number, options: Options, results: BenchResults, started: number, cacheDir: string): string | null {
  const index = results.real.index;
  const lsp = results.real.lsp;
  const realMB = results.corpus.bytes / 1e6;
  // Memory grows about linearly with the corpus; the larger of the two processes' figures per MB decides.
  const perMB = Math.max(index.ok && index.peakMiB ? index.peakMiB : 0, lsp.ok && lsp.peakMiB ? lsp.peakMiB : 0) / realMB;
  const neededGiB = (perMB * megabytes) / 1024;
  const totalGiB = totalmem() / 2 ** 30;
  if (perMB > 0 && neededGiB > 0.85 * totalGiB) {
    return `skipped: ${megabytes} MB would need about ${neededGiB.toFixed(1)} GiB of memory at the rate measured on the real corpus; this machine has ${totalGiB.toFixed(1)} GiB`;
  }
  const dir = join(cacheDir, `corpus-${megabytes}mb`);
  if (!existsSync(join(dir, '.complete')) && freeBytes(cacheDir) < megabytes * 1e6 * 1.2) {
    return `skipped: not enough free disk space in ${cacheDir} to generate ${megabytes} MB`;
  }
  // The language server keeps a persisted index of about twice the corpus in the temporary folder.
  if (freeBytes(tmpdir()) < megabytes * 1e6 * 2.5) {
    return `skipped: not enough free disk space in ${tmpdir()} for the language server's persisted index of ${megabytes} MB`;
  }
  if (!options.sizesGiven && index.ok) {
    // Two indexing passes (in-process and in the server) at the speed measured on the real corpus, plus generating.
    const mbPerSecond = realMB / ((index.value.indexMs + index.value.firstLookupMs) / 1000);
    const projected = (2 * megabytes) / mbPerSecond / 60 + (existsSync(join(dir, '.complete')) ? 0 : megabytes / 600);
    const left = options.budgetMinutes - (performance.now() - started) / MINUTE;
    if (projected > left) {
      return `skipped: ${megabytes} MB would take about ${projected.toFixed(0)} min at ${mbPerSecond.toFixed(1)} MB/s, more than the ${Math.max(0, left).toFixed(0)} min left of the ${options.budgetMinutes} min budget (pass --sizes ${megabytes} to run it anyway)`;
    }
  }
  return null;
}

async function measureScaling(bundles: Bundles, options: Options, real: Corpus, draftFile: string, draft: BenchDraft, results: BenchResults, started: number): Promise<void> {
  for (const megabytes of options.sizes) {
    const skip = reasonToSkip(megabytes, options, results, started, options.cacheDir);
    if (skip) {
      log(`${megabytes} MB: ${skip}`);
      results.scaling.push({ megabytes, skipped: skip });
      continue;
    }
    let corpus: Corpus;
    try {
      corpus = generatedCorpus(real, draft.quotes, megabytes, options.cacheDir, log);
    } catch (error) {
      const reason = `skipped: the corpus could not be generated (${(error as Error).message})`;
      log(`${megabytes} MB: ${reason}`);
      results.scaling.push({ megabytes, skipped: reason });
      continue;
    }
    warmFileCache(corpus);
    const timeoutMs = Math.max(10 * MINUTE, megabytes * 1200);
    const row: ScaleRow = { megabytes, files: corpus.files.length, bytes: corpus.bytes, dir: corpus.dir };
    row.index = await indexJob(corpus, draftFile, draft, timeoutMs);
    row.lsp = await lspJob(bundles.server, corpus, draftFile, draft, options.edits, timeoutMs);
    results.scaling.push(row);
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  mkdirSync(options.cacheDir, { recursive: true });
  const bundles = snapshotBundles(options.cacheDir);
  const { corpus, note } = findRealCorpus(REPO, options.corpus);
  if (note) log(note);
  const draft = buildDraft(corpus.files);
  // The draft lives outside every sources folder, so that no run reads it as a source.
  const draftFile = join(options.cacheDir, 'draft', 'draft.txt');
  mkdirSync(dirname(draftFile), { recursive: true });
  writeFileSync(draftFile, draft.text);

  const results: BenchResults = {
    version: 1,
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: totalmem() / 2 ** 30, freeGiB: freemem() / 2 ** 30, node: process.version, platform: process.platform, loadAverage: loadavg()[0]! },
    build: { commit: bundles.commit, modifiedServerFiles: bundles.modified, builtAt: bundles.builtAt },
    corpus: { name: corpus.name, dir: corpus.dir, files: corpus.files.length, bytes: corpus.bytes, note },
    draft: {
      file: draftFile,
      words: draft.words,
      quotations: draft.quotes.length,
      exact: draft.quotes.filter((q) => q.expected === 'verbatim').length,
      altered: draft.quotes.filter((q) => q.expected === 'altered').length,
    },
    options: { sizes: options.sizes, edits: options.edits, naive: options.naive, quick: options.quick },
    real: {} as BenchResults['real'],
    peers: {} as BenchResults['peers'],
    scaling: [],
    targets: [],
    totalSeconds: 0,
  };
  log(`Verbatim benchmark on ${corpus.name} (${(corpus.bytes / 1e6).toFixed(1)} MB); draft of ${draft.words} words, ${draft.quotes.length} quotations; cache ${options.cacheDir}`);
  await measureReal(bundles, options, corpus, draftFile, draft, results);
  await measureScaling(bundles, options, corpus, draftFile, draft, results, started);
  results.targets = targets(results);
  results.totalSeconds = (performance.now() - started) / 1000;

  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
  printReport(results);
  process.stdout.write(`\nJSON written to ${options.out}\n`);
}

main().catch((error: unknown) => {
  log(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
