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
const CHEAP_PLACES = 5_000;
const MAX_PLACES = 200_000;

interface Key {
  word: number;
  first: number;
  second: number;
  frequency: number;
}

interface Hit {
  source: IndexedSource;
  word: number;
  quoteWord: number;
  /** How many quotation words the key covers: one for a single word, two for a pair. */
  width: number;
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

  const hits: Hit[] = [];
  let read = 0;
  let used = 0;
  for (const key of keys) {
    if (key.frequency === 0) continue;
    if (used >= MAX_KEYS || (used > 0 && read + key.frequency > MAX_PLACES)) break;
    if (used >= ENOUGH_KEYS && read + key.frequency > CHEAP_PLACES) break;
    used++;
    read += key.frequency;
    for (const place of index.lookup(key.first, key.second, MAX_PLACES)) {
      hits.push({ source: place.source, word: place.word, quoteWord: key.word, width: key.second < 0 ? 1 : 2 });
    }
  }
  return cluster(hits, m, freeSkip, limit);
}

/** Groups hits that lie on nearly the same diagonal of one source and keeps the best-supported groups. */
function cluster(hits: Hit[], m: number, freeSkip: number[], limit: number): Region[] {
  // Ellipses may widen the stretch, but not without bound: a quotation with an ellipsis between every word would
  // otherwise be aligned against a stretch sixty times its length.
  const skips = Math.min(
    freeSkip.reduce((sum, skip) => sum + skip, 0),
    2 * m + 120,
  );
  const tolerance = 10 + Math.ceil(m / 2) + skips;
  const slack = 5 + Math.ceil(m * 0.3);
  hits.sort((a, b) =>
    a.source === b.source ? a.word - a.quoteWord - (b.word - b.quoteWord) : a.source.doc.id < b.source.doc.id ? -1 : 1,
  );
  const diagonal = (hit: Hit) => hit.word - hit.quoteWord;
  const regions: Region[] = [];
  let start = 0;
  for (let k = 1; k <= hits.length; k++) {
    // A group ends where the source changes or the diagonal has drifted further than edits can explain.
    const split =
      k === hits.length || hits[k].source !== hits[start].source || diagonal(hits[k]) - diagonal(hits[start]) > tolerance;
    if (!split) continue;
    const covered = new Set<number>();
    let low = Infinity;
    let high = -Infinity;
    for (let h = start; h < k; h++) {
      covered.add(hits[h].quoteWord);
      if (hits[h].width === 2) covered.add(hits[h].quoteWord + 1);
      low = Math.min(low, diagonal(hits[h]));
      high = Math.max(high, hits[h].word + (m - hits[h].quoteWord));
    }
    const source = hits[start].source;
    regions.push({
      source,
      from: Math.max(0, low - slack),
      to: Math.min(source.ids.length, high + slack + skips),
      support: covered.size,
    });
    start = k;
  }
  regions.sort((a, b) => b.support - a.support);
  return regions.slice(0, limit);
}
