// Builds the source index of a set of source folders: lists the files, cuts them into batches, prepares the batches
// on worker threads (or takes them from the cache) and puts them together into one SourceIndex.
import { createHash } from 'node:crypto';
import { closeSync, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SourceIndex } from '../core/sourceIndex.js';
import type { SourceDocument } from '../core/types.js';
import { runBatch, type BatchResult, type BatchTask, type WorkerJob, type WorkerMessage } from './batch.js';
import { tidyCache } from './cacheUpkeep.js';
import { batchFile, CACHE_FORMAT, filesRead, openBatchFile, receivedBatch, type FileStamp, type OpenedBatch, type StoredBatch } from './indexCache.js';
import { StoredJoin } from './joinedCache.js';
import { SourceTexts } from './lazyTexts.js';
import { DEFAULT_MAX_SOURCE_FILE_BYTES, listSourceFiles, type LoadSourcesOptions, type SkippedSource } from './sources.js';

/** Options of `buildIndex`. */
export interface BuildIndexOptions extends LoadSourcesOptions {
  /** Folder of the persisted index; null keeps nothing on disk. */
  cacheDir?: string | null;
  /** Worker threads to use (default: the machine's cores, at most 4); 0 prepares everything in this thread. */
  workers?: number;
  /**
   * Whether this thread prepares batches too, in place of one of the workers (one thread's memory less). The workers
   * then start only once a batch is to be indexed anew: a build whose batches are all stored starts none. Right for
   * the command line; a server keeps its thread free to answer requests.
   */
  useCallingThread?: boolean;
  /**
   * Sources larger than this many bytes in all keep their texts on disk: a text is read again when a check reports
   * from it (default 256 MiB).
   */
  textsInMemory?: number;
  /**
   * Whether the texts of sources taken from the persisted index are read at once (default: when the sources are
   * within `textsInMemory`). Without, a text is read from its file when a check needs it, and kept from then on
   * unless the sources are too large. Sources indexed anew keep the texts just read, unless the sources are too large.
   */
  keepTexts?: boolean;
  /**
   * Whether stored batches leave their places, the larger half of a stored batch, in their files, read a bucket at a
   * time when a key is looked up; the files then stay open until the process ends (so the first 256 batches only do,
   * about 1.5 GB of sources, and only those this thread reads). Right for the command line, which looks up a few keys
   * and exits (default false).
   */
  placesOnDisk?: boolean;
  /** Called with a line for the log when something about the cache is worth knowing (a damaged file discarded). */
  onNote?: (note: string) => void;
}

/** A built index and what went into it. */
export interface BuiltIndex {
  index: SourceIndex;
  documents: SourceDocument[];
  skipped: SkippedSource[];
  /** Size in bytes of the files read as documents, in all and per document. */
  bytes: number;
  sizes: Map<string, number>;
  /** How many source files came from the persisted index, and how many were read and indexed anew. */
  fromCache: number;
  indexed: number;
}

/** Batches are cut after a file once they hold about this many bytes, at a place chosen by the file's path. */
const BATCH_BYTES = 4 * 1024 * 1024;
/** At most this many stored batches keep their files open to read places from (see `placesOnDisk`). */
const MAX_FILES_OPEN = 256;
/** Above this many bytes of sources, texts stay on disk; below it, they are kept in memory. */
const TEXTS_IN_MEMORY = 256 * 1024 * 1024;
/** How many characters of texts read back from disk are kept, most recently used first. */
const RECENT_TEXT_CHARACTERS = 16 * 1024 * 1024;

/**
 * Indexes every source under `roots`. Throws, like `loadSources`, when a root does not exist. Source files that
 * cannot be read are listed in `skipped`; they never stop the build.
 */
export async function buildIndex(roots: string[], options: BuildIndexOptions = {}): Promise<BuiltIndex> {
  const listed = await listSourceFiles(roots, options);
  const stamps = await Promise.all(listed.files.map(stampOf));
  const batches = cutBatches(stamps);
  const cacheDir = options.cacheDir ? join(options.cacheDir, `v${CACHE_FORMAT}`, keyOf(roots)) : null;
  // A collection too large to hold as text keeps its texts on disk, and only the most recently used in memory;
  // the batches never bring theirs, so that they are never all in memory at once.
  const total = stamps.reduce((sum, stamp) => sum + stamp.size, 0);
  const small = total <= (options.textsInMemory ?? TEXTS_IN_MEMORY);
  const texts = new SourceTexts(small ? Infinity : RECENT_TEXT_CHARACTERS);
  const tasks: BatchTask[] = batches.map((files) => ({
    files,
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_SOURCE_FILE_BYTES,
    cacheFile: cacheDir ? batchFile(cacheDir, files.map((file) => file.path)) : null,
    texts: { fresh: small, stored: options.keepTexts ?? small },
  }));

  const order = largestFirst(tasks);
  const threads = options.workers ?? Math.min(4, availableParallelism());
  const useCallingThread = options.useCallingThread === true;
  // When this thread prepares batches and their places are to stay on disk, the stored ones are read ahead, in the
  // order it takes them, while it reads the stored dictionary and joins the batches read before. Each keeps its file
  // open: past a bound, the batches are read whole instead. A worker always reads them whole: a file it opens is
  // closed when it ends.
  const ahead = new Map<number, Promise<OpenedBatch | Error>>();
  const readAhead = options.placesOnDisk === true && callingThreadWorks(threads, useCallingThread);
  for (const n of readAhead ? order : []) {
    const { cacheFile } = tasks[n];
    if (cacheFile && n < MAX_FILES_OPEN) ahead.set(n, openBatchFile(cacheFile).catch((error: unknown) => asError(error)));
  }

  const index = new SourceIndex();
  const built: BuiltIndex = {
    index,
    documents: [],
    skipped: [...listed.skipped],
    bytes: 0,
    sizes: new Map(),
    fromCache: 0,
    indexed: 0,
  };
  // The batches are joined with the numbers their words had when they were last joined, when those were stored.
  const joiner = cacheDir ? new StoredJoin(index, cacheDir, (note) => options.onNote?.(note)) : null;
  const add = (n: number, result: BatchResult) => {
    const { stored } = result;
    const docs = result.documents ?? documentsOnDisk(stored, texts);
    // Not copied: a stored batch makes its words strings only when they are asked for.
    const batch = receivedBatch(stored.batch);
    if (joiner) joiner.add(n, basename(tasks[n].cacheFile!), stored.id, docs, batch);
    else index.addBatch(docs, batch);
    built.documents.push(...docs);
    for (const file of filesRead(stored)) built.sizes.set(file.path, file.size);
    built.skipped.push(...stored.skipped);
    built.bytes += stored.bytes;
    if (result.fromCache) built.fromCache += stored.files.length;
    else built.indexed += stored.files.length;
    if (result.note) options.onNote?.(result.note);
  };

  // The threads take the largest batches first: the last ones, which a thread may end up preparing while the others
  // have nothing left to do, are then the smallest. Batches join the index in that order, each as soon as all before
  // it have, while the other threads go on preparing theirs: the index is the same whatever order the threads finish
  // in, and a batch seldom waits long in memory to join.
  const waiting = new Map<number, BatchResult>();
  let added = 0;
  let done = 0;
  await runAll(tasks, order, ahead, threads, useCallingThread, (n, result) => {
    done += tasks[n].files.length;
    options.onProgress?.(done, stamps.length);
    waiting.set(n, result);
    for (let next = waiting.get(order[added]); next; next = waiting.get(order[added])) {
      waiting.delete(order[added]);
      add(order[added++], next);
    }
  });
  if (cacheDir) {
    await joiner!.finish().catch((error: Error) => options.onNote?.(`could not store the index's dictionary in ${cacheDir}: ${error.message}`));
    await tidyCache(options.cacheDir!, cacheDir, new Set(tasks.map((task) => basename(task.cacheFile!))), (note) => options.onNote?.(note));
  }
  return built;
}

/** Stand-ins for the batch's documents that read their texts from disk when asked. */
function documentsOnDisk(stored: StoredBatch, texts: SourceTexts): SourceDocument[] {
  const read = filesRead(stored);
  const { marks, lengths } = stored.batch;
  return stored.docs.map((doc, n) => texts.lazy(doc, read[n], marks[n], lengths[n]));
}

async function stampOf(path: string): Promise<FileStamp> {
  try {
    const info = await stat(path);
    return { path, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs };
  } catch {
    // The file vanished after it was listed: reading it will say so.
    return { path, size: 0, mtimeMs: 0, ctimeMs: 0 };
  }
}

/**
 * Cuts the files, in their listed order, into batches of about BATCH_BYTES. A batch ends only after a file whose
 * path hashes to a multiple of four, so that adding or removing one file moves the cuts near it and no others:
 * the other batches keep their stored copies.
 */
function cutBatches(files: FileStamp[]): FileStamp[][] {
  const batches: FileStamp[][] = [];
  let current: FileStamp[] = [];
  let bytes = 0;
  for (const file of files) {
    current.push(file);
    bytes += file.size;
    const cut = (bytes >= BATCH_BYTES && pathHash(file.path) % 4 === 0) || bytes >= 4 * BATCH_BYTES;
    if (cut) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function pathHash(path: string): number {
  return createHash('sha1').update(path).digest().readUInt32LE(0);
}

function keyOf(roots: string[]): string {
  return createHash('sha1').update([...roots].sort().join('\n')).digest('hex').slice(0, 16);
}

/**
 * Runs the tasks, taken in `order`, on up to `workers` threads (one of them this one, when `useCallingThread`), in
 * this thread alone when there are no others, and hands each result to `onDone` with the task's number as it arrives.
 * `ahead` holds the stored batches being read ahead for this thread; those a worker prepares instead are closed.
 */
async function runAll(
  tasks: BatchTask[],
  order: number[],
  ahead: Map<number, Promise<OpenedBatch | Error>>,
  workers: number,
  useCallingThread: boolean,
  onDone: (n: number, result: BatchResult) => void,
): Promise<void> {
  if (tasks.length === 0) return;
  const threads = Math.min(workers, tasks.length);
  // Every thread takes its next task from one shared counter, so that a worker never waits for this thread, busy
  // with a batch of its own, to hand it one.
  const next = new Int32Array(new SharedArrayBuffer(4));
  let received = 0;
  let allReceived = () => {};
  const finished = new Promise<void>((resolve) => (allReceived = resolve));
  const done = (n: number, result: BatchResult) => {
    onDone(n, result);
    if (++received === tasks.length) allReceived();
  };
  const workerCount = !workerFile() ? 0 : useCallingThread ? Math.max(0, threads - 1) : threads;
  let started: Worker[] = [];
  let fail: (error: Error) => void = () => {};
  // A worker fails the whole build; one still loading when every result is in has taken no task, and is stopped.
  const failed = new Promise<never>((_, reject) => (fail = reject));
  // Stopping the workers at the end makes them exit, which is no failure then.
  failed.catch(() => {});
  const startWorkers = () => {
    if (started.length > 0 || workerCount === 0) return;
    const job: WorkerJob = { tasks, order, next: next.buffer as SharedArrayBuffer };
    started = Array.from({ length: workerCount }, startWorker);
    for (const worker of started) {
      worker.on('message', (message: WorkerMessage) => {
        if (message.result) done(message.n, message.result);
        else fail(new Error(message.error ?? 'the indexing thread failed'));
      });
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`the indexing thread stopped (exit code ${code})`)));
      worker.postMessage(job);
    }
  };
  const here = async (): Promise<void> => {
    for (let k = Atomics.add(next, 0, 1); k < order.length; k = Atomics.add(next, 0, 1)) {
      const n = order[k];
      // This thread reads stored batches sooner than a worker starts: the workers start once a batch is to be
      // indexed anew, so that a run whose batches are all stored never pays for them.
      const cacheFile = tasks[n].cacheFile;
      if (cacheFile === null || !existsSync(cacheFile)) startWorkers();
      const opened = ahead.get(n);
      ahead.delete(n);
      const result = runBatch(tasks[n], opened && (await opened));
      if (!result.fromCache) startWorkers();
      done(n, result);
      // The workers' results that came in meanwhile join the index before this thread takes its next batch.
      await new Promise(setImmediate);
    }
  };
  const hereToo = callingThreadWorks(threads, useCallingThread);
  if (!hereToo) startWorkers();
  try {
    await Promise.race([Promise.all([hereToo ? here() : null, finished]), failed]);
  } finally {
    await Promise.all(started.map((worker) => worker.terminate()));
    for (const opened of ahead.values()) void opened.then((file) => file instanceof Error || closeSync(file.fd));
  }
}

/** Whether this thread prepares batches: when asked to, or when there are no workers, whatever it was asked. */
function callingThreadWorks(workers: number, useCallingThread: boolean): boolean {
  return useCallingThread || workers === 0 || !workerFile();
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** The numbers of the tasks, the one with the most bytes of files first; among equals, in their order. */
function largestFirst(tasks: BatchTask[]): number[] {
  const bytes = tasks.map((task) => task.files.reduce((sum, file) => sum + file.size, 0));
  return tasks.map((_, n) => n).sort((a, b) => bytes[b] - bytes[a] || a - b);
}

/** The worker's script: the bundled one next to this bundle, or the TypeScript source when run from source. */
function workerFile(): string | null {
  const file = join(__dirname, __filename.endsWith('.ts') ? 'indexWorker.ts' : 'indexWorker.js');
  return existsSync(file) ? file : null;
}

function startWorker(): Worker {
  const file = workerFile()!;
  if (!file.endsWith('.ts')) return new Worker(file);
  // Run from source (the tests), the worker registers the same TypeScript loader as this thread first.
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true });
}
