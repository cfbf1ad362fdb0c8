// Reads a change at either edge of a quotation against the source words that the reported passage shows there: the
// alignment ends where the words stop matching, but the passage is widened to the source's whole statement, and the
// words it shows past the alignment are what the writer's words at that edge stand in for.
import type { QuoteWords } from './quoteWords.js';
import type { IndexedSource } from './sourceIndex.js';
import { textSlice } from './sourceText.js';
import type { Change, Span } from './types.js';
import { samePercent } from './numbers.js';
import { splitWords } from './words.js';

/** True when the draft's words say what the source's do, their words joined: the same letters, or both "percent". */
function sameWords(draft: string, sourceFolded: string[]): boolean {
  const drafted = splitWords(draft).folded.join('');
  const sourced = sourceFolded.join('');
  return drafted === sourced || samePercent(drafted, sourced);
}

/** Source words past the alignment, at most, that an edge change takes in. */
const MAX_EDGE_WORDS = 4;

/**
 * The changes of one part of a quotation with words the writer added at an edge read against the passage as
 * reported: “chose to ignore it,” against “chose to do nothing,” is `ignore it → do nothing`, where the alignment
 * alone gave `+ ignore it`. A word changed at an edge stays as it is: the statement may go on past the quotation.
 */
export function withEdgeWords(
  changes: Change[],
  draft: string,
  words: QuoteWords,
  part: number,
  source: IndexedSource,
  aligned: Span,
  reported: Span,
): Change[] {
  if (changes.length === 0) return changes;
  const result = [...changes];
  const partStart = words.starts[words.part.indexOf(part)]!;
  const partEnd = words.ends[words.part.lastIndexOf(part)]!;
  const last = result[result.length - 1]!;
  if (last.source === '' && reported.end > aligned.end && draft.slice(partEnd - last.draft.length, partEnd) === last.draft) {
    const rest = textSlice(source.doc, aligned.end, reported.end);
    const after = splitWords(rest);
    const n = after.folded.length;
    if (n > 0 && n <= MAX_EDGE_WORDS) {
      const same = sameWords(last.draft, after.folded);
      if (same) result.pop();
      else result[result.length - 1] = { draft: last.draft, source: rest.slice(after.starts[0]!, after.ends[n - 1]!) };
    }
  }
  const first = result[0];
  if (first !== undefined && first.source === '' && reported.start < aligned.start && draft.slice(partStart, partStart + first.draft.length) === first.draft) {
    const rest = textSlice(source.doc, reported.start, aligned.start);
    const before = splitWords(rest);
    const n = before.folded.length;
    if (n > 0 && n <= MAX_EDGE_WORDS) result[0] = { draft: first.draft, source: rest.slice(before.starts[0]!, before.ends[n - 1]!) };
  }
  return result;
}
