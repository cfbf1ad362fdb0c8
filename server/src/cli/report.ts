// The report of a `verbatim check` run, shaped as the JSON contract, and how a Finding becomes one of its entries.
import { isAbsolute, relative, sep } from 'node:path';
import type { Finding, SourceDocument, Verdict } from '../core/types.js';
import { fileSpan, pageAt } from '../core/sources/index.js';
import { isFileUri, sourcePositions, uriToPath, type Position, type Positions } from '../convert.js';
import { DiagnosticCodes, type DiagnosticCode } from '../protocol.js';
import type { DraftText } from './draftText.js';

/** The code of each kind of finding: the editor's diagnostic codes, and one for verbatim quotations. */
export const QUOTE_CODES = { ...DiagnosticCodes, verbatim: 'quote.verbatim' } as const;
export type QuoteCode = DiagnosticCode | typeof QUOTE_CODES.verbatim;

/** The source passage of a quotation; offsets and positions are in the source file's decoded content. */
export interface SourceReport {
  file: string;
  text: string;
  offset: number;
  start: Position;
  end: Position;
  speaker: string | null;
  title: string | null;
  date: string | null;
  outlet: string | null;
  url: string | null;
  /** The page the passage starts on, for a source printed in pages (a PDF). */
  page?: number;
  /** In a transcript, the speakers whose turns begin inside the passage (present when any do). */
  turns?: string[];
}

/** One quotation of a draft; offsets and positions are in the draft, 0-based. */
export interface QuoteReport {
  text: string;
  offset: number;
  start: Position;
  end: Position;
  verdict: Verdict;
  similarity: number;
  source: SourceReport | null;
  changes: { draft: string; source: string }[];
  short: boolean;
  code: QuoteCode;
  /** Whether the draft gives the words as someone's speech, or mentions them (scare quotes, titles). */
  kind: 'speech' | 'mention';
  /**
   * Present when the draft gives the words to another person than the source does: who the draft says spoke them,
   * and who the source says did.
   */
  misattributed?: { draft: string; source: string };
  /** Present when the check stopped short for this quotation: it was not checked and is not a pass. */
  limit?: string;
}

/** One draft: its quotations, or why it could not be checked. */
export interface DraftReport {
  file: string;
  quotes: QuoteReport[];
  /** Present when the draft could not be read or checked. */
  skipped?: string;
  /** Present when only part of the draft was checked (too many quotations): why, in one phrase. */
  limit?: string;
  /** Present when the draft's comments (`verbatim-disable`) left quotations out: how many, not checked. */
  disabled?: number;
}

/** The whole report, exactly what `--format json` prints. */
export interface Report {
  version: 1;
  sources: {
    documents: number;
    bytes: number;
    skipped: { file: string; reason: string }[];
    /** Sources read in part, with what could not be read of each (present when there are any). */
    partial?: { file: string; reason: string }[];
  };
  results: DraftReport[];
}

/** The code of a finding; a quotation whose check stopped short is unchecked, whatever its verdict. */
export function codeOf(finding: Pick<Finding, 'verdict' | 'short' | 'limit'>): QuoteCode {
  if (finding.limit !== undefined) return QUOTE_CODES.unchecked;
  if (finding.verdict === 'verbatim') return QUOTE_CODES.verbatim;
  if (finding.verdict === 'altered') return QUOTE_CODES.altered;
  return finding.short ? QUOTE_CODES.unsourcedShort : QUOTE_CODES.unsourced;
}

/**
 * A path or file URI as the user should see it, with `/` separators: relative to `cwd` when it lies below it or up to
 * two folders above, absolute when further away.
 */
export function displayPath(pathOrUri: string, cwd: string): string {
  let path = pathOrUri;
  if (isFileUri(path)) {
    try {
      path = uriToPath(path);
    } catch {
      return pathOrUri;
    }
  }
  if (!isAbsolute(path)) return path.split(sep).join('/');
  const rel = relative(cwd, path);
  // A path that climbs more than two folders out of the working folder reads better whole.
  return rel === '' || isAbsolute(rel) || rel.startsWith(`..${sep}..${sep}..${sep}`) ? path : rel.split(sep).join('/');
}

/** Builds report entries, remembering the line index of each source so a large source is indexed once. */
export class QuoteReporter {
  private readonly sourceLines = new Map<string, Positions>();

  constructor(
    private readonly sources: { get(id: string): SourceDocument | undefined },
    private readonly cwd: string,
  ) {}

  /**
   * The report entry of `finding`, located in the draft's file by `draft` (see `DraftText`), and who the draft gives
   * it to when wrongly.
   */
  quote(
    finding: Finding,
    draft: Pick<DraftText, 'locate' | 'positions'>,
    misattributed?: { draft: string; source: string },
  ): QuoteReport {
    const { quotation } = finding;
    const where = draft.locate(quotation);
    const entry: QuoteReport = {
      text: quotation.text,
      offset: where.start,
      start: draft.positions.positionAt(where.start),
      end: draft.positions.positionAt(where.end),
      verdict: finding.verdict,
      similarity: Math.round(finding.similarity * 1000) / 1000,
      source: this.source(finding),
      changes: finding.changes.map((change) => ({ draft: change.draft, source: change.source })),
      short: finding.short,
      code: codeOf(finding),
      kind: quotation.kind ?? 'speech',
    };
    if (misattributed) entry.misattributed = { draft: misattributed.draft, source: misattributed.source };
    if (finding.limit !== undefined) entry.limit = finding.limit;
    return entry;
  }

  private source(finding: Finding): SourceReport | null {
    const match = finding.source;
    if (!match) return null;
    const doc = this.sources.get(match.id);
    let offset = match.start;
    let end = match.end;
    let lines: Positions | null = null;
    if (doc) {
      // Positions are given in the file as it is on disk (decoded), which differs from the matched text for
      // HTML or front matter.
      ({ start: offset, end } = fileSpan(doc, { start: match.start, end: match.end }));
      lines = this.linesOf(doc);
    }
    const report: SourceReport = {
      file: displayPath(match.id, this.cwd),
      text: match.text,
      offset,
      start: lines ? lines.positionAt(offset) : { line: 0, character: 0 },
      end: lines ? lines.positionAt(end) : { line: 0, character: 0 },
      speaker: match.speaker,
      title: match.meta.title ?? match.meta.outlet ?? null,
      date: match.meta.date ?? null,
      outlet: match.meta.outlet ?? null,
      url: match.meta.url ?? null,
    };
    const page = doc ? pageAt(doc, match.start) : null;
    if (page !== null) report.page = page;
    if (match.turns) report.turns = [...match.turns];
    return report;
  }

  private linesOf(doc: SourceDocument): Positions {
    let lines = this.sourceLines.get(doc.id);
    if (!lines) {
      lines = sourcePositions(doc);
      this.sourceLines.set(doc.id, lines);
    }
    return lines;
  }
}
