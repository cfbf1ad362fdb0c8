// End-to-end check of a quotation given to another person than its source, in a real VS Code: a warning of its own on
// the quotation, and the hover says who the source gives the words to.
import * as assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { codeOf, describe as describeDiagnostics, hoverText, waitForDiagnostics, workspaceFile } from './helpers.js';

const SOURCE = '“This is a shameful day for Ashcombe,” said Councillor Priya Lal after the vote.\n';
const DRAFT = 'Outside, Joanne Pryce was close to tears. “This is a shameful day for Ashcombe,” she said.\n';

suite('A quotation given to another person in VS Code', () => {
  const source = (): vscode.Uri => workspaceFile('sources', 'ashcombe-wire.txt');
  const draft = (): vscode.Uri => workspaceFile('drafts', 'ashcombe-note.md');

  suiteSetup(async () => {
    await writeFile(source().fsPath, SOURCE);
    await writeFile(draft().fsPath, DRAFT);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(draft()));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await rm(draft().fsPath, { force: true });
    await rm(source().fsPath, { force: true });
  });

  test('gets a quote.misattributed warning, and the hover names both speakers', async () => {
    const found = await waitForDiagnostics(draft(), 'the misattributed quotation', (d) => d.some((x) => codeOf(x) === 'quote.misattributed'));
    const wrong = found.find((d) => codeOf(d) === 'quote.misattributed')!;
    assert.equal(wrong.severity, vscode.DiagnosticSeverity.Warning, describeDiagnostics(draft()));
    assert.equal(wrong.message, 'The draft gives these words to Joanne Pryce; the source (ashcombe-wire.txt) gives them to Priya Lal.');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draft(), wrong.range.start);
    assert.match(hoverText(hovers), /the draft gives these words to Joanne Pryce; the source, to Priya Lal/);
  });
});
