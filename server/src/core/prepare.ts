// Turns a batch of source texts into words as numbers of a batch dictionary, plus the batch's hash segment: the
// expensive part of indexing, kept apart from the index so that it can run on another thread.
import { buildSegment, type SegmentData } from './segment.js';
import { Tokenizer } from './tokenizer.js';
import { wordWeight } from './words.js';

export { MARK_EVERY, MARK_SHIFT } from './tokenizer.js';

/** A batch of sources ready to join a SourceIndex. Word numbers refer to `vocabulary`. */
export interface PreparedBatch {
  vocabulary: string[];
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

/** Which words of a vocabulary are function words, as the segment builder needs to know. */
function functionWordsOf(vocabulary: string[]): Uint8Array {
  return Uint8Array.from(vocabulary, (word) => (wordWeight(word) < 1 ? 1 : 0));
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
  const segment = buildSegment(ids, tokenizer.wordHashes(), functionWordsOf(tokenizer.vocabulary));
  return { vocabulary: tokenizer.vocabulary, ids, marks, lengths: texts.map((text) => text.length), segment };
}
