// Runs `verbatim check`: resolves configuration, sources and drafts, checks every draft and builds the report.
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DraftCheckOptions } from '../core/check.js';
import { misattributions } from '../core/misattribution.js';
import { SourceIndex } from '../core/sourceIndex.js';
import { addSummaries, summarize, type Summary } from '../core/summary.js';
import type { Finding } from '../core/types.js';
import {
  CONFIG_FILE_NAME,
  createDraftMatcher,
  findConfigRoot,
  loadConfig,
  loadConfigFile,
  sourceRoots,
  type LoadedConfig,
  type ProjectConfig,
} from '../io/config.js';
import { checkDraftWithinLimits } from '../io/draftLimits.js';
import { buildIndex, type BuiltIndex } from '../io/indexer.js';
import { DamagedIndexFile } from '../io/placesInFile.js';
import { UsageError } from './args.js';
import { expandDraftArgs, findDrafts, type DraftFile } from './drafts.js';
import { readDraftText, type DraftText } from './draftText.js';
import { ProgressLine } from './progress.js';
import { displayPath, QuoteReporter, type DraftReport, type Report } from './report.js';
import { defaultCacheDir, pathExists } from '../io/paths.js';

/** What a check run needs to know from the command line. */
export interface CheckRequest {
  sources: string[];
  drafts: string[];
  config: string | null;
  /** Whether to keep and use the persisted index. */
  cache: boolean;
}

/** The outcome of a run: the report, the findings per draft (for summaries) and the exit code. */
export interface CheckRun {
  report: Report;
  /** Findings of each checked draft, in the order of `report.results`; null for a draft that was skipped. */
  findings: (Finding[] | null)[];
  summary: Summary;
  exitCode: 0 | 1 | 2;
  /** A sentence for stderr when the run is a failure although it produced a report. */
  problem: string | null;
}

/** Checks the drafts of `request` relative to `cwd`. Throws a UsageError when nothing can be checked. */
export async function runCheck(request: CheckRequest, cwd: string): Promise<CheckRun> {
  const loaded = await resolveConfig(request.config, cwd);
  if (loaded.errors.length > 0) throw new UsageError(loaded.errors.join('\n'));
  const configRoot = loaded.file ? dirname(loaded.file) : cwd;
  const { config } = loaded;

  const roots = await resolveSourceRoots(request.sources, loaded, cwd);
  const drafts = await resolveDrafts(request.drafts, loaded, cwd, roots, configRoot);

  // A stored index file found damaged only as it is read (its places are read a block at a time) is discarded, and
  // the run starts again from the sources it held.
  let sources: BuiltIndex;
  let checked: { results: DraftReport[]; findings: (Finding[] | null)[] };
  for (let attempt = 0; ; attempt++) {
    sources = await indexSources(roots, drafts, config, request.cache, cwd);
    try {
      checked = await checkDrafts(drafts, sources.index, config, cwd);
      break;
    } catch (error) {
      if (!(error instanceof DamagedIndexFile) || attempt > 0) throw error;
      process.stderr.write(`verbatim: discarded a damaged index file ${error.file}: ${error.message}\n`);
      rmSync(error.file, { force: true });
    }
  }
  const { results, findings } = checked;
  const skippedSources = sources.skipped.map((skip) => ({ file: displayPath(skip.file, cwd), reason: skip.reason }));

  const summary = findings.reduce<Summary>(
    (total, list) => (list ? addSummaries(total, summarize(list)) : total),
    summarize([]),
  );
  const skippedDrafts = results.filter((result) => result.skipped !== undefined);
  // A draft checked only in part is not a pass, whatever its checked quotations say.
  const partial = results.some((result) => result.limit !== undefined);
  let exitCode: 0 | 1 | 2 = summary.verbatim === summary.total && skippedDrafts.length === 0 && !partial ? 0 : 1;
  let problem: string | null = null;
  if (skippedDrafts.length === results.length) {
    exitCode = 2;
    problem =
      results.length === 1
        ? `The draft ${results[0].file} could not be checked: ${results[0].skipped}.`
        : `None of the ${results.length} drafts could be checked; the first, ${results[0].file}: ${results[0].skipped}.`;
  }
  const report: Report = {
    version: 1,
    sources: { documents: sources.documents.length, bytes: sources.bytes, skipped: skippedSources },
    results,
  };
  const readInPart = sources.documents.flatMap((doc) =>
    (doc.notes ?? []).map((reason) => ({ file: displayPath(doc.id, cwd), reason })),
  );
  if (readInPart.length > 0) report.sources.partial = readInPart;
  return { report, findings, summary, exitCode, problem };
}

/** Reads the sources into an index, from the persisted index where it can; throws a UsageError when none can be read. */
async function indexSources(roots: string[], drafts: DraftFile[], config: ProjectConfig, cache: boolean, cwd: string): Promise<BuiltIndex> {
  // On a terminal, a long indexing run says how far it is; piped output stays the report alone.
  const progress = process.stderr.isTTY ? new ProgressLine(process.stderr) : null;
  let sources: BuiltIndex;
  try {
    sources = await buildIndex(roots, {
      maxFileBytes: config.maxSourceFileBytes,
      // A draft named on the command line may lie among the sources: it is checked against the others, never itself.
      notSources: drafts.map((draft) => draft.path),
      cacheDir: cache ? defaultCacheDir() : null,
      useCallingThread: true,
      // A run checks a few quotations against sources that may be large: a stored source's text is read only when
      // a check needs it.
      keepTexts: false,
      // It looks up a few keys and exits: the places of stored batches are read a bucket at a time.
      placesOnDisk: true,
      onProgress: (done, total) => progress?.update(`verbatim: reading sources, ${done} of ${total} files`),
      onNote: (note) => {
        progress?.done();
        process.stderr.write(`verbatim: ${note}\n`);
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  } finally {
    progress?.done();
  }
  const skippedSources = sources.skipped.map((skip) => ({ file: displayPath(skip.file, cwd), reason: skip.reason }));
  if (sources.documents.length === 0) {
    const named = roots.map((root) => displayPath(root, cwd)).join(', ');
    const first = skippedSources[0];
    throw new UsageError(
      first
        ? `No source in ${named} could be read (${skippedSources.length} skipped; ${first.file}: ${first.reason}).`
        : `The sources folder ${named} holds no source files.`,
    );
  }
  return sources;
}

/** Checks each draft against the index, in order: the report of each, and its findings (null for a draft skipped). */
async function checkDrafts(
  drafts: DraftFile[],
  index: SourceIndex,
  config: ProjectConfig,
  cwd: string,
): Promise<{ results: DraftReport[]; findings: (Finding[] | null)[] }> {
  const reporter = new QuoteReporter(index, cwd);
  const options = checkOptions(config);
  const results: DraftReport[] = [];
  const findings: (Finding[] | null)[] = [];
  for (const draft of drafts) {
    const checked = await checkOne(await readDraftText(draft.path), index, options);
    if ('skipped' in checked) {
      results.push({ file: draft.display, quotes: [], skipped: checked.skipped });
      findings.push(null);
      continue;
    }
    const misattributed = misattributions(checked.draft.text, checked.findings);
    const wrongSpeakers = new Map(misattributed.map((wrong) => [wrong.finding, wrong]));
    const quotes = checked.findings.map((finding) => reporter.quote(finding, checked.draft, wrongSpeakers.get(finding)));
    const result: DraftReport = { file: draft.display, quotes };
    if (checked.limit) result.limit = checked.limit;
    if (checked.leftOut > 0) result.disabled = checked.leftOut;
    results.push(result);
    findings.push(checked.findings);
  }
  return { results, findings };
}

/** The configuration named by --config, else the nearest verbatim.json from `cwd` up, else the defaults. */
export async function resolveConfig(explicit: string | null, cwd: string): Promise<LoadedConfig> {
  if (explicit !== null) return loadConfigFile(resolve(cwd, explicit), explicit);
  const root = await findConfigRoot(cwd);
  if (root === null) return loadConfig(cwd);
  const file = join(root, CONFIG_FILE_NAME);
  return loadConfigFile(file, displayPath(file, cwd));
}

/** Source roots: --sources as given, else the configuration's, else ./sources when it exists. */
async function resolveSourceRoots(given: string[], loaded: LoadedConfig, cwd: string): Promise<string[]> {
  if (given.length > 0) {
    for (const source of given) {
      if (!(await pathExists(resolve(cwd, source)))) throw new UsageError(`The sources folder ${source} does not exist.`);
    }
    return given.map((source) => resolve(cwd, source));
  }
  if (loaded.file) {
    const roots = sourceRoots(loaded.config, dirname(loaded.file));
    for (const root of roots) {
      if (!(await pathExists(root))) {
        throw new UsageError(`The sources folder ${displayPath(root, cwd)} named in ${displayPath(loaded.file, cwd)} does not exist.`);
      }
    }
    return roots;
  }
  const fallback = resolve(cwd, 'sources');
  if (await pathExists(fallback)) return [fallback];
  throw new UsageError('No sources given: pass --sources <folder>, create a verbatim.json naming them, or put them in ./sources.');
}

/** Drafts: the arguments, else the configuration's draft globs. */
async function resolveDrafts(
  given: string[],
  loaded: LoadedConfig,
  cwd: string,
  roots: string[],
  configRoot: string,
): Promise<DraftFile[]> {
  if (given.length > 0) return expandDraftArgs(given, cwd, roots);
  if (!loaded.file) {
    throw new UsageError('No drafts given: name the drafts to check, e.g. verbatim check drafts/, or list them in verbatim.json.');
  }
  const drafts = await findDrafts(configRoot, cwd, createDraftMatcher(loaded.config, configRoot), roots);
  if (drafts.length === 0) {
    throw new UsageError(`No draft matches the "drafts" globs of ${displayPath(loaded.file, cwd)}.`);
  }
  return drafts;
}

function checkOptions(config: ProjectConfig): Partial<DraftCheckOptions> {
  return {
    shortQuoteMaxWords: config.shortQuoteMaxWords,
    alteredThreshold: config.alteredThreshold,
    maxEllipsisWords: config.maxEllipsisWords,
    maxQuoteWords: config.maxQuoteWords,
    fillers: config.fillers,
    ignore: config.ignore,
  };
}

/**
 * A draft checked: its text, findings, why the check stopped short (null when it did not) and how many quotations
 * its comments left out.
 */
interface CheckedDraft {
  draft: DraftText;
  findings: Finding[];
  limit: string | null;
  leftOut: number;
}

/** Checks one draft; a failing check is reported for that draft alone, unless the index it read is damaged. */
async function checkOne(
  draft: DraftText | { skipped: string },
  index: SourceIndex,
  options: Partial<DraftCheckOptions>,
): Promise<CheckedDraft | { skipped: string }> {
  if ('skipped' in draft) return draft;
  try {
    // The command line has nothing else to serve meanwhile, so the check runs in one slice.
    const checked = await checkDraftWithinLimits(index, draft.text, draft.format, options, undefined, { sliceMs: Infinity });
    if (!checked) return { skipped: 'the check was cancelled' };
    return { draft, findings: checked.findings, limit: checked.stopped?.reason ?? null, leftOut: checked.leftOut };
  } catch (error) {
    // A damaged index is the whole run's to deal with: its sources are read again.
    if (error instanceof DamagedIndexFile) throw error;
    return { skipped: `the check failed (${error instanceof Error ? error.message : String(error)})` };
  }
}
