// Finds the few stretches of the sources worth aligning a quotation against, from the places where its rarer words
// and word pairs stand, so that the cost of a check depends on the index look-ups and not on the size of the sources.
import { type IndexedSource, type SourceIndex } from './sourceIndex.js';
import { wordWeight } from './words.js';

/** A stretch of one source to align against. */
export interface Region {
  source: IndexedSource;
  from: number;
  to: number;
  /** How many of the quotation's words the look-ups placed in this stretch. */
  support: number;
}

/**
 * How many keys are looked up at most, and how many places are read at most, per quotation. Past the first few
 * keys, only keys that keep the reading cheap are added: the rarest keys already place a quotation that the
 * sources hold, and common ones only add noise.
 */
const MAX_KEYS = 24;
const ENOUGH_KEYS = 6;
const CHEAP_PLACES = 2_000;
const MAX_PLACES = 200_000;

interface Key {
  word: number;
  first: number;
  second: number;
  frequency: number;
}

/**
 * The places the look-ups found, in parallel lists: the source and word offset of each, the quotation word its key
 * starts at, and how many quotation words the key covers (one for a single word, two for a pair).
 */
interface Hits {
  source: IndexedSource[];
  word: number[];
  quoteWord: number[];
  width: number[];
}

/** The best `limit` stretches for a quotation given as dictionary numbers (-1 for words no source has). */
export function findRegions(
  index: SourceIndex,
  ids: number[],
  folded: string[],
  freeSkip: number[],
  limit = ids.length < 12 ? 8 : 4,
): Region[] {
  const m = ids.length;
  const keys: Key[] = [];
  for (let i = 0; i < m; i++) {
    if (ids[i] < 0) continue;
    if (wordWeight(folded[i]) === 1) keys.push({ word: i, first: ids[i], second: -1, frequency: 0 });
    if (i + 1 < m && ids[i + 1] >= 0 && freeSkip[i + 1] === 0) {
      keys.push({ word: i, first: ids[i], second: ids[i + 1], frequency: 0 });
    }
  }
  for (const key of keys) key.frequency = index.frequency(key.first, key.second);
  keys.sort((a, b) => a.frequency - b.frequency);

  const hits: Hits = { source: [], word: [], quoteWord: [], width: [] };
  let read = 0;
  let used = 0;
  for (const key of keys) {
    if (key.frequency === 0) continue;
    if (used >= MAX_KEYS || (used > 0 && read + key.frequency > MAX_PLACES)) break;
    if (used >= ENOUGH_KEYS && read + key.frequency > CHEAP_PLACES) break;
    used++;
    read += key.frequency;
    const width = key.second < 0 ? 1 : 2;
    index.forEachOccurrence(key.first, key.second, MAX_PLACES, (source, word) => {
      hits.source.push(source);
      hits.word.push(word);
      hits.quoteWord.push(key.word);
      hits.width.push(width);
    });
  }
  return cluster(hits, m, freeSkip, limit);
}

/** Room for a hit's number below its diagonal in a sort key: more hits than this are never read. */
const HIT_BITS = 2 ** 21;
/** Added to a diagonal (which may be negative) to make it a non-negative 32-bit number. */
const DIAGONAL_BIAS = 2 ** 31;

/** Groups hits that lie on nearly the same diagonal of one source and keeps the best-supported groups. */
function cluster(hits: Hits, m: number, freeSkip: number[], limit: number): Region[] {
  // Ellipses may widen the stretch, but not without bound: a quotation with an ellipsis between every word would
  // otherwise be aligned against a stretch sixty times its length.
  const skips = Math.min(
    freeSkip.reduce((sum, skip) => sum + skip, 0),
    2 * m + 120,
  );
  const tolerance = 10 + Math.ceil(m / 2) + skips;
  const slack = 5 + Math.ceil(m * 0.3);
  // The hits of each source, the sources in the order of their ids, and each source's hits by diagonal: sorted as
  // numbers (diagonal, then hit number) rather than through a comparison function, as there may be many.
  const bySource = new Map<IndexedSource, number[]>();
  for (let h = 0; h < hits.source.length; h++) {
    const list = bySource.get(hits.source[h]);
    if (list) list.push(h);
    else bySource.set(hits.source[h], [h]);
  }
  const sources = [...bySource.keys()].sort((a, b) => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
  const best = new BestRegions(limit);
  // The quotation words a group covers are counted by marking each with the group's number: a quotation with common
  // words may have thousands of groups of one or two hits.
  const coveredBy = new Int32Array(m + 1).fill(-1);
  let group = 0;
  for (const source of sources) {
    const order = byDiagonal(bySource.get(source)!, hits);
    const diagonal = (k: number) => Math.floor(order[k] / HIT_BITS) - DIAGONAL_BIAS;
    let start = 0;
    for (let k = 1; k <= order.length; k++) {
      // A group ends where the source's hits end or the diagonal has drifted further than edits can explain.
      if (k < order.length && diagonal(k) - diagonal(start) <= tolerance) continue;
      group++;
      const support = coverage(order, start, k, hits, coveredBy, group);
      if (best.wants(support)) {
        best.add({
          source,
          from: Math.max(0, diagonal(start) - slack),
          to: Math.min(source.count, reach(order, start, k, hits, m) + slack + skips),
          support,
        });
      }
      start = k;
    }
  }
  return best.regions;
}

// The loops over a source's hits are functions of their own, so that the engine optimizes each once rather than
// `cluster` whole, over again, as each of its loops gets hot.

/** The hits of one source as sort keys, in the order of their diagonals: the hit's number is the key modulo HIT_BITS. */
function byDiagonal(list: number[], hits: Hits): Float64Array {
  const order = new Float64Array(list.length);
  for (let k = 0; k < list.length; k++) {
    const h = list[k];
    order[k] = (hits.word[h] - hits.quoteWord[h] + DIAGONAL_BIAS) * HIT_BITS + h;
  }
  return order.sort();
}

/** How many quotation words the hits order[start, end) cover, marking each in `coveredBy` with `group`. */
function coverage(order: Float64Array, start: number, end: number, hits: Hits, coveredBy: Int32Array, group: number): number {
  let support = 0;
  for (let g = start; g < end; g++) {
    const h = order[g] % HIT_BITS;
    const q = hits.quoteWord[h];
    if (coveredBy[q] !== group) {
      coveredBy[q] = group;
      support++;
    }
    if (hits.width[h] === 2 && coveredBy[q + 1] !== group) {
      coveredBy[q + 1] = group;
      support++;
    }
  }
  return support;
}

/** Where in the source the quotation would end, aligned by the furthest of the hits order[start, end). */
function reach(order: Float64Array, start: number, end: number, hits: Hits, m: number): number {
  let high = -Infinity;
  for (let g = start; g < end; g++) {
    const h = order[g] % HIT_BITS;
    high = Math.max(high, hits.word[h] + (m - hits.quoteWord[h]));
  }
  return high;
}

/**
 * The `limit` best-supported regions in the order they were offered among equals: what a stable sort by support
 * would put first, without keeping the many regions that would not make it.
 */
class BestRegions {
  readonly regions: Region[] = [];

  constructor(private readonly limit: number) {}

  /** Whether a region of this support would be kept: better than the worst kept, or there is room. */
  wants(support: number): boolean {
    if (this.limit <= 0) return false;
    return this.regions.length < this.limit || support > this.regions[this.regions.length - 1].support;
  }

  add(region: Region): void {
    // After every kept region at least as well supported, so that earlier equals stay ahead.
    let at = this.regions.length;
    while (at > 0 && this.regions[at - 1].support < region.support) at--;
    this.regions.splice(at, 0, region);
    if (this.regions.length > this.limit) this.regions.pop();
  }
}
