// Shows the text Verbatim read from a source whose file is no text (a PDF, a Word document), as a read-only document,
// so that opening such a source at a passage shows the passage; the text shown follows the source when it is read
// again.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Methods, SOURCE_TEXT_SCHEME, type SourcesChangedParams, type SourceTextParams } from '../../server/src/protocol.js';

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
    const text = await running.sendRequest<string | null>(Methods.sourceText, params);
    return text ?? `Verbatim has not read ${uri.fsPath} as a source.`;
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
