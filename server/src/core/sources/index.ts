// Turns the decoded content of a source file into a SourceDocument, choosing the reader by the file's extension.
import type { SourceDocument, Span } from '../types.js';
import { parseHtmlSource } from './html.js';
import { parseMarkdownSource } from './markdown.js';
import { sourceMetaFromText } from './meta.js';

export { normaliseDate } from './dates.js';
export { metaFromFileName, sourceMetaFromText } from './meta.js';

/** The formats sources can be read in. */
export type SourceFormat =
  | 'text'
  | 'markdown'
  | 'html'
  | 'subtitles'
  | 'doc'
  | 'docx'
  | 'odt'
  | 'rtf'
  | 'epub'
  | 'pdf'
  | 'email'
  | 'webarchive';

/** File extensions (lower case, with the dot) read as sources, and their formats. */
export const SOURCE_EXTENSIONS: Readonly<Record<string, SourceFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.srt': 'subtitles',
  '.vtt': 'subtitles',
  '.doc': 'doc',
  '.docx': 'docx',
  '.odt': 'odt',
  '.rtf': 'rtf',
  '.epub': 'epub',
  '.pdf': 'pdf',
  '.eml': 'email',
  '.msg': 'email',
  '.mhtml': 'webarchive',
  '.mht': 'webarchive',
};

/** The lower-case extension of a file name or path, with its dot ("" when it has none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The formats whose text is read out of the file rather than being the file's own text. */
const READ_FROM_FILE: ReadonlySet<SourceFormat> = new Set([
  'doc',
  'docx',
  'odt',
  'rtf',
  'epub',
  'pdf',
  'email',
  'webarchive',
]);

/**
 * Whether a source file of this name is text an editor shows as it is, so that locations in it can be shown there:
 * not a PDF, a Word document (of today or of before 2007), an OpenDocument text, an RTF file (its file is markup),
 * an e-book, an email or a saved web page (their files are MIME, their text decoded), whose locations are in the text
 * read from them.
 */
export function isTextFile(fileName: string): boolean {
  const format = sourceFormat(fileName);
  return format === null || !READ_FROM_FILE.has(format);
}

/** The format a source file is read in, or null when its extension is not supported. */
export function sourceFormat(fileName: string): SourceFormat | null {
  return SOURCE_EXTENSIONS[extensionOf(fileName)] ?? null;
}

/**
 * Parses a source from its decoded content. Markdown (.md, .markdown) takes its metadata from YAML front matter
 * and matches against the body; HTML (.html, .htm, .xhtml) matches against its visible text; anything else is plain
 * text, matched as it is, with metadata from its dateline and file name. Never throws on malformed content.
 * Subtitles, Word documents, OpenDocument texts, RTF files, e-books, PDFs and emails have readers of their own, given
 * what a subtitle parser found in the text (`parseSubtitleSource`), the body of the document's package
 * (`parseDocxSource`, `parseOdtSource`), the text a reader of old Word documents (`parseDocSource`) or of RTF
 * (`plainTextSource`) read, the chapters of the book (`parseEpubSource`), the runs of text of the PDF's pages
 * (`parsePdfSource`) or the decoded message (`parseEmailSource`, `parseWebArchiveSource`): this throws for them.
 */
export function parseSource(id: string, fileName: string, content: string): SourceDocument {
  switch (sourceFormat(fileName)) {
    case 'markdown':
      return parseMarkdownSource(id, fileName, content);
    case 'html':
      return parseHtmlSource(id, fileName, content);
    case 'subtitles':
    case 'doc':
    case 'docx':
    case 'odt':
    case 'rtf':
    case 'epub':
    case 'pdf':
    case 'email':
    case 'webarchive':
      throw new Error(`${fileName} is read by the reader of its format, not as text`);
    default:
      return plainTextSource(id, fileName, content);
  }
}

/** A source that is the text given, as it is, with metadata from its dateline and file name. */
export function plainTextSource(id: string, fileName: string, text: string): SourceDocument {
  return { id, text, meta: sourceMetaFromText(text, fileName) };
}

/** The page (counted from 1) that the offset of `doc.text` stands on, or null for a source without pages. */
export function pageAt(doc: SourceDocument, textOffset: number): number | null {
  const pages = doc.pages;
  if (!pages || pages.length === 0) return null;
  // The last page that starts at or before the offset: a page without text starts where the next one does.
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]! <= textOffset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Maps an offset in `doc.text` to the offset in the file's decoded content: the identity when the text is the
 * content itself. Meant for the start of a span (use `fileSpan` for whole spans): an offset where a segment
 * starts maps to that segment's start, an offset inside a segment maps within it, and an offset in text the
 * reader inserted (a paragraph break between HTML blocks) maps to the start of the next segment, or to the end
 * of the last one.
 */
export function fileOffset(doc: SourceDocument, textOffset: number): number {
  const segments = doc.file?.segments;
  if (!segments) return textOffset;
  if (segments.length === 0) return 0;
  // The last segment that starts at or before the offset; a segment that starts exactly there wins over one
  // that ends there, so that a span's start and end both land on real characters.
  let lo = 0;
  let hi = segments.length - 1;
  if (textOffset < segments[0]!.text) return segments[0]!.file;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.text <= textOffset) lo = mid;
    else hi = mid - 1;
  }
  const segment = segments[lo]!;
  const within = textOffset - segment.text;
  if (within <= segment.length) return segment.file + within;
  return lo + 1 < segments.length ? segments[lo + 1]!.file : segment.file + segment.length;
}

/**
 * Maps a span of `doc.text` to the span of the file's decoded content that holds it: the start as `fileOffset`
 * maps it, the end just after the file character of the span's last character (after the whole character
 * reference when that character came from one, such as `&rdquo;`), so that markup following the span is left out.
 */
export function fileSpan(doc: SourceDocument, span: Span): Span {
  const start = fileOffset(doc, span.start);
  if (!doc.file || span.end <= span.start) return { start, end: doc.file ? start : span.end };
  const last = fileOffset(doc, span.end - 1);
  const content = doc.file.content;
  if (content[last] === '&') {
    const reference = /^&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?/.exec(content.slice(last, last + 40));
    const next = fileOffset(doc, span.end);
    // Take the longest reading of the reference that ends where the text continues in the file, if any.
    if (reference && next > last && next <= last + reference[0].length) return { start, end: next };
    if (reference) return { start, end: last + reference[0].length };
  }
  return { start, end: Math.min(content.length, Math.max(start, last + 1)) };
}
