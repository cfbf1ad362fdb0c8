// Turns a batch of source texts into words as numbers of a batch dictionary, plus the batch's hash segment: the
// expensive part of indexing, kept apart from the index so that it can run on another thread or come from disk.
import { buildSegment, type SegmentData } from './segment.js';
import { Tokenizer } from './tokenizer.js';
import { wordWeight } from './words.js';

export { MARK_EVERY, MARK_SHIFT } from './tokenizer.js';

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
  ids: Int32Array[];
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
  return { vocabulary, hashes, counts, ids, marks, lengths: texts.map((text) => text.length), segment };
}

/**
 * Adds one to the count of each word. A function of its own, so that the engine optimizes this loop alone rather
 * than the whole of `prepareBatch`, with the tokenizer inlined, over again.
 */
function countWords(words: Int32Array, counts: Uint32Array): void {
  for (let w = 0; w < words.length; w++) counts[words[w]]++;
}
