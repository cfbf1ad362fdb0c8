// Shows the text Verbatim read from a source whose file is no text (a PDF, a Word document), as a read-only document,
// so that opening such a source at a passage shows the passage.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Methods, SOURCE_TEXT_SCHEME, type SourceTextParams } from '../../server/src/protocol.js';

/** Provides the documents of the `verbatim-source:` scheme from the running server, whichever that is. */
export function registerSourceText(client: () => LanguageClient | null): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(SOURCE_TEXT_SCHEME, {
    async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
      const running = client();
      if (!running) return 'The Verbatim language server is not running, so the text read from this source cannot be shown.';
      const params: SourceTextParams = { uri: uri.with({ scheme: 'file' }).toString() };
      const text = await running.sendRequest<string | null>(Methods.sourceText, params);
      return text ?? `Verbatim has not read ${uri.fsPath} as a source.`;
    },
  });
}
