// The server's state and behaviour: workspace folders with their source indexes, checks of open drafts with
// their diagnostics, and everything that keeps the two in step (settings, watched files, progress).
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type Disposable,
  type FileEvent,
  type FileSystemWatcher,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { basename, dirname, join } from 'node:path';
import { documentFormat, draftFormatOf } from '../core/extract/index.js';
import { summarize } from '../core/summary.js';
import type { DraftFormat } from '../core/types.js';
import { isFileUri, pathToUri, uriToPath } from '../convert.js';
import { CONFIG_FILE_NAME } from '../io/config.js';
import {
  Methods,
  parseSettings,
  type DocumentStatus,
  type SourcesChangedParams,
  type SourceTextResult,
  type StatusResult,
} from '../protocol.js';
import { checkDraftText, type DraftResult } from './draftCheck.js';
import { readDraft } from './drafts.js';
import { isInside, loadFolderSettings, SourceFolder, unresolvedSettings } from './folder.js';
import { formatCount } from '../counts.js';

/** A check of one open draft that is running: the version it checks and how to stop it. */
interface RunningCheck {
  version: number;
  cancelled: boolean;
  done: Promise<DraftResult | null>;
}

/** What the client can do, as far as the server cares. */
interface ClientFeatures {
  configuration: boolean;
  dynamicWatchers: boolean;
  relativePatterns: boolean;
  dynamicConfiguration: boolean;
  documentChanges: boolean;
  /** The client asks for a code action's edit only when the writer picks it (`codeAction/resolve`). */
  resolveEdits: boolean;
}

/**
 * How long typing must pause before a draft is checked again, when its last check was slow. A draft whose last
 * check took less than QUICK_CHECK_MS (the usual case: unchanged quotations are remembered) is checked at once.
 */
const EDIT_DELAY_MS = 250;
const QUICK_CHECK_MS = 30;
/** How long to wait for more changed sources before open drafts are checked again. */
const SOURCE_DELAY_MS = 100;


/** The language server's behaviour; server.ts wires it to the connection. */
export class VerbatimService {
  readonly folders = new Map<string, SourceFolder>();
  readonly results = new Map<string, DraftResult>();
  /** Drafts whose diagnostics came from disk (Check All Quotes) rather than an open buffer. */
  readonly diskDrafts = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** How long the last check of each draft took, in milliseconds: it decides whether edits wait for a pause. */
  private readonly checkTimes = new Map<string, number>();
  /** Checks of open drafts that are under way, at most one per draft. */
  private readonly running = new Map<string, RunningCheck>();
  private readonly pendingFolders = new Set<SourceFolder>();
  private sourceTimer: ReturnType<typeof setTimeout> | null = null;
  private watcherRegistration: Disposable | null = null;
  private features: ClientFeatures = { configuration: false, dynamicWatchers: false, relativePatterns: false, dynamicConfiguration: false, documentChanges: false, resolveEdits: false };
  checks = 0;
  trusted = true;
  /** Where folders keep their persisted index; null keeps none. */
  cacheDir: string | null = null;

  constructor(readonly connection: Connection, readonly documents: TextDocuments<TextDocument>) {}

  /** Records what the client supports and the workspace folders it opened with. */
  initialize(capabilities: ClientCapabilities, folders: { uri: string }[], trusted: boolean, storagePath: string | null): void {
    this.trusted = trusted;
    // The persisted index lives in the editor's storage for this workspace; without one, nothing is kept.
    this.cacheDir = storagePath ? join(storagePath, 'index') : null;
    this.features = {
      configuration: capabilities.workspace?.configuration === true,
      dynamicWatchers: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      relativePatterns: capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true,
      dynamicConfiguration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      documentChanges: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      resolveEdits: capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
    };
    for (const folder of folders) {
      if (!isFileUri(folder.uri)) continue;
      this.folders.set(folder.uri, new SourceFolder(folder.uri, uriToPath(folder.uri), unresolvedSettings()));
    }
  }

  /** True when the client applies versioned edits, so a fix on a changed draft is refused. */
  get documentChanges(): boolean {
    return this.features.documentChanges;
  }

  /** True when the client resolves a code action's edit when it is picked, so a costly edit is computed only then. */
  get resolveEdits(): boolean {
    return this.features.resolveEdits;
  }

  /** Starts indexing every folder once the client is ready. */
  async start(): Promise<void> {
    if (this.features.dynamicConfiguration) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'verbatim' });
    }
    await Promise.all([...this.folders.values()].map((folder) => this.reindex(folder, true)));
  }

  /** Adds and removes workspace folders. */
  async changeFolders(added: { uri: string }[], removed: { uri: string }[]): Promise<void> {
    for (const { uri } of removed) this.folders.delete(uri);
    const fresh: SourceFolder[] = [];
    for (const { uri } of added) {
      if (!isFileUri(uri) || this.folders.has(uri)) continue;
      const folder = new SourceFolder(uri, uriToPath(uri), unresolvedSettings());
      this.folders.set(uri, folder);
      fresh.push(folder);
    }
    await Promise.all(fresh.map((folder) => this.reindex(folder, true)));
    await this.registerWatchers();
    this.recheckOpenDrafts();
  }

  /** The workspace folder holding a file, the innermost when folders nest. */
  folderOf(uri: string): SourceFolder | null {
    if (!isFileUri(uri)) return null;
    const path = uriToPath(uri);
    let best: SourceFolder | null = null;
    for (const folder of this.folders.values()) {
      if (isInside(folder.path, path) && (!best || folder.path.length > best.path.length)) best = folder;
    }
    return best;
  }

  /** Reads a folder's settings (the editor's and verbatim.json) again. Returns true when its source roots changed. */
  async refreshSettings(folder: SourceFolder): Promise<boolean> {
    let raw: unknown = null;
    if (this.features.configuration) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: folder.uri, section: 'verbatim' });
      } catch (error) {
        this.connection.console.warn(`Settings could not be read; using verbatim.json and the defaults: ${(error as Error).message}`);
      }
    }
    const { settings, errors } = parseSettings(raw);
    const before = folder.settings.roots.join('\n');
    folder.settings = await loadFolderSettings(folder.path, settings, errors, this.trusted);
    const changed = folder.settings.roots.join('\n') !== before;
    // The status's "click for details" leads to the log: its problems are there, now or after the reindex.
    if (!changed) for (const error of folder.settings.errors) this.connection.console.warn(error);
    return changed;
  }

  /** Reads the folder's settings and every source again, reporting progress, then checks its open drafts again. */
  async reindex(folder: SourceFolder, refresh: boolean): Promise<void> {
    if (refresh) await this.refreshSettings(folder);
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin('Verbatim', 0, 'Indexing sources', false);
    this.notifyStatus();
    let last = 0;
    const started = Date.now();
    const current = await folder.load(this.cacheDir, (done, total) => {
      const now = Date.now();
      // Reports are spaced out so that a folder of thousands of files does not flood the editor.
      if (done < total && now - last < 100) return;
      last = now;
      progress.report(total > 0 ? Math.floor((done / total) * 100) : 0, `Indexing sources: ${formatCount(done)} of ${formatCount(total)} files`);
    });
    progress.done();
    if (!current) return;
    const skipped = folder.skipped.size;
    this.connection.console.info(
      `Indexed ${formatCount(folder.index.size)} sources of ${folder.path} in ${Date.now() - started} ms` +
        (skipped > 0 ? `; ${skipped} files left out.` : '.'),
    );
    for (const problem of folder.problems()) this.connection.console.warn(problem);
    await this.registerWatchers();
    this.notifyStatus();
    this.notifySourcesChanged([]);
    this.recheckFolder(folder);
  }

  /** Says in the log what of a source file read again could not be read: all of it, or a part. */
  private logRead(folder: SourceFolder, path: string): void {
    const reason = folder.skipped.get(path);
    if (reason !== undefined) this.connection.console.warn(`Source left out: ${path}: ${reason}`);
    for (const note of folder.index.get(path)?.notes ?? []) this.connection.console.warn(`Source read in part: ${path}: ${note}`);
  }

  /** Asks the editor to watch every folder's sources and configuration file, replacing the previous request. */
  async registerWatchers(): Promise<void> {
    if (!this.features.dynamicWatchers) return;
    const watchers: FileSystemWatcher[] = [];
    const relative = (base: string, pattern: string): FileSystemWatcher =>
      this.features.relativePatterns
        ? { globPattern: { baseUri: pathToUri(base), pattern } }
        : { globPattern: `${base.replace(/\\/g, '/').replace(/[[\]{}*?]/g, '[$&]')}/${pattern}` };
    for (const folder of this.folders.values()) {
      watchers.push(relative(folder.path, CONFIG_FILE_NAME));
      // A root that does not exist yet is watched as a folder, so that creating it is noticed.
      for (const root of folder.settings.roots) {
        watchers.push(relative(root, '**/*'));
        watchers.push(relative(dirname(root), basename(root)));
      }
    }
    const previous = this.watcherRegistration;
    this.watcherRegistration = await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    previous?.dispose();
  }

  /** Applies changes of watched files: configuration files reload settings, source files update the index. */
  async changeWatchedFiles(changes: FileEvent[]): Promise<void> {
    const reconfigure = new Set<SourceFolder>();
    const reload = new Set<SourceFolder>();
    const updates: Promise<void>[] = [];
    const changedSources: string[] = [];
    for (const change of changes) {
      if (!isFileUri(change.uri)) continue;
      const path = uriToPath(change.uri);
      for (const folder of this.folders.values()) {
        if (basename(path) === CONFIG_FILE_NAME && dirname(path) === folder.path) {
          reconfigure.add(folder);
          continue;
        }
        if (!folder.isSource(path)) continue;
        // A root created, deleted or replaced changes which files are sources at all: read them all again.
        if (folder.isRoot(path)) {
          reload.add(folder);
          continue;
        }
        // A change to a folder itself says nothing about its files; its files are reported one by one.
        if (change.type === FileChangeType.Deleted) folder.remove(path);
        else updates.push(folder.update(path).then(() => this.logRead(folder, path)));
        this.pendingFolders.add(folder);
        changedSources.push(pathToUri(path));
      }
    }
    await Promise.all(updates);
    if (changedSources.length > 0) this.notifySourcesChanged(changedSources);
    for (const folder of reconfigure) {
      if (await this.refreshSettings(folder)) reload.add(folder);
      else this.recheckFolder(folder);
    }
    for (const folder of reload) await this.reindex(folder, false);
    if (this.pendingFolders.size > 0) this.scheduleSourceRecheck();
  }

  /** Settings changed in the editor: reload every folder's settings, reindexing where the sources moved. */
  async changeConfiguration(): Promise<void> {
    for (const folder of this.folders.values()) {
      if (await this.refreshSettings(folder)) await this.reindex(folder, false);
      else this.recheckFolder(folder);
    }
    // A draft whose language was just added or removed from the checked languages gains or loses diagnostics.
    for (const document of this.documents.all()) {
      if (!this.isCheckedDocument(document)) this.clear(document.uri);
    }
  }

  private scheduleSourceRecheck(): void {
    if (this.sourceTimer) clearTimeout(this.sourceTimer);
    this.sourceTimer = setTimeout(() => {
      this.sourceTimer = null;
      const folders = [...this.pendingFolders];
      this.pendingFolders.clear();
      for (const folder of folders) this.recheckFolder(folder);
      this.notifyStatus();
    }, SOURCE_DELAY_MS);
  }

  /** Checks every open draft of a folder again, and the drafts from disk that Check All Quotes reported. */
  recheckFolder(folder: SourceFolder): void {
    for (const document of this.documents.all()) {
      if (this.folderOf(document.uri) === folder) this.schedule(document.uri, 0);
    }
    for (const uri of this.diskDrafts) {
      if (this.folderOf(uri) === folder && !this.documents.get(uri)) void this.recheckFromDisk(uri);
    }
  }

  /** Checks every open draft again. */
  recheckOpenDrafts(): void {
    for (const document of this.documents.all()) this.schedule(document.uri, 0);
  }

  private async recheckFromDisk(uri: string): Promise<void> {
    const folder = this.folderOf(uri);
    if (!folder) return;
    const read = await readDraft(uriToPath(uri), folder.settings.maxSourceFileBytes);
    if ('skip' in read) return;
    const result = await this.check(folder, uri, read.text, draftFormatOf(uriToPath(uri)) ?? 'plaintext', null);
    // The draft may have been opened meanwhile; its buffer is then what counts.
    if (result && !this.documents.get(uri)) this.publish(result);
  }

  /** True for an open document in one of the checked languages, inside a workspace folder. */
  isCheckedDocument(document: TextDocument): boolean {
    const folder = this.folderOf(document.uri);
    if (folder === null || !folder.settings.languages.includes(document.languageId)) return false;
    // A source opened in the editor is no draft: it would be checked against itself.
    return !isFileUri(document.uri) || !folder.isSource(uriToPath(document.uri));
  }

  /**
   * Checks a draft after a pause, dropping a check already waiting: only the newest text is ever checked, and a
   * result is published only if the document is still at the version that was checked.
   */
  schedule(uri: string, delay = (this.checkTimes.get(uri) ?? Infinity) < QUICK_CHECK_MS ? 0 : EDIT_DELAY_MS): void {
    const waiting = this.timers.get(uri);
    if (waiting) clearTimeout(waiting);
    this.stopRunning(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.checkOpenDocument(uri);
    }, delay));
  }

  /** Drops a waiting check of a draft and stops a running one (it was closed). */
  cancel(uri: string): void {
    const waiting = this.timers.get(uri);
    if (waiting) clearTimeout(waiting);
    this.timers.delete(uri);
    this.checkTimes.delete(uri);
    this.stopRunning(uri);
  }

  /** Stops the running check of a draft, if any: it ends at its next slice and publishes nothing. */
  private stopRunning(uri: string): void {
    const running = this.running.get(uri);
    if (!running) return;
    running.cancelled = true;
    this.running.delete(uri);
  }

  private async checkOpenDocument(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const folder = this.folderOf(uri);
    if (!folder) return;
    await folder.whenReady();
    const current = this.documents.get(uri);
    // The document changed or closed while the sources were loading; the newer state has its own check.
    if (!current || current.version !== document.version || this.timers.has(uri)) return;
    if (!this.isCheckedDocument(current)) return;
    await this.checkDocument(current);
  }

  /**
   * Checks an open document, or joins the check of its current version that is already running; the result is
   * published (and kept for hovers and the status) if the document is still at that version when it is ready.
   * Gives null when the check was stopped because the document changed or closed.
   */
  checkDocument(document: TextDocument): Promise<DraftResult | null> {
    const { uri, version } = document;
    const running = this.running.get(uri);
    if (running && running.version === version) return running.done;
    this.stopRunning(uri);
    const folder = this.folderOf(uri);
    if (!folder) return Promise.resolve({ uri, version, quotations: [], summary: summarize([]) });
    const job: RunningCheck = { version, cancelled: false, done: Promise.resolve(null) };
    job.done = this.check(folder, uri, document.getText(), documentFormat(document.languageId, uri), version, () => job.cancelled).then((result) => {
      if (this.running.get(uri) === job) this.running.delete(uri);
      if (result && this.documents.get(uri)?.version === version) this.publish(result);
      return result;
    });
    this.running.set(uri, job);
    return job.done;
  }

  /** The latest result for an open document, checking it now if its result is missing or older than its text. */
  async currentResult(uri: string): Promise<DraftResult | null> {
    const document = this.documents.get(uri);
    if (!document || !this.isCheckedDocument(document)) return null;
    const folder = this.folderOf(uri);
    if (!folder || folder.state === 'indexing') return this.results.get(uri) ?? null;
    const result = this.results.get(uri);
    if (result && result.version === document.version) return result;
    const waiting = this.timers.get(uri);
    if (waiting) clearTimeout(waiting);
    this.timers.delete(uri);
    return (await this.checkDocument(document)) ?? this.results.get(uri) ?? null;
  }

  /**
   * Runs the check of one draft text (see `checkDraftText`), counting it and remembering how long it took: a draft
   * that checks quickly is checked again at once when edited.
   */
  async check(
    folder: SourceFolder,
    uri: string,
    text: string,
    format: DraftFormat,
    version: number | null,
    cancelled: () => boolean = () => false,
  ): Promise<DraftResult | null> {
    this.checks++;
    const started = performance.now();
    const result = await checkDraftText(this.connection, folder, { uri, text, format, version }, cancelled);
    if (result && !result.failure) this.checkTimes.set(uri, performance.now() - started);
    return result;
  }

  /** Publishes a result's diagnostics and keeps the result for hovers and the status bar. */
  publish(result: DraftResult): void {
    this.results.set(result.uri, result);
    const diagnostics = result.quotations.flatMap((q) => [q.diagnostic, q.speakerDiagnostic].filter((d): d is Diagnostic => d !== null));
    if (result.failure) diagnostics.unshift(result.failure);
    void this.connection.sendDiagnostics({ uri: result.uri, ...(result.version !== null ? { version: result.version } : {}), diagnostics });
    this.notifyStatus();
  }

  /** Removes a draft's diagnostics and result. */
  clear(uri: string): void {
    this.cancel(uri);
    this.results.delete(uri);
    this.diskDrafts.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** A draft was closed: its diagnostics go, unless Check All Quotes reported it, then they come from disk. */
  closed(uri: string): void {
    this.cancel(uri);
    if (this.diskDrafts.has(uri)) {
      void this.recheckFromDisk(uri);
      return;
    }
    this.results.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * The text read from the source file at `uri` (a `file:` URI), from any folder's index, or why a folder left the
   * file out; null when no folder has it among its sources.
   */
  sourceText(uri: string): SourceTextResult {
    if (!isFileUri(uri)) return null;
    const path = uriToPath(uri);
    for (const folder of this.folders.values()) {
      const doc = folder.index.get(path) ?? folder.index.get(uri);
      if (doc) return { text: doc.text };
    }
    for (const folder of this.folders.values()) {
      const reason = folder.skipped.get(path);
      if (reason !== undefined) return { skipped: reason };
    }
    return null;
  }

  /** The answer to the status request. */
  status(uri: string | undefined): StatusResult {
    let document: DocumentStatus | null = null;
    const result = uri ? this.results.get(uri) : undefined;
    if (result) {
      document = {
        uri: result.uri,
        version: result.version,
        quotations: result.summary.total,
        verbatim: result.summary.verbatim,
        altered: result.summary.altered,
        unsourced: result.summary.unsourced,
        misattributed: result.quotations.filter((quotation) => quotation.speakerDiagnostic !== null).length,
        disabled: result.disabled ?? 0,
      };
    }
    return { folders: [...this.folders.values()].map((f) => f.status()), document, checks: this.checks, restricted: !this.trusted };
  }

  private statusQueued = false;

  /** Tells the editor that these sources (all, when none is named) were read again. */
  private notifySourcesChanged(uris: string[]): void {
    const params: SourcesChangedParams = { uris };
    void this.connection.sendNotification(Methods.sourcesChanged, params);
  }

  /** Tells the client the status changed, at most once per turn of the event loop. */
  notifyStatus(): void {
    if (this.statusQueued) return;
    this.statusQueued = true;
    setImmediate(() => {
      this.statusQueued = false;
      void this.connection.sendNotification(Methods.statusChanged);
    });
  }
}
