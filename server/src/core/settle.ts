// Reads an alignment of a quotation against the source's words once more, with what the aligner does not see: words
// swapped with their neighbour, and, in the source's text, where its sentences and quotations end.
import type { Alignment, Step } from './align.js';
import { SourceIndex, type IndexedSource } from './sourceIndex.js';
import { textSlice } from './sourceText.js';

/**
 * The alignment of a quotation (its words' dictionary numbers) against a source, with swapped neighbours made one
 * change and its first and last words settled by the source's text.
 */
export function settleAlignment(alignment: Alignment, quote: number[], source: IndexedSource): Alignment {
  const sourceId = (word: number) => SourceIndex.idAt(source, word);
  const paired = pairSwaps(omissionsOverChanges(matchesAfterSkips(alignment, quote, sourceId), quote, sourceId), quote, sourceId);
  return settleEdges(acrossTag(paired, quote, source), source);
}

/** How many source words a quotation may be read to leave out where the aligner changed one of its words instead. */
const LEFT_OUT = 6;

/**
 * Reads a changed word as words left out where the source has the quotation's words in order a little further back:
 * “the company never once said” against “the company that runs the hospital never once said” leaves out “that runs
 * the hospital”, rather than changing “company” into “hospital”.
 */
function omissionsOverChanges(alignment: Alignment, quote: number[], sourceId: (word: number) => number): Alignment {
  const steps = [...alignment.steps];
  for (let k = 1; k < steps.length; k++) {
    const changed = steps[k]!;
    if (changed.kind !== 'substitute') continue;
    // The matched words just before, which must stand just before the same word further back.
    let run = 0;
    while (k - run - 1 >= 0 && steps[k - run - 1]!.kind === 'match') run++;
    if (run === 0) continue;
    for (let w = changed.source - 1; w >= Math.max(0, changed.source - LEFT_OUT - 1) && w - run >= 0; w--) {
      if (sourceId(w) !== quote[changed.quote]) continue;
      const before = steps.slice(k - run, k) as { quote: number; source: number }[];
      if (!before.every((step, j) => sourceId(w - run + j) === quote[step.quote])) continue;
      const matched: Step[] = [...before.map((step, j) => ({ kind: 'match' as const, quote: step.quote, source: w - run + j })), { kind: 'match', quote: changed.quote, source: w }];
      const leftOut: Step[] = Array.from({ length: changed.source - w }, (_, j) => ({ kind: 'insert', source: w + 1 + j }));
      steps.splice(k - run, run + 1, ...matched, ...leftOut);
      break;
    }
  }
  return { ...alignment, steps };
}

/** How many first words of a quotation may stand before the reporter's words in the source, and how many those are. */
const BEFORE_TAG = 4;
const TAG_WORDS = 12;

/**
 * Reads the quotation's first words from the source's quotation before the reporter's words when the aligner could not
 * reach them over those words: “Oh! I hope I do justice…” for “Oh!” cried Anne eagerly, “I hope I do justice…”, and
 * “And this is your opinion of me!” for “And this,” cried Darcy, “is your opinion of me!”.
 */
function acrossTag(alignment: Alignment, quote: number[], source: IndexedSource): Alignment {
  const { steps } = alignment;
  const firstMatch = steps.findIndex((step) => step.kind === 'match');
  if (firstMatch <= 0 || firstMatch > BEFORE_TAG) return alignment;
  const leading = steps.slice(0, firstMatch);
  if (!leading.every((step) => step.kind === 'delete' || step.kind === 'substitute')) return alignment;
  const words = leading.map((step) => (step as { quote: number }).quote);
  const first = (steps[firstMatch] as { source: number }).source;
  const n = words.length;
  for (let k = first - n - 1; k >= Math.max(0, first - n - TAG_WORDS); k--) {
    if (!words.every((q, i) => SourceIndex.idAt(source, k + i) === quote[q])) continue;
    // The words between are outside quotation marks, after one quotation and before the next.
    const said = SourceIndex.enclosingQuotation(source, { start: SourceIndex.wordStart(source, k + n - 1), end: SourceIndex.wordEnd(source, k + n - 1) });
    const goesOn = SourceIndex.enclosingQuotation(source, { start: SourceIndex.wordStart(source, first), end: SourceIndex.wordEnd(source, first) });
    if (!said || !goesOn || said.start === goesOn.start || said.end > SourceIndex.wordStart(source, k + n)) continue;
    const matched: Step[] = words.map((q, i) => ({ kind: 'match', quote: q, source: k + i }));
    const between: Step[] = Array.from({ length: first - k - n }, (_, i) => ({ kind: 'insert', source: k + n + i }));
    return { ...alignment, steps: [...matched, ...between, ...steps.slice(firstMatch)], first: k };
  }
  return alignment;
}

/**
 * Pairs the word after an ellipsis with the same word of the source where the aligner let the ellipsis take it: “…
 * is the kind” against “…at will, is not the kind” leaves out “not”, rather than changing “is” into “not”.
 */
function matchesAfterSkips(alignment: Alignment, quote: number[], sourceId: (word: number) => number): Alignment {
  const steps = [...alignment.steps];
  for (let k = 0; k + 1 < steps.length; k++) {
    const [skip, next] = [steps[k], steps[k + 1]];
    if (skip.kind !== 'skip' || next.kind !== 'substitute' || skip.to - skip.from < 1 || next.source !== skip.to) continue;
    if (sourceId(skip.to - 1) !== quote[next.quote]) continue;
    const kept = skip.to - 1 > skip.from ? [{ ...skip, to: skip.to - 1 }] : [];
    steps.splice(k, 2, ...kept, { kind: 'match', quote: next.quote, source: skip.to - 1 }, { kind: 'insert', source: next.source });
  }
  return { ...alignment, steps };
}

/**
 * Turns two neighbouring words written in the other order back into a change of both: the aligner, which matches
 * one of them, leaves the other out on one side and adds it on the other (“− European, + European”), where the
 * writer swapped the two (“American, European” for “European, American”).
 */
function pairSwaps(alignment: Alignment, quote: number[], sourceId: (word: number) => number): Alignment {
  const steps = [...alignment.steps];
  for (let k = 0; k + 2 < steps.length; k++) {
    const [a, middle, b] = [steps[k], steps[k + 1], steps[k + 2]];
    if (middle.kind !== 'match') continue;
    if (a.kind === 'insert' && b.kind === 'delete' && sourceId(a.source) === quote[b.quote]) {
      steps.splice(k, 3, { kind: 'substitute', quote: middle.quote, source: a.source }, { kind: 'substitute', quote: b.quote, source: middle.source });
    } else if (a.kind === 'delete' && b.kind === 'insert' && quote[a.quote] === sourceId(b.source)) {
      steps.splice(k, 3, { kind: 'substitute', quote: a.quote, source: middle.source }, { kind: 'substitute', quote: middle.quote, source: b.source });
    }
  }
  return { ...alignment, steps };
}

/**
 * Decides, by the source's text, what the quotation's first and last words are when they differ from the source.
 * The aligner, free to start and end anywhere, pairs a first word that differs with the source word before the
 * passage, and leaves a last word that differs unpaired, as a word the writer added. Either is the word next to the
 * passage changed only when nothing between them ends a sentence or a quotation: “the harbour” for a source's “the
 * port,” is the port changed, while a “today” before a source's “added. We will…” is the writer's own word.
 */
function settleEdges(alignment: Alignment, source: IndexedSource): Alignment {
  const steps = [...alignment.steps];
  const head = steps[0];
  if (head?.kind === 'substitute' && steps.length > 1 && breakAfter(source, head.source)) {
    steps[0] = { kind: 'delete', quote: head.quote };
  }
  // Only a last word that is the one word left unpaired: past an alignment that left others out too, or several words
  // past the end of the passage, the words are the writer's, whatever the source goes on with.
  const last = steps.length - 1;
  const end = steps[last];
  const before = steps[last - 1];
  const unpaired = steps.filter((step) => step.kind === 'delete').length;
  if (end?.kind === 'delete' && unpaired === 1 && (before?.kind === 'match' || before?.kind === 'substitute') && !breakAfter(source, before.source)) {
    steps[last] = { kind: 'substitute', quote: end.quote, source: before.source + 1 };
  }
  let first = -1;
  let past = -1;
  for (const step of steps) {
    const words = step.kind === 'match' || step.kind === 'substitute' ? [step.source] : step.kind === 'joined' ? step.source : [];
    for (const word of words) {
      if (first < 0) first = word;
      past = word + 1;
    }
  }
  return { ...alignment, steps, first, last: past };
}

/** Marks that end a sentence or a quotation, or a blank line, between two words of a source. */
const STATEMENT_BREAK = /[.!?“”"«»„‘’']|\n[ \t]*\r?\n/;
/** Titles whose period ends the abbreviation, not the sentence: “Mr. Bingley” is one statement. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'prof', 'rev', 'gen', 'col', 'capt', 'lt', 'sgt', 'gov', 'sen', 'rep', 'mt']);

/** True when something ends a sentence or a quotation between word `word` of the source and the word after it. */
function breakAfter(source: IndexedSource, word: number): boolean {
  if (word + 1 >= source.count) return true;
  const end = SourceIndex.wordEnd(source, word);
  const between = textSlice(source.doc, end, SourceIndex.wordStart(source, word + 1));
  if (/^\.\s+$/.test(between) && TITLES.has(textSlice(source.doc, SourceIndex.wordStart(source, word), end).toLowerCase())) return false;
  return STATEMENT_BREAK.test(between);
}
