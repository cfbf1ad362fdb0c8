// Reads a Word 97-2003 document (.doc) from the text its reader gives: the paragraphs of its body and text boxes, then
// those of its footnotes and endnotes.
import type { SourceDocument } from '../types.js';
import { sourceMetaFromText } from './meta.js';

/** The text of a Word 97-2003 document's parts, a line for each paragraph (a table row's cells end with tabs). */
export interface DocParts {
  body: string;
  textboxes: string;
  footnotes: string;
  endnotes: string;
}

/**
 * Parses a Word 97-2003 document from the text of its parts. Each paragraph and table cell is followed by a blank line,
 * as in the text of a Word document of today; the old format does not say where a note stands in the body, so the
 * notes follow the body. Headers, footers and comments are not read. Metadata comes from the text and the file name,
 * as for plain text. Throws an Error when the document has no text.
 */
export function parseDocSource(id: string, fileName: string, parts: DocParts): SourceDocument {
  const paragraphs = [parts.body, parts.textboxes, parts.footnotes, parts.endnotes].flatMap((part) =>
    part
      .split(/\r\n|[\r\n]/)
      // A table row comes as its cells, each ended by a tab: each cell is a paragraph, as in a Word document of today.
      .flatMap((line) => (line.endsWith('\t') ? line.split('\t') : [line]))
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  );
  if (paragraphs.length === 0) throw new Error('it has no text');
  const text = paragraphs.join('\n\n');
  return { id, text, meta: sourceMetaFromText(text, fileName) };
}
