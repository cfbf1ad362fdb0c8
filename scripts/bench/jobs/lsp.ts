// Benchmark job: starts the bundled language server over stdio on a workspace whose sources are the corpus, opens
// the draft, and times edits until the diagnostics of the edited version arrive: once as an editor sends them (the
// server may wait for typing to pause when a draft checks slowly), once followed at once by a hover request, which
// makes the server check the new text without waiting, so that the figure is the server's own work.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { median, percentile, progress, runMain, scoreVerdicts, type Expectation, type VerdictScore } from './common.js';

interface Args {
  server: string;
  sources: string;
  draft: string;
  expected: Expectation[];
  edits: number;
  timeoutMs: number;
  /** Extra Node options for the server, such as --cpu-prof to see where its time goes. */
  serverNodeArgs?: string[];
}

/** Latency figures of one series of edits, in milliseconds. */
export interface LatencySeries {
  edits: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
  /** The edits that changed a word inside a quotation (or put it back): their median and slowest. */
  quotationEdits: { edits: number; p50: number; max: number };
}

/** What the job measured; times in milliseconds, memory in MiB. */
export interface LspResult {
  /** From `initialized` to the end of the indexing progress. */
  indexReadyMs: number;
  /** From opening the draft to its first diagnostics. */
  firstDiagnosticsMs: number;
  verdicts: VerdictScore;
  debounced: LatencySeries;
  immediate: LatencySeries;
  serverPeakMiB: number | null;
  /** A second server started on the same workspace storage: the editor opened again, with the persisted index. */
  restart: { indexReadyMs: number; firstDiagnosticsMs: number; verdicts: VerdictScore; serverPeakMiB: number | null };
}

type Position = { line: number; character: number };

function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + position.character;
}

/** The peak resident memory of a process, from /proc (Linux), or null elsewhere. */
function peakOf(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function series(latencies: number[], touched: boolean[]): LatencySeries {
  const inQuotes = latencies.filter((_, n) => touched[n]);
  return {
    quotationEdits: { edits: inQuotes.length, p50: inQuotes.length > 0 ? median(inQuotes) : 0, max: inQuotes.length > 0 ? Math.max(...inQuotes) : 0 },
    edits: latencies.length,
    p50: median(latencies),
    p95: percentile(latencies, 0.95),
    max: Math.max(...latencies),
    mean: latencies.reduce((a, b) => a + b, 0) / latencies.length,
  };
}

/**
 * One edit of a writer at work, deterministic in `n`: mostly a word typed at the start of a paragraph's prose, and
 * every tenth edit a word changed inside a quotation, put back by the edit after it.
 */
function editFor(text: string, n: number, changed: { offset: number; original: string } | null): { offset: number; remove: number; insert: string; changed: typeof changed } {
  const paragraphs: number[] = [];
  for (let i = text.indexOf('\n\n'); i >= 0; i = text.indexOf('\n\n', i + 2)) if (i + 2 < text.length) paragraphs.push(i + 2);
  const paragraph = paragraphs[(n * 7) % paragraphs.length]!;
  if (changed) return { offset: changed.offset, remove: 'lantern'.length, insert: changed.original, changed: null };
  if (n % 10 === 4) {
    const open = text.indexOf('\u201c', paragraph);
    let at = open + 1;
    for (let skip = 0; skip < 3; skip++) at = text.indexOf(' ', at) + 1;
    const end = text.slice(at).search(/[\s,.;:!?\u201d]/) + at;
    return { offset: at, remove: end - at, insert: 'lantern', changed: { offset: at, original: text.slice(at, end) } };
  }
  return { offset: paragraph, remove: 0, insert: 'Indeed ', changed: null };
}

/** A running server with the draft's workspace open, and the means to wait for what it sends. */
interface Session {
  connection: ReturnType<typeof createProtocolConnection>;
  published: PublishDiagnosticsParams[];
  waitUntil: (what: string, condition: () => boolean) => Promise<void>;
  /** From `initialized` to the end of the indexing progress. */
  indexReadyMs: number;
  pid: number | undefined;
  stop: () => Promise<void>;
}

/** Starts the server on the workspace, with `storagePath` as the editor's storage for it, and waits for its index. */
async function startServer(args: Args, workspace: string, storagePath: string): Promise<Session> {
  const child = spawn(process.execPath, [...(args.serverNodeArgs ?? []), args.server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<() => void> = [];
  let indexingEnded = false;
  let exitCode: number | null | undefined;
  const notify = (): void => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  child.on('exit', (code) => {
    exitCode = code;
    notify();
  });
  const waitUntil = (what: string, condition: () => boolean): Promise<void> =>
    new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`Timed out waiting for ${what}.`)), args.timeoutMs);
      const check = (): void => {
        if (exitCode !== undefined) {
          clearTimeout(timer);
          fail(new Error(`The server exited (code ${exitCode}) while the job was waiting for ${what}.`));
        } else if (condition()) {
          clearTimeout(timer);
          done();
        } else waiters.push(check);
      };
      check();
    });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
    params.items.map((item) => (item.section === 'verbatim' ? { sources: [args.sources] } : null)),
  );
  connection.onNotification('$/progress', (params: { value: { kind: string } }) => {
    if (params.value.kind === 'end') indexingEnded = true;
    notify();
  });
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params);
    notify();
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('verbatim/statusChanged', () => undefined);
  connection.listen();

  const workspaceUri = pathToFileURL(workspace).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: workspaceUri,
    workspaceFolders: [{ uri: workspaceUri, name: 'bench' }],
    initializationOptions: { storagePath },
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: { versionSupport: true, dataSupport: true }, hover: { contentFormat: ['markdown'] } },
    },
  });
  const started = performance.now();
  await connection.sendNotification('initialized', {});
  await waitUntil('the sources to be indexed', () => indexingEnded);
  const indexReadyMs = performance.now() - started;
  const stop = async (): Promise<void> => {
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await exited;
    waiters.length = 0;
    connection.dispose();
  };
  return { connection, published, waitUntil, indexReadyMs, pid: child.pid, stop };
}

/** Opens the draft and waits for its first diagnostics: the time they took and the verdicts they give. */
async function openDraft(session: Session, args: Args, uri: string, text: string): Promise<{ firstDiagnosticsMs: number; verdicts: VerdictScore }> {
  const started = performance.now();
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
  await session.waitUntil('the first diagnostics', () => session.published.some((p) => p.uri === uri && p.version === 1));
  const firstDiagnosticsMs = performance.now() - started;
  const diagnostics = session.published.find((p) => p.uri === uri && p.version === 1)!.diagnostics;
  return { firstDiagnosticsMs, verdicts: scoreVerdicts(args.expected, verdictsFromDiagnostics(text, args.expected, diagnostics)) };
}

async function main(args: Args): Promise<LspResult> {
  const workspace = mkdtempSync(join(tmpdir(), 'verbatim-bench-lsp-'));
  const draftPath = join(workspace, 'drafts', 'draft.txt');
  mkdirSync(join(workspace, 'drafts'));
  // The editor's storage for the workspace, where the server keeps its persisted index: empty at first.
  const storagePath = mkdtempSync(join(tmpdir(), 'verbatim-bench-storage-'));
  const original = readFileSync(args.draft, 'utf8');
  let text = original;
  writeFileSync(draftPath, text);
  const uri = pathToFileURL(draftPath).href;

  const session = await startServer(args, workspace, storagePath);
  const { connection, published, waitUntil, indexReadyMs } = session;
  progress(`server indexed the sources in ${(indexReadyMs / 1000).toFixed(1)} s`);
  const { firstDiagnosticsMs, verdicts } = await openDraft(session, args, uri, text);

  const forVersion = (version: number) => () => published.some((p) => p.uri === uri && p.version === version);
  let version = 1;
  let changed: { offset: number; original: string } | null = null;
  const measure = async (immediate: boolean): Promise<LatencySeries> => {
    const latencies: number[] = [];
    const touched: boolean[] = [];
    for (let n = 0; n < args.edits; n++) {
      const edit = editFor(text, n, changed);
      touched.push(edit.remove > 0);
      changed = edit.changed;
      const range = { start: positionAt(text, edit.offset), end: positionAt(text, edit.offset + edit.remove) };
      text = text.slice(0, edit.offset) + edit.insert + text.slice(edit.offset + edit.remove);
      version++;
      const begin = performance.now();
      void connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: edit.insert }],
      });
      if (immediate) void connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
      await waitUntil(`the diagnostics of version ${version}`, forVersion(version));
      latencies.push(performance.now() - begin);
    }
    return series(latencies, touched);
  };
  const debounced = await measure(false);
  progress(`edits as typed: p50 ${debounced.p50.toFixed(0)} ms, p95 ${debounced.p95.toFixed(0)} ms`);
  const immediate = await measure(true);
  progress(`edits checked at once: p50 ${immediate.p50.toFixed(1)} ms, p95 ${immediate.p95.toFixed(1)} ms`);
  const serverPeakMiB = peakOf(session.pid);
  await session.stop();

  // The editor opened again on the same workspace: the server reads its persisted index.
  const again = await startServer(args, workspace, storagePath);
  progress(`a second server read the persisted index in ${(again.indexReadyMs / 1000).toFixed(1)} s`);
  const reopened = await openDraft(again, args, uri, original);
  const restart = { indexReadyMs: again.indexReadyMs, ...reopened, serverPeakMiB: peakOf(again.pid) };
  await again.stop();

  rmSync(workspace, { recursive: true, force: true });
  rmSync(storagePath, { recursive: true, force: true });
  return { indexReadyMs, firstDiagnosticsMs, verdicts, debounced, immediate, serverPeakMiB, restart };
}

/** The verdict each quotation got, read off the diagnostics: none means verbatim. */
function verdictsFromDiagnostics(text: string, expected: Expectation[], diagnostics: Diagnostic[]): Map<number, string> {
  const found = new Map<number, string>();
  for (const { offset } of expected) {
    const hit = diagnostics.find((d) => offsetAt(text, d.range.start) <= offset && offset <= offsetAt(text, d.range.end));
    const code = String(hit?.code ?? '');
    found.set(offset, !hit ? 'verbatim' : code === 'quote.altered' ? 'altered' : code.startsWith('quote.unsourced') ? 'unsourced' : code);
  }
  return found;
}

runMain(main);
