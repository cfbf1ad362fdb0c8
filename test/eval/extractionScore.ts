// Scores predicted quotation spans against gold spans: exact matches (up to surrounding spaces) and overlaps.

/** A half-open range of UTF-16 offsets, marks included. */
export interface Span {
  start: number;
  end: number;
}

/** Counts and the measures derived from them. */
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The spans each side got wrong under one way of matching. */
export interface Mismatches {
  tp: number;
  fp: Span[];
  fn: Span[];
}

/** A function from code point offsets in `text` to UTF-16 offsets. */
export function codePointToUtf16(text: string): (codePoint: number) => number {
  const offsets: number[] = [];
  let unit = 0;
  for (const ch of text) {
    offsets.push(unit);
    unit += ch.length;
  }
  offsets.push(unit);
  return (codePoint) => offsets[Math.min(codePoint, offsets.length - 1)];
}

/** The span without spaces at either end. */
function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** Exact matching: the same span once spaces at the ends are ignored. */
function exact(text: string, gold: Span[], predicted: Span[]): Mismatches {
  const key = (s: Span): string => {
    const t = trimmed(text, s);
    return `${t.start}:${t.end}`;
  };
  const goldKeys = new Set(gold.map(key));
  const predictedKeys = new Set(predicted.map(key));
  return {
    tp: [...predictedKeys].filter((k) => goldKeys.has(k)).length,
    fp: predicted.filter((p) => !goldKeys.has(key(p))),
    fn: gold.filter((g) => !predictedKeys.has(key(g))),
  };
}

/** Overlap matching: each gold span pairs with at most one overlapping predicted span, in document order. */
function overlap(gold: Span[], predicted: Span[]): Mismatches {
  const g = [...gold].sort((a, b) => a.start - b.start);
  const p = [...predicted].sort((a, b) => a.start - b.start);
  const usedGold = new Set<number>();
  const fp: Span[] = [];
  let tp = 0;
  let from = 0;
  for (const span of p) {
    while (from < g.length && g[from].end <= span.start) from++;
    let hit = -1;
    for (let i = from; i < g.length && g[i].start < span.end; i++) {
      if (!usedGold.has(i)) {
        hit = i;
        break;
      }
    }
    if (hit < 0) fp.push(span);
    else {
      usedGold.add(hit);
      tp++;
    }
  }
  return { tp, fp, fn: g.filter((_, i) => !usedGold.has(i)) };
}

/** Scores `predicted` against `gold`, both spans in `text`. */
export function score(text: string, gold: Span[], predicted: Span[]): { exact: Mismatches; overlap: Mismatches } {
  return { exact: exact(text, gold, predicted), overlap: overlap(gold, predicted) };
}
