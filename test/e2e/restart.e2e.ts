// End-to-end check that the extension brings its language server back when the server process dies, in a real
// VS Code: the draft's diagnostics come back from a new server process.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { codeOf, waitForDiagnostics, workspaceFile } from './helpers.js';

/** Process ids of Verbatim language servers started from the installed extension. */
function serverProcesses(): number[] {
  const extension = vscode.extensions.getExtension('verbatim.verbatim');
  assert.ok(extension, 'the Verbatim extension is installed');
  const script = join(extension.extensionPath, 'dist', 'server.js');
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(script))
    .map((line) => Number.parseInt(line.trim(), 10))
    .filter((pid) => Number.isInteger(pid) && pid !== process.pid);
}

suite('The language server in VS Code', () => {
  test('is restarted when its process dies, and the draft is checked again', async () => {
    const draftUri = workspaceFile('drafts', 'observatory.txt');
    const draft = await vscode.workspace.openTextDocument(draftUri);
    await vscode.window.showTextDocument(draft);
    const altered = (diagnostics: vscode.Diagnostic[]) => diagnostics.filter((d) => codeOf(d) === 'quote.altered').length;
    await waitForDiagnostics(draftUri, 'the draft’s diagnostics before the crash', (d) => altered(d) > 0);
    const before = serverProcesses();
    assert.equal(before.length, 1, `one server process runs: ${before.join(', ')}`);
    const count = altered(vscode.languages.getDiagnostics(draftUri).filter((d) => d.source === 'verbatim'));

    const firstLine = (d: vscode.Diagnostic[]) => d.find((x) => codeOf(x) === 'quote.altered')?.range.start.line ?? -1;
    const line = firstLine(vscode.languages.getDiagnostics(draftUri).filter((d) => d.source === 'verbatim'));

    process.kill(before[0]!, 'SIGKILL');
    // A line added at the top moves every quotation down: only a server that checked the new text can say so.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(draftUri, new vscode.Position(0, 0), '\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await waitForDiagnostics(
        draftUri,
        'the edited draft’s diagnostics from a new server process',
        (d) => {
          if (altered(d) !== count || firstLine(d) !== line + 1) return false;
          const now = serverProcesses();
          return now.length === 1 && now[0] !== before[0];
        },
        60_000,
      );
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.delete(draftUri, new vscode.Range(0, 0, 1, 0));
      await vscode.workspace.applyEdit(undo);
    }
  });
});
