// The Verbatim language server's entry point: creates the one connection (stdio or IPC, from the command line)
// and routes each LSP message to the service, so that a failing request is logged and answered, never fatal.
import {
  CodeActionKind,
  createConnection,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, Methods, SERVER_COMMANDS, type InitializationOptions, type SourceTextParams, type StatusParams } from './protocol.js';
import type { DraftFormat } from './core/types.js';
import { codeActionsFor, resolveCodeAction } from './lsp/codeActions.js';
import { executeCommand } from './lsp/commands.js';
import { hoverMarkdown } from './lsp/hover.js';
import { documentFormat } from './core/extract/index.js';
import { VerbatimService } from './lsp/service.js';

const connection = createConnection();
const documents = new TextDocuments(TextDocument);
const service = new VerbatimService(connection, documents);

/** Logs a failure with its stack, so that the output channel shows what broke. */
function logFailure(what: string, error: unknown): void {
  connection.console.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

/** Wraps a request handler: a throw is logged and then answered to the client as an error. */
function request<P, R>(name: string, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params) => {
    try {
      return await handler(params);
    } catch (error) {
      logFailure(name, error);
      throw error;
    }
  };
}

/** Wraps a notification handler: a throw or rejection is logged and the server carries on. */
function notification<P>(name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      Promise.resolve(handler(params)).catch((error: unknown) => logFailure(name, error));
    } catch (error) {
      logFailure(name, error);
    }
  };
}

process.on('unhandledRejection', (error) => logFailure('A background task', error));

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  service.initialize(params.capabilities, folders, options.trusted !== false, options.storagePath ?? null);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: true },
      executeCommandProvider: { commands: [...SERVER_COMMANDS] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'Verbatim' },
  };
});

connection.onInitialized(notification('Start-up', async () => {
  if (!service.trusted) connection.console.info('The workspace is not trusted: sources outside the workspace folders are not read and verbatim.json is not written.');
  connection.workspace.onDidChangeWorkspaceFolders(notification('Workspace folder change', (event) => service.changeFolders(event.added, event.removed)));
  await service.start();
}));

connection.onDidChangeConfiguration(notification('Settings change', () => service.changeConfiguration()));
connection.onDidChangeWatchedFiles(notification('Watched file change', (params) => service.changeWatchedFiles(params.changes)));

// A draft that Check All Quotes read from disk is checked from the editor's buffer once it is open.
documents.onDidOpen(notification('Opening a draft', (event) => void service.diskDrafts.delete(event.document.uri)));
// This fires on opening too: a draft not yet checked from its buffer is checked at once, an edited one after a pause.
documents.onDidChangeContent(notification('Editing a draft', (event) => {
  if (!service.isCheckedDocument(event.document)) return;
  const previous = service.results.get(event.document.uri);
  service.schedule(event.document.uri, previous && previous.version !== null ? undefined : 0);
}));
documents.onDidClose(notification('Closing a draft', (event) => service.closed(event.document.uri)));

connection.onHover(request('Hover', async (params) => {
  const result = await service.currentResult(params.textDocument.uri);
  if (!result) return null;
  const at = (p: { line: number; character: number }): number => p.line * 1e7 + p.character;
  const hit = result.quotations.find(({ data }) => at(data.replaceRange.start) <= at(params.position) && at(params.position) <= at(data.replaceRange.end));
  if (!hit) return null;
  return { contents: { kind: 'markdown', value: hoverMarkdown(hit.data) }, range: hit.data.replaceRange };
}));

connection.onCodeAction(request('Code actions', (params) => {
  const document = documents.get(params.textDocument.uri);
  return params.context.diagnostics.flatMap((diagnostic) => {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) return [];
    const version = (diagnostic.data as { documentVersion?: unknown } | undefined)?.documentVersion;
    // A diagnostic computed on an older text would put the fix in the wrong place; its successor brings its own.
    if (document && typeof version === 'number' && version !== document.version) return [];
    const options = { documentChanges: service.documentChanges, canIgnore: service.trusted, resolveEdits: service.resolveEdits };
    return codeActionsFor(params.textDocument.uri, diagnostic, options, document && draftIn(document));
  });
}));

/** A draft as the editor holds it, for the quick fixes that work on its text. */
function draftIn(document: TextDocument): { text: string; format: DraftFormat; version: number } {
  return { text: document.getText(), format: documentFormat(document.languageId, document.uri), version: document.version };
}

connection.onCodeActionResolve(request('Code action resolve', (action) => {
  const draftOf = (uri: string) => {
    const document = documents.get(uri);
    return document && draftIn(document);
  };
  return resolveCodeAction(action, draftOf, { documentChanges: service.documentChanges });
}));

connection.onExecuteCommand(request('Command', (params) => executeCommand(service, params.command, params.arguments ?? [])));

connection.onRequest(Methods.status, request('Status', (params: StatusParams | undefined) => service.status(params?.uri)));

connection.onRequest(Methods.sourceText, request('Source text', (params: SourceTextParams) => service.sourceText(params.uri)));

documents.listen(connection);
connection.listen();
