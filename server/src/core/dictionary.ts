// The index's dictionary of folded words: numbers words in the order they are first added, and finds a word's
// number through an open-addressing table keyed by the word's hash, which every batch brings along, so that joining
// a batch's vocabulary compares strings only where the hashes agree.
import { hashWord } from './segment.js';

/** Folded words numbered from 0, each with its `hashWord` hash. */
export class Dictionary {
  private readonly words: string[] = [];
  private hashes = new Uint32Array(1024);
  private table = new Int32Array(2048).fill(-1);

  get size(): number {
    return this.words.length;
  }

  /** The folded word with this number. */
  word(id: number): string {
    return this.words[id];
  }

  /** The hash of the word with this number. */
  hash(id: number): number {
    return this.hashes[id];
  }

  /** Every word in the order of their numbers, with their hashes. */
  entries(): { words: string[]; hashes: Uint32Array } {
    return { words: [...this.words], hashes: this.hashes.slice(0, this.words.length) };
  }

  /** The number of a folded word, or -1 when it is not in the dictionary. */
  find(word: string, hash = hashWord(word)): number {
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot];
      if (id < 0 || (this.hashes[id] === hash && this.words[id] === word)) return id;
    }
  }

  /** The number of a folded word whose hash is `hash`, added when it is new. */
  intern(word: string, hash: number): number {
    const mask = this.table.length - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const id = this.table[slot];
      if (id < 0) break;
      if (this.hashes[id] === hash && this.words[id] === word) return id;
    }
    const id = this.words.length;
    this.words.push(word);
    if (id === this.hashes.length) {
      const grown = new Uint32Array(id * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = hash;
    this.table[slot] = id;
    // Kept at most half full, so that probes stay short.
    if (this.words.length * 2 > this.table.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = this.table.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = this.hashes[id] & mask;
      while (this.table[slot] >= 0) slot = (slot + 1) & mask;
      this.table[slot] = id;
    }
  }
}
