// Turns the bytes of a source file into its document: a text format is decoded and parsed, a Word document, an
// OpenDocument text or an e-book unpacked and its body read, the text of a Word 97-2003 document or an RTF file read,
// a PDF's text read and laid out, an email's message (as mail clients or Outlook save it) or a saved web page decoded.
import { strFromU8, unzipSync } from 'fflate';
import { parseSync as parseSubtitles } from 'subtitle';
import { parseDocSource } from '../core/sources/doc.js';
import { parseDocxSource, type DocxParts } from '../core/sources/docx.js';
import { extensionOf, parseSource, plainTextSource, sourceFormat } from '../core/sources/index.js';
import { parseEmailSource } from '../core/sources/email.js';
import {
  EPUB_CONTAINER,
  EPUB_ENCRYPTION,
  epubEncryptedParts,
  epubPackagePath,
  parseEpubSource,
  readEpubPackage,
} from '../core/sources/epub.js';
import { parseOdtSource } from '../core/sources/odt.js';
import { parsePdfSource } from '../core/sources/pdf.js';
import { parseSubtitleSource, subtitleParserInput } from '../core/sources/subtitles.js';
import { parseWebArchiveSource } from '../core/sources/webArchive.js';
import type { SourceDocument } from '../core/types.js';
import { decodeSource, type TextEncoding } from './decode.js';
import { attachedTexts } from './attachments.js';
import { outlookMessage } from './outlook.js';
import { emailMessage, pdfPages, ReadTimeout, savedPage, wordDocument } from './readerThread.js';
import { rtfText } from './rtf.js';

/**
 * A source file's document, with its text's encoding when exact (see `decodeSource`), or why it is no source; `again`
 * says the same bytes may be read another time (the reader ran out of time), so that the reason is not kept.
 */
export type DocumentResult = { document: SourceDocument; encoding?: TextEncoding } | { skip: string; again?: boolean };

/**
 * The document in the bytes of the source file at `path`, whose format its extension gives. `known` says the bytes
 * are those of a file already read as a source (see `decodeSource`). Never throws: a file that cannot be parsed
 * gives the reason.
 */
export function documentFromBytes(path: string, bytes: Uint8Array, known = false): DocumentResult {
  return documentAt(path, bytes, known, 0);
}

/** `documentFromBytes` for a file attached `depth` deep to the message that is the source file (0: the file itself). */
function documentAt(path: string, bytes: Uint8Array, known: boolean, depth: number): DocumentResult {
  try {
    const format = sourceFormat(path);
    if (format === 'docx') return { document: parseDocxSource(path, path, docxParts(bytes)) };
    if (format === 'odt') return { document: parseOdtSource(path, path, odtContent(bytes)) };
    if (format === 'doc') return { document: parseDocSource(path, path, wordDocument(bytes)) };
    if (format === 'rtf') return { document: plainTextSource(path, path, rtfText(bytes)) };
    if (format === 'epub') return { document: epubDocument(path, bytes) };
    if (format === 'pdf') return { document: parsePdfSource(path, path, pdfPages(bytes)) };
    if (format === 'email') {
      const message = extensionOf(path) === '.msg' ? outlookMessage(bytes) : emailMessage(bytes);
      const attached = attachedTexts(message.attachments ?? [], depth, (name, content, at) => {
        const read = documentAt(name, content, false, at);
        // An attached file that ran out of time may read another time: the message is then tried again as a whole.
        if ('skip' in read && read.again) throw new ReadTimeout(`the attached file ${name} ${read.skip}`);
        return 'skip' in read ? read : { text: read.document.text };
      });
      const document = parseEmailSource(path, path, message, attached);
      const notes = attached.flatMap((file) => (file.problem ? [`its attached file ${file.name} was not read (${file.problem})`] : []));
      return { document: notes.length > 0 ? { ...document, notes } : document };
    }
    if (format === 'webarchive') return { document: parseWebArchiveSource(path, path, savedPage(bytes)) };
    const decoded = decodeSource(bytes, known);
    if ('skip' in decoded) return decoded;
    const { text, encoding } = decoded;
    // The subtitle parser is read here, at the edge: its module brings Node's streams, which the core does without.
    // It throws, saying where, for a file that holds no subtitles.
    if (format === 'subtitles') return { document: parseSubtitleSource(path, path, text, parseSubtitles(subtitleParserInput(text))), encoding };
    return { document: parseSource(path, path, text), encoding };
  } catch (error) {
    const reason = `could not be parsed (${error instanceof Error ? error.message : String(error)})`;
    return error instanceof ReadTimeout ? { skip: reason, again: true } : { skip: reason };
  }
}

/** The parts of a Word document's package that hold its body, its footnotes and its endnotes. */
const DOCX_BODY = 'word/document.xml';
const DOCX_FOOTNOTES = 'word/footnotes.xml';
const DOCX_ENDNOTES = 'word/endnotes.xml';
/** The parts of an OpenDocument package that give its type, hold its body, and say whether it is encrypted. */
const ODT_TYPE = 'mimetype';
const ODT_CONTENT = 'content.xml';
const ODT_MANIFEST = 'META-INF/manifest.xml';
/** The types of OpenDocument package that hold a text document: a document, and a template for one. */
const ODT_TYPES = new Set(['application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.text-template']);
/** Parts larger than this unpacked, together, are refused: a small file that unpacks to gigabytes would exhaust memory. */
export const MAX_PACKAGE_PART_BYTES = 256 * 1024 * 1024;

/** The XML of a Word document's body and notes, or an Error that says why there is no body. */
function docxParts(bytes: Uint8Array): DocxParts {
  const files = unpack(bytes, [DOCX_BODY, DOCX_FOOTNOTES, DOCX_ENDNOTES], 'not a .docx package; a password-protected document cannot be read');
  const body = files.get(DOCX_BODY);
  if (!body) throw new Error(`not a Word document: the package has no ${DOCX_BODY}`);
  const footnotes = files.get(DOCX_FOOTNOTES);
  const endnotes = files.get(DOCX_ENDNOTES);
  return {
    body: strFromU8(body),
    ...(footnotes ? { footnotes: strFromU8(footnotes) } : {}),
    ...(endnotes ? { endnotes: strFromU8(endnotes) } : {}),
  };
}

/** The content's XML of an OpenDocument text's package, or an Error that says why there is none. */
function odtContent(bytes: Uint8Array): string {
  const files = unpack(bytes, [ODT_TYPE, ODT_CONTENT, ODT_MANIFEST], 'not an .odt package');
  const type = files.get(ODT_TYPE);
  const typeName = type ? strFromU8(type).trim() : '';
  if (type && !ODT_TYPES.has(typeName)) throw new Error(`not a text document (its type is ${typeName.slice(0, 80)})`);
  const manifest = files.get(ODT_MANIFEST);
  // An encrypted package lists how each part is encrypted; its content is then no XML.
  if (manifest && strFromU8(manifest).includes('encryption-data')) throw new Error('it is password-protected');
  const content = files.get(ODT_CONTENT);
  if (!content) throw new Error(`not an OpenDocument text: the package has no ${ODT_CONTENT}`);
  return strFromU8(content);
}

/** The document of an e-book: its package document read for its chapters, then the chapters unpacked and read. */
function epubDocument(path: string, bytes: Uint8Array): SourceDocument {
  const NOT_EPUB = 'not an .epub package';
  const head = unpack(bytes, [EPUB_CONTAINER, EPUB_ENCRYPTION], NOT_EPUB);
  const container = head.get(EPUB_CONTAINER);
  if (!container) throw new Error(`not an e-book: the package has no ${EPUB_CONTAINER}`);
  const packagePath = epubPackagePath(strFromU8(container));
  const packageDocument = unpack(bytes, [packagePath], NOT_EPUB).get(packagePath);
  if (!packageDocument) throw new Error(`not an e-book: the package has no ${packagePath}`);
  const book = readEpubPackage(packagePath, strFromU8(packageDocument));
  const encryption = head.get(EPUB_ENCRYPTION);
  const encrypted = encryption ? epubEncryptedParts(strFromU8(encryption)) : new Set<string>();
  // Fonts are often obfuscated, which the encryption list records too; only encrypted chapters keep the text away.
  if (book.chapters.some((chapter) => encrypted.has(chapter))) throw new Error('its chapters are encrypted (a book with DRM cannot be read)');
  const parts = unpack(bytes, book.chapters, NOT_EPUB);
  return parseEpubSource(path, path, book, book.chapters.map((chapter) => {
    const part = parts.get(chapter);
    return part ? strFromU8(part) : '';
  }));
}

/**
 * The named parts of a package (a zip file) that it holds, unpacked, or an Error: `notPackage` when the bytes are no
 * package, and a refusal when the parts' size in the package's directory is over the limit, before anything is
 * unpacked.
 */
function unpack(bytes: Uint8Array, names: string[], notPackage: string): Map<string, Uint8Array> {
  let tooLarge = 0;
  let total = 0;
  const wanted = new Set(names);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (!wanted.has(file.name)) return false;
        total += file.originalSize;
        if (file.originalSize > MAX_PACKAGE_PART_BYTES || total > MAX_PACKAGE_PART_BYTES) tooLarge = Math.max(file.originalSize, total);
        return tooLarge === 0;
      },
    });
  } catch {
    // A zip archive that cannot be unpacked is damaged (cut short, say), whatever it was meant to hold.
    throw new Error(bytes[0] === 0x50 && bytes[1] === 0x4b ? 'the package is damaged: it could not be unpacked' : notPackage);
  }
  if (tooLarge > 0) {
    throw new Error(`its text is too large unpacked (${Math.round(tooLarge / 1048576)} MiB; at most ${MAX_PACKAGE_PART_BYTES / 1048576} MiB)`);
  }
  return new Map(names.filter((name) => Object.hasOwn(files, name)).map((name) => [name, files[name]!]));
}
