// Small questions about paths on disk that the command line and the language server both ask.
import { stat } from 'node:fs/promises';

/** True when something (a file or a folder) exists at `path`; false when it does not or cannot be looked at. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
