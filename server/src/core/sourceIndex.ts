// The in-memory index of sources: each source's words as numbers, and a hash index of single words and word pairs
// that finds where a quotation's rarer words stand without reading the sources again.
import { findQuotations } from './extract/index.js';
import { splitWords, wordWeight } from './words.js';
import type { SourceDocument, Span } from './types.js';

/** A source with its words resolved to dictionary numbers. */
export interface IndexedSource {
  readonly doc: SourceDocument;
  /** Dictionary number of each word. */
  readonly ids: Int32Array;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** Spans of the source's own quotations (start, end pairs in document order), for the short-quotation rule. */
  readonly quoted: Uint32Array;
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

const UNKNOWN = -1;

/**
 * Holds the sources quotations are checked against. `set` adds or replaces a source and `delete` removes one;
 * both are cheap, and the hash index is brought up to date lazily, in segments, when it is next searched.
 */
export class SourceIndex {
  private readonly dictionary = new Map<string, number>();
  private readonly words: string[] = [];
  /** How often each dictionary word occurs in the live sources. */
  private readonly counts: number[] = [];
  private readonly sources = new Map<string, IndexedSource>();
  private readonly pending: IndexedSource[] = [];
  private segments: Segment[] = [];
  private characters = 0;
  private wordCount = 0;

  /** Adds `doc`, replacing any source with the same id. */
  set(doc: SourceDocument): void {
    this.delete(doc.id);
    const split = splitWords(doc.text);
    const ids = new Int32Array(split.folded.length);
    for (let i = 0; i < ids.length; i++) {
      ids[i] = this.intern(split.folded[i]);
      this.counts[ids[i]]++;
    }
    const quoted: number[] = [];
    for (const quotation of findQuotations(doc.text, 'plaintext')) quoted.push(quotation.start, quotation.end);
    const source: IndexedSource = {
      doc,
      ids,
      starts: Uint32Array.from(split.starts),
      ends: Uint32Array.from(split.ends),
      quoted: Uint32Array.from(quoted),
    };
    this.sources.set(doc.id, source);
    this.pending.push(source);
    this.characters += doc.text.length;
    this.wordCount += ids.length;
  }

  /** Removes the source with this id; false when there was none. */
  delete(id: string): boolean {
    const source = this.sources.get(id);
    if (!source) return false;
    this.sources.delete(id);
    for (const word of source.ids) this.counts[word]--;
    this.characters -= source.doc.text.length;
    this.wordCount -= source.ids.length;
    const waiting = this.pending.indexOf(source);
    if (waiting >= 0) this.pending.splice(waiting, 1);
    return true;
  }

  get(id: string): SourceDocument | undefined {
    return this.sources.get(id)?.doc;
  }

  get size(): number {
    return this.sources.size;
  }

  ids(): string[] {
    return [...this.sources.keys()];
  }

  stats(): IndexStats {
    return { documents: this.sources.size, words: this.wordCount, characters: this.characters, vocabulary: this.words.length };
  }

  /** The dictionary number of a folded word, or -1 when no source has it. */
  wordId(folded: string): number {
    return this.dictionary.get(folded) ?? UNKNOWN;
  }

  /** The folded word behind a dictionary number. */
  word(id: number): string {
    return this.words[id];
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
  frequency(first: number, second: number = UNKNOWN): number {
    this.refresh();
    let total = 0;
    for (const segment of this.segments) total += segment.bucketSize(first, second);
    return total;
  }

  /** Every place where word `first` (followed by `second`, when given) stands in a live source. */
  lookup(first: number, second: number = UNKNOWN, limit = Infinity): Occurrence[] {
    this.refresh();
    const found: Occurrence[] = [];
    for (const segment of this.segments) {
      if (!segment.collect(first, second, found, limit, (source) => this.sources.get(source.doc.id) === source)) break;
    }
    return found;
  }

  /** True when `span` of the source lies inside one of the source's own quotations. */
  static insideQuotation(source: IndexedSource, span: Span): boolean {
    return SourceIndex.enclosingQuotation(source, span) !== null;
  }

  /** The source's own quotation that holds `span`, or null when the span is not inside one. */
  static enclosingQuotation(source: IndexedSource, span: Span): Span | null {
    const quoted = source.quoted;
    let lo = 0;
    let hi = quoted.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (quoted[2 * mid + 1] < span.end) lo = mid + 1;
      else hi = mid - 1;
    }
    if (lo < quoted.length / 2 && quoted[2 * lo] <= span.start && span.end <= quoted[2 * lo + 1]) {
      return { start: quoted[2 * lo], end: quoted[2 * lo + 1] };
    }
    return null;
  }

  private intern(folded: string): number {
    let id = this.dictionary.get(folded);
    if (id === undefined) {
      id = this.words.length;
      this.dictionary.set(folded, id);
      this.words.push(folded);
      this.counts.push(0);
    }
    return id;
  }

  /** Puts pending sources into a new segment and rebuilds segments that are mostly replaced or deleted. */
  private refresh(): void {
    const stale = this.segments.filter((segment) => segment.liveShare((s) => this.sources.get(s.doc.id) === s) < 0.5);
    if (this.pending.length === 0 && stale.length === 0) return;
    const rebuilt: IndexedSource[] = [...this.pending];
    for (const segment of stale) {
      for (const source of segment.sources) if (this.sources.get(source.doc.id) === source) rebuilt.push(source);
    }
    this.segments = this.segments.filter((segment) => !stale.includes(segment));
    this.pending.length = 0;
    if (rebuilt.length > 0) this.segments.push(new Segment(rebuilt, (id) => wordWeight(this.words[id]) < 1));
  }
}

function hashKey(first: number, second: number): number {
  let h = Math.imul(first + 1, 0x9e3779b1) ^ Math.imul(second + 2, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/**
 * An immutable hash index over a batch of sources: every content word and every pair of neighbouring words is a
 * key; the places of all keys sit in one array, grouped by bucket, so a look-up reads one contiguous stretch.
 */
class Segment {
  readonly sources: IndexedSource[];
  private readonly bases: Uint32Array;
  private readonly bucketStarts: Uint32Array;
  private readonly places: Uint32Array;
  private readonly mask: number;

  constructor(sources: IndexedSource[], isFunctionWord: (id: number) => boolean) {
    this.sources = sources;
    this.bases = new Uint32Array(sources.length + 1);
    for (let d = 0; d < sources.length; d++) this.bases[d + 1] = this.bases[d] + sources[d].ids.length;
    const total = this.bases[sources.length];
    let buckets = 1024;
    while (buckets < total) buckets *= 2;
    this.mask = buckets - 1;
    // Two passes of a counting sort: count the keys per bucket, then place each key's position in its bucket.
    const counts = new Uint32Array(buckets + 1);
    this.forEachKey(isFunctionWord, (bucket) => counts[bucket + 1]++);
    for (let b = 0; b < buckets; b++) counts[b + 1] += counts[b];
    this.bucketStarts = counts.slice();
    this.places = new Uint32Array(counts[buckets]);
    this.forEachKey(isFunctionWord, (bucket, place) => {
      this.places[counts[bucket]++] = place;
    });
  }

  bucketSize(first: number, second: number): number {
    const bucket = hashKey(first, second) & this.mask;
    return this.bucketStarts[bucket + 1] - this.bucketStarts[bucket];
  }

  liveShare(isLive: (source: IndexedSource) => boolean): number {
    if (this.sources.length === 0) return 0;
    let live = 0;
    for (const source of this.sources) if (isLive(source)) live++;
    return live / this.sources.length;
  }

  /** Adds the live places of a key to `found`; false once `limit` is reached. */
  collect(
    first: number,
    second: number,
    found: Occurrence[],
    limit: number,
    isLive: (source: IndexedSource) => boolean,
  ): boolean {
    const bucket = hashKey(first, second) & this.mask;
    for (let k = this.bucketStarts[bucket]; k < this.bucketStarts[bucket + 1]; k++) {
      const place = this.places[k];
      const d = this.sourceAt(place);
      const source = this.sources[d];
      const word = place - this.bases[d];
      // Buckets are shared by unrelated keys, so every place is checked against the words it should hold.
      if (source.ids[word] !== first) continue;
      if (second !== UNKNOWN && source.ids[word + 1] !== second) continue;
      if (!isLive(source)) continue;
      found.push({ source, word });
      if (found.length >= limit) return false;
    }
    return true;
  }

  private sourceAt(place: number): number {
    let lo = 0;
    let hi = this.sources.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.bases[mid] <= place) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private forEachKey(isFunctionWord: (id: number) => boolean, visit: (bucket: number, place: number) => void): void {
    for (let d = 0; d < this.sources.length; d++) {
      const ids = this.sources[d].ids;
      const base = this.bases[d];
      for (let w = 0; w < ids.length; w++) {
        if (!isFunctionWord(ids[w])) visit(hashKey(ids[w], UNKNOWN) & this.mask, base + w);
        if (w + 1 < ids.length) visit(hashKey(ids[w], ids[w + 1]) & this.mask, base + w);
      }
    }
  }
}
