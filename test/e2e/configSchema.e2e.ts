// verbatim.json in a real VS Code: the editor reads it as JSON with comments and checks it against Verbatim's schema,
// so a misspelt key or a value out of range is underlined as it is typed.
import * as assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { waitForEvent, workspaceFile } from './helpers.js';

suite('verbatim.json in VS Code', () => {
  const folder = (): vscode.Uri => workspaceFile('settings-check');
  const file = (): vscode.Uri => vscode.Uri.joinPath(folder(), 'verbatim.json');

  suiteSetup(async () => {
    await mkdir(folder().fsPath, { recursive: true });
    const text = ['{', '  // Where the wire copy is kept.', '  "sourcse": ["wire"],', '  "alteredThreshold": 2', '}', ''].join('\n');
    await writeFile(file().fsPath, text);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await rm(folder().fsPath, { recursive: true, force: true });
  });

  test('a misspelt key and a value out of range are underlined, and a comment is not', async () => {
    const document = await vscode.workspace.openTextDocument(file());
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'jsonc');
    const lines = (diagnostics: readonly vscode.Diagnostic[]): number[] => diagnostics.map((d) => d.range.start.line).sort();
    const found = await waitForEvent(
      'schema problems in verbatim.json',
      vscode.languages.onDidChangeDiagnostics,
      () => {
        const diagnostics = vscode.languages.getDiagnostics(file());
        return lines(diagnostics).join() === '2,3' ? diagnostics : undefined;
      },
      () => vscode.languages.getDiagnostics(file()).map((d) => `${d.range.start.line}: ${d.message}`).join('; ') || 'none',
    );
    const byLine = new Map(found.map((d) => [d.range.start.line, d.message]));
    assert.equal(byLine.get(2), 'Property sourcse is not allowed.');
    assert.equal(byLine.get(3), 'Value is above the maximum of 1.');
  });
});
