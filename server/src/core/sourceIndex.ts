// The in-memory index of sources: each source's words as dictionary numbers, and hash segments over single words
// and word pairs that find where a quotation's rarer words stand without reading the sources again.
import { findQuotations } from './extract/index.js';
import { MARK_SHIFT, prepareBatch, type PreparedBatch, type WordNumbers } from './prepare.js';
import { Dictionary } from './dictionary.js';
import { hashKey, Segment } from './segment.js';
import { textSlice, textWindow } from './sourceText.js';
import { SCANNER_LOOKAHEAD, WORD_END_REACH, wordEnd, WordScanner } from './words.js';
import type { SourceDocument, Span } from './types.js';

/**
 * A source with its words as numbers: each word's number in the vocabulary of the batch the source was indexed with,
 * and, shared by the batch's sources, the dictionary number of each vocabulary word (`SourceIndex.idAt` reads a
 * word's dictionary number through both). The words are never renumbered in place: a run that checks a few
 * quotations reads the dictionary numbers of a few stretches, not of every word of the sources.
 */
export interface IndexedSource {
  readonly doc: SourceDocument;
  readonly words: WordNumbers;
  readonly numbers: Int32Array;
  /** How many words the source has. */
  readonly count: number;
  /** Offset of every MARK_EVERY-th word in the source's text; `SourceIndex.wordStart` finds any word's. */
  readonly marks: Uint32Array;
  /** Length of the source's text, kept apart so that counting never needs the text itself. */
  readonly length: number;
  /** False once the source is replaced or deleted; its words stay in its segment until that is rebuilt. */
  live: boolean;
}

/** Where a looked-up key stands: the source and the index of its (first) word. */
export interface Occurrence {
  source: IndexedSource;
  word: number;
}

/** Size figures of the index, for status displays and the benchmark. */
export interface IndexStats {
  documents: number;
  words: number;
  characters: number;
  vocabulary: number;
}

const NONE = -1;
/** Sources added one at a time are indexed in batches of about this many characters, one segment each. */
const BATCH_CHARACTERS = 8_000_000;

/**
 * Holds the sources quotations are checked against. `set` adds or replaces a source and `delete` removes one;
 * `addBatch` takes many sources prepared elsewhere (another thread, a cache) at once. The hash segments are
 * brought up to date lazily, when the index is next searched.
 */
export class SourceIndex {
  private readonly dictionary = new Dictionary();
  private counts = new Int32Array(1024);
  private readonly sources = new Map<string, IndexedSource>();
  private pending: SourceDocument[] = [];
  private segments: Array<Segment<IndexedSource>> = [];
  private characters = 0;
  private wordCount = 0;
  private changes = 0;
  private refreshedAt = -1;

  /** Goes up with every change of the sources, so that remembered findings can tell they are out of date. */
  get version(): number {
    return this.changes;
  }

  /** Adds `doc`, replacing any source with the same id. */
  set(doc: SourceDocument): void {
    this.delete(doc.id);
    this.changes++;
    this.pending.push(doc);
    this.characters += doc.text.length;
  }

  /**
   * Puts the words of `packed` (joined by line feeds), whose hashes are `hashes`, into the dictionary of an index that
   * has none yet, numbered in this order: the dictionary of an earlier index of the same sources, so that their
   * batches can be added with the numbers they had there. Throws, leaving the index as it was, when a hash is not its
   * word's or a word comes twice.
   */
  seed(packed: string, hashes: Uint32Array): void {
    if (this.dictionary.size > 0) throw new Error('Only an empty index can be seeded.');
    this.dictionary.seed(packed, hashes);
  }

  /** The dictionary's words in the order of their numbers, with their hashes, to seed a later index with. */
  dictionaryEntries(): { words: string[]; hashes: Uint32Array } {
    return this.dictionary.entries();
  }

  /**
   * Adds sources prepared by `prepareBatch` over their texts, in the same order, replacing any with the same id.
   * `known` may give the dictionary number of each of the batch's words, as an earlier index of the same sources
   * numbered them after `seed`: the words are then not looked up one by one. Numbers that do not fit (another
   * length, a word whose hash differs) are ignored. Gives the numbers the batch's words have in this index.
   */
  addBatch(docs: SourceDocument[], batch: PreparedBatch, known?: Int32Array): Int32Array {
    this.changes++;
    for (const doc of docs) this.delete(doc.id);
    const numbers = known && this.fits(known, batch.hashes) ? known : this.intern(batch);
    if (this.counts.length < this.dictionary.size) {
      const counts = new Int32Array(Math.max(this.dictionary.size, this.counts.length * 2));
      counts.set(this.counts);
      this.counts = counts;
    }
    addCounts(this.counts, numbers, batch.counts);
    const added: IndexedSource[] = [];
    docs.forEach((doc, n) => {
      const words = batch.ids[n];
      const source: IndexedSource = { doc, words, numbers, count: words.length, marks: batch.marks[n], length: batch.lengths[n], live: true };
      this.sources.set(doc.id, source);
      this.characters += source.length;
      this.wordCount += words.length;
      added.push(source);
    });
    this.segments.push(new Segment(added, batch.segment));
    return numbers;
  }

  /** The dictionary number of each of the batch's words, adding those that are new. */
  private intern(batch: PreparedBatch): Int32Array {
    const numbers = new Int32Array(batch.hashes.length);
    for (let v = 0; v < numbers.length; v++) numbers[v] = this.dictionary.intern(batch.vocabulary[v], batch.hashes[v]);
    return numbers;
  }

  /** True when `numbers` name, for each of the batch's words, a word of the dictionary with the same hash. */
  private fits(numbers: Int32Array, hashes: Uint32Array): boolean {
    if (numbers.length !== hashes.length) return false;
    const size = this.dictionary.size;
    for (let v = 0; v < numbers.length; v++) {
      const id = numbers[v];
      if (id < 0 || id >= size || this.dictionary.hash(id) !== hashes[v]) return false;
    }
    return true;
  }

  /** Removes the source with this id; false when there was none. */
  delete(id: string): boolean {
    this.changes++;
    const waiting = this.pending.findIndex((doc) => doc.id === id);
    if (waiting >= 0) {
      this.characters -= this.pending[waiting].text.length;
      this.pending.splice(waiting, 1);
      return true;
    }
    const source = this.sources.get(id);
    if (!source) return false;
    this.sources.delete(id);
    source.live = false;
    subtractCounts(this.counts, source.words, source.numbers);
    this.characters -= source.length;
    this.wordCount -= source.count;
    return true;
  }

  get(id: string): SourceDocument | undefined {
    return this.sources.get(id)?.doc ?? this.pending.find((doc) => doc.id === id);
  }

  get size(): number {
    return this.sources.size + this.pending.length;
  }

  ids(): string[] {
    return [...this.sources.keys(), ...this.pending.map((doc) => doc.id)];
  }

  stats(): IndexStats {
    this.refresh();
    return { documents: this.sources.size, words: this.wordCount, characters: this.characters, vocabulary: this.dictionary.size };
  }

  /** The dictionary number of a folded word, or -1 when no source has it. */
  wordId(folded: string): number {
    this.refresh();
    return this.dictionary.find(folded);
  }

  /** The folded word behind a dictionary number. */
  word(id: number): string {
    return this.dictionary.word(id);
  }

  /**
   * How much finding this word says, from how rare it is in the sources (inverse document frequency over words):
   * a word no source has says the most, a word every other line has says little.
   */
  rarity(id: number): number {
    const count = id < 0 ? 0 : this.counts[id];
    return Math.max(1, Math.log((this.wordCount + 1) / (count + 1)));
  }

  /** How many places a key may stand in (an upper bound: hash buckets are shared). */
  frequency(first: number, second: number = NONE): number {
    this.refresh();
    const key = this.keyOf(first, second);
    let total = 0;
    for (const segment of this.segments) total += segment.bucketSize(key);
    return total;
  }

  /** Every place where word `first` (followed by `second`, when given) stands in a live source. */
  lookup(first: number, second: number = NONE, limit = Infinity): Occurrence[] {
    const found: Occurrence[] = [];
    this.forEachOccurrence(first, second, limit, (source, word) => void found.push({ source, word }));
    return found;
  }

  /** Calls `visit` with each of the first `limit` places `lookup` would give, without making a list of them. */
  forEachOccurrence(first: number, second: number, limit: number, visit: (source: IndexedSource, word: number) => void): void {
    this.refresh();
    const key = this.keyOf(first, second);
    let found = 0;
    for (const segment of this.segments) {
      const complete = segment.forEachPlace(key, (source, word) => {
        // Buckets are shared by unrelated keys, so every place is checked against the words it should hold.
        const { words, numbers } = source;
        if (numbers[words[word]] !== first) return true;
        if (second !== NONE && numbers[words[word + 1]] !== second) return true;
        if (!source.live) return true;
        visit(source, word);
        return ++found < limit;
      });
      if (!complete) break;
    }
  }

  /** The dictionary number of word `word` of the source. */
  static idAt(source: IndexedSource, word: number): number {
    return source.numbers[source.words[word]];
  }

  /** The dictionary numbers of words [from, to) of the source. */
  static idsOf(source: IndexedSource, from: number, to: number): Int32Array {
    const { words, numbers } = source;
    const ids = new Int32Array(to - from);
    for (let k = 0; k < ids.length; k++) ids[k] = numbers[words[from + k]];
    return ids;
  }

  /** Offset of word `word` of the source: read on from the nearest kept offset before it. */
  static wordStart(source: IndexedSource, word: number): number {
    const block = word >> MARK_SHIFT;
    const from = source.marks[block];
    if ((block << MARK_SHIFT) === word) return from;
    const { scanner, base } = blockScanner(source, block);
    for (let k = block << MARK_SHIFT; k <= word; k++) scanner.next();
    return base + scanner.start;
  }

  /** Offset just past word `word` of the source. */
  static wordEnd(source: IndexedSource, word: number): number {
    const start = SourceIndex.wordStart(source, word);
    const { doc } = source;
    if (!doc.stored) return wordEnd(doc.text, start);
    return start + wordEnd(textSlice(doc, start, start + WORD_END_REACH + SCANNER_LOOKAHEAD), 0);
  }

  /** The number of the first word of the source that starts at or after `offset` (the word count when none does). */
  static wordAt(source: IndexedSource, offset: number): number {
    const { marks } = source;
    // The last block that starts before `offset`; the word sought is in it or starts the next one.
    let lo = 0;
    let hi = marks.length - 1;
    if (hi < 0 || marks[0] >= offset) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (marks[mid] < offset) lo = mid;
      else hi = mid - 1;
    }
    const { scanner, base } = blockScanner(source, lo);
    const last = Math.min(source.count, (lo + 1) << MARK_SHIFT);
    for (let k = lo << MARK_SHIFT; k < last; k++) {
      scanner.next();
      if (base + scanner.start >= offset) return k;
    }
    return last;
  }

  /** True when `span` of the source lies inside one of the source's own quotations. */
  static insideQuotation(source: IndexedSource, span: Span): boolean {
    return SourceIndex.enclosingQuotation(source, span) !== null;
  }

  /**
   * The source's own quotation that holds `span`, or null when the span is not inside one. Only the paragraph
   * around the span is read: quotation marks never pair across a blank line except to continue a quotation.
   */
  static enclosingQuotation(source: IndexedSource, span: Span): Span | null {
    // Edges are looked for at most PARAGRAPH_REACH characters away, so that stretch is all that is read.
    const { text, start } = textWindow(source.doc, span.start - PARAGRAPH_REACH, span.end + PARAGRAPH_REACH);
    const from = paragraphEdge(text, span.start - start, -1);
    const to = paragraphEdge(text, span.end - start, 1);
    for (const quotation of findQuotations(text.slice(from, to), 'plaintext')) {
      if (quotation.start + from + start <= span.start && span.end <= quotation.end + from + start) {
        return { start: quotation.start + from + start, end: quotation.end + from + start };
      }
    }
    return null;
  }

  private keyOf(first: number, second: number): number {
    return hashKey(first < 0 ? 0 : this.dictionary.hash(first), second < 0 ? NONE : this.dictionary.hash(second));
  }

  /**
   * Indexes the sources added one at a time, and rebuilds segments that are mostly replaced or deleted. Small
   * additions (a source edited in the editor) make a small segment of their own, so an edit never re-indexes
   * the rest.
   */
  private refresh(): void {
    // Every look-up asks; only a change of the sources since the last answer is worth looking at the segments for.
    if (this.changes === this.refreshedAt) return;
    this.refreshedAt = this.changes;
    const stale = this.segments.filter((segment) => {
      const live = segment.sources.filter((source) => source.live).length;
      return live < segment.sources.length / 2;
    });
    if (this.pending.length === 0 && stale.length === 0) return;
    // Indexing what was added changes nothing a check can see: the version stays as `set` and `delete` left it.
    const version = this.changes;
    const docs = [...this.pending];
    this.pending = [];
    for (const segment of stale) {
      for (const source of segment.sources) {
        if (!source.live) continue;
        // The source moves to a new segment: it leaves the index here and comes back with the batch.
        this.delete(source.doc.id);
        docs.push(source.doc);
        this.characters += source.length;
      }
    }
    this.segments = this.segments.filter((segment) => !stale.includes(segment));
    for (const doc of docs) this.characters -= doc.text.length;
    for (let start = 0; start < docs.length; ) {
      let end = start;
      let size = 0;
      while (end < docs.length && (end === start || size < BATCH_CHARACTERS)) size += docs[end++].text.length;
      const batch = docs.slice(start, end);
      this.addBatch(batch, prepareBatch(batch.map((doc) => doc.text)));
      start = end;
    }
    this.changes = version;
    this.refreshedAt = version;
  }
}

/** Takes the words of a source that leaves the index off the counts of their dictionary numbers. */
function subtractCounts(counts: Int32Array, words: WordNumbers, numbers: Int32Array): void {
  for (let w = 0; w < words.length; w++) counts[numbers[words[w]]]--;
}

/** Adds each of the batch's word counts to the count of the word's number in the index. */
function addCounts(counts: Int32Array, numbers: Int32Array, batchCounts: Uint32Array): void {
  for (let v = 0; v < numbers.length; v++) counts[numbers[v]] += batchCounts[v];
}

/**
 * A scanner over the words of one block of a source, from its kept offset to the next one, and the offset its
 * positions count from: 0 over a text held whole, the block's start over the block read from a text kept on disk.
 */
function blockScanner(source: IndexedSource, block: number): { scanner: WordScanner; base: number } {
  const { doc, marks } = source;
  const from = marks[block];
  const to = block + 1 < marks.length ? marks[block + 1] : source.length;
  if (!doc.stored) return { scanner: new WordScanner(doc.text, from, to), base: 0 };
  return { scanner: new WordScanner(doc.stored.slice(from, to + SCANNER_LOOKAHEAD), 0, to - from), base: from };
}

/** How far from a span its paragraph's edges are looked for. */
const PARAGRAPH_REACH = 20_000;

/** Where the paragraph around `offset` starts (direction -1) or ends (direction 1), at most PARAGRAPH_REACH away. */
function paragraphEdge(text: string, offset: number, direction: -1 | 1): number {
  const limit = direction < 0 ? Math.max(0, offset - PARAGRAPH_REACH) : Math.min(text.length, offset + PARAGRAPH_REACH);
  let sawNewline = false;
  for (let i = direction < 0 ? offset - 1 : offset; direction < 0 ? i >= limit : i < limit; i += direction) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a) {
      if (sawNewline) return direction < 0 ? i + 1 : i;
      sawNewline = true;
    } else if (ch !== 0x20 && ch !== 0x09 && ch !== 0x0d) {
      sawNewline = false;
    }
  }
  return limit;
}

