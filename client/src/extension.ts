// The Verbatim extension: starts the language server over IPC and adds the output channel, the status bar item,
// the commands that run in the editor and the documents that show the text read from sources (PDFs, Word documents).
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { Commands, type InitializationOptions } from '../../server/src/protocol.js';
import { CrashPolicy } from './crashes.js';
import { SettingsReader } from './settings.js';
import { showSourceText, SourceTextProvider } from './sourceText.js';
import { StatusBar } from './statusBar.js';

/** The running client and what lives as long as it does; replaced on restart. */
interface Session {
  client: LanguageClient;
  statusBar: StatusBar;
  /** The shown texts of sources follow this server's readings of them. */
  sourceTexts: vscode.Disposable;
}

let session: Session | null = null;

/** Restarts the server after a crash, logs each one, and tells the writer when it gives up. */
function errorHandler(log: vscode.LogOutputChannel, crashes: CrashPolicy): ErrorHandler {
  return {
    // A message that fails on the connection is logged by the client; the connection is kept.
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const decision = crashes.stopped();
      if (decision.restart) {
        log.warn(decision.message);
        return { action: CloseAction.Restart, handled: true };
      }
      log.error(decision.message);
      void vscode.window.showErrorMessage(decision.message, 'Show Output').then((choice) => {
        if (choice) log.show(true);
      });
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

function clientOptions(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  settings: SettingsReader,
  crashes: CrashPolicy,
): LanguageClientOptions {
  const initializationOptions: InitializationOptions = {
    trusted: vscode.workspace.isTrusted,
    storagePath: context.storageUri?.fsPath,
  };
  return {
    documentSelector: settings.languages().map((language) => ({ scheme: 'file', language })),
    outputChannel: log,
    initializationOptions,
    diagnosticCollectionName: 'verbatim',
    errorHandler: errorHandler(log, crashes),
    // Hovers link to the source passage through this one command and no other.
    markdown: { isTrusted: { enabledCommands: [Commands.openSource] } },
    middleware: { workspace: { configuration: settings.middleware() } },
  };
}

async function startSession(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  settings: SettingsReader,
  crashes: CrashPolicy,
  sourceTexts: SourceTextProvider,
): Promise<Session> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const client = new LanguageClient('verbatim', 'Verbatim', serverOptions, clientOptions(context, log, settings, crashes));
  await client.start();
  const statusBar = new StatusBar(client, log);
  statusBar.refresh();
  return { client, statusBar, sourceTexts: sourceTexts.follow(client) };
}

async function stopSession(): Promise<void> {
  const current = session;
  session = null;
  if (!current) return;
  current.statusBar.dispose();
  current.sourceTexts.dispose();
  await current.client.stop();
}

/** Starts Verbatim. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('Verbatim', { log: true });
  const settings = new SettingsReader(log);
  // One policy for the whole activation, so that crashes are counted across the client's own restarts.
  const crashes = new CrashPolicy();
  // Sources that are no text (PDFs, Word documents) open as the text read from them.
  const sourceTexts = new SourceTextProvider(() => session?.client ?? null);
  context.subscriptions.push(log, sourceTexts);

  const restart = async (why: string): Promise<void> => {
    log.info(`Restarting the language server: ${why}.`);
    try {
      await stopSession();
      crashes.reset();
      session = await startSession(context, log, settings, crashes, sourceTexts);
    } catch (error) {
      log.error(`The language server could not be restarted: ${error instanceof Error ? error.message : String(error)}`);
      void vscode.window.showErrorMessage('Verbatim: the language server could not be restarted; see the Verbatim output.');
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.showOutput, () => log.show(true)),
    vscode.commands.registerCommand(Commands.showSourceText, showSourceText),
    // The documents the server sees are chosen when it starts, so a change of languages needs a restart.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('verbatim.languages')) void restart('the draft languages changed');
    }),
    // Trust lifts the limited mode, which the server reads at start-up.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart('the workspace is now trusted')),
    { dispose: () => void stopSession() },
  );

  try {
    session = await startSession(context, log, settings, crashes, sourceTexts);
  } catch (error) {
    log.error(`The language server could not be started: ${error instanceof Error ? error.message : String(error)}`);
    void vscode.window.showErrorMessage('Verbatim: the language server could not be started; see the Verbatim output.');
  }
}

/** Stops the language server. */
export function deactivate(): Promise<void> {
  return stopSession();
}
