// Turns a batch of source texts into words as numbers of a batch dictionary, plus the batch's hash segment: the
// expensive part of indexing, kept apart from the index so that it can run on another thread or come from disk.
import { buildSegment, type SegmentData } from './segment.js';
import { Tokenizer } from './tokenizer.js';
import { wordWeight } from './words.js';

export { MARK_EVERY, MARK_SHIFT } from './tokenizer.js';

/** Words as numbers of a vocabulary: two bytes a word where the vocabulary has at most 65,536 words, else four. */
export type WordNumbers = Uint16Array | Int32Array;

/** The most words a vocabulary may have for its words to be numbered in two bytes. */
const TWO_BYTE_WORDS = 0x10000;

/**
 * A batch of sources ready to join a SourceIndex: its words as numbers of the batch's own `vocabulary`, and the hash
 * segment over them.
 */
export interface PreparedBatch {
  vocabulary: string[];
  /** The `hashWord` hash of each vocabulary word. */
  hashes: Uint32Array;
  /** How often each vocabulary word occurs in the batch. */
  counts: Uint32Array;
  /**
   * Per source: its words as numbers of `vocabulary`, and where every MARK_EVERY-th word starts in the source's text
   * (the others are found again by reading on from there, which keeps four bytes a word out of memory).
   */
  ids: WordNumbers[];
  marks: Uint32Array[];
  /** Per source: the length of its text, so that the index can count characters without reading the text. */
  lengths: number[];
  segment: SegmentData;
}

/** Splits the texts into words and builds their segment. */
export function prepareBatch(texts: string[]): PreparedBatch {
  const tokenizer = new Tokenizer();
  const ids: Int32Array[] = [];
  const marks: Uint32Array[] = [];
  for (const text of texts) {
    const words = tokenizer.add(text);
    ids.push(words.ids);
    marks.push(words.marks);
  }
  const { vocabulary } = tokenizer;
  const hashes = tokenizer.wordHashes();
  const counts = new Uint32Array(vocabulary.length);
  for (const words of ids) countWords(words, counts);
  const functionWords = Uint8Array.from(vocabulary, (word) => (wordWeight(word) < 1 ? 1 : 0));
  const segment = buildSegment(ids, hashes, functionWords);
  // A batch of a few megabytes has a few tens of thousands of different words: held and stored in two bytes each,
  // its words take half the memory and the disk, and a later run reads half as much.
  const numbers = vocabulary.length <= TWO_BYTE_WORDS ? ids.map((words) => new Uint16Array(words)) : ids;
  return { vocabulary, hashes, counts, ids: numbers, marks, lengths: texts.map((text) => text.length), segment };
}

/**
 * Adds one to the count of each word. A function of its own, so that the engine optimizes this loop alone rather
 * than the whole of `prepareBatch`, with the tokenizer inlined, over again.
 */
function countWords(words: Int32Array, counts: Uint32Array): void {
  for (let w = 0; w < words.length; w++) counts[words[w]]++;
}
