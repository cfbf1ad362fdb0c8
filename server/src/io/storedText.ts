// A source's text kept on disk and read a stretch at a time: where the index's kept word offsets stand in the file's
// bytes and on which lines, worked out when the source is indexed, so that a check reads the few stretches it
// reports from, and their lines, without the whole text.
import { closeSync, openSync, readSync } from 'node:fs';
import { LineIndex } from '../convert.js';
import type { StoredText } from '../core/types.js';
import { decodeStretch, type TextEncoding } from './decode.js';

/** Where a text's kept word offsets (the index's marks) stand in its file and in its lines. */
export interface TextLayout {
  encoding: TextEncoding;
  /** The file's size in bytes. */
  size: number;
  /**
   * Where each mark stands in the file's bytes, counted after `encoding.skip`: for UTF-8 text that is not ASCII alone.
   * Otherwise null: a character takes one byte (ASCII, Windows-1252) or two (UTF-16).
   */
  bytes: Uint32Array | null;
  /** The line (from 0) each mark is on, and the offset that line starts at, as LineIndex counts them. */
  lines: Uint32Array;
  lineStarts: Uint32Array;
}

/** The layout of `text`, decoded from `byteLength` bytes with `encoding`, at its `marks`. */
export function layoutOf(text: string, marks: Uint32Array, encoding: TextEncoding, byteLength: number): TextLayout {
  const lineIndex = new LineIndex(text);
  const lines = new Uint32Array(marks.length);
  const lineStarts = new Uint32Array(marks.length);
  for (let b = 0; b < marks.length; b++) {
    const position = lineIndex.positionAt(marks[b]);
    lines[b] = position.line;
    lineStarts[b] = marks[b] - position.character;
  }
  // Valid UTF-8 takes as many bytes as the text has UTF-16 units only when it is ASCII alone.
  let bytes: Uint32Array | null = null;
  if (encoding.name === 'utf-8' && byteLength - encoding.skip !== text.length) {
    bytes = new Uint32Array(marks.length);
    let at = 0;
    let byte = 0;
    for (let b = 0; b < marks.length; b++) {
      byte += Buffer.byteLength(text.slice(at, marks[b]), 'utf8');
      at = marks[b];
      bytes[b] = byte;
    }
  }
  return { encoding, size: byteLength, bytes, lines, lineStarts };
}

/** Every how many marks a stretch read from the file ends: about 2,000 words, a dozen kilobytes of prose. */
const CHUNK_MARKS = 64;

/** Where the chunks a StoredTextFile reads are kept, by the file's path and the chunk's number. */
export interface ChunkStore {
  chunk(path: string, n: number, read: () => string): string;
}

/**
 * The text of a file read a chunk at a time. Chunk 0 runs from the start of the text to mark CHUNK_MARKS, chunk k
 * from mark k * CHUNK_MARKS to the next chunk's, the last to the end of the text. `verify` is called before the file
 * is first read, and throws when it is no longer the file the layout was made from.
 */
export class StoredTextFile implements StoredText {
  private readonly chunkCount: number;
  private verified = false;

  constructor(
    private readonly path: string,
    readonly length: number,
    private readonly marks: Uint32Array,
    private readonly layout: TextLayout,
    private readonly store: ChunkStore,
    private readonly verify: () => void,
  ) {
    this.chunkCount = Math.max(1, Math.ceil(marks.length / CHUNK_MARKS));
  }

  slice(from: number, to: number): string {
    const start = Math.max(0, Math.min(from, this.length));
    const end = Math.max(start, Math.min(to, this.length));
    if (start === end) return '';
    const first = this.chunkOf(start);
    const last = this.chunkOf(end - 1);
    let text = this.chunk(first);
    for (let k = first + 1; k <= last; k++) text += this.chunk(k);
    const base = this.charAt(first);
    return text.slice(start - base, end - base);
  }

  positionAt(offset: number): { line: number; character: number } {
    const at = Math.max(0, Math.min(Math.floor(offset), this.length));
    const mark = this.markAtOrBefore(at);
    const from = mark < 0 ? 0 : this.marks[mark];
    // The character after `at` too, so that a line break of two characters is read whole.
    const within = new LineIndex(this.slice(from, at + 1)).positionAt(at - from);
    if (mark < 0) return within;
    return {
      line: this.layout.lines[mark] + within.line,
      character: within.line === 0 ? at - this.layout.lineStarts[mark] : within.character,
    };
  }

  /** The last mark at or before `offset`, or -1 when the first word starts after it. */
  private markAtOrBefore(offset: number): number {
    const marks = this.marks;
    if (marks.length === 0 || marks[0] > offset) return -1;
    let low = 0;
    let high = marks.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (marks[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private chunkOf(offset: number): number {
    return Math.max(0, Math.floor(this.markAtOrBefore(offset) / CHUNK_MARKS));
  }

  /** Where chunk k starts in the text (k = chunkCount: the end of the text). */
  private charAt(k: number): number {
    if (k === 0) return 0;
    return k >= this.chunkCount ? this.length : this.marks[k * CHUNK_MARKS];
  }

  /** Where chunk k starts in the file's bytes. */
  private byteAt(k: number): number {
    if (k >= this.chunkCount) return this.layout.size;
    const { encoding, bytes } = this.layout;
    if (k === 0) return encoding.skip;
    const mark = k * CHUNK_MARKS;
    if (bytes) return encoding.skip + bytes[mark];
    return encoding.skip + this.marks[mark] * (encoding.name === 'utf-16le' || encoding.name === 'utf-16be' ? 2 : 1);
  }

  private chunk(k: number): string {
    return this.store.chunk(this.path, k, () => {
      if (!this.verified) {
        this.verify();
        this.verified = true;
      }
      const text = decodeStretch(this.read(this.byteAt(k), this.byteAt(k + 1)), this.layout.encoding);
      if (text.length !== this.charAt(k + 1) - this.charAt(k)) throw this.changed();
      return text;
    });
  }

  /** The file's bytes [from, to). */
  private read(from: number, to: number): Uint8Array {
    const bytes = Buffer.allocUnsafe(to - from);
    let fd: number;
    try {
      fd = openSync(this.path, 'r');
    } catch (error) {
      throw new Error(`The source ${this.path} can no longer be read (${(error as Error).message}); index the sources again.`);
    }
    try {
      for (let done = 0; done < bytes.length; ) {
        const read = readSync(fd, bytes, done, bytes.length - done, from + done);
        if (read === 0) throw this.changed();
        done += read;
      }
    } finally {
      closeSync(fd);
    }
    return bytes;
  }

  private changed(): Error {
    return new Error(`The source ${this.path} changed after it was indexed; index the sources again.`);
  }
}
