// Turns a batch of source texts into words as numbers of a batch dictionary, plus the batch's hash segment: the
// expensive part of indexing, kept apart from the index so that it can run on another thread or come from disk.
import { buildSegment, type SegmentData } from './segment.js';
import { Tokenizer } from './tokenizer.js';
import { wordWeight } from './words.js';

export { MARK_EVERY, MARK_SHIFT } from './tokenizer.js';

/** The words of a batch of sources, as numbers of the batch's own dictionary `vocabulary`: what is stored on disk. */
export interface TokenizedBatch {
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
}

/** A batch of sources ready to join a SourceIndex: its words and the hash segment over them. */
export interface PreparedBatch extends TokenizedBatch {
  segment: SegmentData;
}

/** Splits the texts into words. */
function tokenizeBatch(texts: string[]): TokenizedBatch {
  const tokenizer = new Tokenizer();
  const ids: Int32Array[] = [];
  const marks: Uint32Array[] = [];
  for (const text of texts) {
    const words = tokenizer.add(text);
    ids.push(words.ids);
    marks.push(words.marks);
  }
  const counts = new Uint32Array(tokenizer.vocabulary.length);
  for (const words of ids) for (let w = 0; w < words.length; w++) counts[words[w]]++;
  return { vocabulary: tokenizer.vocabulary, hashes: tokenizer.wordHashes(), counts, ids, marks, lengths: texts.map((text) => text.length) };
}

/** Splits the texts into words and builds their segment. */
export function prepareBatch(texts: string[]): PreparedBatch {
  const batch = tokenizeBatch(texts);
  const functionWords = Uint8Array.from(batch.vocabulary, (word) => (wordWeight(word) < 1 ? 1 : 0));
  return { ...batch, segment: buildSegment(batch.ids, batch.hashes, functionWords) };
}
