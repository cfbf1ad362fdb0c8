// Word-level alignment of a quotation against a stretch of a source: every quotation word is accounted for, the
// source stretch is free to start and end anywhere, and ellipses and editor's brackets let source words be skipped.

/** One step of an alignment, in quotation order. */
export type Step =
  | { kind: 'match' | 'substitute'; quote: number; source: number }
  | { kind: 'delete'; quote: number } // a quotation word the source does not have
  | { kind: 'insert'; source: number } // a source word the quotation leaves out
  | { kind: 'skip'; from: number; to: number; before: number } // source words an ellipsis or bracket stands for
  // The same word written together on one side and apart on the other ("spaceflight" and "space flight").
  | { kind: 'joined'; quote: number[]; source: number[] };

/** The best alignment found: its steps and cost (each substitution, deletion or insertion costs 1). */
export interface Alignment {
  steps: Step[];
  cost: number;
  /** Index of the first and one past the last source word aligned to a quotation word, or -1 when none. */
  first: number;
  last: number;
}

/** What the aligner needs to know about a quotation. */
export interface AlignInput {
  /** Dictionary numbers of the quotation's words; a number no source has never matches. */
  quote: ArrayLike<number>;
  /** For each quotation word, how many source words may be skipped at no cost just before it (0: none). */
  freeSkip: ArrayLike<number>;
  /** The source's word numbers, from word `base` on (a copy of the stretch alone will do). */
  source: ArrayLike<number>;
  /** The number of the source word that `source[0]` holds (0 when not given). */
  base?: number;
  /** The stretch of the source to align against. */
  from: number;
  to: number;
  /**
   * The folded quotation words and a way to read a source word's folded form: with them, a word written together
   * on one side and apart on the other matches at no cost.
   */
  quoteWords?: string[];
  sourceWord?: (index: number) => string;
  /**
   * What matching each quotation word takes off the cost of an alignment, where every edit costs 1 (none when not
   * given). With it, the aligner leaves out a run of source words (words the writer dropped) to match the quotation
   * words after them, rather than end the passage early and leave those words unmatched, as long as the matches pay
   * for the run. The cost an alignment reports counts its edits alone.
   */
  reward?: ArrayLike<number>;
}

const DIAGONAL = 1;
const UP = 2;
const LEFT = 3;
const SKIP = 4;
const JOIN_QUOTE = 5; // two quotation words make one source word
const JOIN_SOURCE = 6; // one quotation word makes two source words

/**
 * Aligns the whole quotation against the best-matching part of the source's words [from, to). Cost grows with the
 * product of the two lengths, so callers bound both.
 */
export function align(input: AlignInput): Alignment {
  const { quote, freeSkip, source, from } = input;
  // Where the stretch starts in `source`.
  const at = from - (input.base ?? 0);
  const m = quote.length;
  const n = input.to - from;
  const width = n + 1;
  const moves = new Uint8Array((m + 1) * width);
  const skipFrom = new Map<number, Int32Array>();
  let previous = new Float64Array(width); // Row 0: the source stretch may start anywhere at no cost.
  let current = new Float64Array(width);
  let older = new Float64Array(width);
  const joins = joinTables(input, m, n);
  const reward = input.reward ?? new Float64Array(m);

  for (let i = 1; i <= m; i++) {
    const row = i * width;
    const word = quote[i - 1];
    const paid = reward[i - 1];
    current[0] = previous[0] + 1;
    moves[row] = UP;
    for (let j = 1; j <= n; j++) {
      const diagonal = previous[j - 1] + (source[at + j - 1] === word ? -paid : 1);
      const up = previous[j] + 1;
      if (diagonal <= up) {
        current[j] = diagonal;
        moves[row + j] = DIAGONAL;
      } else {
        current[j] = up;
        moves[row + j] = UP;
      }
    }
    if (joins) {
      for (let j = 1; j <= n; j++) {
        if (i >= 2 && joins.quotePairs[i - 2] !== null && joins.quotePairs[i - 2] === joins.sourceWords[j - 1] && older[j - 1] - paid - reward[i - 2] < current[j]) {
          current[j] = older[j - 1] - paid - reward[i - 2];
          moves[row + j] = JOIN_QUOTE;
        }
        if (j >= 2 && joins.sourcePairs[j - 2] === joins.quoteWords[i - 1] && previous[j - 2] - paid < current[j]) {
          current[j] = previous[j - 2] - paid;
          moves[row + j] = JOIN_SOURCE;
        }
      }
    }
    // Skips and insertions happen between word i and word i+1, that is along row i, once the row is known.
    const skip = i < m ? freeSkip[i] : 0;
    if (skip > 0) applyFreeSkips(current, moves, row, skip, skipFrom, i);
    for (let j = 1; j <= n; j++) {
      if (i < m && current[j - 1] + 1 < current[j]) {
        current[j] = current[j - 1] + 1;
        moves[row + j] = LEFT;
      }
    }
    if (i === 1 && m > 1) preferMatchedStart(current, moves, row, word, input);
    [older, previous, current] = [previous, current, older];
  }

  // The stretch may end anywhere: take the cheapest end; among equals, the earliest that ends on the quotation's last
  // word, else the earliest. A quotation that leaves out a source word just before its last word ends on that word,
  // the word left out, rather than short of both with its last word unaccounted for.
  const matchedAt = (j: number) => j > 0 && moves[m * width + j] === DIAGONAL && source[at + j - 1] === quote[m - 1];
  let end = 0;
  for (let j = 1; j <= n; j++) {
    if (previous[j] < previous[end] || (previous[j] === previous[end] && matchedAt(j) && !matchedAt(end))) end = j;
  }
  return trace({ moves, skipFrom, width, quote, source, at, from }, m, end);
}

/**
 * Along the first row, among equally cheap ways to reach a column, prefers the one that starts on the quotation's
 * first word, matched, and leaves out the source words after it, to the one that pairs the first word with another
 * source word: “And the tea” against a source's “And mind the tea” leaves out “mind”, rather than pairing “And” with
 * “mind”. The mirror of how the alignment's end is chosen.
 */
function preferMatchedStart(row: Float64Array, moves: Uint8Array, offset: number, word: number, input: AlignInput): void {
  const { source } = input;
  const at = input.from - (input.base ?? 0);
  let matchedBefore = false;
  for (let j = 1; j < row.length; j++) {
    const move = moves[offset + j];
    const matched = move === DIAGONAL && source[at + j - 1] === word;
    if (!matched && move === DIAGONAL && matchedBefore && row[j - 1] + 1 === row[j]) {
      moves[offset + j] = LEFT;
      continue;
    }
    matchedBefore = matched || (move === LEFT && matchedBefore);
  }
}

/** The strings that joined words are compared by, or null when the caller gave no words. */
function joinTables(
  input: AlignInput,
  m: number,
  n: number,
): { quoteWords: string[]; quotePairs: Array<string | null>; sourceWords: string[]; sourcePairs: string[] } | null {
  const { quoteWords, sourceWord, freeSkip, from } = input;
  if (!quoteWords || !sourceWord) return null;
  const sourceWords = Array.from({ length: n }, (_, j) => sourceWord(from + j));
  return {
    quoteWords,
    // Words an ellipsis or a break between parts separates are never one word.
    quotePairs: Array.from({ length: Math.max(0, m - 1) }, (_, i) => (freeSkip[i + 1] === 0 ? quoteWords[i] + quoteWords[i + 1] : null)),
    sourceWords,
    sourcePairs: Array.from({ length: Math.max(0, n - 1) }, (_, j) => sourceWords[j] + sourceWords[j + 1]),
  };
}

/** Lets row i reach column j from any of the `skip` columns before it at no cost (sliding-window minimum). */
function applyFreeSkips(
  row: Float64Array,
  moves: Uint8Array,
  offset: number,
  skip: number,
  skipFrom: Map<number, Int32Array>,
  i: number,
): void {
  const sources = new Int32Array(row.length).fill(-1);
  const before = Float64Array.from(row);
  const window: number[] = [];
  for (let j = 0; j < row.length; j++) {
    while (window.length > 0 && window[0] < j - skip) window.shift();
    if (window.length > 0 && before[window[0]] < row[j]) {
      row[j] = before[window[0]];
      moves[offset + j] = SKIP;
      sources[j] = window[0];
    }
    while (window.length > 0 && before[window[window.length - 1]] >= before[j]) window.pop();
    window.push(j);
  }
  skipFrom.set(i, sources);
}

interface Trail {
  moves: Uint8Array;
  skipFrom: Map<number, Int32Array>;
  width: number;
  quote: ArrayLike<number>;
  source: ArrayLike<number>;
  /** Where the stretch starts in `source`, and its first word's number. */
  at: number;
  from: number;
}

/** Follows the recorded moves back from the chosen end and lists the steps in quotation order. */
function trace(trail: Trail, m: number, end: number): Alignment {
  const { moves, skipFrom, width, quote, source, at, from } = trail;
  const steps: Step[] = [];
  let i = m;
  let j = end;
  let first = -1;
  let last = -1;
  while (i > 0) {
    const move = moves[i * width + j];
    if (move === DIAGONAL) {
      const kind = quote[i - 1] === source[at + j - 1] ? 'match' : 'substitute';
      steps.push({ kind, quote: i - 1, source: from + j - 1 });
      if (last < 0) last = from + j;
      first = from + j - 1;
      i--;
      j--;
    } else if (move === UP) {
      steps.push({ kind: 'delete', quote: i - 1 });
      i--;
    } else if (move === JOIN_QUOTE) {
      steps.push({ kind: 'joined', quote: [i - 2, i - 1], source: [from + j - 1] });
      if (last < 0) last = from + j;
      first = from + j - 1;
      i -= 2;
      j--;
    } else if (move === JOIN_SOURCE) {
      steps.push({ kind: 'joined', quote: [i - 1], source: [from + j - 2, from + j - 1] });
      if (last < 0) last = from + j;
      first = from + j - 2;
      i--;
      j -= 2;
    } else if (move === LEFT) {
      steps.push({ kind: 'insert', source: from + j - 1 });
      j--;
    } else {
      const start = skipFrom.get(i)![j];
      steps.push({ kind: 'skip', from: from + start, to: from + j, before: i });
      j = start;
    }
  }
  steps.reverse();
  const cost = steps.filter((step) => step.kind === 'substitute' || step.kind === 'delete' || step.kind === 'insert').length;
  return { steps, cost, first, last };
}
