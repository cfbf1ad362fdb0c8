// Replaces a file of the persisted index at once: the new content is written aside and renamed over the old, so that
// a reader sees the old file or the new one, never half of either.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes `chunks` one after the other as the new content of `path`, making its folder when needed. */
export async function replaceFile(path: string, chunks: Uint8Array[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // A name of its own: two builds of the same sources, in one process or two, may store the same file at once.
  const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const file = await open(aside, 'w');
    try {
      await file.writev(chunks);
    } finally {
      await file.close();
    }
    await rename(aside, path);
  } catch (error) {
    await rm(aside, { force: true });
    throw error;
  }
}
