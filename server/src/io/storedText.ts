// A source's text kept on disk and read a stretch at a time: where every 64th of the index's kept word offsets stands
// in the file's bytes and on which line is worked out when the source is indexed, so that a check reads the few
// stretches it reports from, and their lines, without the whole text.
import { closeSync, openSync, readSync } from 'node:fs';
import { LineIndex } from '../convert.js';
import type { StoredText } from '../core/types.js';
import { decodeStretch, type TextEncoding } from './decode.js';

/** Every how many marks a stretch read from the file ends: about 2,000 words, a dozen kilobytes of prose. */
const CHUNK_MARKS = 64;

/**
 * How many chunks a text with this many marks is read in: chunk 0 runs from the start of the text to mark
 * CHUNK_MARKS, chunk k from mark k * CHUNK_MARKS to the next chunk's, the last to the end of the text.
 */
export function chunkCount(marks: number): number {
  return Math.max(1, Math.ceil(marks / CHUNK_MARKS));
}

/** Where the chunk of a text starts: 0 for the first, else its first mark. */
function chunkStart(marks: Uint32Array, k: number): number {
  return k === 0 ? 0 : marks[k * CHUNK_MARKS];
}

/** Where a text's chunks start in its file and in its lines. */
export interface TextLayout {
  encoding: TextEncoding;
  /** The file's size in bytes. */
  size: number;
  /**
   * Where each chunk starts in the file's bytes, counted after `encoding.skip`: for UTF-8 text that is not ASCII
   * alone. Otherwise null: a character takes one byte (ASCII, Windows-1252) or two (UTF-16).
   */
  bytes: Uint32Array | null;
  /** The line (from 0) each chunk starts on, and the offset that line starts at, as LineIndex counts them. */
  lines: Uint32Array;
  lineStarts: Uint32Array;
}

/** The layout of `text`, decoded from `byteLength` bytes with `encoding`, whose words start at `marks` and after. */
export function layoutOf(text: string, marks: Uint32Array, encoding: TextEncoding, byteLength: number): TextLayout {
  const starts = Uint32Array.from({ length: chunkCount(marks.length) }, (_, k) => chunkStart(marks, k));
  const layout: TextLayout = {
    encoding,
    size: byteLength,
    // Valid UTF-8 takes as many bytes as the text has UTF-16 units only when it is ASCII alone.
    bytes: encoding.name === 'utf-8' && byteLength - encoding.skip !== text.length ? new Uint32Array(starts.length) : null,
    lines: new Uint32Array(starts.length),
    lineStarts: new Uint32Array(starts.length),
  };
  if (text.includes('\r')) everyLineEnd(text, starts, layout);
  else lineFeeds(text, starts, layout);
  if (layout.bytes) utf8Bytes(text, starts, layout.bytes);
  return layout;
}

// Each pass over a text ends with its loop, so that the engine optimizes the loop whole.

/** Lines ended by line feeds alone, found by the engine's own search. */
function lineFeeds(text: string, starts: Uint32Array, { lines, lineStarts }: TextLayout): void {
  let line = 0;
  let lineStart = 0;
  let feed = text.indexOf('\n');
  for (let k = 0; k < starts.length; k++) {
    const at = starts[k];
    while (feed >= 0 && feed < at) {
      line++;
      lineStart = feed + 1;
      feed = text.indexOf('\n', feed + 1);
    }
    lines[k] = line;
    lineStarts[k] = lineStart;
  }
}

/** Lines as LineIndex ends them: a line feed, a carriage return and line feed, or a carriage return alone. */
function everyLineEnd(text: string, starts: Uint32Array, { lines, lineStarts }: TextLayout): void {
  let line = 0;
  let lineStart = 0;
  let k = 0;
  for (let i = 0; i < text.length && k < starts.length; i++) {
    if (i === starts[k]) {
      lines[k] = line;
      lineStarts[k++] = lineStart;
    }
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
}

/** The UTF-8 bytes before each chunk, counted by the engine a chunk at a time. */
function utf8Bytes(text: string, starts: Uint32Array, bytes: Uint32Array): void {
  let byte = 0;
  for (let k = 1; k < starts.length; k++) {
    byte += Buffer.byteLength(text.slice(starts[k - 1], starts[k]), 'utf8');
    bytes[k] = byte;
  }
}

/** Where the chunks a StoredTextFile reads are kept, by the file's path and the chunk's number. */
export interface ChunkStore {
  chunk(path: string, n: number, read: () => string): string;
}

/**
 * The text of a file read a chunk at a time (see `chunkCount`). `verify` is called before the file is first read, and
 * throws when it is no longer the file the layout was made from.
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
    this.chunkCount = chunkCount(marks.length);
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
    const k = this.chunkOf(at);
    const from = this.charAt(k);
    // The character after `at` too, so that a line break of two characters is read whole.
    const within = new LineIndex(this.slice(from, at + 1)).positionAt(at - from);
    return {
      line: this.layout.lines[k] + within.line,
      character: within.line === 0 ? at - this.layout.lineStarts[k] : within.character,
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
    return k >= this.chunkCount ? this.length : chunkStart(this.marks, k);
  }

  /** Where chunk k starts in the file's bytes. */
  private byteAt(k: number): number {
    if (k >= this.chunkCount) return this.layout.size;
    const { encoding, bytes } = this.layout;
    if (bytes) return encoding.skip + bytes[k];
    return encoding.skip + this.charAt(k) * (encoding.name === 'utf-16le' || encoding.name === 'utf-16be' ? 2 : 1);
  }

  private chunk(k: number): string {
    return this.store.chunk(this.path, k, () => {
      if (!this.verified) {
        this.verify();
        this.verified = true;
      }
      const text = decodeStretch(this.read(this.byteAt(k), this.byteAt(k + 1)), this.layout.encoding);
      if (text.length !== this.charAt(k + 1) - this.charAt(k)) throw sourceChanged(this.path);
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
      throw sourceUnreadable(this.path, (error as Error).message);
    }
    try {
      for (let done = 0; done < bytes.length; ) {
        const read = readSync(fd, bytes, done, bytes.length - done, from + done);
        if (read === 0) throw sourceChanged(this.path);
        done += read;
      }
    } finally {
      closeSync(fd);
    }
    return bytes;
  }
}

/** The error of a source that can no longer be read back, and why. */
export function sourceUnreadable(path: string, why: string): Error {
  return new Error(`The source ${path} can no longer be read (${why}); index the sources again.`);
}

/** The error of a source read back that is no longer the file the index was built from. */
export function sourceChanged(path: string): Error {
  return new Error(`The source ${path} changed after it was indexed; index the sources again.`);
}
