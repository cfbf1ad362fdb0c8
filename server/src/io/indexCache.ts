// Stores prepared batches of sources on disk, so that a later run can take them as they are instead of reading,
// parsing and indexing the sources again. One file per batch: a JSON header, then the batch's typed arrays.
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { PreparedBatch } from '../core/prepare.js';
import type { SourceDocument } from '../core/types.js';

/** Bumped whenever the layout or the meaning of a stored batch changes; older files are then ignored. */
export const CACHE_FORMAT = 1;
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

/** Serialises a batch: a fixed preamble, the JSON header, then the typed arrays, each at an 8-byte boundary. */
export function encodeBatch(stored: StoredBatch): Buffer {
  const arrays: Array<Int32Array | Uint32Array> = [
    ...stored.batch.ids,
    ...stored.batch.starts,
    stored.batch.segment.bases,
    stored.batch.segment.bucketStarts,
    stored.batch.segment.places,
  ];
  const layout: Array<{ kind: ArrayKind; offset: number; length: number }> = [];
  let offset = 0;
  for (const array of arrays) {
    layout.push({ kind: array instanceof Int32Array ? 'i32' : 'u32', offset, length: array.length });
    offset += align8(array.byteLength);
  }
  const header = Buffer.from(
    JSON.stringify({
      format: CACHE_FORMAT,
      files: stored.files,
      docs: stored.docs,
      skipped: stored.skipped,
      bytes: stored.bytes,
      vocabulary: stored.batch.vocabulary,
      sources: stored.batch.ids.length,
      layout,
    }),
    'utf8',
  );
  const start = align8(12 + header.length);
  const out = Buffer.alloc(start + offset);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(CACHE_FORMAT, 4);
  out.writeUInt32LE(header.length, 8);
  header.copy(out, 12);
  arrays.forEach((array, n) => {
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(out, start + layout[n].offset);
  });
  return out;
}

/** Reads a stored batch back; throws an Error saying what is wrong when the file is damaged or of another format. */
export function decodeBatch(data: Buffer): StoredBatch {
  if (data.length < 12 || data.readUInt32LE(0) !== MAGIC) throw new Error('not a Verbatim index file');
  if (data.readUInt32LE(4) !== CACHE_FORMAT) throw new Error(`index format ${data.readUInt32LE(4)} is not ${CACHE_FORMAT}`);
  const headerLength = data.readUInt32LE(8);
  if (12 + headerLength > data.length) throw new Error('the index file is cut short');
  const header = JSON.parse(data.toString('utf8', 12, 12 + headerLength)) as {
    files: StoredBatch['files'];
    docs: SourceDocument[];
    skipped: StoredBatch['skipped'];
    bytes: number;
    vocabulary: string[];
    sources: number;
    layout: Array<{ kind: ArrayKind; offset: number; length: number }>;
  };
  const start = align8(12 + headerLength);
  const arrays = header.layout.map(({ kind, offset, length }) => {
    const from = start + offset;
    const byteLength = length * 4;
    if (from + byteLength > data.length) throw new Error('the index file is cut short');
    // Copied out of the file's buffer, so that each array owns an aligned buffer of its own.
    const bytes = new Uint8Array(byteLength);
    bytes.set(data.subarray(from, from + byteLength));
    return kind === 'i32' ? new Int32Array(bytes.buffer) : new Uint32Array(bytes.buffer);
  });
  const n = header.sources;
  if (arrays.length !== 2 * n + 3 || header.docs.length !== n) throw new Error('the index file is inconsistent');
  const batch: PreparedBatch = {
    vocabulary: header.vocabulary,
    ids: arrays.slice(0, n) as Int32Array[],
    starts: arrays.slice(n, 2 * n) as Uint32Array[],
    segment: {
      bases: arrays[2 * n] as Uint32Array,
      bucketStarts: arrays[2 * n + 1] as Uint32Array,
      places: arrays[2 * n + 2] as Uint32Array,
    },
  };
  for (let d = 0; d < n; d++) {
    if (batch.ids[d].length !== batch.starts[d].length) throw new Error('the index file is inconsistent');
    for (const id of batch.ids[d]) if (id < 0 || id >= batch.vocabulary.length) throw new Error('the index file is inconsistent');
  }
  return { files: header.files, docs: header.docs, skipped: header.skipped, bytes: header.bytes, batch };
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
