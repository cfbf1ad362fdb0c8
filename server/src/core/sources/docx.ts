// Reads a Word document (.docx) from its body's XML: the text, paragraph by paragraph, as a writer reads it in Word.
import { SaxesParser } from 'saxes';
import type { SourceDocument } from '../types.js';
import { sourceMetaFromText } from './meta.js';

/**
 * Elements whose content is not the document's current text: deleted and moved-away runs of tracked changes, field
 * codes, and the fallback copy of content given twice (a text box drawn in two ways).
 */
const LEFT_OUT = new Set(['del', 'moveFrom', 'instrText', 'delText', 'Fallback']);

/**
 * Parses a Word document from its body (the package's `word/document.xml`). The text is the body's: runs of text in
 * order, a blank line after each paragraph (table cells and text boxes included), tabs and line breaks as written;
 * deleted text of tracked changes and field codes are left out, and headers, footers, comments and notes, which are
 * other parts of the package, are not read. Metadata comes from the text (a headline, dateline
 * or byline) and the file name, as for plain text: a document's stored properties usually name whoever last saved it
 * or its template, not the source. The document's lines are the text's: a Word document has no lines of its own.
 * Throws an Error that says why when the body is damaged.
 */
export function parseDocxSource(id: string, fileName: string, body: string): SourceDocument {
  const parts: string[] = [];
  // How deep inside an element that is left out the parser is, how deep inside runs, and whether inside a run's text.
  let leftOut = 0;
  let runs = 0;
  let inText = false;
  // Where the current paragraph's text starts among the parts: an empty paragraph adds no blank line.
  let paragraphStart = 0;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (leftOut > 0 || LEFT_OUT.has(name)) {
      if (!tag.isSelfClosing) leftOut++;
      return;
    }
    if (name === 'r' && !tag.isSelfClosing) runs++;
    // A tab or break outside a run is no character: a paragraph's tab stops are also named `tab`.
    if (runs === 0) return;
    if (name === 't') inText = !tag.isSelfClosing;
    else if (name === 'tab') parts.push('\t');
    else if (name === 'br' || name === 'cr') parts.push('\n');
    else if (name === 'noBreakHyphen') parts.push('-');
    else if (name === 'softHyphen') parts.push('\u00ad');
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    if (leftOut > 0) {
      leftOut--;
      return;
    }
    const name = localName(tag.name);
    if (name === 't') inText = false;
    else if (name === 'r') runs--;
    else if (name === 'p' && parts.length > paragraphStart) {
      parts.push('\n\n');
      paragraphStart = parts.length;
    }
  });
  parser.on('text', (text) => {
    if (!inText || leftOut > 0) return;
    parts.push(text);
  });
  parser.on('error', (error) => {
    throw new Error(`its text is damaged (${error.message.split('\n')[0]})`);
  });
  parser.write(body).close();
  const text = parts.join('').replace(/\s+$/, '');
  return { id, text, meta: sourceMetaFromText(text, fileName) };
}

/** An element's name without its namespace prefix (`w:p` gives `p`). */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
