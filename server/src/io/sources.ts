// Loads the source files under the configured folders into SourceDocuments, listing every file it had to skip.
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { extensionOf, sourceFormat } from '../core/sources/index.js';
import type { SourceDocument } from '../core/types.js';
import type { TextEncoding } from './decode.js';
import { contentHash } from './indexCache.js';
import { documentFromBytes } from './sourceBytes.js';

/** Source files larger than this are skipped (and listed), never truncated: 20 MiB. */
export const DEFAULT_MAX_SOURCE_FILE_BYTES = 20 * 1024 * 1024;

/** How many files are read at the same time. */
const READ_CONCURRENCY = 4;

/** Options of `loadSources`. */
export interface LoadSourcesOptions {
  /** Files larger than this many bytes are skipped with a reason (default DEFAULT_MAX_SOURCE_FILE_BYTES). */
  maxFileBytes?: number;
  /** Globs (relative to each root folder) a file must match to be read; all supported files when absent. */
  include?: string[];
  /** Globs (relative to each root folder) of files and folders to leave out silently. */
  exclude?: string[];
  /**
   * A folder that every source must really lie in, symbolic links resolved (the workspace folder of an untrusted
   * workspace): files and folders that lead outside it are skipped with the reason, never read.
   */
  within?: string;
  /** Files that are no sources wherever they lie (the drafts of a run): no draft is checked against itself. */
  notSources?: string[];
  /** Called after each file with the number of files done and the total found. */
  onProgress?: (done: number, total: number) => void;
}

/** A file that was not read as a source, and why, in one phrase ("unsupported format (.jpg)"). */
export interface SkippedSource {
  file: string;
  reason: string;
}

/** The outcome of loading sources. */
export interface LoadedSources {
  documents: SourceDocument[];
  skipped: SkippedSource[];
  /** Total size in bytes of the files read as documents. */
  bytes: number;
}

/**
 * The outcome of loading one source file: its document, its size in bytes, the hash of its bytes (see `contentHash`)
 * and its text's encoding when exact (see `decodeSource`); or why it is skipped, and whether it may be read another
 * time (see `DocumentResult`).
 */
export type LoadedSourceFile =
  | { document: SourceDocument; bytes: number; hash: string; encoding?: TextEncoding }
  | { skip: string; again?: boolean };

/**
 * Loads every source under `roots`. A root is a folder, walked recursively, or a single file. Files of the formats
 * of SOURCE_EXTENSIONS (text, Markdown, web pages, subtitles, word processors' documents, e-books, PDFs, emails and
 * saved web pages) are read; other files are listed as skipped with their reason, as are files over the size limit,
 * binary or unreadable files and files that vanish while being read. Dotfiles and dot-folders (such as .git) are
 * ignored silently. Symbolic links are followed, but a folder or file reached twice (a link loop, two links to one
 * place) is read once. Document ids are absolute paths.
 * Throws an Error with a one-sentence message when a root does not exist or cannot be read.
 */
export async function loadSources(roots: string[], options: LoadSourcesOptions = {}): Promise<LoadedSources> {
  const { files, skipped } = await listSourceFiles(roots, options);
  const results: LoadedSourceFile[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const index = next++;
      results[index] = await loadSourceFile(files[index]!, options);
      options.onProgress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));

  const documents: SourceDocument[] = [];
  let bytes = 0;
  results.forEach((result, i) => {
    if ('skip' in result) skipped.push({ file: files[i]!, reason: result.skip });
    else {
      documents.push(result.document);
      bytes += result.bytes;
    }
  });
  return { documents, skipped, bytes };
}

/**
 * Lists the files under `roots` that `loadSources` would read, and the ones it skips with their reasons, without
 * reading any. Throws like `loadSources` for a root that does not exist.
 */
export async function listSourceFiles(
  roots: string[],
  options: Pick<LoadSourcesOptions, 'include' | 'exclude' | 'within' | 'notSources'> = {},
): Promise<{ files: string[]; skipped: SkippedSource[] }> {
  const skipped: SkippedSource[] = [];
  const files: string[] = [];
  const seen = new Set<string>();
  const notSources = new Set(await Promise.all((options.notSources ?? []).map((path) => realpath(path).catch(() => resolve(path)))));
  const within = options.within === undefined ? null : await realpath(resolve(options.within)).catch(() => resolve(options.within!));
  for (const root of roots) {
    const absolute = resolve(root);
    let info: Stats;
    try {
      info = await stat(absolute);
    } catch (error) {
      throw new Error(rootError(root, error));
    }
    if (info.isDirectory()) {
      await walk(absolute, options, files, skipped, seen, within, notSources);
    } else {
      const real = await realpath(absolute).catch(() => absolute);
      if (within !== null && !isWithin(within, real)) {
        skipped.push({ file: absolute, reason: leadsOutside(real) });
      } else if (!seen.has(real) && !notSources.has(real)) {
        seen.add(real);
        files.push(absolute);
      }
    }
  }
  return { files, skipped };
}

/**
 * Loads one source file (for updates of a single file). Gives the document and the file's size, or the reason
 * the file is skipped; never throws.
 */
export async function loadSourceFile(path: string, options: { maxFileBytes?: number } = {}): Promise<LoadedSourceFile> {
  const file = resolve(path);
  const max = options.maxFileBytes ?? DEFAULT_MAX_SOURCE_FILE_BYTES;
  if (!sourceFormat(file)) return { skip: unsupported(file) };
  let info: Stats;
  try {
    info = await stat(file);
  } catch (error) {
    return { skip: readError(error) };
  }
  const problem = sizeProblem(info, max);
  if (problem) return { skip: problem };
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { skip: readError(error) };
  }
  return sourceFromBytes(file, bytes, max);
}

/**
 * `loadSourceFile` reading at once, for a thread that does nothing else meanwhile: the indexing of a batch, which
 * would otherwise wait on every piece of an asynchronous read while its work queues behind.
 */
export function loadSourceFileNow(path: string, options: { maxFileBytes?: number } = {}): LoadedSourceFile {
  const file = resolve(path);
  const max = options.maxFileBytes ?? DEFAULT_MAX_SOURCE_FILE_BYTES;
  if (!sourceFormat(file)) return { skip: unsupported(file) };
  let bytes: Uint8Array;
  try {
    const problem = sizeProblem(statSync(file), max);
    if (problem) return { skip: problem };
    bytes = readFileSync(file);
  } catch (error) {
    return { skip: readError(error) };
  }
  return sourceFromBytes(file, bytes, max);
}

/** Why a file of this kind and size is no source, or null when it may be one. */
function sizeProblem(info: Stats, max: number): string | null {
  // Reading a pipe or a device could block forever; only regular files are sources.
  if (!info.isFile()) return 'not a regular file';
  return info.size > max ? tooLarge(info.size, max) : null;
}

/** The document in a file's bytes, or why it is skipped. */
function sourceFromBytes(file: string, bytes: Uint8Array, max: number): LoadedSourceFile {
  // The file may have grown between the size check and the read.
  if (bytes.length > max) return { skip: tooLarge(bytes.length, max) };
  const read = documentFromBytes(file, bytes);
  if ('skip' in read) return read;
  return { document: read.document, bytes: bytes.length, hash: contentHash(bytes), encoding: read.encoding };
}

/** Walks a root folder without recursion, collecting supported files and listing the others. */
async function walk(
  root: string,
  options: Pick<LoadSourcesOptions, 'include' | 'exclude'>,
  files: string[],
  skipped: SkippedSource[],
  seen: Set<string>,
  within: string | null,
  notSources: ReadonlySet<string>,
): Promise<void> {
  const include = options.include?.length ? picomatch(options.include, { dot: true }) : null;
  const exclude = options.exclude?.length ? picomatch(options.exclude, { dot: true }) : null;
  const relativePath = (path: string): string => relative(root, path).split(sep).join('/');
  const rootReal = await realpath(root).catch(() => root);
  if (within !== null && !isWithin(within, rootReal)) {
    skipped.push({ file: root, reason: leadsOutside(rootReal) });
    return;
  }
  if (seen.has(rootReal)) return;
  seen.add(rootReal);
  // A folder or file is read once, by its real path (worked out here for a symbolic link, `known` otherwise), and
  // only inside `within` when that is set; gives the real path when it is to be read.
  const claim = async (path: string, known: string | null, kind: 'folder' | 'file'): Promise<string | null> => {
    const real = known ?? (await realpath(path).catch(() => path));
    if (notSources.has(real)) return null;
    if (within !== null && !isWithin(within, real)) skipped.push({ file: path, reason: leadsOutside(real) });
    else if (seen.has(real)) skipped.push({ file: path, reason: `${kind} already read (symbolic link to ${real})` });
    else {
      seen.add(real);
      return real;
    }
    return null;
  };
  // Each folder with its real path: an entry that is no symbolic link has its folder's real path and its own name.
  const folders = [{ folder: root, real: rootReal }];
  while (folders.length > 0) {
    const { folder, real: folderReal } = folders.pop()!;
    let entries: Dirent[];
    try {
      // By name, symbolic links last: a file reached both ways is read by its own name, and the link is the one
      // listed as leading to a file already read.
      const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => Number(a.isSymbolicLink()) - Number(b.isSymbolicLink()) || byName(a, b));
    } catch (error) {
      if (folder === root) throw new Error(rootError(root, error));
      skipped.push({ file: folder, reason: `folder ${readError(error)}` });
      continue;
    }
    const subfolders: { folder: string; real: string }[] = [];
    for (const entry of entries) {
      const { name } = entry;
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      const rel = relativePath(path);
      let isFolder = entry.isDirectory();
      let real: string | null = join(folderReal, name);
      if (entry.isSymbolicLink()) {
        try {
          isFolder = (await stat(path)).isDirectory();
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          const reason = code === 'ENOENT' ? 'broken symbolic link' : code === 'ELOOP' ? 'symbolic link loop' : readError(error);
          skipped.push({ file: path, reason });
          continue;
        }
        real = null;
      }
      if (isFolder) {
        if (exclude && (exclude(rel) || exclude(`${rel}/`))) continue;
        const claimed = await claim(path, real, 'folder');
        if (claimed !== null) subfolders.push({ folder: path, real: claimed });
        continue;
      }
      if (exclude?.(rel) || (include && !include(rel))) continue;
      if (!sourceFormat(name)) {
        skipped.push({ file: path, reason: unsupported(name) });
        continue;
      }
      if ((await claim(path, real, 'file')) !== null) files.push(path);
    }
    // Pushed in reverse so that folders are walked in name order.
    for (let i = subfolders.length - 1; i >= 0; i--) folders.push(subfolders[i]!);
  }
}

/** True when the real path `path` is `folder` or lies inside it. */
function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function leadsOutside(real: string): string {
  return `leads outside the workspace folder (symbolic link to ${real}); not read in an untrusted workspace`;
}

function unsupported(file: string): string {
  const extension = extensionOf(basename(file));
  return `unsupported format (${extension || 'no extension'})`;
}

function tooLarge(size: number, max: number): string {
  return `file too large (${formatBytes(size)}; the limit is ${formatBytes(max)})`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${bytes} bytes`;
}

/** A read failure as a short reason ("vanished while being read", "permission denied"). */
function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'vanished while being read';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a folder';
    default:
      return `unreadable (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

function rootError(root: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return `The sources path "${root}" does not exist.`;
  if (code === 'EACCES' || code === 'EPERM') return `The sources path "${root}" cannot be read (permission denied).`;
  return `The sources path "${root}" cannot be read (${code ?? String(error)}).`;
}
