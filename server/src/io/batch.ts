// Reads one batch of source files and prepares it for the index, or takes it from the cache when none of its files
// changed. Runs in a worker thread when it can, in the calling thread otherwise.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { prepareBatch } from '../core/prepare.js';
import type { SourceDocument } from '../core/types.js';
import type { TextEncoding } from './decode.js';
import {
  contentHash,
  decodeOpened,
  encodeBatch,
  filesRead,
  readBatchFile,
  storedFileNote,
  type FileStamp,
  type OpenedBatch,
  type StoredBatch,
  type StoredDoc,
} from './indexCache.js';
import { PlacesInFile } from './placesInFile.js';
import { replaceFile } from './replaceFile.js';
import { layoutOf } from './storedText.js';
import { loadSourceFileNow } from './sources.js';

/** One batch to prepare: its files as they are now, and where its stored copy lives (null: no cache). */
export interface BatchTask {
  files: FileStamp[];
  maxFileBytes: number;
  cacheFile: string | null;
  /**
   * Whether the result brings the documents with their texts: `fresh` for a batch just read (its texts are at hand),
   * `stored` for a batch taken from the cache as well (its files are read again). Texts not brought are read from
   * the files when a check needs them.
   */
  texts: { fresh: boolean; stored: boolean };
}

/**
 * A prepared batch: what is stored of it, the documents with their texts (when the task asked for them, in the
 * order of `stored.docs`), and whether it came from the cache; `note` says why a stored copy was not used or could
 * not be written.
 */
export interface BatchResult {
  stored: StoredBatch;
  documents: SourceDocument[] | null;
  fromCache: boolean;
  note: string | null;
}

/**
 * What a worker is given: every task, the order in which the threads take them, and the counter of that order from
 * which all threads take their next one.
 */
export interface WorkerJob {
  tasks: BatchTask[];
  order: number[];
  next: SharedArrayBuffer;
}

/** A worker's message: the result of task `n`, or why the thread failed. */
export interface WorkerMessage {
  n: number;
  result?: BatchResult;
  error?: string;
}

/**
 * Prepares the batch, from the cache when its stored copy is still true to the files. Reads and writes files at once:
 * the thread that prepares a batch has nothing else to do meanwhile, and an asynchronous read, in small pieces, each
 * waits its turn behind the thread's other work. `opened` is the stored copy already read with its places left in
 * its file (see `openBatchFile`), or the error reading it met; without it, the stored copy is read whole.
 */
export function runBatch(task: BatchTask, opened?: OpenedBatch | Error): BatchResult {
  let note: string | null = null;
  if (task.cacheFile) {
    try {
      if (opened instanceof Error) throw opened;
      const stored = opened ? decodeOpened(opened) : readBatchFile(task.cacheFile);
      if (stored.maxFileBytes === task.maxFileBytes && stillTrue(stored, task.files)) {
        const documents = task.texts.stored ? readTexts(stored, task.maxFileBytes) : null;
        // A file that changed while its stamp stayed the same is caught when its text is read: indexed anew.
        if (!task.texts.stored || documents) {
          return { stored, documents, fromCache: true, note: null };
        }
      }
      const { places } = stored.batch.segment;
      if (places instanceof PlacesInFile) places.close();
    } catch (error) {
      note = storedFileNote(task.cacheFile, error);
    }
  }
  const { stored, documents, again } = readBatch(task);
  // A batch with a file that may read another time is not kept: the next run tries the file again.
  if (task.cacheFile && !again) {
    try {
      replaceFile(task.cacheFile, encodeBatch(stored));
    } catch (error) {
      note = `could not store the index in ${task.cacheFile}: ${(error as Error).message}`;
    }
  }
  return { stored, documents: task.texts.fresh ? documents : null, fromCache: false, note };
}

function readBatch(task: BatchTask): { stored: StoredBatch; documents: SourceDocument[]; again: boolean } {
  const documents: SourceDocument[] = [];
  const encodings: { encoding?: TextEncoding; bytes: number }[] = [];
  const skipped: StoredBatch['skipped'] = [];
  const files: StoredBatch['files'] = [];
  let bytes = 0;
  let again = false;
  for (const file of task.files) {
    const loaded = loadSourceFileNow(file.path, { maxFileBytes: task.maxFileBytes });
    if ('skip' in loaded) {
      skipped.push({ file: file.path, reason: loaded.skip });
      again ||= loaded.again === true;
      files.push({ ...file, hash: '' });
      continue;
    }
    documents.push(loaded.document);
    encodings.push({ encoding: loaded.encoding, bytes: loaded.bytes });
    bytes += loaded.bytes;
    files.push({ ...file, hash: loaded.hash });
  }
  const batch = prepareBatch(documents.map((doc) => doc.text));
  const docs = documents.map((doc, n): StoredDoc => {
    const stored: StoredDoc = { id: doc.id, meta: doc.meta, mapped: doc.file !== undefined };
    if (doc.notes) stored.notes = [...doc.notes];
    // A plain text whose characters are exactly its file's bytes can be read back a stretch at a time.
    const { encoding, bytes: size } = encodings[n];
    if (!stored.mapped && encoding) stored.layout = layoutOf(doc.text, batch.marks[n], encoding, size);
    return stored;
  });
  const id = randomBytes(8).toString('hex');
  return { stored: { id, files, docs, skipped, bytes, maxFileBytes: task.maxFileBytes, batch }, documents, again };
}

/** The stored documents read again with their texts; null when a file no longer has the content it was indexed with. */
function readTexts(stored: StoredBatch, maxFileBytes: number): SourceDocument[] | null {
  const documents: SourceDocument[] = [];
  for (const file of filesRead(stored)) {
    const loaded = loadSourceFileNow(file.path, { maxFileBytes });
    if ('skip' in loaded || loaded.hash !== file.hash) return null;
    documents.push(loaded.document);
  }
  return documents.length === stored.docs.length ? documents : null;
}

/**
 * True when every file of the stored batch is as it was: same path, size and times (of modification and of change),
 * or, when only a time moved, the same content.
 */
function stillTrue(stored: StoredBatch, files: FileStamp[]): boolean {
  if (stored.files.length !== files.length) return false;
  for (let n = 0; n < files.length; n++) {
    const was = stored.files[n];
    const now = files[n];
    if (was.path !== now.path || was.size !== now.size) return false;
    if (was.mtimeMs === now.mtimeMs && was.ctimeMs === now.ctimeMs) continue;
    if (was.hash === '') return false;
    try {
      if (statSync(now.path).size !== was.size || contentHash(readFileSync(now.path)) !== was.hash) return false;
    } catch {
      return false;
    }
  }
  return true;
}
