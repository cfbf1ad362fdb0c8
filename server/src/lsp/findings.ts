// Turns the core's findings on a draft into the typed diagnostic data and LSP diagnostics the editor shows.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { DraftFormat, Finding, SourceDocument } from '../core/types.js';
import { withSourceWording } from '../core/wording.js';
import { fileSpan, isTextFile, pageAt } from '../core/sources/index.js';
import { turnsNote } from '../core/sourceMatch.js';
import { oneLine } from '../core/words.js';
import { isFileUri, LineIndex, pathToUri, sourcePositions, type Positions } from '../convert.js';
import {
  DIAGNOSTIC_SOURCE,
  DiagnosticCodes,
  SOURCE_TEXT_SCHEME,
  type DiagnosticCode,
  type QuoteDiagnosticData,
  type SeverityName,
  type Settings,
  type SourcePassage,
} from '../protocol.js';
import { renderAttribution } from './attribution.js';

/** One checked quotation as the server keeps it: its data, and its diagnostic unless it is verified or turned off. */
export interface CheckedQuotation {
  data: QuoteDiagnosticData;
  diagnostic: Diagnostic | null;
  /** The diagnostic saying the draft gives the words to another person than the source does, if it does. */
  speakerDiagnostic: Diagnostic | null;
}

/** What turning findings into diagnostics needs besides the findings. */
export interface FindingContext {
  /** The draft's text and version. */
  text: string;
  version: number | null;
  /** Looks a source up by id, to place the passage in its file. */
  source: (id: string) => SourceDocument | undefined;
  severity: Settings['severity'];
  attributionTemplate: string;
  /** The draft's format, in which a fix writes the source's words. */
  format: DraftFormat;
  /** The findings the draft gives to another person than their source does, with who each names. */
  misattributed?: ReadonlyMap<Finding, { draft: string; source: string }>;
}

/** Marks that close each opening mark, for quotations left open at the end of their paragraph. */
const CLOSING: Record<string, string> = { '“': '”', '„': '“', '«': '»', '»': '«', '‘': '’', '‚': '‘', '"': '"', "'": "'", '``': "''", '`': "'", '「': '」', '『': '』', '‹': '›' };

/**
 * The URI of a source id, which the loader gives as an absolute path or already as a URI: the file's, or, for a file
 * that is no text (a PDF), the URI under which the extension shows the text read from it.
 */
export function sourceUri(id: string): string {
  const uri = isFileUri(id) ? id : pathToUri(id);
  return isTextFile(uri) ? uri : `${SOURCE_TEXT_SCHEME}${uri.slice('file'.length)}`;
}

// Each source's line index is computed once per loaded document object and dropped with it.
const sourceLines = new WeakMap<SourceDocument, Positions>();

function passageOf(finding: Finding, lookup: FindingContext['source']): SourcePassage | null {
  const match = finding.source;
  if (!match) return null;
  const doc = lookup(match.id);
  let range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (doc) {
    let lines = sourceLines.get(doc);
    if (!lines) {
      lines = sourcePositions(doc);
      sourceLines.set(doc, lines);
    }
    const span = fileSpan(doc, { start: match.start, end: match.end });
    range = { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
  }
  const meta = match.meta ?? {};
  const passage: SourcePassage = {
    uri: sourceUri(match.id),
    range,
    text: match.text,
    speaker: match.speaker ?? null,
    title: meta.title ?? null,
    outlet: meta.outlet ?? null,
    date: meta.date ?? null,
    url: meta.url ?? null,
    page: doc ? pageAt(doc, match.start) : null,
  };
  if (match.turns) passage.turns = [...match.turns];
  return passage;
}

/** The diagnostic code of a finding, or null for a verified quotation. */
export function codeOf(finding: Pick<Finding, 'verdict' | 'short' | 'limit'>): DiagnosticCode | null {
  if (finding.limit !== undefined) return DiagnosticCodes.unchecked;
  if (finding.verdict === 'altered') return DiagnosticCodes.altered;
  if (finding.verdict === 'unsourced') return finding.short ? DiagnosticCodes.unsourcedShort : DiagnosticCodes.unsourced;
  return null;
}

function severityOf(code: DiagnosticCode, severity: Settings['severity']): DiagnosticSeverity | null {
  const name: SeverityName =
    code === DiagnosticCodes.altered ? severity.altered
    : code === DiagnosticCodes.unsourced ? severity.unsourced
    : code === DiagnosticCodes.unsourcedShort ? severity.unsourcedShort
    : code === DiagnosticCodes.misattributed ? severity.misattributed
    // A check that stopped short must never look like a pass, so it is always shown.
    : 'warning';
  switch (name) {
    case 'error': return DiagnosticSeverity.Error;
    case 'warning': return DiagnosticSeverity.Warning;
    case 'information': return DiagnosticSeverity.Information;
    case 'hint': return DiagnosticSeverity.Hint;
    default: return null;
  }
}

/** Quotes a piece of wording for a message, shortened when long. */
export function quoted(text: string, max = 60): string {
  const flat = oneLine(text);
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

/** One change in words: “repression” → “suppression”, added “China’s”, left out “within China”. */
export function describeChange(change: { draft: string; source: string }): string {
  if (change.draft === '') return `left out ${quoted(change.source)}`;
  if (change.source === '') return `added ${quoted(change.draft)}`;
  return `${quoted(change.draft)} → ${quoted(change.source)}`;
}

/** A short name for a source in messages: outlet, title, or file name. */
export function sourceName(passage: SourcePassage): string {
  if (passage.outlet) return passage.outlet;
  if (passage.title) return passage.title;
  const path = decodeURIComponent(passage.uri.replace(/[?#].*$/, ''));
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The diagnostic message, saying what changed: “repression” → “suppression”, 2 more changes. */
export function messageOf(code: DiagnosticCode, data: QuoteDiagnosticData): string {
  switch (code) {
    case DiagnosticCodes.altered: {
      const from = data.source ? ` from ${sourceName(data.source)}` : '';
      const shown = data.changes.slice(0, 2).map(describeChange);
      const more = data.changes.length - shown.length;
      if (more > 0) shown.push(`${more} more change${more === 1 ? '' : 's'}`);
      const what = shown.length > 0 ? `: ${shown.join(', ')}` : '';
      const turns = data.source?.turns ? ` Beware: ${turnsNote(data.source.turns)}.` : '';
      return `Quotation differs${from}${what}.${turns}`;
    }
    case DiagnosticCodes.unsourced:
      return 'No source holds this quotation.';
    case DiagnosticCodes.unsourcedShort:
      return 'No source quotes these words.';
    case DiagnosticCodes.misattributed: {
      const from = data.source ? ` (${sourceName(data.source)})` : '';
      return `The draft gives these words to ${data.misattributed?.draft ?? 'someone else'}; the source${from} gives them to ${data.misattributed?.source ?? 'another person'}.`;
    }
    default:
      return `Quotation not checked: ${data.limit ?? 'the check stopped short'}.`.replace(/\.\.$/, '.');
  }
}

/** Builds the data and diagnostic of every finding on one draft. */
export function checkedQuotations(findings: readonly Finding[], context: FindingContext): CheckedQuotation[] {
  const lines = new LineIndex(context.text);
  return findings.map((finding) => {
    const q = finding.quotation;
    // A block quotation's fix changes its words alone: its block's markup, and the citation or signature under it,
    // stay, and no attribution is added to what already has one.
    const outerStart = q.block ? q.start : q.open.start;
    const outerEnd = q.block ? q.end : q.close ? q.close.end : q.end;
    const source = passageOf(finding, context.source);
    const wording = finding.edits ? withSourceWording(context.text, q, finding.edits, context.format) : null;
    const open = q.block ? '' : context.text.slice(q.open.start, q.open.end);
    // A block quotation ends with its sentence's mark, which the source passage may leave out.
    const ending = q.block && !/[.!?,;:…]$/u.test(source?.text ?? '') ? (/[.!?,;:…]+$/u.exec(q.text)?.[0] ?? '') : '';
    // The corrected words keep the writer's own last mark; the source passage may lack the one a block's sentence
    // needs.
    const close = q.block ? (wording !== null ? '' : ending) : q.close ? context.text.slice(q.close.start, q.close.end) : (CLOSING[open] ?? open);
    const data: QuoteDiagnosticData = {
      kind: 'verbatim/quote',
      documentVersion: context.version,
      verdict: finding.verdict,
      quotation: q.text,
      replaceRange: lines.rangeOf(outerStart, outerEnd),
      open,
      close,
      source,
      similarity: finding.similarity,
      changes: finding.changes,
      ...(wording !== null ? { wording } : {}),
      attribution: source && !q.block
        ? renderAttribution(context.attributionTemplate, source)
        : { before: '', after: '' },
      ...(finding.limit !== undefined ? { limit: finding.limit } : {}),
    };
    const speakers = context.misattributed?.get(finding);
    if (speakers) data.misattributed = { draft: speakers.draft, source: speakers.source };
    const range = lines.rangeOf(q.start, q.end);
    const code = codeOf(finding);
    return {
      data,
      diagnostic: code ? diagnosticOf(code, range, data, context.severity) : null,
      speakerDiagnostic: speakers ? diagnosticOf(DiagnosticCodes.misattributed, range, data, context.severity) : null,
    };
  });
}

/** The diagnostic of one code on a quotation, pointing at its source passage; null when its severity is off. */
function diagnosticOf(code: DiagnosticCode, range: Range, data: QuoteDiagnosticData, severities: Settings['severity']): Diagnostic | null {
  const severity = severityOf(code, severities);
  if (severity === null) return null;
  const diagnostic: Diagnostic = { range, severity, code, source: DIAGNOSTIC_SOURCE, message: messageOf(code, data), data };
  if (data.source) {
    diagnostic.relatedInformation = [
      { location: { uri: data.source.uri, range: data.source.range }, message: `Source wording: ${quoted(data.source.text, 200)}` },
    ];
  }
  return diagnostic;
}

/** A warning at the very top of a draft (code quote.unchecked): the check of the whole draft failed or stopped short. */
export function topOfDraft(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: DiagnosticCodes.unchecked,
    source: DIAGNOSTIC_SOURCE,
    message,
  };
}
