// End-to-end checks of the example draft in a real VS Code: diagnostics, hover, settings, source changes on disk, and the quick fix.
import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { codeOf, describe as describeDiagnostics, hoverText, waitForDiagnostics, workspaceFile } from './helpers.js';
import { ALTERED } from '../fixtures/example.js';

/** Wilbur Ross's words as the AFP source gives them. */
const ROSS_SOURCE = 'cannot and will not tolerate the brutal suppression of ethnic minorities within China.';

const ALTERED_CODE = 'quote.altered';

suite('The example draft in VS Code', () => {
  const draftUri = (): vscode.Uri => workspaceFile('drafts', 'observatory.txt');
  const sourceUri = (): vscode.Uri => workspaceFile('sources', 'afp-2019-10-09.txt');
  let draft: vscode.TextDocument;

  /** Waits until the draft has `count` altered quotations that satisfy `extra`, and returns them. */
  const waitForAltered = async (what: string, count: number, extra: (d: vscode.Diagnostic[]) => boolean = () => true): Promise<vscode.Diagnostic[]> => {
    const all = await waitForDiagnostics(draftUri(), what, (diagnostics) => {
      const found = diagnostics.filter((d) => codeOf(d) === ALTERED_CODE);
      return found.length === count && extra(found);
    });
    return all.filter((d) => codeOf(d) === ALTERED_CODE);
  };

  suiteSetup(async () => {
    draft = await vscode.workspace.openTextDocument(draftUri());
    await vscode.window.showTextDocument(draft);
  });

  test('flags the five altered quotations with their ranges and code', async () => {
    const found = await waitForAltered('five altered quotations', 5);
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
      ALTERED.map((a) => [a.line, a.start, a.line, a.end]),
      `diagnostics: ${describeDiagnostics(draftUri())}`,
    );
    for (const [i, diagnostic] of found.entries()) {
      assert.equal(draft.getText(diagnostic.range), ALTERED[i]!.text);
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(diagnostic.source, 'verbatim');
      const related = diagnostic.relatedInformation?.[0];
      assert.ok(related, 'the diagnostic points at the source passage');
      assert.equal(related.location.uri.toString(), sourceUri().toString());
    }
    assert.match(found[0]!.message, /“repression” → “suppression”/);
    const extension = vscode.extensions.getExtension('verbatim.verbatim');
    assert.ok(extension?.isActive, 'the Verbatim extension is active');
  });

  test('hovering over an altered quotation shows the source wording', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draftUri(), new vscode.Position(4, 100));
    const text = hoverText(hovers);
    // The differences are marked with emphasis; without it the source's exact words must be there.
    const plain = text.replace(/\*\*/g, '');
    assert.ok(plain.includes(ROSS_SOURCE.slice(0, -1)), `hover text: ${text}`);
    assert.match(plain, /Wilbur Ross/);
    assert.match(plain, /AFP/);
  });

  test('a severity setting changes the diagnostics, and "off" removes them', async () => {
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('verbatim', draftUri());
    try {
      await config().update('severity.altered', 'error', vscode.ConfigurationTarget.Workspace);
      await waitForAltered('the altered quotations as errors', 5, (d) => d.every((x) => x.severity === vscode.DiagnosticSeverity.Error));
      await config().update('severity.altered', 'off', vscode.ConfigurationTarget.Workspace);
      await waitForAltered('no altered quotations once the setting is off', 0);
    } finally {
      await config().update('severity.altered', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForAltered('the altered quotations as warnings again', 5, (d) => d.every((x) => x.severity === vscode.DiagnosticSeverity.Warning));
  });

  test('editing a source file on disk updates the draft’s diagnostics', async () => {
    const path = sourceUri().fsPath;
    const original = await readFile(path, 'utf8');
    assert.ok(original.includes(ROSS_SOURCE));
    try {
      // The source now says what the draft quotes, so the Ross quotation is verbatim.
      await writeFile(path, original.replace(ROSS_SOURCE, ALTERED[0]!.text));
      const found = await waitForAltered('four altered quotations after the source changed', 4);
      assert.deepEqual(found.map((d) => d.range.start.line), [6, 8, 10, 34]);
    } finally {
      await writeFile(path, original);
    }
    await waitForAltered('five altered quotations after the source was restored', 5);
  });

  test('the quick fix puts the source wording into the document where the draft changed it', async () => {
    const ross = (await waitForAltered('five altered quotations', 5))[0]!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      draftUri(),
      ross.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    const replace = actions.find((a) => a.title === 'Replace with source wording');
    assert.ok(replace?.edit, `code actions: ${titles.join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(replace.edit), 'the edit was applied');
    try {
      const line = draft.lineAt(4).text;
      // The draft says Wilbur Ross said it, so no attribution is added; the words it quotes are the source's.
      assert.ok(line.includes('Ross said in a statement that the United States “cannot and will not tolerate the brutal suppression of ethnic minorities.”'), `line 4 after the fix: ${line}`);
      assert.ok(!line.includes('(Wilbur Ross'), `no second attribution: ${line}`);
      assert.ok(!line.includes('repression'), 'the draft wording is gone');
      const found = await waitForAltered('four altered quotations after the fix', 4);
      assert.ok(found.every((d) => d.range.start.line !== 4), 'the fixed quotation is no longer flagged');
    } finally {
      await vscode.window.showTextDocument(draft);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.ok(draft.lineAt(4).text.includes('repression'), 'the draft is back as it was');
    await waitForAltered('five altered quotations after the revert', 5);
  });
});
