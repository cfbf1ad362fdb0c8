// Shows the text Verbatim read from a source (a PDF, a Word document, a web page), or why it read none, as a read-only
// document, so that opening such a source at a passage shows the passage; the text shown follows the source when it
// is read again.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  Methods,
  SOURCE_TEXT_SCHEME,
  type SourcesChangedParams,
  type SourceTextParams,
  type SourceTextResult,
} from '../../server/src/protocol.js';

/**
 * Opens the text Verbatim read from the source file `uri` (the file chosen in the Explorer), else from the file of the
 * active editor (a text editor, or the viewer of a PDF or an image); says what to do when there is neither.
 */
export async function showSourceText(uri: unknown): Promise<void> {
  const file = uri instanceof vscode.Uri ? uri : activeFile();
  if (!file || file.scheme !== 'file') {
    void vscode.window.showInformationMessage('Verbatim: choose a source file in the Explorer, or open one, to see the text read from it.');
    return;
  }
  const document = await vscode.workspace.openTextDocument(file.with({ scheme: SOURCE_TEXT_SCHEME }));
  await vscode.window.showTextDocument(document, { preview: true });
}

/** The file of the active tab, whether a text editor or another viewer shows it. */
function activeFile(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) return input.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

/** Provides the documents of the `verbatim-source:` scheme from the running server, whichever that is. */
export class SourceTextProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor(private readonly client: () => LanguageClient | null) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(SOURCE_TEXT_SCHEME, this);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const running = this.client();
    if (!running) return 'The Verbatim language server is not running, so the text read from this source cannot be shown.';
    const params: SourceTextParams = { uri: uri.with({ scheme: 'file' }).toString() };
    const read = await running.sendRequest<SourceTextResult>(Methods.sourceText, params);
    if (read && 'text' in read) return read.text;
    if (read) return `Verbatim could not read ${uri.fsPath}: ${read.skipped}.`;
    return `Verbatim has not read ${uri.fsPath} as a source: it is not in a sources folder, or not of a format Verbatim reads.`;
  }

  /** Listens to a newly started server for the sources it reads again; the subscription ends with that server. */
  follow(client: LanguageClient): vscode.Disposable {
    return client.onNotification(Methods.sourcesChanged, ({ uris }: SourcesChangedParams) => {
      const changed = new Set(uris.map((uri) => vscode.Uri.parse(uri).toString()));
      for (const document of vscode.workspace.textDocuments) {
        if (document.uri.scheme !== SOURCE_TEXT_SCHEME) continue;
        if (changed.size === 0 || changed.has(document.uri.with({ scheme: 'file' }).toString())) this.changed.fire(document.uri);
      }
    });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
