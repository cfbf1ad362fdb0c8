// Small questions about paths on disk that the command line and the language server both ask.
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * The default folder of the command line's cache: $XDG_CACHE_HOME/verbatim, or ~/.cache/verbatim. A relative
 * XDG_CACHE_HOME is ignored, as the XDG specification asks: it would put a cache in every folder a check runs in.
 */
export function defaultCacheDir(): string {
  const set = process.env.XDG_CACHE_HOME;
  const base = set && isAbsolute(set) ? set : join(homedir(), '.cache');
  return join(base, 'verbatim');
}

/** True when a folder is at `path`. */
export async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
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
