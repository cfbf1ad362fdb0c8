// One workspace folder as the server sees it: its resolved settings, its source index and how that index is kept
// up to date (a full load at start, single files when they change).
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { CheckMemo } from '../core/memo.js';
import { SourceIndex } from '../core/sourceIndex.js';
import type { DraftCheckOptions } from '../core/check.js';
import { pathToUri } from '../convert.js';
import { createDraftMatcher, loadConfig, type LoadedConfig } from '../io/config.js';
import { buildIndex } from '../io/indexer.js';
import { loadSourceFile } from '../io/sources.js';
import { withDefaults, type FolderStatus, type Settings, type UserSettings } from '../protocol.js';
import { pathExists } from '../io/paths.js';

/** The settings of one folder: `verbatim.*` settings over verbatim.json over the defaults. */
export interface FolderSettings {
  /** Absolute source folders or files. */
  roots: string[];
  check: Partial<DraftCheckOptions>;
  severity: Settings['severity'];
  languages: string[];
  attributionTemplate: string;
  maxSourceFileBytes: number;
  /** True for an absolute path that is a draft of this folder (used when checking the whole workspace). */
  isDraft: (path: string) => boolean;
  configFile: string | null;
  /** Problems with the configuration file, the settings, or sources left out in limited mode. */
  errors: string[];
  /** False in an untrusted workspace: no source is read from outside the workspace folder, links included. */
  trusted: boolean;
}

/** Placeholder settings of a folder whose settings have not been read yet: nothing is a source or a draft. */
export function unresolvedSettings(): FolderSettings {
  const defaults = withDefaults({});
  return {
    roots: [],
    check: {},
    severity: defaults.severity,
    languages: defaults.languages,
    attributionTemplate: defaults.attributionTemplate,
    maxSourceFileBytes: 0,
    isDraft: () => false,
    configFile: null,
    errors: [],
    trusted: false,
  };
}

/** True when `path` is `root` or inside it. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Resolves a folder's settings. In an untrusted workspace, sources outside the folder are left out (and said so),
 * because a workspace setting could otherwise point the server at any file on the machine.
 */
export function resolveFolderSettings(
  folder: string,
  loaded: LoadedConfig,
  user: UserSettings,
  settingErrors: string[],
  trusted: boolean,
): FolderSettings {
  const { config } = loaded;
  const settings = withDefaults({
    shortQuoteMaxWords: config.shortQuoteMaxWords,
    alteredThreshold: config.alteredThreshold,
    attributionTemplate: config.attributionTemplate,
    ...user,
    // An empty list in the settings means "not set": the configuration file decides.
    sources: user.sources && user.sources.length > 0 ? user.sources : config.sources,
  });
  const errors = [...loaded.errors, ...settingErrors];
  let roots = settings.sources.map((source) => resolve(folder, source));
  if (!trusted) {
    const outside = roots.filter((root) => !isInside(folder, root));
    for (const root of outside) {
      errors.push(`The source folder ${root} is outside the workspace folder and is not read in an untrusted workspace.`);
    }
    roots = roots.filter((root) => isInside(folder, root));
  }
  return {
    roots,
    check: {
      shortQuoteMaxWords: settings.shortQuoteMaxWords,
      alteredThreshold: settings.alteredThreshold,
      maxEllipsisWords: config.maxEllipsisWords,
      maxQuoteWords: config.maxQuoteWords,
      fillers: config.fillers,
      ignore: config.ignore,
    },
    severity: settings.severity,
    languages: settings.languages,
    attributionTemplate: settings.attributionTemplate,
    maxSourceFileBytes: config.maxSourceFileBytes,
    isDraft: createDraftMatcher({ ...config, sources: roots }, folder),
    configFile: loaded.file,
    errors,
    trusted,
  };
}

/** Reads verbatim.json of `folder` and resolves the folder's settings with the user's. */
export async function loadFolderSettings(folder: string, user: UserSettings, settingErrors: string[], trusted: boolean): Promise<FolderSettings> {
  return resolveFolderSettings(folder, await loadConfig(folder), user, settingErrors, trusted);
}

/** Reports how far a load has come. */
export type ProgressListener = (done: number, total: number) => void;

/** A workspace folder with its source index. */
export class SourceFolder {
  /** Findings of quotations already checked against this folder's index, reused while they do not change. */
  readonly memo = new CheckMemo();
  /** The index quotations of this folder's drafts are checked against. */
  index = new SourceIndex();
  state: FolderStatus['state'] = 'indexing';
  progress: FolderStatus['progress'] = null;
  readonly skipped = new Map<string, string>();
  bytes = 0;
  /** Source files read from disk since start, for the status and to show that edits do not re-read sources. */
  sourceReads = 0;
  /** Lines for the log from the last full load (a damaged persisted index discarded, for example). */
  notes: string[] = [];
  /** Configured roots that did not exist at the last full load. */
  missing: string[] = [];
  /** Why roots were refused at the last full load: they lead outside the folder in an untrusted workspace. */
  refused: string[] = [];
  /** Bytes of each indexed source file, to keep `bytes` right through single-file updates. */
  private readonly sizes = new Map<string, number>();
  private generation = 0;
  private ready: Promise<void>;
  private markReady: () => void = () => undefined;

  constructor(readonly uri: string, readonly path: string, public settings: FolderSettings) {
    this.ready = new Promise((done) => (this.markReady = done));
  }

  /** Resolves once the first full load has finished (successfully or not). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** True for one of the folder's source roots itself. */
  isRoot(path: string): boolean {
    return this.settings.roots.includes(path);
  }

  /** True for a file under one of the folder's source roots. */
  isSource(path: string): boolean {
    return this.settings.roots.some((root) => isInside(root, path));
  }

  /**
   * Reads and indexes every source again into a fresh index, swapped in when complete so that checks never see a
   * half-built one. Returns false when a newer load started meanwhile (its result is then dropped).
   */
  async load(cacheDir: string | null, onProgress: ProgressListener): Promise<boolean> {
    const generation = ++this.generation;
    this.state = 'indexing';
    this.progress = { done: 0, total: 0 };
    try {
      // A missing root is reported and left out, so that the other roots are still indexed; the watcher notices
      // when it is created.
      const roots: string[] = [];
      this.missing = [];
      this.refused = [];
      for (const root of this.settings.roots) {
        if (!(await pathExists(root))) this.missing.push(root);
        else if (!this.settings.trusted && !(await this.leadsInside(root))) {
          this.refused.push(`The source folder ${root} leads outside the workspace folder through a symbolic link and is not read in an untrusted workspace.`);
        } else roots.push(root);
      }
      this.notes = [];
      const result = await buildIndex(roots, {
        maxFileBytes: this.settings.maxSourceFileBytes,
        // In an untrusted workspace no source is read from outside the folder, whatever links lead there.
        ...(this.settings.trusted ? {} : { within: this.path }),
        cacheDir,
        onNote: (note) => this.notes.push(note),
        onProgress: (done, total) => {
          if (generation !== this.generation) return;
          this.progress = { done, total };
          onProgress(done, total);
        },
      });
      if (generation !== this.generation) return false;
      this.index = result.index;
      this.skipped.clear();
      for (const { file, reason } of result.skipped) this.skipped.set(file, reason);
      this.sizes.clear();
      for (const [file, size] of result.sizes) this.sizes.set(file, size);
      this.bytes = result.bytes;
      this.sourceReads += result.indexed;
      this.state = 'ready';
      return true;
    } catch (error) {
      if (generation !== this.generation) return false;
      this.state = 'failed';
      this.settings.errors.push(`The sources could not be read: ${(error as Error).message}`);
      return true;
    } finally {
      if (generation === this.generation) {
        this.progress = null;
        this.markReady();
      }
    }
  }

  /**
   * True when `path`, with every symbolic link resolved, lies inside the workspace folder. A path that cannot be
   * resolved (it vanished) leads nowhere, and reading it fails with its own reason.
   */
  private async leadsInside(path: string): Promise<boolean> {
    const folderReal = await realpath(this.path).catch(() => this.path);
    const real = await realpath(path).catch(() => null);
    return real === null || isInside(folderReal, real);
  }

  /** Reads one changed or created source file into the index; a file that can no longer be read leaves it. */
  async update(path: string): Promise<void> {
    const generation = this.generation;
    if (!this.settings.trusted && !(await this.leadsInside(path))) {
      this.remove(path);
      this.skipped.set(path, 'leads outside the workspace folder through a symbolic link (not read in an untrusted workspace)');
      return;
    }
    const result = await loadSourceFile(path, { maxFileBytes: this.settings.maxSourceFileBytes });
    // A full load that started meanwhile reads this file too, and its index replaces this one.
    if (generation !== this.generation) return;
    this.sourceReads++;
    if ('document' in result) {
      this.skipped.delete(path);
      this.index.set(result.document);
      this.bytes += result.bytes - (this.sizes.get(result.document.id) ?? 0);
      this.sizes.set(result.document.id, result.bytes);
    } else {
      this.remove(path);
      this.skipped.set(path, result.skip);
    }
  }

  /** Removes a deleted source file from the index. */
  remove(path: string): void {
    this.skipped.delete(path);
    this.bytes -= this.sizes.get(path) ?? 0;
    this.sizes.delete(path);
    // The loader names sources by absolute path; a URI id is removed as well in case a loader prefers those.
    this.index.delete(path);
    this.index.delete(pathToUri(path));
  }

  /** What the log says after a reading of the sources: the files left out or read in part, and the folder's problems. */
  problems(): string[] {
    return [
      ...[...this.skipped].map(([file, reason]) => `Source left out: ${file}: ${reason}`),
      ...this.partial().flatMap(({ file, notes }) => notes.map((note) => `Source read in part: ${file}: ${note}`)),
      ...this.notes.map((note) => `Persisted index: ${note}`),
      ...this.status().errors,
    ];
  }

  /** The sources read only in part, with what of each could not be read. */
  partial(): { file: string; notes: string[] }[] {
    const partial: { file: string; notes: string[] }[] = [];
    for (const id of this.index.ids()) {
      const notes = this.index.get(id)?.notes ?? [];
      if (notes.length > 0) partial.push({ file: id, notes: [...notes] });
    }
    return partial;
  }

  /** The folder's state for the status request. */
  status(): FolderStatus {
    return {
      uri: this.uri,
      state: this.state,
      sources: this.index.size,
      bytes: this.bytes,
      skipped: [...this.skipped].map(([file, reason]) => ({ file, reason })),
      partial: this.partial(),
      sourceReads: this.sourceReads,
      progress: this.progress,
      configFile: this.settings.configFile,
      errors: [
        ...this.settings.errors,
        ...this.refused,
        ...this.missing.map((root) => `The source folder ${root} does not exist; create it or name another in verbatim.json or the verbatim.sources setting.`),
      ],
      roots: this.settings.roots,
      groupsChecked: this.memo.checked,
      groupsReused: this.memo.reused,
    };
  }
}
