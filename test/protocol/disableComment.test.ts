// "Ignore this quotation here" over the protocol: the fix writes a verbatim-disable-next comment into the Markdown
// draft, bound to its version, and once the editor applies it the quotation is no longer reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver-protocol';
import type { StatusResult } from '../../server/src/protocol.js';
import { EXAMPLES } from '../cli/helpers.js';
import { LspTestClient, withCode } from './lspClient.js';

const uri = (path: string): string => pathToFileURL(path).href;

for (const resolve of [false, true]) {
  const title = `the comment fix leaves out the quotation it is for, and only that one${resolve ? ', resolved when picked' : ''}`;
  test(title, { timeout: 60000 }, async (t) => {
    const workspace = mkdtempSync(join(tmpdir(), 'verbatim-disable-comment-'));
    t.after(() => rmSync(workspace, { recursive: true, force: true }));
    cpSync(join(EXAMPLES, 'sources'), join(workspace, 'sources'), { recursive: true });
    mkdirSync(join(workspace, 'drafts'));
    const draft = join(workspace, 'drafts', 'note.md');
    const text = 'Beijing voiced “strong dissatisfaction and firm opposition”.\nIt called the claims\n“baseless”.\n';
    writeFileSync(draft, text);

    const client = await LspTestClient.start(uri(workspace), { resolveCodeActionEdits: resolve });
    t.after(() => client.stop());
    await client.open(uri(draft), text, 'markdown');
    const first = await client.waitForDiagnostics(uri(draft), (p) => p.diagnostics.length === 2);
    const altered = withCode(first.diagnostics, 'quote.altered')[0]!;
    const actions = await client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri(draft) },
      range: altered.range,
      context: { diagnostics: [altered], only: ['quickfix'] },
    });
    const offered = actions.find((action) => action.title === 'Ignore this quotation here (with a comment)');
    assert.ok(offered, actions.map((action) => action.title).join(', '));
    assert.equal(offered.edit === undefined, resolve, 'the edit waits for the fix to be picked when the client resolves it');
    const fix = resolve ? await client.sendRequest<CodeAction>('codeAction/resolve', offered) : offered;
    const edit = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(edit.textDocument, { uri: uri(draft), version: 1 });
    assert.deepEqual(edit.edits, [{ range: { start: { line: 0, character: 15 }, end: { line: 0, character: 15 } }, newText: '<!-- verbatim-disable-next -->' }]);

    const count = client.publications(uri(draft));
    const changes = edit.edits.map((change) => ({ range: change.range, text: change.newText }));
    await client.sendNotification('textDocument/didChange', { textDocument: { uri: uri(draft), version: 2 }, contentChanges: changes });
    const next = await client.waitForDiagnostics(uri(draft), (p) => p.version === 2, count);
    assert.deepEqual(next.diagnostics.map((d) => [d.code, d.range.start.line]), [['quote.unsourced-short', 2]]);
    // The status counts the quotation left out apart, for the status bar.
    const status = await client.sendRequest<StatusResult>('verbatim/status', { uri: uri(draft) });
    assert.deepEqual([status.document?.quotations, status.document?.disabled], [1, 1]);
  });
}
