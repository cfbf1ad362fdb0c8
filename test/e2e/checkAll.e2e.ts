// End-to-end check of "Verbatim: Check All Quotes" in a real VS Code: a draft that is not open gets its problems.
import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { codeOf, describe as describeDiagnostics, waitForDiagnostics, withCode, workspaceFile } from './helpers.js';

/** The altered quotations of drafts/briefing.md (copied from test/e2e/fixtures into the workspace). */
const BRIEFING_ALTERED = [
  'been implicated in human rights violations and abuses in the implementation of China’s campaign of oppression',
  'nothing more than an excuse for the United States to interfere in China’s internal affairs.',
];

/** The range of the first occurrence of `needle` in `text`. */
function rangeOf(text: string, needle: string): vscode.Range {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `the fixture holds “${needle}”`);
  const before = text.slice(0, offset).split('\n');
  const line = before.length - 1;
  const character = before[line]!.length;
  return new vscode.Range(line, character, line, character + needle.length);
}

suite('Check All Quotes in VS Code', () => {
  test('puts problems on a draft that is not open', async () => {
    const briefing = workspaceFile('drafts', 'briefing.md');
    const text = await readFile(briefing.fsPath, 'utf8');
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === briefing.toString()),
      'drafts/briefing.md is not open',
    );
    assert.equal(withCode(briefing, 'quote.altered').length, 0, 'no problems before the command runs');

    const result = await vscode.commands.executeCommand<{ drafts: number; altered: number; summary: string }>('verbatim.checkAllQuotes');
    assert.ok(result, 'the command returns its result');
    assert.equal(result.drafts, 2);
    assert.match(result.summary, /^\d+ quotations: \d+ verbatim, \d+ altered, \d+ unsourced/);
    assert.ok(result.altered >= 7, `summary: ${result.summary}`);

    await waitForDiagnostics(briefing, 'the unopened draft’s altered quotations', (d) => d.filter((x) => codeOf(x) === 'quote.altered').length === 2);
    assert.deepEqual(
      withCode(briefing, 'quote.altered').map((d) => d.range),
      BRIEFING_ALTERED.map((quotation) => rangeOf(text, quotation)),
      `diagnostics: ${describeDiagnostics(briefing)}`,
    );
  });
});
