// A small LSP client for protocol tests: starts the bundled server over stdio, answers the server's requests the
// way an editor does, records what the server sends, and lets tests wait on notifications.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
} from 'vscode-languageserver-protocol/node';

/** The bundled server the tests start. */
export const SERVER = resolve(__dirname, '../../dist/server.js');

type Waiter = { check: () => boolean; done: () => void };

/** Options of a test client. */
export interface ClientOptions {
  /** The `verbatim` settings the client answers `workspace/configuration` with. */
  settings?: Record<string, unknown>;
  /** Passed as initializationOptions. */
  initializationOptions?: Record<string, unknown>;
  /** How to talk to the server: stdio (the default) or Node IPC, as the extension does. */
  transport?: 'stdio' | 'ipc';
  /** Extra environment variables of the server process. */
  env?: Record<string, string>;
  /** Declare that the client asks for a code action's edit only when it is picked (`codeAction/resolve`). */
  resolveCodeActionEdits?: boolean;
}

/** A running server with a connection to it and a record of what it sent. */
export class LspTestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly progress: { token: unknown; value: { kind: string; title?: string; message?: string } }[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly logs: { type: number; message: string }[] = [];
  readonly registrations: Registration[] = [];
  readonly shownDocuments: unknown[] = [];
  readonly statusChanges: number[] = [];
  /** The sources the server said it read again, one list per notification (empty: all). */
  readonly sourcesChanged: string[][] = [];
  private readonly waiters = new Set<Waiter>();
  private stderr = '';

  private constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection) {}

  /** What the server wrote to stderr so far. */
  get stderrText(): string {
    return this.stderr;
  }

  /** Starts the server over stdio and initializes it with one workspace folder. */
  static async start(folderUri: string, options: ClientOptions = {}): Promise<LspTestClient> {
    const ipc = options.transport === 'ipc';
    const env = { ...process.env, ...options.env };
    const child = ipc
      ? fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env })
      : spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const connection = ipc
      ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection);
    child.stderr!.on('data', (chunk: Buffer) => (client.stderr += chunk.toString()));
    client.listen(options);
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'workspace' }],
      initializationOptions: options.initializationOptions ?? {},
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
          workspaceEdit: { documentChanges: true },
          executeCommand: { dynamicRegistration: false },
        },
        window: { workDoneProgress: true, showDocument: { support: true } },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: {
            dataSupport: true,
            isPreferredSupport: true,
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } },
            ...(options.resolveCodeActionEdits ? { resolveSupport: { properties: ['edit'] } } : {}),
          },
        },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private listen(options: ClientOptions): void {
    const c = this.connection;
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      this.registrations.push(...params.registrations);
      this.changed();
      return null;
    });
    c.onRequest('client/unregisterCapability', () => null);
    c.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'verbatim' ? (options.settings ?? {}) : null)),
    );
    c.onRequest('window/showDocument', (params: unknown) => {
      this.shownDocuments.push(params);
      this.changed();
      return { success: true };
    });
    c.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.diagnostics.get(params.uri) ?? [];
      list.push(params);
      this.diagnostics.set(params.uri, list);
      this.changed();
    });
    c.onNotification('$/progress', (params: LspTestClient['progress'][number]) => {
      this.progress.push(params);
      this.changed();
    });
    c.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.messages.push(params);
      this.changed();
    });
    c.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      this.messages.push({ type: params.type, message: params.message });
      this.changed();
      return null;
    });
    c.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.logs.push(params);
      this.changed();
    });
    c.onNotification('verbatim/statusChanged', () => {
      this.statusChanges.push(Date.now());
      this.changed();
    });
    c.onNotification('verbatim/sourcesChanged', (params: { uris: string[] }) => {
      this.sourcesChanged.push(params.uris);
      this.changed();
    });
  }

  private changed(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.check()) {
        this.waiters.delete(waiter);
        waiter.done();
      }
    }
  }

  /** Resolves once `condition` holds, checked now and after every message from the server. */
  waitFor<T>(what: string, condition: () => T | undefined | null | false, timeoutMs = 15000): Promise<T> {
    return new Promise((done, fail) => {
      let value: T | undefined | null | false;
      const check = (): boolean => {
        value = condition();
        return value !== undefined && value !== null && value !== false;
      };
      if (check()) return done(value as T);
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        fail(new Error(`Timed out waiting for ${what}. Server log:\n${this.logs.map((l) => l.message).join('\n')}\n${this.stderr}`));
      }, timeoutMs);
      const waiter: Waiter = { check, done: () => (clearTimeout(timer), done(value as T)) };
      this.waiters.add(waiter);
    });
  }

  /** The first diagnostics published for `uri` after `after` publications that satisfy `accept`. */
  waitForDiagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean, after = 0): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics of ${uri}`, () => (this.diagnostics.get(uri) ?? []).slice(after).find(accept));
  }

  /** How many times diagnostics were published for `uri` so far. */
  publications(uri: string): number {
    return this.diagnostics.get(uri)?.length ?? 0;
  }

  open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  sendRequest<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  sendNotification(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Shuts the server down and waits for its process to end. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((done) => {
      if (this.child.exitCode !== null) done();
      else this.child.once('exit', () => done());
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    await exited;
    this.connection.dispose();
  }
}

/** The Verbatim diagnostics with a given code, in document order. */
export function withCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics
    .filter((d) => d.code === code)
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
