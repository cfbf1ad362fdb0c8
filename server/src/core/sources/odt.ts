// Reads an OpenDocument text (.odt, as LibreOffice and many public bodies write it) from its content's XML: the text,
// paragraph by paragraph, as a writer reads it.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { SourceDocument } from '../types.js';
import { sourceMetaFromText } from './meta.js';

const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const SVG = 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0';

/**
 * Elements whose content is not the document's running text: the deleted text that tracked changes keep, the numbers
 * of notes (which would split the sentence they stand in), comments, generated indexes and tables of contents, and
 * the descriptions of drawings.
 */
const LEFT_OUT = new Set([
  `${TEXT} tracked-changes`,
  `${TEXT} note-citation`,
  `${OFFICE} annotation`,
  `${TEXT} table-of-content`,
  `${TEXT} alphabetical-index`,
  `${TEXT} illustration-index`,
  `${TEXT} table-index`,
  `${TEXT} object-index`,
  `${TEXT} user-index`,
  `${TEXT} bibliography`,
  `${TEXT} sequence-decls`,
  `${SVG} title`,
  `${SVG} desc`,
]);

/** A paragraph or a heading: the elements that hold text. */
function holdsText(tag: SaxesTagNS): boolean {
  return tag.uri === TEXT && (tag.local === 'p' || tag.local === 'h');
}

/**
 * Text being written paragraph by paragraph, with white space as OpenDocument defines it: a run of white space is
 * written as one space, and only when more text follows in the same paragraph.
 */
class Paragraphs {
  readonly parts: string[] = [];
  /** Where the current paragraph's text starts among the parts. */
  private paragraphStart = 0;
  /** Whether white space waits to be written. */
  space = false;

  write(text: string): void {
    if (this.space && this.parts.length > this.paragraphStart) this.parts.push(' ');
    this.space = false;
    this.parts.push(text);
  }

  /** Ends the current paragraph; an empty one adds no blank line. */
  end(): void {
    if (this.parts.length > this.paragraphStart) this.parts.push('\n\n');
    this.paragraphStart = this.parts.length;
    this.space = false;
  }

  /**
   * Moves the paragraphs of `other` to the end of this text, whose current paragraph must be ended. A note's
   * paragraphs often open with a space written as an element, after the note's number: it is no part of the text.
   */
  take(other: Paragraphs): void {
    other.end();
    for (const paragraph of other.parts.join('').split('\n\n')) {
      if (paragraph.trim() !== '') this.parts.push(paragraph.trim(), '\n\n');
    }
    other.parts.length = 0;
    other.paragraphStart = 0;
    this.paragraphStart = this.parts.length;
  }
}

/**
 * Parses an OpenDocument text from its content (the package's `content.xml`). The text is the body's: a blank line
 * after each paragraph and heading (list items, table cells and text boxes included), white space as the format defines
 * it (a run of spaces, tabs and line ends in the XML is one space, none at a paragraph's edges; spaces, tabs and line
 * breaks written as elements are kept). The notes' text follows the document's, without their numbers: between two
 * paragraphs, a note would come between a name and the “she said” that stands for it. Deleted text of tracked changes
 * and comments are left out. Metadata comes from the text and the file name, as for a Word document. Throws an Error
 * that says why when the content is damaged.
 */
export function parseOdtSource(id: string, fileName: string, content: string): SourceDocument {
  const text = new Paragraphs();
  // The notes of the document, which follow its text.
  const notes = new Paragraphs();
  let body = 0;
  let leftOut = 0;
  let paragraphs = 0;
  let inNote = 0;
  const into = () => (inNote > 0 ? notes : text);
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    if (tag.uri === OFFICE && tag.local === 'body') body++;
    if (body === 0) return;
    if (leftOut > 0 || LEFT_OUT.has(`${tag.uri} ${tag.local}`)) {
      if (!tag.isSelfClosing) leftOut++;
      return;
    }
    if (tag.uri === TEXT && tag.local === 'note-body' && !tag.isSelfClosing) inNote++;
    if (holdsText(tag)) {
      // A paragraph inside another (in a text box) is a paragraph of its own; the outer one goes on after it.
      into().end();
      if (!tag.isSelfClosing) paragraphs++;
      return;
    }
    if (paragraphs === 0 || tag.uri !== TEXT) return;
    if (tag.local === 's') into().write(' '.repeat(spaceCount(tag)));
    else if (tag.local === 'tab') into().write('\t');
    else if (tag.local === 'line-break') into().write('\n');
  });
  parser.on('closetag', (tag) => {
    if (body === 0 || tag.isSelfClosing) return;
    if (leftOut > 0) {
      leftOut--;
      return;
    }
    if (tag.uri === OFFICE && tag.local === 'body') body--;
    else if (tag.uri === TEXT && tag.local === 'note-body') inNote--;
    else if (holdsText(tag)) {
      paragraphs--;
      into().end();
    }
  });
  parser.on('text', (written) => {
    if (body === 0 || leftOut > 0 || paragraphs === 0) return;
    const target = into();
    written.split(/[ \t\r\n]+/).forEach((word, k) => {
      if (k > 0) target.space = true;
      if (word !== '') target.write(word);
    });
  });
  parser.on('error', (error) => {
    throw new Error(`its text is damaged (${error.message.split('\n')[0]})`);
  });
  parser.write(content).close();
  text.take(notes);
  const joined = text.parts.join('').replace(/\s+$/, '');
  return { id, text: joined, meta: sourceMetaFromText(joined, fileName) };
}

/** How many spaces a `text:s` element stands for (its `text:c`, one when it has none). */
function spaceCount(tag: SaxesTagNS): number {
  const attribute = Object.values(tag.attributes).find((candidate) => candidate.uri === TEXT && candidate.local === 'c');
  const count = Number(attribute?.value ?? 1);
  return Number.isInteger(count) && count > 0 && count <= 1000 ? count : 1;
}
