// Replaces a file of the persisted index at once: the new content is written aside and renamed over the old, so that
// a reader sees the old file or the new one, never half of either.
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writevSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes `chunks` one after the other as the new content of `path`, making its folder when needed. */
export function replaceFile(path: string, chunks: Uint8Array[]): void {
  mkdirSync(dirname(path), { recursive: true });
  // A name of its own: two builds of the same sources, in one process or two, may store the same file at once.
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const file = openSync(aside, 'w');
    try {
      writevSync(file, chunks);
    } finally {
      closeSync(file);
    }
    renameSync(aside, path);
  } catch (error) {
    rmSync(aside, { force: true });
    throw error;
  }
}
