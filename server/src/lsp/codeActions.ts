// The quick fixes offered on a Verbatim diagnostic, computed from the diagnostic's data, and for a comment in the
// draft from its text too.
import { CodeActionKind, TextEdit, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { findSpeaker } from '../core/attribution.js';
import { disableNextInsertion } from '../core/extract/disableNext.js';
import type { DraftFormat } from '../core/types.js';
import { oneLine } from '../core/words.js';
import { LineIndex } from '../convert.js';
import { Commands, DiagnosticCodes, isQuoteDiagnosticData, type QuoteDiagnosticData } from '../protocol.js';

/** What the client and the workspace allow, as far as code actions care. */
export interface CodeActionOptions {
  /** The client applies versioned `documentChanges`, so a stale edit is refused. */
  documentChanges: boolean;
  /** Recording an ignored quotation in the configuration file is allowed (not in an untrusted workspace). */
  canIgnore: boolean;
  /**
   * The client asks for an action's edit when it is picked (`codeAction/resolve`): the comment's place, which takes
   * finding the draft's quotations again, is then worked out only for the action picked.
   */
  resolveEdits?: boolean;
}

/** The title of the quick fix that writes a `verbatim-disable-next` comment. */
const DISABLE_NEXT_TITLE = 'Ignore this quotation here (with a comment)';

/** The `data` of that quick fix when its edit is left for `codeAction/resolve`. */
interface DisableNextData {
  kind: 'verbatim/disable-next';
  uri: string;
}

/**
 * The text that replaces the quotation: its words with the source's wording put in where the changes stand (else the
 * source passage), in the draft's marks, with the attribution unless the draft (when the editor has it) already says
 * who spoke the words ("“…,” Carter said").
 */
export function replacementText(data: QuoteDiagnosticData, draft?: DraftInEditor): string | null {
  if (!data.source) return null;
  // Line breaks in the source are layout, not wording: inside a paragraph of the draft they become spaces, and a word
  // hyphenated at a line end is one word.
  const wording = data.wording ?? oneLine(data.source.text);
  const quoted = `${data.open}${wording}${data.close}`;
  return namesSpeaker(data, draft) ? quoted : `${data.attribution.before}${quoted}${data.attribution.after}`;
}

/** Whether the draft says who spoke the quotation, read where the editor holds it; false without the draft. */
function namesSpeaker(data: QuoteDiagnosticData, draft?: DraftInEditor): boolean {
  if (!draft) return false;
  const lines = new LineIndex(draft.text);
  return findSpeaker(draft.text, { start: lines.offsetAt(data.replaceRange.start), end: lines.offsetAt(data.replaceRange.end) }) !== null;
}

/** The edit of "Replace with source wording", bound to the draft version the diagnostic was computed on. */
export function replacementEdit(
  uri: string,
  data: QuoteDiagnosticData,
  options: Pick<CodeActionOptions, 'documentChanges'>,
  draft?: DraftInEditor,
): WorkspaceEdit | null {
  const text = replacementText(data, draft);
  if (text === null) return null;
  const edit = TextEdit.replace(data.replaceRange, text);
  if (!options.documentChanges) return { changes: { [uri]: [edit] } };
  return { documentChanges: [{ textDocument: { uri, version: data.documentVersion }, edits: [edit] }] };
}

/** The draft a diagnostic is on, as the editor holds it: its text and format. */
export interface DraftInEditor {
  text: string;
  format: DraftFormat;
}

/**
 * The edit of "Ignore this quotation here": a `verbatim-disable-next` comment written where it leaves out this
 * quotation and changes nothing else (see `disableNextInsertion`), bound to the draft version; null where no comment
 * can do that (a plain-text draft).
 */
export function disableNextEdit(
  uri: string,
  data: QuoteDiagnosticData,
  draft: DraftInEditor,
  options: Pick<CodeActionOptions, 'documentChanges'>,
): WorkspaceEdit | null {
  const lines = new LineIndex(draft.text);
  const place = disableNextInsertion(draft.text, draft.format, lines.offsetAt(data.replaceRange.start));
  if (place === null) return null;
  const edit = TextEdit.insert(lines.positionAt(place.at), place.text);
  if (!options.documentChanges) return { changes: { [uri]: [edit] } };
  return { documentChanges: [{ textDocument: { uri, version: data.documentVersion }, edits: [edit] }] };
}

/**
 * The code actions for one diagnostic; none for diagnostics that are not Verbatim's or carry no valid data. `draft` is
 * the draft's text in the editor, at the diagnostic's version, when the editor has it open.
 */
export function codeActionsFor(
  uri: string,
  diagnostic: Diagnostic,
  options: CodeActionOptions,
  draft?: DraftInEditor,
): CodeAction[] {
  const data: unknown = diagnostic.data;
  if (!isQuoteDiagnosticData(data)) return [];
  const actions: CodeAction[] = [];
  if (diagnostic.code === DiagnosticCodes.altered && data.source) {
    const edit = replacementEdit(uri, data, options, draft);
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
  // The same in the draft itself, for this one place: a comment, which needs no trust in the workspace.
  if (draft && diagnostic.code !== DiagnosticCodes.unchecked && hasComments(draft.format)) {
    const action: CodeAction = { title: DISABLE_NEXT_TITLE, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] };
    if (options.resolveEdits) {
      const later: DisableNextData = { kind: 'verbatim/disable-next', uri };
      actions.push({ ...action, data: later });
    } else {
      const edit = disableNextEdit(uri, data, draft, options);
      if (edit) actions.push({ ...action, edit });
    }
  }
  return actions;
}

/** Whether drafts of a format have comments that switch checking off. */
function hasComments(format: DraftFormat): boolean {
  return format === 'markdown' || format === 'latex';
}

/**
 * Fills in the edit of a quick fix whose edit was left for when it is picked; `draftOf` gives the draft's text as the
 * editor holds it. An action that is not Verbatim's, or whose draft has changed or closed since, comes back as it
 * was, without an edit.
 */
export function resolveCodeAction(
  action: CodeAction,
  draftOf: (uri: string) => (DraftInEditor & { version: number }) | undefined,
  options: Pick<CodeActionOptions, 'documentChanges'>,
): CodeAction {
  const later = action.data as Partial<DisableNextData> | undefined;
  const data: unknown = action.diagnostics?.[0]?.data;
  if (later?.kind !== 'verbatim/disable-next' || typeof later.uri !== 'string' || !isQuoteDiagnosticData(data)) return action;
  const draft = draftOf(later.uri);
  if (!draft || (data.documentVersion !== null && data.documentVersion !== draft.version)) return action;
  const edit = disableNextEdit(later.uri, data, draft, options);
  return edit ? { ...action, edit } : action;
}
