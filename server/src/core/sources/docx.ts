// Reads a Word document (.docx) from its body's XML, and its notes': the text, paragraph by paragraph, as a writer
// reads it in Word.
import { SaxesParser, type SaxesTag } from 'saxes';
import type { SourceDocument } from '../types.js';
import { sourceMetaFromText } from './meta.js';

/**
 * Elements whose content is not the document's current text: deleted and moved-away runs of tracked changes, field
 * codes, and the fallback copy of content given twice (a text box drawn in two ways).
 */
const LEFT_OUT = new Set(['del', 'moveFrom', 'instrText', 'delText', 'Fallback']);

/** The kinds of note that are no note: the lines Word draws between the text and the notes. */
const SEPARATORS = new Set(['separator', 'continuationSeparator', 'continuationNotice']);

/** The XML of a Word document's parts that hold text: the body, and the footnotes and endnotes when it has them. */
export interface DocxParts {
  body: string;
  footnotes?: string;
  endnotes?: string;
}

/**
 * Parses a Word document from its parts. The text is the body's: runs of text in order, a blank line after each
 * paragraph (table cells and text boxes included), tabs and line breaks as written; the text of the footnotes and
 * endnotes follows the body's, in the order the body refers to them (between two paragraphs, a note would come
 * between a name and the “she said” that stands for it). Deleted text of tracked changes and field codes are left out;
 * headers, footers and comments are not read. Metadata comes from the text (a headline, dateline or byline) and the
 * file name, as for plain text: a document's stored properties usually name whoever last saved it or its template,
 * not the source. The document's lines are the text's: a Word document has no lines of its own. Throws an Error that
 * says why when a part is damaged.
 */
export function parseDocxSource(id: string, fileName: string, parts: DocxParts): SourceDocument {
  const notes = new Map<string, string>();
  for (const [kind, xml] of [['footnote', parts.footnotes], ['endnote', parts.endnotes]] as const) {
    if (xml) for (const [noteId, text] of readNotes(xml, kind)) notes.set(`${kind} ${noteId}`, text);
  }
  const text = readParagraphs(parts.body, (reference) => notes.get(reference)).replace(/\s+$/, '');
  return { id, text, meta: sourceMetaFromText(text, fileName) };
}

/** The text of each note of a notes part (`kind` is footnote or endnote), by the note's id. */
function readNotes(xml: string, kind: 'footnote' | 'endnote'): Map<string, string> {
  const notes = new Map<string, string>();
  let current: string | null = null;
  let start = 0;
  readParagraphs(xml, () => undefined, {
    open: (name, tag, written) => {
      if (name !== kind) return;
      const type = attribute(tag, 'type');
      current = type && SEPARATORS.has(type) ? null : attribute(tag, 'id');
      start = written();
    },
    close: (name, written, slice) => {
      if (name !== kind) return;
      if (current !== null) notes.set(current, slice(start, written()).trim());
      current = null;
    },
  });
  return notes;
}

/**
 * Hooks into `readParagraphs` for the elements around paragraphs, given how far the text has been written (a mark
 * that `slice` takes) so far.
 */
interface Around {
  open(name: string, tag: SaxesTag, written: () => number): void;
  close(name: string, written: () => number, slice: (from: number, to: number) => string): void;
}

/**
 * The text of the paragraphs of a part, each followed by a blank line, then the notes they refer to, which `note`
 * gives by kind and id ("footnote 2"). Throws an Error when the part is damaged.
 */
function readParagraphs(xml: string, note: (reference: string) => string | undefined, around?: Around): string {
  const parts: string[] = [];
  // How deep inside an element that is left out the parser is, how deep inside runs, and whether inside a run's text.
  let leftOut = 0;
  let runs = 0;
  let inText = false;
  // Where the current paragraph's text starts among the parts: an empty paragraph adds no blank line.
  let paragraphStart = 0;
  // The notes the paragraphs refer to, which follow the text.
  const referred: string[] = [];
  const push = (piece: string) => void parts.push(piece);
  const written = () => parts.length;
  const slice = (from: number, to: number) => parts.slice(from, to).join('');
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (leftOut > 0 || LEFT_OUT.has(name)) {
      if (!tag.isSelfClosing) leftOut++;
      return;
    }
    around?.open(name, tag, written);
    if (name === 'r' && !tag.isSelfClosing) runs++;
    // A tab or break outside a run is no character: a paragraph's tab stops are also named `tab`.
    if (runs === 0) return;
    if (name === 't') inText = !tag.isSelfClosing;
    else if (name === 'tab') push('\t');
    else if (name === 'br' || name === 'cr') push('\n');
    else if (name === 'noBreakHyphen') push('-');
    else if (name === 'softHyphen') push('\u00ad');
    else if (name === 'footnoteReference' || name === 'endnoteReference') {
      const text = note(`${name.slice(0, -'Reference'.length)} ${attribute(tag, 'id') ?? ''}`);
      if (text) referred.push(text);
    }
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
    else if (name === 'p') {
      if (parts.length > paragraphStart) push('\n\n');
      paragraphStart = parts.length;
    }
    around?.close(name, written, slice);
  });
  parser.on('text', (text) => {
    if (!inText || leftOut > 0) return;
    push(text);
  });
  parser.on('error', (error) => {
    throw new Error(`its text is damaged (${error.message.split('\n')[0]})`);
  });
  parser.write(xml).close();
  for (const text of referred) push(`${text}\n\n`);
  return parts.join('');
}

/** The value of an attribute given by its local name (`w:id` by `id`). */
function attribute(tag: SaxesTag, local: string): string | null {
  for (const [name, value] of Object.entries(tag.attributes)) if (localName(name) === local) return String(value);
  return null;
}

/** An element's name without its namespace prefix (`w:p` gives `p`). */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
