// Reads the text of a Rich Text Format file (.rtf, as TextEdit, WordPad and Word save it), paragraph by paragraph,
// with rtf-stream-parser: its tokenizer and its conversion to plain text, which keeps the character sets, fonts and
// Unicode escapes of the format. The parser is built of Node streams, so it runs here rather than in the core.
import { Tokenize } from 'rtf-stream-parser';
import { ToPlainText } from 'rtf-stream-parser/dist/src/ToPlainText.js';
import type { FeatureHandler } from 'rtf-stream-parser/dist/src/features/types.js';
import { decodeWindows1252 } from './decode.js';

/** Marks a paragraph's end in the converter's output: a character RTF text never holds, as it is written as `\par`. */
const PARAGRAPH_END = '\u2029';

/**
 * Destinations whose text is not the document's running text: stored properties, pictures and embedded objects,
 * headers and footers, comments, field codes (their results are kept), index and contents entries, the table of
 * revision authors, and the bullets and numbers of list items, which other formats do not give as text either. The
 * converter leaves out only a few of these itself.
 */
const LEFT_OUT = [
  'info',
  'pict',
  'object',
  'objdata',
  'nonshppict',
  'header',
  'headerf',
  'headerl',
  'headerr',
  'footer',
  'footerf',
  'footerl',
  'footerr',
  'annotation',
  'atnid',
  'atnauthor',
  'fldinst',
  'xe',
  'tc',
  'revtbl',
  'listtext',
];

interface GroupState {
  allDestinations?: Record<string, boolean>;
  /** Inside text that tracked changes mark as deleted. */
  deleted?: boolean;
}

/**
 * The converter as this reader sees it: with the text of the notes of the paragraph being read, and the notes of the
 * paragraphs read, which follow the text.
 */
type Converter = ToPlainText & { _state: GroupState; notes: string[]; noted: string[] };

/** True inside a footnote or an endnote (RTF writes both as footnotes). */
function inNote(global: Converter): boolean {
  return global._state.allDestinations?.['footnote'] === true;
}

/**
 * Ends the paragraph: paragraphs, sections, pages, table cells and rows, and a backslash before a line end. The notes
 * the paragraph refers to are kept for the end of the text, each a paragraph of its own.
 */
const endParagraph = (global: Converter): true => {
  global._pushOutput(PARAGRAPH_END);
  if (!inNote(global) && global.notes.length > 0) {
    global.noted.push(global.notes.join(''));
    global.notes = [];
  }
  return true;
};

/** What this reader adds to the converter, ahead of its own handlers. */
const READER: FeatureHandler<Converter> = {
  controlHandlers: {
    par: endParagraph,
    sect: endParagraph,
    page: endParagraph,
    cell: endParagraph,
    nestcell: endParagraph,
    row: endParagraph,
    '\n': endParagraph,
    '\r': endParagraph,
    deleted: (global, token) => {
      global._state.deleted = token.param !== 0;
      return true;
    },
    // Plain character formatting ends a deletion too.
    plain: (global) => {
      global._state.deleted = false;
    },
  },
  outputDataFilter: (global, data) => {
    if (global._state.deleted) return true;
    if (inNote(global)) {
      global.notes.push(global._getOutputAsString(data, global._getCurrentFont())[0]);
      return true;
    }
    const destinations = global._state.allDestinations;
    return destinations !== undefined && LEFT_OUT.some((name) => destinations[name] === true) ? true : undefined;
  },
};

/** Code pages that RTF names by number and the encodings that decode them, where the name is not `cp` and the number. */
const CODE_PAGES: ReadonlyMap<string, string> = new Map([
  ['cp874', 'windows-874'],
  ['cp932', 'shift_jis'],
  ['cp936', 'gbk'],
  ['cp949', 'euc-kr'],
  ['cp950', 'big5'],
  ['cp10000', 'macintosh'],
]);

/** Decodes bytes of the code page RTF names (`cp1252`); throws, saying which, for a code page that cannot be read. */
export function decode(bytes: Uint8Array, codePage: string): string {
  // The decoder reads Windows-1252 as ISO-8859-1, which would turn the curly quotation marks into control characters.
  if (codePage === 'cp1252') return decodeWindows1252(bytes);
  try {
    return new TextDecoder(CODE_PAGES.get(codePage) ?? codePage).decode(bytes);
  } catch {
    // Only an encoding the decoder does not know throws: bytes it cannot decode become replacement characters.
    throw new Error(`its code page ${codePage.replace(/^cp/, '')} is not supported`);
  }
}

/**
 * The text of an RTF file: its paragraphs (and table cells) with a blank line after each, line breaks within one as
 * written, then the text of the notes (between two paragraphs, a note would come between a name and the “she said”
 * that stands for it). Stored properties, pictures, headers, footers, comments, field codes and tracked deletions are
 * left out. Throws an Error that says why when the file is no RTF or
 * cannot be read.
 */
export function rtfText(bytes: Uint8Array): string {
  if (!startsAsRtf(bytes)) throw new Error('not an RTF document (it does not start with {\\rtf)');
  const tokenizer = new Tokenize();
  const converter = Object.assign(new ToPlainText({ decode, warn: () => undefined }), { notes: [] as string[], noted: [] as string[] });
  (converter._featureHandlers as Array<FeatureHandler<Converter>>).unshift(READER);
  const pieces: string[] = [];
  const failed = (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
  };
  // Both streams are driven by hand, token by token, so that the whole file is read before this returns.
  tokenizer.push = (token) => {
    converter._transform(token, undefined, failed);
    return true;
  };
  converter.push = (piece: string) => {
    pieces.push(piece);
    return true;
  };
  tokenizer._transform(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), undefined, failed);
  tokenizer._flush(failed);
  converter._flush(failed);
  // The notes, after the text, and those of a last paragraph that never ended.
  for (const note of [...converter.noted, converter.notes.join('')]) pieces.push(PARAGRAPH_END, note);
  return pieces
    .join('')
    .replace(/\r\n?/g, '\n')
    .split(PARAGRAPH_END)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/** True when the bytes open as RTF does, after any white space: `{\rtf`. */
function startsAsRtf(bytes: Uint8Array): boolean {
  let at = 0;
  while (at < bytes.length && (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
  return String.fromCharCode(...bytes.subarray(at, at + 5)) === '{\\rtf';
}
