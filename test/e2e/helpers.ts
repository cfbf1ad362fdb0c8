// Shared helpers for the end-to-end suites: the example workspace's files, Verbatim's diagnostics, and bounded waits on editor events.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The workspace folder the editor opened: a temporary copy of the example workspace. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the editor has a workspace folder open');
  return folder.uri;
}

/** A file of the workspace by its relative path. */
export function workspaceFile(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

/** The diagnostic code as a string, whether VS Code gives it plain or with a link. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Verbatim's diagnostics for a file, in document order. */
export function verbatimDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'verbatim')
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

/** Verbatim's diagnostics with one code. */
export function withCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return verbatimDiagnostics(uri).filter((d) => codeOf(d) === code);
}

/** A short account of a file's diagnostics, for failure messages. */
export function describe(uri: vscode.Uri): string {
  const list = verbatimDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character} (${vscode.DiagnosticSeverity[d.severity]})`);
  return list.length > 0 ? list.join(', ') : 'none';
}

/**
 * Resolves once `ready()` holds, checking now and on every event of `event`; rejects after `timeoutMs` with
 * `what` and the `state()` seen last, so a failure says what was awaited and what was there instead.
 */
export function waitForEvent<E, T>(
  what: string,
  event: vscode.Event<E>,
  ready: () => T | undefined | false,
  state: () => string,
  timeoutMs = 30_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      subscription.dispose();
      clearTimeout(timer);
      action();
    };
    const check = (): void => {
      try {
        const value = ready();
        if (value !== undefined && value !== false) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    // Subscribe before the first check so that no event between the two is missed.
    const subscription = event(check);
    const timer = setTimeout(() => finish(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${state()}`))), timeoutMs);
    check();
  });
}

/** Waits until Verbatim's diagnostics of `uri` satisfy `ready`, on `languages.onDidChangeDiagnostics`. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  ready: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs?: number,
): Promise<vscode.Diagnostic[]> {
  return waitForEvent(
    what,
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diagnostics = verbatimDiagnostics(uri);
      return ready(diagnostics) ? diagnostics : undefined;
    },
    () => describe(uri),
    timeoutMs,
  );
}

/** The text a range covers in a document's current text. */
export function textAt(document: vscode.TextDocument, range: vscode.Range): string {
  return document.getText(range);
}

/** The text of hover contents, whichever form they take. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
}
