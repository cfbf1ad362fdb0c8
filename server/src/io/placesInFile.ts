// The places of a stored batch's segment left in its file and read a bucket at a time: a short-lived process that
// looks up a few keys reads a few blocks of them instead of half of every stored batch. Each block is checked against
// its sum, stored with the part of the file that is read whole and checked there, so that damage to the places is
// found when they are read, never taken for a key that has no places.
import { closeSync, readSync } from 'node:fs';
import type { PlaceReader } from '../core/segment.js';

/** How many places a block has, each block with a sum of its own (a power of two). */
export const PLACE_BLOCK = 64;
const BLOCK_SHIFT = 6;

/** The sum of places[from, to): FNV-1a over the numbers, in which any one changed number changes the sum. */
function sumOf(places: Uint32Array, from: number, to: number): number {
  let sum = 0x811c9dc5 ^ (to - from);
  for (let i = from; i < to; i++) sum = Math.imul(sum ^ places[i]!, 0x01000193);
  return sum >>> 0;
}

/** The sum of every block of `places`, the last one maybe shorter. */
export function placeSums(places: Uint32Array): Uint32Array {
  const sums = new Uint32Array(Math.ceil(places.length / PLACE_BLOCK));
  for (let b = 0; b < sums.length; b++) sums[b] = sumOf(places, b * PLACE_BLOCK, Math.min(places.length, (b + 1) * PLACE_BLOCK));
  return sums;
}

/** True when every block of `places` has its sum. */
export function placesIntact(places: Uint32Array, sums: Uint32Array): boolean {
  if (sums.length !== Math.ceil(places.length / PLACE_BLOCK)) return false;
  for (let b = 0; b < sums.length; b++) {
    if (sumOf(places, b * PLACE_BLOCK, Math.min(places.length, (b + 1) * PLACE_BLOCK)) !== sums[b]) return false;
  }
  return true;
}

/** A stored index file found damaged while in use: the run that meets it discards the file and reads its sources. */
export class DamagedIndexFile extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** Places read from an open file, `length` four-byte numbers from byte `position` on, in blocks with these sums. */
export class PlacesInFile implements PlaceReader {
  constructor(
    readonly file: string,
    readonly fd: number,
    readonly position: number,
    readonly length: number,
    private readonly sums: Uint32Array,
  ) {}

  read(from: number, to: number): Uint32Array {
    // The whole blocks that hold [from, to), each checked against its sum.
    const first = from >> BLOCK_SHIFT;
    const start = first << BLOCK_SHIFT;
    const end = Math.min(this.length, ((to + PLACE_BLOCK - 1) >> BLOCK_SHIFT) << BLOCK_SHIFT);
    const blocks = new Uint32Array(end - start);
    for (let done = 0; done < blocks.byteLength; ) {
      const read = readSync(this.fd, blocks, done, blocks.byteLength - done, this.position + start * 4 + done);
      // The file was truncated after it was opened: its stored batch is no longer to be trusted.
      if (read === 0) throw new DamagedIndexFile(this.file, 'the index file was cut short while in use');
      done += read;
    }
    for (let b = 0; b < blocks.length; b += PLACE_BLOCK) {
      if (sumOf(blocks, b, Math.min(blocks.length, b + PLACE_BLOCK)) !== this.sums[first + (b >> BLOCK_SHIFT)]) {
        throw new DamagedIndexFile(this.file, 'places in the index file do not match their sums');
      }
    }
    return blocks.subarray(from - start, to - start);
  }

  /** Closes the file, for a batch that is not used after all. */
  close(): void {
    closeSync(this.fd);
  }
}
