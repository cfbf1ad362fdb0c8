// Keeps the texts of sources out of memory until a check needs them: the index keeps every source's words, and a
// source's text, or the stretches of it a check reads, are read from its file then; all of them, or the most recently
// used, are kept.
import { readFileSync, statSync } from 'node:fs';
import { sourceFormat } from '../core/sources/index.js';
import type { SourceDocument } from '../core/types.js';
import { documentFromBytes } from './sourceBytes.js';
import { contentHash, type FileStamp, type StoredDoc } from './indexCache.js';
import { sourceChanged, sourceUnreadable, StoredTextFile, type ChunkStore } from './storedText.js';

/** A bounded memory of source texts read back from disk, whole or a stretch at a time, most recently used kept. */
export class SourceTexts implements ChunkStore {
  private readonly recent = new Map<string, SourceDocument>();
  private characters = 0;
  private readonly chunks = new Map<string, string>();
  private chunkCharacters = 0;

  /**
   * `budget` is how many characters of whole texts are kept at most, and as many of stretches (one of each is always
   * kept, whatever its size); Infinity keeps all.
   */
  constructor(private readonly budget: number) {}

  /**
   * A stand-in for `doc` without its text: the text (and, for HTML and Markdown, the file's content and offset map, for
   * a PDF its pages) is read from the file when asked for; a plain text with a layout is read a stretch at a time, at the kept word
   * offsets `marks` of a text `length` characters long. The file must still be the one the index was built from: the
   * same size and modification time as `file`, or else the same content hash.
   */
  lazy(doc: StoredDoc, file: FileStamp & { hash: string }, marks: Uint32Array, length: number): SourceDocument {
    const { id, meta, layout, notes } = doc;
    const load = () => this.load(doc, file);
    const standIn = {
      id,
      meta,
      ...(notes ? { notes } : {}),
      get text(): string {
        return load().text;
      },
    } as SourceDocument;
    // A plain text read back a stretch at a time: a check that reports from a few passages reads those alone.
    if (layout) standIn.stored = new StoredTextFile(id, length, marks, layout, this, () => this.verify(id, file));
    // A PDF's pages are known once its text is read.
    if (sourceFormat(id) === 'pdf') Object.defineProperty(standIn, 'pages', { get: () => load().pages, enumerable: true });
    if (doc.mapped) {
      standIn.file = {
        get content(): string {
          return load().file!.content;
        },
        get segments() {
          return load().file!.segments;
        },
      };
    }
    return standIn;
  }

  private load(stored: StoredDoc, file: FileStamp & { hash: string }): SourceDocument {
    const { id } = stored;
    const known = this.recent.get(id);
    if (known) {
      // Moved to the back: the map's order is the order of use.
      this.recent.delete(id);
      this.recent.set(id, known);
      return known;
    }
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(id);
    } catch (error) {
      throw sourceUnreadable(id, (error as Error).message);
    }
    this.verify(id, file, bytes);
    // The same file that was read as a source when it was indexed: not looked at again for signs of a binary.
    const read = documentFromBytes(id, bytes, true);
    if ('skip' in read) throw sourceUnreadable(id, read.skip);
    // What was read about the file is known: only the text is taken.
    const doc = { ...read.document, meta: stored.meta };
    this.recent.set(id, doc);
    this.characters += doc.text.length;
    for (const [oldest, text] of this.recent) {
      if (this.characters <= this.budget || this.recent.size <= 1) break;
      this.recent.delete(oldest);
      this.characters -= text.text.length;
    }
    return doc;
  }

  chunk(path: string, n: number, read: () => string): string {
    const key = `${n} ${path}`;
    const known = this.chunks.get(key);
    if (known !== undefined) {
      this.chunks.delete(key);
      this.chunks.set(key, known);
      return known;
    }
    const text = read();
    this.chunks.set(key, text);
    this.chunkCharacters += text.length;
    for (const [oldest, chunk] of this.chunks) {
      if (this.chunkCharacters <= this.budget || this.chunks.size <= 1) break;
      this.chunks.delete(oldest);
      this.chunkCharacters -= chunk.length;
    }
    return text;
  }

  /**
   * Throws unless the file is still the one the index was built from: the same size and times, or else
   * the same content hash (of `bytes` when they were just read). The index holds the words of the file as it was; a
   * file changed since then would be reported from wrongly.
   */
  private verify(id: string, file: FileStamp & { hash: string }, bytes?: Uint8Array): void {
    let same: boolean;
    try {
      const info = statSync(id);
      // The stamp decides, as it does for the stored index; the content is hashed only when the stamp moved.
      same = (info.size === file.size && info.mtimeMs === file.mtimeMs && info.ctimeMs === file.ctimeMs) || contentHash(bytes ?? readFileSync(id)) === file.hash;
    } catch (error) {
      throw sourceUnreadable(id, (error as Error).message);
    }
    if (!same) throw sourceChanged(id);
  }
}
