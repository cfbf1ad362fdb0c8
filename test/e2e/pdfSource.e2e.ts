// End-to-end check of a PDF source in a real VS Code: a quotation from it points at the text read from the PDF, and
// "Open source passage" opens that text at the passage.
import * as assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { makePdf } from '../fixtures/pdf.js';
import { codeOf, describe as describeDiagnostics, waitForDiagnostics, waitForEvent, workspaceFile } from './helpers.js';

/** What the minister said, as the PDF prints it over two lines. */
const SAID = ['“The harbour will reopen within a fortnight, and every', 'berth will be open to fishing boats,” the minister said.'];

suite('A PDF source in VS Code', () => {
  const pdf = (): vscode.Uri => workspaceFile('sources', 'harbour-statement.pdf');
  const scan = (): vscode.Uri => workspaceFile('sources', 'harbour-scan.pdf');
  const note = (): vscode.Uri => workspaceFile('drafts', 'harbour-note.md');

  suiteSetup(async () => {
    const pages = [['Harbour statement', '', 'The ministry met the fishing cooperatives on Monday.'], SAID];
    await writeFile(pdf().fsPath, await makePdf(pages, { head: 'MINISTRY OF FISHERIES', pageNumbers: true }));
    await writeFile(scan().fsPath, await makePdf([['']]));
    await writeFile(note().fsPath, 'The minister said: “The harbour will reopen within a month, and every berth will be open to fishing boats.”\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(note()));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await rm(pdf().fsPath, { force: true });
    await rm(scan().fsPath, { force: true });
    await rm(note().fsPath, { force: true });
  });

  test('Open source passage shows the text read from the PDF, with the passage selected', async () => {
    const [altered] = await waitForDiagnostics(note(), 'the quotation altered from the PDF', (d) => d.some((x) => codeOf(x) === 'quote.altered'));
    const related = altered?.relatedInformation?.[0]?.location;
    assert.ok(related, `diagnostics: ${describeDiagnostics(note())}`);
    assert.equal(related.uri.scheme, 'verbatim-source');
    assert.equal(related.uri.path, pdf().path);

    const { start, end } = related.range;
    const range = { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
    await vscode.commands.executeCommand('verbatim.openSource', related.uri.toString(), range);
    const editor = await waitForEvent(
      'the text read from the PDF in the active editor',
      vscode.window.onDidChangeActiveTextEditor,
      () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.scheme === 'verbatim-source' ? active : undefined;
      },
      () => vscode.window.activeTextEditor?.document.uri.toString() ?? 'no editor',
    );
    assert.equal(editor.document.uri.path, pdf().path);
    // The running head of the two pages and their numbers are not in the text; the passage is, and it is selected.
    assert.ok(!/MINISTRY OF FISHERIES|Page \d/.test(editor.document.getText()), editor.document.getText());
    assert.equal(editor.document.getText(editor.selection), `${SAID[0]!.slice(1)}\n${SAID[1]!.split('”')[0]}`);

    // The PDF changes on disk: the text shown follows once the source is read again.
    const reissued = [['Harbour statement', '', 'The ministry met the fishing cooperatives on Tuesday.'], SAID];
    await writeFile(pdf().fsPath, await makePdf(reissued, { head: 'MINISTRY OF FISHERIES', pageNumbers: true }));
    await waitForEvent(
      'the text shown to follow the changed PDF',
      vscode.workspace.onDidChangeTextDocument,
      () => editor.document.getText().includes('on Tuesday'),
      () => editor.document.getText(),
    );
  });

  test('Show Text Read from Source opens what was read from a source file, or says why nothing was', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const shown = async (file: vscode.Uri, what: string, ready: (text: string) => boolean): Promise<string> => {
      await vscode.commands.executeCommand('verbatim.showSourceText', file);
      const editor = await waitForEvent(
        what,
        vscode.window.onDidChangeActiveTextEditor,
        () => {
          const active = vscode.window.activeTextEditor;
          const open = active?.document.uri.scheme === 'verbatim-source' && active.document.uri.path === file.path;
          return open && ready(active.document.getText()) ? active : undefined;
        },
        () => vscode.window.activeTextEditor?.document.uri.toString() ?? 'no editor',
      );
      return editor.document.getText();
    };
    const text = await shown(pdf(), 'the text read from the PDF', (read) => read.startsWith('Harbour statement'));
    assert.ok(text.includes('The harbour will reopen within a fortnight'), text);
    const why = await shown(scan(), 'why the scanned PDF was not read', (read) => read.startsWith('Verbatim could not read'));
    assert.match(why, /harbour-scan\.pdf: could not be parsed \(it has no text to read \(a scanned document needs text recognition first\)\)\.$/);
  });
});
