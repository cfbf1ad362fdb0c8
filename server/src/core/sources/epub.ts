// Reads an e-book (.epub): where its package document is, its chapters in reading order and its title, author and
// date, then the text of the chapters, each read as the web page it is.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { SourceDocument, SourceMeta } from '../types.js';
import { normaliseDate } from './dates.js';
import { parseHtmlSource } from './html.js';
import { sourceMetaFromText } from './meta.js';

/** The part of every e-book's package that names its package document. */
export const EPUB_CONTAINER = 'META-INF/container.xml';
/** The part that lists the encrypted parts of an e-book, when it has any. */
export const EPUB_ENCRYPTION = 'META-INF/encryption.xml';

const DUBLIN_CORE = 'http://purl.org/dc/elements/1.1/';
/** Media types of the chapters: XHTML, and HTML as some older e-books give it. */
const CHAPTER_TYPES = new Set(['application/xhtml+xml', 'text/html']);

/** What an e-book's package document says: its chapters' paths in the package, in reading order, and its metadata. */
export interface EpubPackage {
  chapters: string[];
  meta: SourceMeta;
}

/** The path of the package document that the container names; throws an Error that says why when there is none. */
export function epubPackagePath(container: string): string {
  let path: string | null = null;
  parseXml(container, 'its container', {
    opentag: (tag) => {
      if (path === null && tag.local === 'rootfile') path = attribute(tag, 'full-path');
    },
  });
  if (!path) throw new Error(`not an e-book: ${EPUB_CONTAINER} names no package document`);
  return path;
}

/** The chapters and metadata of the package document at `path`. Throws an Error that says why when it is damaged. */
export function readEpubPackage(path: string, content: string): EpubPackage {
  const items = new Map<string, { href: string; type: string }>();
  const spine: string[] = [];
  const meta: SourceMeta = {};
  let field: 'title' | 'author' | 'date' | null = null;
  let value = '';
  parseXml(content, 'its package document', {
    opentag: (tag) => {
      if (tag.local === 'item') {
        const id = attribute(tag, 'id');
        const href = attribute(tag, 'href');
        if (id && href) items.set(id, { href, type: attribute(tag, 'media-type') ?? '' });
      } else if (tag.local === 'itemref') {
        const idref = attribute(tag, 'idref');
        if (idref) spine.push(idref);
      } else if (tag.uri === DUBLIN_CORE) {
        field = tag.local === 'title' ? 'title' : tag.local === 'creator' ? 'author' : tag.local === 'date' ? 'date' : null;
        value = '';
      }
    },
    text: (text) => {
      if (field) value += text;
    },
    closetag: (tag) => {
      if (tag.uri !== DUBLIN_CORE || !field) return;
      const found = value.replace(/\s+/g, ' ').trim();
      // The first title, author and date are the book's; later ones are subtitles, other contributors, revisions.
      const kept = field === 'date' ? normaliseDate(found) : found;
      if (kept && meta[field] === undefined) meta[field] = kept;
      field = null;
    },
  });
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const chapters: string[] = [];
  for (const idref of spine) {
    const item = items.get(idref);
    if (item && CHAPTER_TYPES.has(item.type)) chapters.push(resolvePath(folder, item.href));
  }
  if (chapters.length === 0) throw new Error('not an e-book with text: its package document lists no chapters');
  return { chapters, meta };
}

/** The paths of the parts that an e-book's encryption list names: parts that cannot be read without its key. */
export function epubEncryptedParts(encryption: string): Set<string> {
  const parts = new Set<string>();
  parseXml(encryption, 'its list of encrypted parts', {
    opentag: (tag) => {
      const uri = tag.local === 'CipherReference' ? attribute(tag, 'URI') : null;
      if (uri) parts.add(resolvePath('', uri));
    },
  });
  return parts;
}

/**
 * An e-book as a source: the visible text of its chapters in reading order, a blank line between them, and the
 * title, author and date its package document gives (the text and the file name fill in the rest).
 */
export function parseEpubSource(id: string, fileName: string, book: EpubPackage, chapters: string[]): SourceDocument {
  const text = chapters
    .map((chapter, n) => parseHtmlSource(id, book.chapters[n] ?? fileName, chapter).text.trim())
    .filter((chapter) => chapter !== '')
    .join('\n\n');
  return { id, text, meta: { ...sourceMetaFromText(text, fileName), ...book.meta } };
}

/** A path in the package from a reference relative to `folder`: `..` and `.` resolved, escapes decoded, no fragment. */
function resolvePath(folder: string, href: string): string {
  const path = href.replace(/[#?].*$/s, '');
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path.slice(1) : folder + path).split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(safeDecode(part));
  }
  return parts.join('/');
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The value of the attribute of this local name, in no namespace or any. */
function attribute(tag: SaxesTagNS, local: string): string | null {
  for (const found of Object.values(tag.attributes)) if (found.local === local) return found.value;
  return null;
}

/** Parses XML with the given handlers; throws an Error naming `what` when it is damaged. */
function parseXml(
  content: string,
  what: string,
  handlers: { opentag?: (tag: SaxesTagNS) => void; closetag?: (tag: SaxesTagNS) => void; text?: (text: string) => void },
): void {
  const parser = new SaxesParser({ xmlns: true });
  if (handlers.opentag) parser.on('opentag', handlers.opentag);
  if (handlers.closetag) parser.on('closetag', handlers.closetag);
  if (handlers.text) parser.on('text', handlers.text);
  parser.on('error', (error) => {
    throw new Error(`${what} is damaged (${error.message.split('\n')[0]})`);
  });
  parser.write(content).close();
}
