// Turns the draft arguments of `verbatim check` (files, folders, globs) or the configuration's globs into files.
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { NEVER_DRAFT_FOLDERS } from '../io/config.js';
import { UsageError } from './args.js';

/**
 * File extensions of the drafts found when a folder is walked: text, Markdown and LaTeX, and what word processors save
 * drafts as. Web pages and PDFs are drafts only when named (or matched by a glob): beside drafts, they are more often
 * material kept for reference.
 */
export const DRAFT_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.txt', '.tex', '.docx', '.doc', '.odt', '.rtf'];

/** One draft to check: the path to show (as given, or relative to the working folder) and the absolute path. */
export interface DraftFile {
  display: string;
  path: string;
}

/** Whether a file name has one of the draft extensions. */
export function hasDraftExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return DRAFT_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/**
 * Expands draft arguments relative to `cwd`. A file is taken as it is, a folder is walked for drafts (leaving out
 * `excluded` folders such as the sources), anything else is read as a glob. Throws a UsageError for an argument
 * that names nothing.
 */
export async function expandDraftArgs(args: string[], cwd: string, excluded: string[]): Promise<DraftFile[]> {
  const found: DraftFile[] = [];
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    const kind = await kindOf(absolute);
    if (kind === 'file') {
      found.push({ display: arg, path: absolute });
    } else if (kind === 'folder') {
      const files = await walk(absolute, excluded);
      const drafts = files.filter((file) => hasDraftExtension(file));
      if (drafts.length === 0) {
        const kinds = `${DRAFT_EXTENSIONS.slice(0, -1).join(', ')} or ${DRAFT_EXTENSIONS.at(-1)}`;
        throw new UsageError(`The folder ${arg} holds no drafts (${kinds} files).`);
      }
      for (const file of drafts) found.push({ display: join(arg, relative(absolute, file)), path: file });
    } else if (picomatch.scan(arg).isGlob) {
      const matches = await expandGlob(arg, cwd, excluded);
      if (matches.length === 0) throw new UsageError(`No draft matches ${arg}.`);
      found.push(...matches);
    } else {
      throw new UsageError(`The draft ${arg} ${await whyNoDraft(absolute)}.`);
    }
  }
  return await unique(found);
}

/** The files under `root` that `matches` accepts (given paths relative to `root`), shown relative to `cwd`. */
export async function findDrafts(
  root: string,
  cwd: string,
  matches: (path: string) => boolean,
  excluded: string[],
): Promise<DraftFile[]> {
  const files = await walk(root, excluded);
  return unique(files.filter((file) => matches(relative(root, file))).map((file) => ({ display: relative(cwd, file) || file, path: file })));
}

async function expandGlob(glob: string, cwd: string, excluded: string[]): Promise<DraftFile[]> {
  const pattern = glob.split(sep).join('/');
  const { base } = picomatch.scan(pattern);
  const root = resolve(cwd, base || '.');
  const isMatch = picomatch(pattern, { windows: false });
  const files = await walk(root, excluded);
  const matched: DraftFile[] = [];
  for (const file of files) {
    // The glob is matched in the spelling the user wrote: the base as given, then the path below it.
    const below = relative(root, file).split(sep).join('/');
    const spelled = base ? `${base.replace(/\/$/, '')}/${below}` : below;
    if (isMatch(spelled)) matched.push({ display: spelled, path: file });
  }
  return matched;
}

/**
 * Every file under `root` in name order, leaving out hidden folders, node_modules and the `excluded` folders.
 * Symbolic links to files are followed; links to folders are not, so a link loop cannot trap the walk.
 */
async function walk(root: string, excluded: string[]): Promise<string[]> {
  const files: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      // A folder that cannot be listed holds no drafts we could read; the rest of the walk goes on.
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || NEVER_DRAFT_FOLDERS.includes(entry.name)) continue;
        if (excluded.some((folder) => path === folder || path.startsWith(folder + sep))) continue;
        await visit(path);
      } else if (entry.isFile() || (entry.isSymbolicLink() && (await kindOf(path)) === 'file')) {
        files.push(path);
      }
    }
  };
  await visit(root);
  return files;
}

async function kindOf(path: string): Promise<'file' | 'folder' | null> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

/** Why a path that is neither a file nor a folder names no draft. */
async function whyNoDraft(path: string): Promise<string> {
  try {
    const info = await lstat(path);
    return info.isSymbolicLink() ? 'is a broken symbolic link' : 'is not a regular file (a pipe or a device?)';
  } catch {
    return 'does not exist';
  }
}

/** The drafts without repeats: a file named twice, or reached again through a symbolic link, is checked once. */
async function unique(drafts: DraftFile[]): Promise<DraftFile[]> {
  const seen = new Set<string>();
  const once: DraftFile[] = [];
  for (const draft of drafts) {
    const real = await realpath(draft.path).catch(() => draft.path);
    if (seen.has(real)) continue;
    seen.add(real);
    once.push(draft);
  }
  return once;
}
