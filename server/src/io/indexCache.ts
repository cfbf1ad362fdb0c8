// Stores prepared batches of sources on disk, so that a later run can take them as they are instead of reading,
// parsing and indexing the sources again. One file per batch: a JSON header, then the typed arrays of the sources' words.
import { createHash } from 'node:crypto';
import { closeSync, fstat, open, read, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MARK_EVERY, MARK_SHIFT, type PreparedBatch, type WordNumbers } from '../core/prepare.js';
import type { PlaceReader } from '../core/segment.js';
import type { SourceMeta } from '../core/types.js';
import { align8, checkSum, headerLength, PREAMBLE, readHeader, writeHeader, type FileKind } from './fileHeader.js';
import { placesIntact, placeSums, PlacesInFile } from './placesInFile.js';
import { chunkCount, type TextLayout } from './storedText.js';

/** Bumped whenever the layout or the meaning of a stored batch changes; older files are then ignored. */
export const CACHE_FORMAT = 15;
const KIND: FileKind = { magic: 0x31494256 /* "VBI1", little-endian */, format: CACHE_FORMAT, name: 'index' };

/** What a source file was when its batch was stored: a changed size, time or content makes the batch stale. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
  /**
   * When the file last changed in any way: a file written again with its old size and modification time (which
   * `cp -p`, `rsync -a` and `tar` keep) has a new one, since no tool can set it back.
   */
  ctimeMs: number;
}

/**
 * A source as stored: what was read about it, without its text. The text is read from the file again when it is
 * needed, and checked against the file's content hash first.
 */
export interface StoredDoc {
  id: string;
  meta: SourceMeta;
  /** Whether the text is not the file's content itself (HTML, front matter), so that the document maps offsets. */
  mapped: boolean;
  /** For a plain text whose characters are exactly its file's bytes: how to read it back a stretch at a time. */
  layout?: TextLayout;
  /** What of the file could not be read (see `SourceDocument.notes`). */
  notes?: string[];
}

const ENCODINGS: string[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] satisfies TextLayout['encoding']['name'][];

/** A document as the header of a stored batch holds it: the arrays of its layout as piece numbers. */
interface HeaderDoc extends Omit<StoredDoc, 'layout'> {
  layout?: Omit<TextLayout, 'bytes' | 'lines' | 'lineStarts'> & { bytes: number | null; lines: number; lineStarts: number };
}

/**
 * A batch as stored: its files (with the content hash of each file read, '' for a file skipped), what was read
 * from them, the words of the sources and their hash segment.
 */
export interface StoredBatch {
  /** Made anew each time a batch is prepared, so that what was derived from one stored copy can tell it again. */
  id: string;
  files: Array<FileStamp & { hash: string }>;
  docs: StoredDoc[];
  skipped: Array<{ file: string; reason: string }>;
  bytes: number;
  /** The size limit its files were read under: under another, a file may be skipped, or read, that was not. */
  maxFileBytes: number;
  batch: PreparedBatch;
}

/** The files of a stored batch that were read, in the order of its documents (a skipped file has no hash). */
export function filesRead(stored: StoredBatch): StoredBatch['files'] {
  return stored.files.filter((file) => file.hash !== '');
}

/**
 * What to say of a stored file that could not be used: nothing when there is none (a first run), why it could not be
 * read, or that it was damaged and is discarded.
 */
export function storedFileNote(file: string, error: unknown): string | null {
  if (isMissing(error)) return null;
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `could not read the index file ${file}: ${message}` : `discarded a damaged index file ${file}: ${message}`;
}

/** True for the error of reading a file that is not there, or whose folder is not (a first run). */
export function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The file a batch of these files is stored in, under `dir`. */
export function batchFile(dir: string, paths: string[]): string {
  return join(dir, `batch-${createHash('sha1').update(paths.join('\n')).digest('hex').slice(0, 20)}.vbi`);
}

/** The hash of a source file's bytes, stored with each file to tell a touched file from a changed one. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

type ArrayKind = 'i32' | 'u32' | 'u16';

/** Bytes a number of each kind of piece takes. */
const WIDTH: Record<Piece['kind'], number> = { text: 1, u16: 2, i32: 4, u32: 4 };

/** Where one stored piece (the vocabulary, a typed array) stands after the header, and what it is. */
interface Piece {
  kind: 'text' | ArrayKind;
  offset: number;
  length: number;
}

interface Header {
  format: number;
  id: string;
  files: StoredBatch['files'];
  docs: HeaderDoc[];
  skipped: StoredBatch['skipped'];
  bytes: number;
  maxFileBytes: number;
  /** Piece numbers of the vocabulary (its words joined by line feeds) and of its words' hashes and counts. */
  vocabulary: number;
  hashes: number;
  counts: number;
  /**
   * Piece numbers of the word numbers and of the kept word offsets of each source, and of the segment's arrays: its
   * bases, bucket starts, places and the sums of the places' blocks.
   */
  ids: number[];
  marks: number[];
  lengths: number[];
  segment: [number, number, number, number];
  pieces: Piece[];
}

/**
 * Serialises a batch as a list of buffers to write one after the other: a fixed preamble, a JSON header, then the
 * typed arrays as they are in memory, each at an 8-byte boundary. The arrays are not copied, so storing a batch
 * needs little memory beyond the batch itself.
 */
export function encodeBatch(stored: StoredBatch): Buffer[] {
  const chunks: Buffer[] = [];
  const pieces: Piece[] = [];
  let offset = 0;
  const add = (kind: Piece['kind'], bytes: Buffer, length: number): number => {
    pieces.push({ kind, offset, length });
    chunks.push(bytes);
    const padding = align8(bytes.length) - bytes.length;
    if (padding > 0) chunks.push(Buffer.alloc(padding));
    offset += align8(bytes.length);
    return pieces.length - 1;
  };
  const addArray = (array: Int32Array | Uint32Array | Uint16Array): number =>
    add(array instanceof Int32Array ? 'i32' : array instanceof Uint16Array ? 'u16' : 'u32', Buffer.from(array.buffer, array.byteOffset, array.byteLength), array.length);
  // Folded words hold no line breaks: joined by them, the vocabulary reads back with one split.
  const vocabulary = Buffer.from(stored.batch.vocabulary.join('\n'), 'utf8');
  const { batch } = stored;
  const header: Header = {
    format: CACHE_FORMAT,
    id: stored.id,
    files: stored.files,
    docs: stored.docs.map(({ layout, ...doc }) =>
      layout
        ? {
            ...doc,
            layout: {
              encoding: layout.encoding,
              size: layout.size,
              bytes: layout.bytes ? addArray(layout.bytes) : null,
              lines: addArray(layout.lines),
              lineStarts: addArray(layout.lineStarts),
            },
          }
        : doc,
    ),
    skipped: stored.skipped,
    bytes: stored.bytes,
    maxFileBytes: stored.maxFileBytes,
    vocabulary: add('text', vocabulary, vocabulary.length),
    hashes: addArray(batch.hashes),
    counts: addArray(batch.counts),
    ids: batch.ids.map(addArray),
    marks: batch.marks.map(addArray),
    lengths: batch.lengths,
    segment: [addArray(batch.segment.bases), addArray(batch.segment.bucketStarts), 0, addArray(placeSums(placesInMemory(batch.segment.places)))],
    pieces,
  };
  // The places come last, so that a batch whose places stay on disk reads the file up to them, and the checksum
  // covers what it reads; the places are checked against the sums of their blocks.
  const covered = chunks.length;
  header.segment[2] = addArray(placesInMemory(batch.segment.places));
  return [writeHeader(KIND, header, chunks.slice(0, covered)), ...chunks];
}

const openFile = promisify(open);
const statFile = promisify(fstat);
const readPart = promisify(read);

/**
 * A stored batch file opened to leave its places on disk: the bytes before its places, read whole, and the file kept
 * open to read the places from (see `openBatchFile`).
 */
export interface OpenedBatch {
  path: string;
  fd: number;
  data: Buffer;
  /** Byte position and count of the places. */
  places: { position: number; length: number };
}

/** Reads a stored batch file whole. Throws an Error saying what is wrong when the file is damaged. */
export function readBatchFile(path: string): StoredBatch {
  return decodeBatch(readFileSync(path));
}

/**
 * Reads a stored batch file but for the segment's places, the larger half of the file, on the threads Node.js reads
 * files with; `decodeOpened` then gives the batch, whose places are read a bucket at a time when looked up, through
 * the file kept open for as long as the process runs (or until the batch's places are closed). A run reads its
 * stored batches ahead this way while its own thread does other work.
 */
export async function openBatchFile(path: string): Promise<OpenedBatch> {
  const fd = await openFile(path, 'r');
  try {
    const size = (await statFile(fd)).size;
    const preamble = await readAtLater(fd, Buffer.alloc(Math.min(size, PREAMBLE)), 0);
    const head = Buffer.concat([preamble, await readAtLater(fd, Buffer.alloc(Math.min(headerLength(KIND, preamble), size - PREAMBLE)), PREAMBLE)]);
    const { header, start } = readHeader<Header>(KIND, head);
    const found = header.pieces[header.segment?.[2] ?? -1];
    if (!found || found.kind !== 'u32') throw new Error('the index file is inconsistent');
    const position = start + found.offset;
    if (position + found.length * 4 > size) throw new Error('the index file is cut short');
    // A buffer of its own, so that the arrays read from it can be handed to another thread without a copy.
    const data = await readAtLater(fd, Buffer.allocUnsafeSlow(position), 0);
    return { path, fd, data, places: { position, length: found.length } };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The stored batch of an opened file; closes the file and throws an Error saying what is wrong when it is damaged. */
export function decodeOpened(opened: OpenedBatch): StoredBatch {
  const { path, fd, data, places } = opened;
  try {
    return decodeBatch(data, (sums) => new PlacesInFile(path, fd, places.position, places.length, sums));
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** Fills `bytes` from the file at `position` on, asynchronously; gives `bytes`. */
async function readAtLater(fd: number, bytes: Buffer, position: number): Promise<Buffer> {
  for (let done = 0; done < bytes.length; ) {
    const { bytesRead } = await readPart(fd, bytes, done, bytes.length - done, position + done);
    if (bytesRead === 0) throw new Error('the index file is cut short');
    done += bytesRead;
  }
  return bytes;
}

/**
 * Reads a stored batch back from its bytes, or from all of them but its places when `onDisk` reads those; throws an
 * Error saying what is wrong when the file is damaged or of another format.
 */
export function decodeBatch(data: Buffer, onDisk?: (sums: Uint32Array) => PlaceReader): StoredBatch {
  const { header, start } = readHeader<Header>(KIND, data);
  // The header and every piece before the places are as they were written from a batch prepared here, or the file
  // is damaged: the pieces need no checking of their own, only their lengths and kinds. The places are checked
  // against the sums of their blocks: here when they are read with the rest, else as they are read.
  const placesAt = header.pieces?.[header.segment?.[2] ?? -1]?.offset;
  if (!Number.isInteger(placesAt)) throw new Error('the index file is inconsistent');
  checkSum(KIND, data, start + placesAt);
  // The arrays are views into one buffer that holds the file alone, so that they need no copy and can be handed to
  // another thread: the file's own buffer when it has one, a copy when it shares a pool with other data.
  const buffer = data.byteOffset === 0 && data.buffer.byteLength === data.length ? data.buffer : new Uint8Array(data).buffer;
  const piece = (n: number | undefined, kind: Piece['kind']): { from: number; length: number } => {
    const found = n === undefined ? undefined : header.pieces[n];
    if (!found || found.kind !== kind) throw new Error('the index file is inconsistent');
    const from = start + found.offset;
    if (from + found.length * WIDTH[kind] > data.length) throw new Error('the index file is cut short');
    return { from, length: found.length };
  };
  const array = (n: number | undefined, kind: ArrayKind): Int32Array | Uint32Array | Uint16Array => {
    const { from, length } = piece(n, kind);
    return kind === 'i32' ? new Int32Array(buffer, from, length) : kind === 'u16' ? new Uint16Array(buffer, from, length) : new Uint32Array(buffer, from, length);
  };
  // Word numbers take two bytes or four, as their batch's vocabulary needs.
  const wordNumbers = (n: number): WordNumbers => array(n, header.pieces[n]?.kind === 'u16' ? 'u16' : 'i32') as WordNumbers;
  const words = piece(header.vocabulary, 'text');
  const sums = array(header.segment?.[3], 'u32') as Uint32Array;
  const places = onDisk ? onDisk(sums) : (array(header.segment?.[2], 'u32') as Uint32Array);
  if (places instanceof Uint32Array && !placesIntact(places, sums)) throw new Error('places in the index file do not match their sums');
  const batch: PreparedBatch = {
    vocabulary: [],
    hashes: array(header.hashes, 'u32') as Uint32Array,
    counts: array(header.counts, 'u32') as Uint32Array,
    ids: header.ids.map(wordNumbers),
    marks: header.marks.map((n) => array(n, 'u32') as Uint32Array),
    lengths: header.lengths,
    segment: {
      bases: array(header.segment?.[0], 'u32') as Uint32Array,
      bucketStarts: array(header.segment?.[1], 'u32') as Uint32Array,
      places,
    },
  };
  const text = new Uint8Array(buffer, words.from, words.length);
  lazyVocabulary(batch, text);
  if (!Array.isArray(header.docs) || batch.marks.length !== header.docs.length) throw new Error('the index file is inconsistent');
  const docs = header.docs.map(({ layout, ...doc }, d): StoredDoc => {
    if (doc.notes !== undefined && !(Array.isArray(doc.notes) && doc.notes.every((note) => typeof note === 'string'))) {
      throw new Error('the index file is inconsistent');
    }
    if (!layout) return doc;
    const { encoding, size } = layout;
    if (!ENCODINGS.includes(encoding?.name) || !Number.isInteger(encoding.skip) || !Number.isInteger(size)) {
      throw new Error('the index file is inconsistent');
    }
    const chunks = chunkCount(batch.marks[d].length);
    const marked = (n: number) => {
      const found = array(n, 'u32') as Uint32Array;
      if (found.length !== chunks) throw new Error('the index file is inconsistent');
      return found;
    };
    return { ...doc, layout: { ...layout, bytes: layout.bytes === null ? null : marked(layout.bytes), lines: marked(layout.lines), lineStarts: marked(layout.lineStarts) } };
  });
  if (typeof header.id !== 'string' || batch.ids.length !== docs.length || batch.marks.length !== docs.length || batch.lengths?.length !== docs.length) {
    throw new Error('the index file is inconsistent');
  }
  const size = batch.hashes.length;
  if (batch.counts.length !== size) throw new Error('the index file is inconsistent');
  for (let d = 0; d < docs.length; d++) {
    if (batch.marks[d].length !== (batch.ids[d].length + MARK_EVERY - 1) >> MARK_SHIFT) throw new Error('the index file is inconsistent');
  }
  // The buckets must cut all the places.
  const { bases, bucketStarts } = batch.segment;
  if (bases.length !== docs.length + 1 || bucketStarts[0] !== 0 || bucketStarts[bucketStarts.length - 1] !== places.length) {
    throw new Error('the index file is inconsistent');
  }
  if (!Number.isInteger(header.maxFileBytes)) throw new Error('the index file is inconsistent');
  const { id, files, skipped, bytes, maxFileBytes } = header;
  return { id, files, docs, skipped, bytes, maxFileBytes, batch };
}

/** A stored batch as it crosses to another thread: its vocabulary as the bytes it was stored as. */
interface CrossingBatch extends PreparedBatch {
  vocabularyText?: Uint8Array;
}

/**
 * Gives a batch read back the words of its vocabulary, joined by line feeds in `text`, made strings only when first
 * asked for: a batch joined with the numbers its words had in an earlier run never needs them. Handed to another
 * thread, the batch leaves the strings out (the property is not enumerable) and brings `text` along, a view of the
 * buffer its arrays are in; `receivedBatch` makes the vocabulary again there.
 */
function lazyVocabulary(batch: PreparedBatch, text: Uint8Array): void {
  let vocabulary: string[] | null = null;
  Object.defineProperty(batch, 'vocabulary', {
    enumerable: false,
    configurable: true,
    get: () => (vocabulary ??= text.length === 0 ? [] : Buffer.from(text.buffer, text.byteOffset, text.length).toString('utf8').split('\n')),
  });
  (batch as CrossingBatch).vocabularyText = text;
}

/** A batch as it arrives from another thread, with its vocabulary as it was when it left. */
export function receivedBatch(batch: PreparedBatch): PreparedBatch {
  const crossing = batch as CrossingBatch;
  if (crossing.vocabularyText && Object.getOwnPropertyDescriptor(crossing, 'vocabulary') === undefined) {
    lazyVocabulary(crossing, crossing.vocabularyText);
  }
  return crossing;
}

function placesInMemory(places: Uint32Array | PlaceReader): Uint32Array {
  // Only a batch just prepared is stored, and its places are in memory.
  if (!(places instanceof Uint32Array)) throw new Error('a batch read back from its file is not stored again');
  return places;
}
