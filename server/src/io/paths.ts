// Small questions about paths on disk that the command line and the language server both ask.
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The default folder of the command line's cache: $XDG_CACHE_HOME/verbatim, or ~/.cache/verbatim. */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'verbatim');
}

/** True when something (a file or a folder) exists at `path`; false when it does not or cannot be looked at. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
