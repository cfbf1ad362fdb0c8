// Reads a draft for `verbatim check`: a text draft as it is decoded, a draft saved from a word processor or a web
// page (Word, OpenDocument, RTF, HTML, PDF) as the sources of its format are read, with where its quotations stand.
import { readFile } from 'node:fs/promises';
import { draftFormatOf } from '../core/extract/index.js';
import { fileSpan, sourceFormat, type SourceFormat } from '../core/sources/index.js';
import type { DraftFormat, Span } from '../core/types.js';
import { LineIndex, type Positions } from '../convert.js';
import { decodeSource } from '../io/decode.js';
import { draftTooLarge } from '../io/draftLimits.js';
import { documentFromBytes } from '../io/sourceBytes.js';

/** Formats a draft may come in besides text, Markdown and LaTeX: read by the reader of sources in that format. */
const DOCUMENT_FORMATS: ReadonlySet<SourceFormat> = new Set(['doc', 'docx', 'odt', 'rtf', 'html', 'pdf']);

/** A draft read: the text its quotations are found in, and where a stretch of that text stands in the draft's file. */
export interface DraftText {
  text: string;
  format: DraftFormat;
  /** The span of the file (decoded) that a span of the text was read from. */
  locate(span: Span): Span;
  /** Line and character of offsets of the file, as `locate` gives them. */
  positions: Positions;
}

/**
 * Reads the draft at `path`; an unreadable, binary, damaged or oversized draft gives the reason it is skipped. A
 * draft in a document format is the text read from it: for a web page, its visible text, located in the page's
 * markup; for a Word, OpenDocument, RTF or PDF file, the text `verbatim text` prints, located in that text.
 */
export async function readDraftText(path: string): Promise<DraftText | { skipped: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { skipped: `could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})` };
  }
  const textFormat = draftFormatOf(path);
  const documentFormat = sourceFormat(path);
  if (textFormat === null && documentFormat !== null && DOCUMENT_FORMATS.has(documentFormat)) {
    const read = documentFromBytes(path, bytes);
    if ('skip' in read) return { skipped: read.skip };
    const doc = read.document;
    const tooLarge = draftTooLarge(doc.text.length);
    if (tooLarge) return { skipped: tooLarge.reason };
    return {
      text: doc.text,
      format: 'plaintext',
      locate: (span) => fileSpan(doc, span),
      positions: new LineIndex(doc.file?.content ?? doc.text),
    };
  }
  const decoded = decodeSource(bytes);
  if ('skip' in decoded) return { skipped: decoded.skip };
  const tooLarge = draftTooLarge(decoded.text.length);
  if (tooLarge) return { skipped: tooLarge.reason };
  const text = decoded.text;
  return { text, format: textFormat ?? 'plaintext', locate: (span) => span, positions: new LineIndex(text) };
}
