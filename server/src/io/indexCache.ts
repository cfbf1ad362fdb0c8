// Stores prepared batches of sources on disk, so that a later run can take them as they are instead of reading,
// parsing and indexing the sources again. One file per batch: a JSON header, then the batch's typed arrays.
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { MARK_EVERY, MARK_SHIFT, type PreparedBatch } from '../core/prepare.js';
import type { SourceDocument } from '../core/types.js';

/** Bumped whenever the layout or the meaning of a stored batch changes; older files are then ignored. */
export const CACHE_FORMAT = 4;
const MAGIC = 0x31494256; // "VBI1", little-endian.

/** What a source file was when its batch was stored: a changed size, time or content makes the batch stale. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

/** A batch as stored: its files, what was read from them, and the prepared index data. */
export interface StoredBatch {
  files: Array<FileStamp & { hash: string }>;
  docs: SourceDocument[];
  skipped: Array<{ file: string; reason: string }>;
  bytes: number;
  batch: PreparedBatch;
}

/** The default folder of the command line's cache: $XDG_CACHE_HOME/verbatim, or ~/.cache/verbatim. */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'verbatim');
}

/** The file a batch of these files is stored in, under `dir`. */
export function batchFile(dir: string, paths: string[]): string {
  return join(dir, `batch-${createHash('sha1').update(paths.join('\n')).digest('hex').slice(0, 20)}.vbi`);
}

/** A short hash of a source's decoded content, stored with each file to tell a touched file from a changed one. */
export function contentHash(content: string): string {
  return createHash('sha1').update(content).digest('hex');
}

type ArrayKind = 'i32' | 'u32';

/** Where one stored piece (a text, a typed array) stands after the header, and what it is. */
interface Piece {
  kind: 'text' | ArrayKind;
  offset: number;
  length: number;
}

interface Header {
  format: number;
  files: StoredBatch['files'];
  /** The documents without their texts: those are pieces, named by `text` and `content`. */
  docs: Array<Omit<SourceDocument, 'text' | 'file'> & { text: number; file?: { content: number; segments: NonNullable<SourceDocument['file']>['segments'] } }>;
  skipped: StoredBatch['skipped'];
  bytes: number;
  vocabulary: string[];
  /** Piece numbers of the word numbers and kept word offsets of each source, and of the segment's three arrays. */
  ids: number[];
  marks: number[];
  lengths: number[];
  segment: [number, number, number];
  pieces: Piece[];
}

/**
 * Serialises a batch as a list of buffers to write one after the other: a fixed preamble, a JSON header, then the
 * texts as UTF-8 and the typed arrays as they are in memory, each at an 8-byte boundary. The arrays are not copied
 * and the texts are encoded one at a time, so storing a batch needs little memory beyond the batch itself.
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
  const addText = (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    return add('text', bytes, bytes.length);
  };
  const addArray = (array: Int32Array | Uint32Array) =>
    add(array instanceof Int32Array ? 'i32' : 'u32', Buffer.from(array.buffer, array.byteOffset, array.byteLength), array.length);
  const docs: Header['docs'] = stored.docs.map((doc) => ({
    id: doc.id,
    meta: doc.meta,
    text: addText(doc.text),
    ...(doc.file ? { file: { content: addText(doc.file.content), segments: doc.file.segments } } : {}),
  }));
  const { batch } = stored;
  const header: Header = {
    format: CACHE_FORMAT,
    files: stored.files,
    docs,
    skipped: stored.skipped,
    bytes: stored.bytes,
    vocabulary: batch.vocabulary,
    ids: batch.ids.map(addArray),
    marks: batch.marks.map(addArray),
    lengths: batch.lengths,
    segment: [addArray(batch.segment.bases), addArray(batch.segment.bucketStarts), addArray(batch.segment.places)],
    pieces,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const preamble = Buffer.alloc(align8(12 + json.length));
  preamble.writeUInt32LE(MAGIC, 0);
  preamble.writeUInt32LE(CACHE_FORMAT, 4);
  preamble.writeUInt32LE(json.length, 8);
  json.copy(preamble, 12);
  return [preamble, ...chunks];
}

/** Reads a stored batch back; throws an Error saying what is wrong when the file is damaged or of another format. */
export function decodeBatch(data: Buffer): StoredBatch {
  if (data.length < 12 || data.readUInt32LE(0) !== MAGIC) throw new Error('not a Verbatim index file');
  if (data.readUInt32LE(4) !== CACHE_FORMAT) throw new Error(`index format ${data.readUInt32LE(4)} is not ${CACHE_FORMAT}`);
  const headerLength = data.readUInt32LE(8);
  if (12 + headerLength > data.length) throw new Error('the index file is cut short');
  const header = JSON.parse(data.toString('utf8', 12, 12 + headerLength)) as Header;
  const start = align8(12 + headerLength);
  const piece = (n: number): Piece => {
    const found = header.pieces[n];
    if (!found) throw new Error('the index file is inconsistent');
    const bytes = found.kind === 'text' ? found.length : found.length * 4;
    if (start + found.offset + bytes > data.length) throw new Error('the index file is cut short');
    return found;
  };
  const text = (n: number): string => {
    const { offset, length } = piece(n);
    return data.toString('utf8', start + offset, start + offset + length);
  };
  const array = (n: number, kind: ArrayKind): Int32Array | Uint32Array => {
    const found = piece(n);
    if (found.kind !== kind) throw new Error('the index file is inconsistent');
    // Copied out of the file's buffer, so that each array owns an aligned buffer of its own.
    const bytes = new Uint8Array(found.length * 4);
    bytes.set(data.subarray(start + found.offset, start + found.offset + bytes.length));
    return kind === 'i32' ? new Int32Array(bytes.buffer) : new Uint32Array(bytes.buffer);
  };
  const docs: SourceDocument[] = header.docs.map((doc) => ({
    id: doc.id,
    meta: doc.meta,
    text: text(doc.text),
    ...(doc.file ? { file: { content: text(doc.file.content), segments: doc.file.segments } } : {}),
  }));
  const batch: PreparedBatch = {
    vocabulary: header.vocabulary,
    ids: header.ids.map((n) => array(n, 'i32') as Int32Array),
    marks: header.marks.map((n) => array(n, 'u32') as Uint32Array),
    lengths: header.lengths,
    segment: {
      bases: array(header.segment[0], 'u32') as Uint32Array,
      bucketStarts: array(header.segment[1], 'u32') as Uint32Array,
      places: array(header.segment[2], 'u32') as Uint32Array,
    },
  };
  if (batch.ids.length !== docs.length || batch.marks.length !== docs.length || batch.lengths?.length !== docs.length) {
    throw new Error('the index file is inconsistent');
  }
  for (let d = 0; d < docs.length; d++) {
    if (batch.marks[d].length !== (batch.ids[d].length + MARK_EVERY - 1) >> MARK_SHIFT) throw new Error('the index file is inconsistent');
    for (const id of batch.ids[d]) if (id < 0 || id >= batch.vocabulary.length) throw new Error('the index file is inconsistent');
  }
  return { files: header.files, docs, skipped: header.skipped, bytes: header.bytes, batch };
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
