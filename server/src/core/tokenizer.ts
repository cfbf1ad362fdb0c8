// Turns texts into words as numbers of one dictionary, with the start offset of every MARK_EVERY-th word: the
// innermost loop of indexing, which runs once for every character of the sources.
import { hashWord } from './segment.js';
import { WordScanner } from './words.js';

/** Every how many words a start offset is kept (a power of two), and its logarithm. */
export const MARK_SHIFT = 5;
export const MARK_EVERY = 1 << MARK_SHIFT;

/**
 * Collects the words of several texts into one dictionary. Words are looked up in an open-addressing table by
 * their characters, so that the millions of words of a large source are not each copied into a string of their own.
 */
export class Tokenizer {
  readonly vocabulary: string[] = [];
  private hashes: Uint32Array = new Uint32Array(0);
  // Each slot holds a word's hash and then its number (-1 when the slot is empty): a probe reads both from one
  // place in memory, and looks at the word itself only when the hashes agree.
  private table = emptyTable(1 << 16);

  /** The words of `text` as dictionary numbers, with the start offset of every MARK_EVERY-th word. */
  add(text: string): { ids: Int32Array; marks: Uint32Array } {
    // English prose runs at five to six characters a word: sized for that, the arrays rarely grow.
    let ids = new Int32Array(16 + Math.ceil(text.length / 5));
    let marks = new Uint32Array(1 + (ids.length >> MARK_SHIFT));
    let count = 0;
    const scanner = new WordScanner(text);
    while (scanner.next()) {
      if (count === ids.length) ids = grow(ids, new Int32Array(ids.length * 2));
      if ((count & (MARK_EVERY - 1)) === 0) {
        if (count >> MARK_SHIFT === marks.length) marks = grow(marks, new Uint32Array(marks.length * 2));
        marks[count >> MARK_SHIFT] = scanner.start;
      }
      ids[count] = scanner.plain ? this.plainWord(scanner) : this.word(scanner.folded());
      count++;
    }
    // Copied to their exact length, so that no unused tail stays in memory for as long as the index lives.
    return { ids: ids.slice(0, count), marks: marks.slice(0, (count + MARK_EVERY - 1) >> MARK_SHIFT) };
  }

  /** The hash of every vocabulary word, by number (the same hash as `hashWord`). */
  wordHashes(): Uint32Array {
    return this.hashes.slice(0, this.vocabulary.length);
  }

  private plainWord(scanner: WordScanner): number {
    const table = this.table;
    const h = scanner.hash | 0;
    const mask = table.length - 2;
    for (let slot = (h << 1) & mask; ; slot = (slot + 2) & mask) {
      const id = table[slot + 1];
      if (id < 0) return this.insert(scanner.folded(), h, slot);
      if (table[slot] === h && scanner.foldsTo(this.vocabulary[id])) return id;
    }
  }

  private word(folded: string): number {
    const table = this.table;
    const h = hashWord(folded) | 0;
    const mask = table.length - 2;
    for (let slot = (h << 1) & mask; ; slot = (slot + 2) & mask) {
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
    this.table[slot] = hash;
    this.table[slot + 1] = id;
    // Keep the table at most half full, so that probes stay short.
    if (this.vocabulary.length * 4 > this.table.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const table = emptyTable(this.table.length);
    const mask = table.length - 2;
    for (let id = 0; id < this.vocabulary.length; id++) {
      const h = this.hashes[id] | 0;
      let slot = (h << 1) & mask;
      while (table[slot + 1] >= 0) slot = (slot + 2) & mask;
      table[slot] = h;
      table[slot + 1] = id;
    }
    this.table = table;
  }
}

/** A table of `slots` empty slots. */
function emptyTable(slots: number): Int32Array {
  const table = new Int32Array(slots * 2);
  for (let slot = 1; slot < table.length; slot += 2) table[slot] = -1;
  return table;
}

function grow<T extends Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
