// Turns texts into words as numbers of one dictionary, with the start offset of every MARK_EVERY-th word: the
// innermost loop of indexing, which runs once for every character of the sources.
import { hashWord } from './segment.js';
import { PACKED_BITS, PACKED_LENGTH, WordScanner } from './words.js';

/** Every how many words a start offset is kept (a power of two), and its logarithm. */
export const MARK_SHIFT = 5;
export const MARK_EVERY = 1 << MARK_SHIFT;

// A slot of the table is four numbers: the word's hash, its number (-1 for an empty slot), and, for a word of at
// most PACKED_LENGTH ASCII characters, the word packed as the WordScanner packs it, with its length in the top bits
// of the second (which is 0 for other words). Packing is exact, so a probe that meets a short word compares two
// numbers and never reads the vocabulary string, which lies elsewhere in memory.
const SLOT_SHIFT = 2;
const SLOT = 1 << SLOT_SHIFT;

const EMPTY_IDS = new Int32Array(0);
const EMPTY_MARKS = new Uint32Array(0);

/**
 * Collects the words of several texts into one dictionary. Words are looked up in an open-addressing table by
 * their characters, so that the millions of words of a large source are not each copied into a string of their own.
 */
export class Tokenizer {
  readonly vocabulary: string[] = [];
  private hashes: Uint32Array = new Uint32Array(0);
  private table = emptyTable(1 << 16);
  /** The arrays of the text being added, larger than it needs. */
  private ids = EMPTY_IDS;
  private marks = EMPTY_MARKS;

  /** The words of `text` as dictionary numbers, with the start offset of every MARK_EVERY-th word. */
  add(text: string): { ids: Int32Array; marks: Uint32Array } {
    // English prose runs at five to six characters a word: sized for that, the arrays rarely grow.
    this.ids = new Int32Array(16 + Math.ceil(text.length / 5));
    this.marks = new Uint32Array(1 + (this.ids.length >> MARK_SHIFT));
    const count = this.scan(new WordScanner(text));
    // Copied to their exact length, so that no unused tail stays in memory for as long as the index lives.
    const words = { ids: this.ids.slice(0, count), marks: this.marks.slice(0, (count + MARK_EVERY - 1) >> MARK_SHIFT) };
    this.ids = EMPTY_IDS;
    this.marks = EMPTY_MARKS;
    return words;
  }

  /**
   * Puts the number of every word the scanner gives into `ids`, and the start of every MARK_EVERY-th word into
   * `marks`, growing them as needed; gives how many words there were. It ends with its loop: the engine optimizes
   * the loop while it runs, and code after it that had never run would undo that at every text.
   */
  private scan(scanner: WordScanner): number {
    let ids = this.ids;
    let marks = this.marks;
    let count = 0;
    while (scanner.next()) {
      if (count === ids.length) ids = this.ids = grow(ids, new Int32Array(ids.length * 2));
      if ((count & (MARK_EVERY - 1)) === 0) {
        if (count >> MARK_SHIFT === marks.length) marks = this.marks = grow(marks, new Uint32Array(marks.length * 2));
        marks[count >> MARK_SHIFT] = scanner.start;
      }
      ids[count] = scanner.plain ? this.plainWord(scanner) : this.word(scanner.folded());
      count++;
    }
    return count;
  }

  /** The hash of every vocabulary word, by number (the same hash as `hashWord`). */
  wordHashes(): Uint32Array {
    return this.hashes.slice(0, this.vocabulary.length);
  }

  /** The number of the plain word the scanner stands on. */
  private plainWord(scanner: WordScanner): number {
    const length = scanner.end - scanner.start;
    const low = scanner.low;
    const high = length <= PACKED_LENGTH ? scanner.high | (length << 28) : 0;
    const table = this.table;
    const h = scanner.hash | 0;
    const mask = table.length - SLOT;
    for (let slot = (h << SLOT_SHIFT) & mask; ; slot = (slot + SLOT) & mask) {
      const id = table[slot + 1];
      if (id < 0) return this.insert(scanner.folded(), h, slot);
      if (table[slot] !== h) continue;
      const packed = table[slot + 3];
      if (packed !== 0 ? packed === high && table[slot + 2] === low : scanner.foldsTo(this.vocabulary[id])) return id;
    }
  }

  private word(folded: string): number {
    const table = this.table;
    const h = hashWord(folded) | 0;
    const mask = table.length - SLOT;
    for (let slot = (h << SLOT_SHIFT) & mask; ; slot = (slot + SLOT) & mask) {
      const id = table[slot + 1];
      if (id < 0) return this.insert(folded, h, slot);
      if (table[slot] === h && this.vocabulary[id] === folded) return id;
    }
  }

  private insert(folded: string, hash: number, slot: number): number {
    const id = this.vocabulary.length;
    this.vocabulary.push(folded);
    if (id >= this.hashes.length) this.hashes = grow(this.hashes, new Uint32Array(Math.max(1024, this.hashes.length * 2)));
    this.hashes[id] = hash;
    const table = this.table;
    table[slot] = hash;
    table[slot + 1] = id;
    // Packed exactly as the WordScanner packs a plain word.
    let low = 0;
    let high = 0;
    let packable = folded.length <= PACKED_LENGTH;
    for (let k = 0; k < folded.length && packable; k++) {
      const code = folded.charCodeAt(k);
      packable = code < 0x80;
      high = ((high << 7) | (low >>> 21)) & PACKED_BITS;
      low = ((low << 7) | code) & PACKED_BITS;
    }
    table[slot + 2] = packable ? low : 0;
    table[slot + 3] = packable ? high | (folded.length << 28) : 0;
    // Keep the table at most half full, so that probes stay short.
    if (this.vocabulary.length * 2 * SLOT > table.length) this.rehash();
    return id;
  }

  /** Moves every word into a table of twice the size. */
  private rehash(): void {
    const old = this.table;
    const table = emptyTable((old.length / SLOT) * 2);
    const mask = table.length - SLOT;
    for (let from = 0; from < old.length; from += SLOT) {
      if (old[from + 1] < 0) continue;
      let slot = (old[from] << SLOT_SHIFT) & mask;
      while (table[slot + 1] >= 0) slot = (slot + SLOT) & mask;
      table.set(old.subarray(from, from + SLOT), slot);
    }
    this.table = table;
  }
}

/** A table of `slots` empty slots. */
function emptyTable(slots: number): Int32Array {
  const table = new Int32Array(slots * SLOT);
  for (let slot = 1; slot < table.length; slot += SLOT) table[slot] = -1;
  return table;
}

function grow<T extends Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
