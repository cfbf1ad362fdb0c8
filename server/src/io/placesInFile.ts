// The places of a stored batch's segment left in its file and read a bucket at a time: a short-lived process that
// looks up a few keys reads a few hundred bytes of them instead of half of every stored batch.
import { closeSync, readSync } from 'node:fs';
import type { PlaceReader } from '../core/segment.js';

/** Places read from an open file, `length` four-byte numbers from byte `position` on. */
export class PlacesInFile implements PlaceReader {
  constructor(
    readonly fd: number,
    readonly position: number,
    readonly length: number,
  ) {}

  read(from: number, to: number): Uint32Array {
    const places = new Uint32Array(to - from);
    for (let done = 0; done < places.byteLength; ) {
      const read = readSync(this.fd, places, done, places.byteLength - done, this.position + from * 4 + done);
      // The file was truncated after it was opened: its stored batch is no longer to be trusted.
      if (read === 0) throw new Error('a stored index file was cut short while in use; run the check again');
      done += read;
    }
    return places;
  }

  /** Closes the file, for a batch that is not used after all. */
  close(): void {
    closeSync(this.fd);
  }
}
