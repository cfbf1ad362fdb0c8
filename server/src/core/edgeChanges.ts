// Reads a change at either edge of a quotation against the source words that the reported passage shows there: the
// alignment ends where the words stop matching, but the passage is widened to the source's whole statement, and the
// words it shows past the alignment are what the writer's words at that edge stand in for.
import type { QuoteWords } from './quoteWords.js';
import { SourceIndex, type IndexedSource } from './sourceIndex.js';
import { textSlice } from './sourceText.js';
import type { Change, Span } from './types.js';
import { samePercent } from './numbers.js';
import { isNegation, splitWords } from './words.js';

/** Words that negate the sentence they open, in the languages of newsrooms: "No vamos a subir…", "Nothing in…". */
const OPENING_NEGATIONS = new Set([
  'not', 'no', 'never', 'non', 'ne', 'nie', 'nicht', 'kein', 'keine', 'niet', 'nunca', 'jamais', 'não', 'nao', 'nem',
  'nothing', 'none', 'nobody', 'neither', 'nor', 'nada', 'nadie', 'rien', 'personne', 'nichts', 'niemand',
]);

/** How many words a quotation may leave out of the start of its source sentence before a negation there counts. */
const OPENING_WORDS = 3;

/**
 * The words a quotation leaves out of the start of its source sentence when one of them negates it: the source says
 * “No vamos a subir los impuestos” or “Nothing in this section shall be construed to…”, the draft quotes “Vamos a
 * subir los impuestos” or “this section shall be construed to…”. Null when it leaves none out, or when the draft's own
 * words before the quotation negate it (he would not “raise taxes”).
 */
export function droppedNegation(index: SourceIndex, source: IndexedSource, first: number, draft: string, open: number): string | null {
  // The sentence's first word, at most OPENING_WORDS before the quotation's: none when the quotation opens it.
  let opening = -1;
  for (let w = first; w >= 0 && w >= first - OPENING_WORDS; w--) {
    const start = SourceIndex.wordStart(source, w);
    const lead = textSlice(source.doc, Math.max(0, start - 4), start);
    if (/(?:^|[.!?:;«“"„‘(—–]\s*|^\s*)$/u.test(lead)) {
      opening = w;
      break;
    }
  }
  if (opening < 0 || opening === first) return null;
  const negates = Array.from({ length: first - opening }, (_, k) => index.word(SourceIndex.idAt(source, opening + k)));
  if (!negates.some((word) => OPENING_NEGATIONS.has(word))) return null;
  // Words the speaker said twice ("I'm not, I'm not a soft person"), which the quotation has once, leave nothing out.
  const quoted = Array.from({ length: Math.min(negates.length, source.count - first) }, (_, k) => index.word(SourceIndex.idAt(source, first + k)));
  if (quoted.join(' ') === negates.join(' ')) return null;
  const start = SourceIndex.wordStart(source, opening);
  const end = SourceIndex.wordEnd(source, first - 1);
  // The negation goes straight on to the words: "No, I will" is an answer, not a negation.
  if (first - 1 === opening && !/^[ \t]+\p{L}/u.test(textSlice(source.doc, end, end + 3))) return null;
  // The draft may negate the words itself, outside its quotation.
  const sentence = draft.slice(Math.max(0, open - 60), open).split(/[.!?]\s/).pop() ?? '';
  if (splitWords(sentence).folded.some((w) => OPENING_NEGATIONS.has(w) || isNegation(w))) return null;
  return textSlice(source.doc, start, end);
}

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
  const endsPart = draft.slice(partEnd - last.draft.length, partEnd) === last.draft;
  if (last.source !== '' && endsPart && reported.end > aligned.end && textSlice(source.doc, aligned.end - last.source.length, aligned.end) === last.source) {
    // A last word changed where the statement goes on: the change is of the statement's last words ("budget" for
    // "public accounts"), not of the first of them.
    // Only words that run on in one phrase: "repression, mass detention" lists more than the word changed.
    const rest = textSlice(source.doc, aligned.end, reported.end);
    const after = splitWords(rest);
    const n = after.folded.length;
    const phrase = n > 0 ? rest.slice(0, after.ends[n - 1]!) : '';
    if (n > 0 && n <= MAX_EDGE_WORDS && !/[,;:—–()]/u.test(phrase)) result[result.length - 1] = { ...last, source: last.source + phrase };
  } else if (last.source === '' && reported.end > aligned.end && endsPart) {
    const rest = textSlice(source.doc, aligned.end, reported.end);
    const after = splitWords(rest);
    const n = after.folded.length;
    if (n > 0 && n <= MAX_EDGE_WORDS) {
      const same = sameWords(last.draft, after.folded);
      if (same) result.pop();
      else result[result.length - 1] = { ...last, source: rest.slice(after.starts[0]!, after.ends[n - 1]!) };
    }
  }
  const first = result[0];
  if (first !== undefined && first.source === '' && reported.start < aligned.start && draft.slice(partStart, partStart + first.draft.length) === first.draft) {
    const rest = textSlice(source.doc, reported.start, aligned.start);
    const before = splitWords(rest);
    const n = before.folded.length;
    if (n > 0 && n <= MAX_EDGE_WORDS) result[0] = { ...first, source: rest.slice(before.starts[0]!, before.ends[n - 1]!) };
  }
  return result;
}
