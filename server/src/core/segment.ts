// An immutable hash index over a batch of sources: every content word and every pair of neighbouring words is a
// key, and the places of all keys sit in one array grouped by bucket, so that a look-up reads one contiguous stretch.
// Keys are hashed from the words' text, not from dictionary numbers, so a batch can be indexed anywhere (another
// thread, an earlier run) and still be searched with the numbers of the index it joins.

/** The arrays of a built segment: plain typed arrays, cheap to transfer between threads and to store. */
export interface SegmentData {
  /** Word offset at which each source of the batch starts in the batch's word sequence, plus the total. */
  bases: Uint32Array;
  /** Where each bucket's places start in `places`, plus the total. */
  bucketStarts: Uint32Array;
  /**
   * Word offsets in the batch's word sequence, grouped by the bucket of the key that starts there: in memory, or
   * kept elsewhere and read a bucket at a time.
   */
  places: Uint32Array | PlaceReader;
}

/** Places kept out of memory (in a file), read a stretch at a time. */
export interface PlaceReader {
  readonly length: number;
  /** places[from, to) */
  read(from: number, to: number): Uint32Array;
}

/** The FNV-1a hash of a folded word: the same in every dictionary. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The hash of a key: one word (second = -1) or a pair of words, given by their word hashes. */
export function hashKey(first: number, second: number): number {
  return mixKey(firstPart(first) ^ secondPart(second)) >>> 0;
}

// A key's hash is put together from a part that depends on its first word and one that depends on its second, so
// that the segment builders work each part out once per dictionary word rather than once per word of the sources.
function firstPart(first: number): number {
  return Math.imul(first ^ 0x9e3779b9, 0x85ebca77);
}

function secondPart(second: number): number {
  return Math.imul((second >>> 0) + 0x27d4eb2f, 0xc2b2ae3d);
}

function mixKey(parts: number): number {
  let h = parts ^ (parts >>> 15);
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/** For each dictionary word: both parts of its hash as the first word of a pair and as the second. */
function keyParts(hashes: Uint32Array, first: Int32Array, second: Int32Array): void {
  for (let id = 0; id < hashes.length; id++) {
    first[id] = firstPart(hashes[id]);
    second[id] = secondPart(hashes[id]);
  }
}

/**
 * How many buckets a segment of `words` words gets: a power of two, between an eighth and a quarter of the number
 * of words, so six to twelve keys share a bucket. Fewer buckets keep the segment small; the places of a shared
 * bucket are told apart by their words anyway, and a look-up reads only the places of the rarest keys.
 */
function bucketCount(words: number): number {
  let buckets = 1024;
  while (buckets * 8 < words) buckets *= 2;
  return buckets;
}

/**
 * Builds the segment of a batch. `ids` are the batch's sources as word numbers of some dictionary, `hashes` and
 * `isFunctionWord` describe that dictionary's words: function words are looked up only in pairs.
 */
export function buildSegment(ids: Int32Array[], hashes: Uint32Array, isFunctionWord: Uint8Array): SegmentData {
  const bases = new Uint32Array(ids.length + 1);
  for (let d = 0; d < ids.length; d++) bases[d + 1] = bases[d] + ids[d].length;
  const total = bases[ids.length];
  const buckets = bucketCount(total);
  const mask = buckets - 1;
  // Keys that have no place in the segment (a function word on its own, a source's last word paired with nothing)
  // go to an extra bucket past the real ones, so that the loops below need no branch to leave them out.
  const none = buckets;
  const first = new Int32Array(hashes.length);
  const second = new Int32Array(hashes.length);
  keyParts(hashes, first, second);
  const single = new Int32Array(hashes.length);
  singleBuckets(first, isFunctionWord, mask, none, single);
  // Two passes of a counting sort: count the keys per bucket, then put each key's place into its bucket. The first
  // pass keeps the bucket of each pair for the second.
  const counts = new Uint32Array(buckets + 2);
  const pairs = new Int32Array(total);
  const keys: KeyBuckets = { single, first, second, mask, none };
  for (let d = 0; d < ids.length; d++) countKeys(ids[d], bases[d], keys, counts, pairs);
  runningTotals(counts, buckets);
  const bucketStarts = counts.slice(0, buckets + 1);
  // The extra bucket is one slot past the places, written over again and again.
  const end = bucketStarts[buckets];
  const places = new Uint32Array(end + 1);
  for (let d = 0; d < ids.length; d++) placeKeys(ids[d], bases[d], single, pairs, counts, places, none);
  return { bases, bucketStarts, places: places.subarray(0, end) };
}

/** How the words of a batch's dictionary make keys: the bucket of each word alone, and the parts of pair keys. */
interface KeyBuckets {
  single: Int32Array;
  first: Int32Array;
  second: Int32Array;
  mask: number;
  none: number;
}

// The loops of the builder are functions of their own, each ending with its loop, so that the engine optimizes each
// once with all it needs to know, rather than the whole builder again for every loop it reaches, or a loop again
// for code after it that had never run when the loop was optimized.

/** The bucket of each word as a key on its own; function words go to the extra bucket `none`. */
function singleBuckets(first: Int32Array, isFunctionWord: Uint8Array, mask: number, none: number, single: Int32Array): void {
  const alone = secondPart(-1);
  for (let id = 0; id < first.length; id++) single[id] = isFunctionWord[id] === 0 ? mixKey(first[id] ^ alone) & mask : none;
}

/** Turns counts per bucket (shifted by one) into where each bucket starts. */
function runningTotals(counts: Uint32Array, buckets: number): void {
  for (let b = 0; b < buckets; b++) counts[b + 1] += counts[b];
}

/** Counts the keys of one source's words per bucket (shifted by one), and keeps the bucket of each word's pair. */
function countKeys(words: Int32Array, base: number, keys: KeyBuckets, counts: Uint32Array, pairs: Int32Array): void {
  const { single, first, second, mask, none } = keys;
  const last = words.length - 1;
  if (last < 0) return;
  // The last word, which pairs with nothing, first: the function ends with its loop.
  counts[single[words[last]] + 1]++;
  pairs[base + last] = none;
  for (let w = 0; w < last; w++) {
    const id = words[w];
    const pair = mixKey(first[id] ^ second[words[w + 1]]) & mask;
    pairs[base + w] = pair;
    counts[single[id] + 1]++;
    counts[pair + 1]++;
  }
}

/** Puts the places of one source's keys into their buckets, `cursors` being where each bucket goes on. */
function placeKeys(words: Int32Array, base: number, single: Int32Array, pairs: Int32Array, cursors: Uint32Array, places: Uint32Array, none: number): void {
  const end = places.length - 1;
  for (let w = 0; w < words.length; w++) {
    const place = base + w;
    places[cursors[single[words[w]]]++] = place;
    cursors[none] = end;
    places[cursors[pairs[place]]++] = place;
    cursors[none] = end;
  }
}

/** Reading access to a segment's data. */
export class Segment<S> {
  private readonly mask: number;

  /** `sources` are the batch's sources in the order the segment was built with. */
  constructor(
    readonly sources: S[],
    private readonly data: SegmentData,
  ) {
    this.mask = data.bucketStarts.length - 2;
  }

  /** How many places share the bucket of this key: an upper bound of how often the key occurs. */
  bucketSize(key: number): number {
    const bucket = key & this.mask;
    return this.data.bucketStarts[bucket + 1] - this.data.bucketStarts[bucket];
  }

  /** Calls `visit` with the source and word offset of every place in the key's bucket; stops when it says false. */
  forEachPlace(key: number, visit: (source: S, word: number) => boolean): boolean {
    const { bucketStarts, places } = this.data;
    const bucket = key & this.mask;
    const from = bucketStarts[bucket];
    const to = bucketStarts[bucket + 1];
    if (from === to) return true;
    const bucketPlaces = places instanceof Uint32Array ? places.subarray(from, to) : places.read(from, to);
    for (let k = 0; k < bucketPlaces.length; k++) {
      const place = bucketPlaces[k];
      const d = this.sourceAt(place);
      if (!visit(this.sources[d], place - this.data.bases[d])) return false;
    }
    return true;
  }

  private sourceAt(place: number): number {
    const bases = this.data.bases;
    let lo = 0;
    let hi = this.sources.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bases[mid] <= place) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
