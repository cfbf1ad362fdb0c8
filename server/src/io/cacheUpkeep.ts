// Keeps the persisted index from growing without bound: after a build, the stored batches no batch uses any more,
// the indexes earlier versions stored in a format of their own, and the indexes of source folders that have not been
// checked for a long time are removed.
import { readdir, rm, stat, utimes } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CACHE_FORMAT } from './indexCache.js';

/** An index of a set of source folders that no build has used for this many days is removed. */
export const UNUSED_INDEX_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Tidies the cache folder `root` after a build that stored its index in `dir` (`root`/v<format>/<folders' key>) and
 * uses the batch files `used` there. `onNote` hears of every index removed, and of one that could not be.
 */
export async function tidyCache(root: string, dir: string, used: Set<string>, onNote: (note: string) => void): Promise<void> {
  await pruneBatches(dir, used);
  await dropUnusedIndexes(dir, onNote);
  await dropEarlierFormats(root, onNote);
}

/** Removes stored batches of `dir` that no batch uses any more. */
async function pruneBatches(dir: string, used: Set<string>): Promise<void> {
  const names = await namesIn(dir);
  await Promise.all(
    names.filter((name) => name.endsWith('.vbi') && !used.has(name)).map((name) => rm(join(dir, name), { force: true })),
  );
}

/**
 * Marks the index in `dir` as used now (its folder's modification time), and removes the indexes beside it, of other
 * sets of source folders, that have not been used for UNUSED_INDEX_DAYS: they are made again if those folders are
 * ever checked again.
 */
async function dropUnusedIndexes(dir: string, onNote: (note: string) => void): Promise<void> {
  const now = new Date();
  await utimes(dir, now, now).catch(() => {});
  const formatDir = dirname(dir);
  for (const name of await namesIn(formatDir)) {
    if (name === basename(dir)) continue;
    const folder = join(formatDir, name);
    try {
      const info = await stat(folder);
      if (!info.isDirectory() || now.getTime() - info.mtimeMs < UNUSED_INDEX_DAYS * DAY_MS) continue;
    } catch {
      continue;
    }
    await remove(folder, `the index of sources not checked for ${UNUSED_INDEX_DAYS} days`, onNote);
  }
}

/**
 * Removes the indexes that earlier versions of Verbatim stored in `root` in a format of their own (folders `v1`, `v2`,
 * ... below the current one), which no run of this version reads: after an upgrade they would otherwise stay on disk
 * for good. Folders of later formats, of a newer version still in use beside this one, are left alone.
 */
async function dropEarlierFormats(root: string, onNote: (note: string) => void): Promise<void> {
  for (const name of await namesIn(root)) {
    const format = /^v(\d+)$/.exec(name);
    if (format && Number(format[1]) < CACHE_FORMAT) await remove(join(root, name), 'the index an earlier version of Verbatim stored', onNote);
  }
}

async function remove(folder: string, what: string, onNote: (note: string) => void): Promise<void> {
  try {
    await rm(folder, { recursive: true, force: true });
    onNote(`removed ${what} in ${folder}`);
  } catch (error) {
    onNote(`could not remove ${what} in ${folder}: ${(error as Error).message}`);
  }
}

/** The names in a folder; none when it cannot be read. */
async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
