// The index's dictionary of folded words: numbers words in the order they are first added, and finds a word's
// number through an open-addressing table keyed by the word's hash, which every batch brings along, so that joining
// a batch's vocabulary compares strings only where the hashes agree.
import { hashWord } from './segment.js';

/** Folded words numbered from 0, each with its `hashWord` hash. */
export class Dictionary {
  /**
   * The words by number. Words seeded from one text (see `seed`) stand as '' until they are first asked for, and are
   * made strings then: most of a large dictionary is never asked for by a run that checks a few quotations.
   */
  private words: string[] = [];
  private count = 0;
  private hashes = new Uint32Array(1024);
  private table = new Int32Array(2048).fill(-1);
  /** The seeded words joined by line feeds, and where each starts in it (plus where one more would). */
  private packed = '';
  private starts: Uint32Array = new Uint32Array(1);

  get size(): number {
    return this.count;
  }

  /** The folded word with this number. */
  word(id: number): string {
    const word = this.words[id];
    return word !== '' ? word : (this.words[id] = this.packed.slice(this.starts[id], this.starts[id + 1] - 1));
  }

  /** The hash of the word with this number. */
  hash(id: number): number {
    return this.hashes[id];
  }

  /** Every word in the order of their numbers, with their hashes. */
  entries(): { words: string[]; hashes: Uint32Array } {
    return { words: Array.from({ length: this.count }, (_, id) => this.word(id)), hashes: this.hashes.slice(0, this.count) };
  }

  /**
   * Fills an empty dictionary with the words of `packed` (joined by line feeds), numbered in that order, `hashes`
   * being their hashes. Throws, leaving the dictionary empty, when a hash is not its word's or a word comes twice:
   * a word seeded under another's hash could never be found again.
   */
  seed(packed: string, hashes: Uint32Array): void {
    if (this.count > 0) throw new Error('Only an empty dictionary can be seeded.');
    const starts = wordStarts(packed, hashes);
    let slots = this.table.length;
    while (hashes.length * 2 > slots) slots *= 2;
    const table = new Int32Array(slots).fill(-1);
    const mask = slots - 1;
    const seeded = (id: number) => packed.slice(starts[id], starts[id + 1] - 1);
    for (let id = 0; id < hashes.length; id++) {
      let slot = hashes[id] & mask;
      for (; table[slot] >= 0; slot = (slot + 1) & mask) {
        const other = table[slot];
        if (hashes[other] === hashes[id] && seeded(other) === seeded(id)) throw new Error(`the word "${seeded(id)}" comes twice`);
      }
      table[slot] = id;
    }
    this.table = table;
    this.hashes = new Uint32Array(Math.max(1024, hashes.length * 2));
    this.hashes.set(hashes);
    this.packed = packed;
    this.starts = starts;
    this.count = hashes.length;
    this.words = new Array<string>(hashes.length).fill('');
  }

  /** The number of a folded word, or -1 when it is not in the dictionary. */
  find(word: string, hash = hashWord(word)): number {
    const mask = this.table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot];
      if (id < 0 || (this.hashes[id] === hash && this.word(id) === word)) return id;
    }
  }

  /** The number of a folded word whose hash is `hash`, added when it is new. */
  intern(word: string, hash: number): number {
    const mask = this.table.length - 1;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const id = this.table[slot];
      if (id < 0) break;
      if (this.hashes[id] === hash && this.word(id) === word) return id;
    }
    const id = this.count++;
    this.words[id] = word;
    if (id === this.hashes.length) {
      const grown = new Uint32Array(id * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = hash;
    this.table[slot] = id;
    // Kept at most half full, so that probes stay short.
    if (this.count * 2 > this.table.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = this.table.length - 1;
    for (let id = 0; id < this.count; id++) {
      let slot = this.hashes[id] & mask;
      while (this.table[slot] >= 0) slot = (slot + 1) & mask;
      this.table[slot] = id;
    }
  }
}

/**
 * Where each word of `packed` starts, plus where one more would (one past the end), checking on the way that each
 * word has its hash in `hashes`: the hashes are worked out from the characters, no word is made a string.
 */
function wordStarts(packed: string, hashes: Uint32Array): Uint32Array {
  const starts = new Uint32Array(hashes.length + 1);
  if (hashes.length === 0) {
    if (packed !== '') throw new Error('there are more words than hashes');
    return starts;
  }
  let id = 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < packed.length; i++) {
    const code = packed.charCodeAt(i);
    if (code !== 0x0a) {
      h = Math.imul(h ^ code, 0x01000193);
      continue;
    }
    if (id + 1 === hashes.length) throw new Error('there are more words than hashes');
    if (i === starts[id] || h >>> 0 !== hashes[id]) throw new Error(wordError(packed, starts[id], i));
    starts[++id] = i + 1;
    h = 0x811c9dc5;
  }
  if (id + 1 !== hashes.length) throw new Error('there are fewer words than hashes');
  if (packed.length === starts[id] || h >>> 0 !== hashes[id]) throw new Error(wordError(packed, starts[id], packed.length));
  starts[hashes.length] = packed.length + 1;
  return starts;
}

function wordError(packed: string, from: number, to: number): string {
  return from === to ? 'a word is empty' : `the word "${packed.slice(from, to)}" does not have its hash`;
}
