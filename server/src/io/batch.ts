// Reads one batch of source files and prepares it for the index, or takes it from the cache when none of its files
// changed. Runs in a worker thread when it can, in the calling thread otherwise.
import { mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';
import { dirname } from 'node:path';
import { prepareBatch } from '../core/prepare.js';
import type { SourceDocument } from '../core/types.js';
import { decodeSource } from './decode.js';
import { contentHash, decodeBatch, encodeBatch, type FileStamp, type StoredBatch } from './indexCache.js';
import { loadSourceFile } from './sources.js';

/** One batch to prepare: its files as they are now, and where its stored copy lives (null: no cache). */
export interface BatchTask {
  files: FileStamp[];
  maxFileBytes: number;
  cacheFile: string | null;
}

/** A prepared batch, and whether it came from the cache; `note` says why a stored copy was not used. */
export interface BatchResult {
  stored: StoredBatch;
  fromCache: boolean;
  note: string | null;
}

/** Prepares the batch, from the cache when its stored copy is still true to the files. */
export async function runBatch(task: BatchTask): Promise<BatchResult> {
  let note: string | null = null;
  if (task.cacheFile) {
    try {
      const stored = decodeBatch(await readFile(task.cacheFile));
      if (await stillTrue(stored, task.files)) return { stored, fromCache: true, note: null };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A missing file is simply a first run; anything else is a damaged file, discarded and said so.
      if (code !== 'ENOENT') note = `discarded a damaged index file ${task.cacheFile}: ${(error as Error).message}`;
    }
  }
  const stored = await readBatch(task);
  if (task.cacheFile) {
    try {
      await mkdir(dirname(task.cacheFile), { recursive: true });
      const temporary = `${task.cacheFile}.${process.pid}.${threadId}.tmp`;
      const file = await open(temporary, 'w');
      try {
        for (const chunk of encodeBatch(stored)) await file.write(chunk);
      } finally {
        await file.close();
      }
      await rename(temporary, task.cacheFile);
    } catch (error) {
      note = `could not store the index in ${task.cacheFile}: ${(error as Error).message}`;
    }
  }
  return { stored, fromCache: false, note };
}

async function readBatch(task: BatchTask): Promise<StoredBatch> {
  const docs: SourceDocument[] = [];
  const skipped: StoredBatch['skipped'] = [];
  const files: StoredBatch['files'] = [];
  let bytes = 0;
  for (const file of task.files) {
    const loaded = await loadSourceFile(file.path, { maxFileBytes: task.maxFileBytes });
    if ('skip' in loaded) {
      skipped.push({ file: file.path, reason: loaded.skip });
      files.push({ ...file, hash: '' });
      continue;
    }
    docs.push(loaded.document);
    bytes += loaded.bytes;
    files.push({ ...file, hash: contentHash(loaded.document.file?.content ?? loaded.document.text) });
  }
  return { files, docs, skipped, bytes, batch: prepareBatch(docs.map((doc) => doc.text)) };
}

/**
 * True when every file of the stored batch is as it was: same path, size and modification time, or, when only the
 * time moved, the same content.
 */
async function stillTrue(stored: StoredBatch, files: FileStamp[]): Promise<boolean> {
  if (stored.files.length !== files.length) return false;
  for (let n = 0; n < files.length; n++) {
    const was = stored.files[n];
    const now = files[n];
    if (was.path !== now.path || was.size !== now.size) return false;
    if (was.mtimeMs === now.mtimeMs) continue;
    if (was.hash === '') return false;
    try {
      const info = await stat(now.path);
      if (info.size !== was.size) return false;
      const decoded = decodeSource(await readFile(now.path));
      if ('skip' in decoded || contentHash(decoded.text) !== was.hash) return false;
    } catch {
      return false;
    }
  }
  return true;
}
