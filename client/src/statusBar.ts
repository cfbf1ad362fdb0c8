// The status bar item: how far indexing has come, and the quotation counts of the active draft.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, DiagnosticCodes, Methods, type StatusParams, type StatusResult } from '../../server/src/protocol.js';
import { formatCount } from '../../server/src/counts.js';


/** Words a count with its noun. */
function count(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * The status bar text and tooltip for a status; exported for the extension's tests. `unchecked` counts the active
 * draft's quote.unchecked diagnostics (a quotation, or the whole draft, that the check stopped short of): a draft
 * with any is never shown as verified.
 */
export function describeStatus(status: StatusResult, unchecked = 0): { text: string; tooltip: string; warning: boolean } {
  const lines: string[] = [];
  let sources = 0;
  let skipped = 0;
  let partial = 0;
  let errors = 0;
  const indexing = { running: false, done: 0, total: 0 };
  let failed = false;
  for (const folder of status.folders) {
    sources += folder.sources;
    skipped += folder.skipped.length;
    partial += folder.partial.length;
    errors += folder.errors.length;
    failed ||= folder.state === 'failed';
    if (folder.state === 'indexing') {
      indexing.running = true;
      indexing.done += folder.progress?.done ?? 0;
      indexing.total += folder.progress?.total ?? 0;
    }
    const where = vscode.Uri.parse(folder.uri).fsPath;
    const left = folder.skipped.length > 0 ? `, ${formatCount(folder.skipped.length)} left out` : '';
    const inPart = folder.partial.length > 0 ? `, ${formatCount(folder.partial.length)} read in part` : '';
    lines.push(`${where}: ${count(folder.sources, 'source')}${left}${inPart}`);
  }
  if (skipped > 0) lines.push(`${count(skipped, 'source file')} could not be read; click for the list.`);
  // An email whose attached file could not be read: a quotation from that file is reported unsourced.
  if (partial > 0) lines.push(`${count(partial, 'source')} could be read only in part; click for what was not read.`);
  if (errors > 0) lines.push(`${count(errors, 'configuration problem')}; click for details.`);
  if (status.restricted) lines.push('Untrusted workspace: sources outside the workspace folder are not read.');
  const warning = skipped > 0 || partial > 0 || errors > 0 || failed || (status.document !== null && unchecked > 0);
  let text: string;
  if (indexing.running) {
    text = `$(sync~spin) Verbatim: indexing ${formatCount(indexing.done)} of ${formatCount(indexing.total)}`;
  } else if (status.document) {
    const d = status.document;
    // A quotation given to another person is flagged whatever its verdict: never shown as verified.
    const misattributed = d.misattributed;
    const flagged = d.altered + d.unsourced + misattributed;
    const given = misattributed > 0 ? `${misattributed} given to another person` : '';
    text = unchecked > 0
      ? `$(warning) Verbatim: not fully checked${flagged > 0 ? `, ${flagged} flagged` : ''}`
      : flagged === 0
      ? `$(check) Verbatim: ${count(d.quotations, 'quotation')} verified${d.disabled > 0 ? `, ${formatCount(d.disabled)} switched off` : ''}`
      : `$(warning) Verbatim: ${[d.altered > 0 ? `${d.altered} altered` : '', d.unsourced > 0 ? `${d.unsourced} unsourced` : '', given].filter(Boolean).join(', ')}`;
    const switchedOff = d.disabled > 0 ? `; ${formatCount(d.disabled)} left out by verbatim-disable comments` : '';
    const counts = `${d.verbatim} verbatim, ${d.altered} altered, ${d.unsourced} unsourced${given ? `; ${given}` : ''}`;
    lines.unshift(`This draft: ${count(d.quotations, 'quotation')}: ${counts}${switchedOff}`);
    if (unchecked > 0) lines.unshift('This draft was not fully checked; see the warnings in the Problems panel.');
  } else {
    text = `$(book) Verbatim: ${count(sources, 'source')}`;
  }
  if (warning && !text.startsWith('$(warning)')) text += ' $(warning)';
  return { text, tooltip: lines.join('\n'), warning };
}

/** A diagnostic's code as a string, whether VS Code holds it plain or with a link. */
function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

/** Owns the status bar item and keeps it current. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('verbatim.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private request = 0;

  constructor(private readonly client: LanguageClient, private readonly log: vscode.LogOutputChannel) {
    this.item.name = 'Verbatim';
    this.item.command = Commands.showOutput;
    this.item.text = '$(sync~spin) Verbatim: starting';
    this.item.show();
    this.subscriptions.push(
      client.onNotification(Methods.statusChanged, () => this.refresh()),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) this.refresh();
      }),
    );
  }

  /** Asks the server for its status and shows it; only the newest answer is shown. */
  refresh(): void {
    const ticket = ++this.request;
    const active = vscode.window.activeTextEditor?.document.uri;
    const uri = active?.toString();
    const params: StatusParams = uri ? { uri } : {};
    const unchecked = active
      ? vscode.languages.getDiagnostics(active).filter((d) => d.source === 'verbatim' && codeOf(d) === DiagnosticCodes.unchecked).length
      : 0;
    this.client.sendRequest<StatusResult>(Methods.status, params).then(
      (status) => {
        if (ticket !== this.request) return;
        const { text, tooltip, warning } = describeStatus(status, unchecked);
        this.item.text = text;
        this.item.tooltip = tooltip;
        this.item.backgroundColor = warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      },
      (error: unknown) => this.log.warn(`The status could not be read: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}
