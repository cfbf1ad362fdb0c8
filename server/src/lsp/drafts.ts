// Finds the drafts of a workspace folder on disk, for checking the whole workspace.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { NEVER_DRAFT_FOLDERS } from '../io/config.js';
import { decodeSource } from '../io/decode.js';

/**
 * Lists the files under `folder` that `isDraft` accepts, in a stable order. Symbolic links are not followed and
 * folders that never hold drafts (node_modules, .git, hidden folders, the source folders) are not entered, so
 * the walk ends on any tree. Folders that cannot be read are reported through `onSkip`.
 */
export async function findDrafts(
  folder: string,
  isDraft: (path: string) => boolean,
  isSource: (path: string) => boolean,
  onSkip: (path: string, reason: string) => void,
): Promise<string[]> {
  const drafts: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      onSkip(dir, `the folder could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || NEVER_DRAFT_FOLDERS.includes(entry.name) || isSource(path)) continue;
        pending.push(path);
      } else if (entry.isFile() && isDraft(path)) {
        drafts.push(path);
      }
    }
  }
  return drafts.sort();
}

/** Reads a draft from disk and decodes it; a draft too large or not text is skipped with the reason. */
export async function readDraft(path: string, maxBytes: number): Promise<{ text: string } | { skip: string }> {
  try {
    const info = await stat(path);
    if (maxBytes > 0 && info.size > maxBytes) return { skip: `the file is larger than ${maxBytes} bytes` };
    return decodeSource(await readFile(path));
  } catch (error) {
    return { skip: `the file could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})` };
  }
}
