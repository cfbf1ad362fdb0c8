// The quick fixes offered on a Verbatim diagnostic, computed from the diagnostic's data alone.
import { CodeActionKind, TextEdit, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { oneLine } from '../core/words.js';
import { Commands, DiagnosticCodes, isQuoteDiagnosticData, type QuoteDiagnosticData } from '../protocol.js';

/** What the client and the workspace allow, as far as code actions care. */
export interface CodeActionOptions {
  /** The client applies versioned `documentChanges`, so a stale edit is refused. */
  documentChanges: boolean;
  /** Recording an ignored quotation in the configuration file is allowed (not in an untrusted workspace). */
  canIgnore: boolean;
}

/** The text that replaces the quotation: the source wording, in the draft's marks, with its attribution. */
export function replacementText(data: QuoteDiagnosticData): string | null {
  if (!data.source) return null;
  // Line breaks in the source are layout, not wording: inside a paragraph of the draft they become spaces, and a word
  // hyphenated at a line end is one word.
  const wording = oneLine(data.source.text);
  return `${data.attribution.before}${data.open}${wording}${data.close}${data.attribution.after}`;
}

/** The edit of "Replace with source wording", bound to the draft version the diagnostic was computed on. */
export function replacementEdit(uri: string, data: QuoteDiagnosticData, options: Pick<CodeActionOptions, 'documentChanges'>): WorkspaceEdit | null {
  const text = replacementText(data);
  if (text === null) return null;
  const edit = TextEdit.replace(data.replaceRange, text);
  if (!options.documentChanges) return { changes: { [uri]: [edit] } };
  return { documentChanges: [{ textDocument: { uri, version: data.documentVersion }, edits: [edit] }] };
}

/** The code actions for one diagnostic; none for diagnostics that are not Verbatim's or carry no valid data. */
export function codeActionsFor(uri: string, diagnostic: Diagnostic, options: CodeActionOptions): CodeAction[] {
  const data: unknown = diagnostic.data;
  if (!isQuoteDiagnosticData(data)) return [];
  const actions: CodeAction[] = [];
  if (diagnostic.code === DiagnosticCodes.altered && data.source) {
    const edit = replacementEdit(uri, data, options);
    if (edit) {
      actions.push({
        title: 'Replace with source wording',
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit,
      });
    }
  }
  if (data.source) {
    actions.push({
      title: 'Open source passage',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Open source passage', command: Commands.openSource, arguments: [data.source.uri, data.source.range] },
    });
  }
  if (options.canIgnore && diagnostic.code !== DiagnosticCodes.unchecked) {
    actions.push({
      title: 'Ignore this quotation',
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Ignore this quotation', command: Commands.ignoreQuotation, arguments: [uri, data.quotation] },
    });
  }
  return actions;
}
