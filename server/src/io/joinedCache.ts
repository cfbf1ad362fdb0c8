// Stores the dictionary that the stored batches of a set of source folders were joined into, with the number each
// batch's words got in it, so that a later run joins the same batches without looking their words up one by one.
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PreparedBatch } from '../core/prepare.js';
import type { SourceIndex } from '../core/sourceIndex.js';
import type { SourceDocument } from '../core/types.js';
import { align8, checkSum, readHeader, writeHeader, type FileKind } from './fileHeader.js';
import { isMissing, storedFileNote } from './indexCache.js';
import { replaceFile } from './replaceFile.js';

/** The dictionary of a joined index and, per stored batch in the order they were joined, its words' numbers. */
export interface JoinedDictionary {
  /** Each batch's stored file (its name) and id: the numbers are good for that stored copy alone. */
  batches: Array<{ file: string; id: string }>;
  /** The words joined by line feeds, in the order of their numbers. */
  words: string;
  hashes: Uint32Array;
  numbers: Int32Array[];
}

const KIND: FileKind = { magic: 0x314a4256 /* "VBJ1", little-endian */, format: 2, name: 'dictionary' };
const FILE = 'joined.vbj';

interface Header {
  format: number;
  batches: JoinedDictionary['batches'];
  /** Byte length of the words joined by line feeds, how many words, and how many numbers each batch has. */
  text: number;
  words: number;
  numbers: number[];
}

/** The file the joined dictionary of the stored batches in `dir` is kept in. */
export function joinedFile(dir: string): string {
  return join(dir, FILE);
}

/**
 * Reads the joined dictionary stored in `dir`; null when there is none. Throws an Error saying what is wrong when
 * the file is damaged. Its words are checked against their hashes when they seed an index (`StoredJoin`), and its
 * numbers against each batch's word hashes when the index adds the batch.
 */
export function readJoined(dir: string): JoinedDictionary | null {
  let data: Buffer;
  try {
    data = readFileSync(joinedFile(dir));
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  const { header, start } = readHeader<Header>(KIND, data);
  if (!Array.isArray(header.batches) || !Array.isArray(header.numbers) || header.numbers.length !== header.batches.length) {
    throw new Error('the dictionary file is inconsistent');
  }
  let offset = start;
  const need = offset + align8(header.text) + 4 * (header.words + header.numbers.reduce((sum, n) => sum + n, 0));
  if (need !== data.length) throw new Error(need > data.length ? 'the dictionary file is cut short' : 'the dictionary file is inconsistent');
  checkSum(KIND, data, data.length);
  const words = data.toString('utf8', offset, offset + header.text);
  offset += align8(header.text);
  // Copied out of the file's buffer, which may be shared with other data and not aligned for four-byte numbers.
  const take = <T extends Uint32Array | Int32Array>(make: (bytes: ArrayBuffer) => T, count: number): T => {
    const array = make(data.buffer.slice(data.byteOffset + offset, data.byteOffset + offset + 4 * count) as ArrayBuffer);
    offset += 4 * count;
    return array;
  };
  const hashes = take((bytes) => new Uint32Array(bytes), header.words);
  const numbers = header.numbers.map((count) => take((bytes) => new Int32Array(bytes), count));
  return { batches: header.batches, words, hashes, numbers };
}

/** Stores the joined dictionary in `dir`, replacing any before it at once. */
export function writeJoined(dir: string, joined: JoinedDictionary): void {
  const text = Buffer.from(joined.words, 'utf8');
  const header: Header = {
    format: KIND.format,
    batches: joined.batches,
    text: text.length,
    words: joined.hashes.length,
    numbers: joined.numbers.map((numbers) => numbers.length),
  };
  const bytes = (array: Uint32Array | Int32Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  const pieces = [text, Buffer.alloc(align8(text.length) - text.length), bytes(joined.hashes), ...joined.numbers.map(bytes)];
  replaceFile(joinedFile(dir), [writeHeader(KIND, header, pieces), ...pieces]);
}

/** Removes the stored joined dictionary of `dir`, if any. */
export async function removeJoined(dir: string): Promise<void> {
  await rm(joinedFile(dir), { force: true });
}

/** Past this share of words that no batch uses any more, the stored dictionary is dropped and made anew. */
const MAX_UNUSED_SHARE = 0.25;

/**
 * Joins the batches of one index build with the numbers their words had in the build that stored the dictionary,
 * and stores the dictionary again when any batch had to be looked up word by word.
 */
export class StoredJoin {
  private readonly numbers: Int32Array[] = [];
  private readonly batches: JoinedDictionary['batches'] = [];
  private reused = 0;
  private stored: JoinedDictionary | null = null;

  /** Seeds `index` (still empty) with the dictionary stored in `dir`; `onNote` hears of a damaged file discarded. */
  constructor(
    private readonly index: SourceIndex,
    private readonly dir: string,
    onNote: (note: string) => void,
  ) {
    try {
      this.stored = readJoined(dir);
      if (this.stored) index.seed(this.stored.words, this.stored.hashes);
    } catch (error) {
      this.stored = null;
      const note = storedFileNote(joinedFile(dir), error);
      if (note) onNote(note);
    }
  }

  /** Adds batch number `n`, stored as `file` under `id`, to the index. */
  add(n: number, file: string, id: string, docs: SourceDocument[], batch: PreparedBatch): void {
    const entry = this.stored?.batches[n];
    const known = entry && entry.file === file && entry.id === id ? this.stored!.numbers[n] : undefined;
    const numbers = this.index.addBatch(docs, batch, known);
    if (known && numbers === known) this.reused++;
    this.numbers[n] = numbers;
    this.batches[n] = { file, id };
  }

  /** Stores the dictionary when this build could not take every batch's numbers from it. */
  async finish(): Promise<void> {
    if (this.batches.length === 0) return removeJoined(this.dir);
    if (this.stored && this.reused === this.batches.length && this.stored.batches.length === this.batches.length) return;
    const { words, hashes } = this.index.dictionaryEntries();
    const used = new Uint8Array(words.length);
    for (const numbers of this.numbers) for (let v = 0; v < numbers.length; v++) used[numbers[v]] = 1;
    const unused = used.length - used.reduce((sum, one) => sum + one, 0);
    // Words of sources that changed stay in a dictionary seeded from an earlier one: once they are many, the next
    // build starts from nothing and stores a dictionary without them.
    if (unused > words.length * MAX_UNUSED_SHARE) await removeJoined(this.dir);
    else writeJoined(this.dir, { batches: this.batches, words: words.join('\n'), hashes, numbers: this.numbers });
  }
}
