// Reads a quotation's alignment against a source passage: the word changes in the writer's and the source's own
// wording, the weighted similarity, and the passage's first and last words. Words a passage has that are not the
// speaker's (the reporter's between two quotations, an incise, a hesitation, a time stamp, a transcript's label) and
// differences that are typography (letters in an editor's brackets, a note's number run into its word) change nothing.
import type { Alignment, Step } from './align.js';
import { isNobodysWords, labelledWords } from './asides.js';
import { isSetOffFiller } from './fillers.js';
import { isInciseAt } from './incise.js';
import { NUMBER_REACH, numberAtEnd, numberWordsSpan, sameNumberAround, samePercent, wholeFigures } from './numbers.js';
import type { QuoteWords } from './quoteWords.js';
import { SourceIndex, type IndexedSource } from './sourceIndex.js';
import { textSlice } from './sourceText.js';
import type { Change, Span } from './types.js';
import { isNegation, splitWords, wordWeight } from './words.js';

/** A candidate passage: its source, the quotation's alignment against it, and how well it scored. */
export interface Candidate {
  source: IndexedSource;
  alignment: Alignment;
  score: number;
}

export interface Measured {
  changes: Change[];
  similarity: number;
  contentMatches: number;
  /** Content words (not function words) in the aligned source passage. */
  sourceContent: number;
  /** Share of the quotation's weight that the passage holds word for word. */
  coverage: number;
  /** The most quotation words in a row that the passage holds word for word, in a row too. */
  longestRun: number;
  first: number;
  last: number;
}

/** Reads the changes and the weighted similarity off an alignment, for the quotation words `inPart` accepts. */
export function measure(
  index: SourceIndex,
  { alignment, source }: Candidate,
  words: QuoteWords,
  draft: string,
  fillers: ReadonlySet<string>,
  inPart: (quoteWord: number) => boolean,
): Measured {
  const folded = (word: number) => index.word(SourceIndex.idAt(source, word));
  // Rare words weigh more than common ones, so that a stock phrase shared by chance ("did you ever hear of the")
  // does not make an unrelated passage look like a reworded quotation.
  const quoteWeightOf = (q: number) => wordWeight(words.folded[q]) * index.rarity(index.wordId(words.folded[q]));
  const sourceWeightOf = (w: number) => wordWeight(folded(w)) * index.rarity(SourceIndex.idAt(source, w));
  const changes: Change[] = [];
  let matched = 0;
  let quoteWeight = 0;
  let sourceWeight = 0;
  let contentMatches = 0;
  let sourceContent = 0;
  let matchesInRow = 0;
  let longestRun = 0;
  let first = -1;
  let last = -1;
  let run: { draft: number[]; source: number[]; weight: number } = { draft: [], source: [], weight: 0 };
  let lastQuoteWord = -1;
  const flush = () => {
    if (run.draft.length === 0 && run.source.length > 0 && leavesOutNothing(source, run.source, folded, fillers)) {
      sourceWeight -= run.weight;
    } else if (run.draft.length > 0 || run.source.length > 0) {
      // Source words the draft leaves out go in after the draft word before them, in the same part.
      const after = lastQuoteWord >= 0 && inPart(lastQuoteWord) ? words.ends[lastQuoteWord] : null;
      const change = describe(run, words, source, draft, folded, after);
      if (change) changes.push(change);
    }
    run = { draft: [], source: [], weight: 0 };
  };
  const { steps, labelled } = withoutEdgeLabels(alignment.steps, source);
  for (const step of steps) {
    if (step.kind === 'joined') {
      // Written together on one side and apart on the other: the same words, typography only.
      const quoteWord = step.quote[step.quote.length - 1];
      lastQuoteWord = quoteWord;
      if (!inPart(quoteWord)) {
        matchesInRow = 0;
        continue;
      }
      flush();
      matchesInRow += step.quote.length;
      longestRun = Math.max(longestRun, matchesInRow);
      first = first < 0 ? step.source[0] : first;
      last = step.source[step.source.length - 1] + 1;
      for (const w of step.source) {
        sourceWeight += sourceWeightOf(w);
        if (wordWeight(folded(w)) === 1) sourceContent++;
      }
      for (const q of step.quote) {
        const weight = quoteWeightOf(q);
        matched += weight;
        quoteWeight += weight;
        if (wordWeight(words.folded[q]) === 1) contentMatches++;
      }
      continue;
    }
    const owner = step.kind === 'insert' || step.kind === 'skip' ? lastQuoteWord : step.quote;
    if (owner < 0 || !inPart(owner)) {
      if (step.kind !== 'insert' && step.kind !== 'skip') lastQuoteWord = step.quote;
      matchesInRow = 0;
      continue;
    }
    matchesInRow = step.kind === 'match' ? matchesInRow + 1 : 0;
    longestRun = Math.max(longestRun, matchesInRow);
    if ((step.kind === 'match' || step.kind === 'substitute') && first < 0 && run.source.length === 0 && run.draft.length > 0) {
      // Words the draft has before the first word it shares with the passage: one that looks like the source word
      // just before is that word changed (“oppression” for “repression”), not a word added.
      const edge = step.source - 1;
      if (edge >= 0 && !labelled.has(edge) && lookalike(words.folded[run.draft[run.draft.length - 1]], folded(edge))) {
        run.source.push(edge);
        run.weight += sourceWeightOf(edge);
        sourceWeight += sourceWeightOf(edge);
        first = edge;
      }
    }
    if (step.kind === 'match' || step.kind === 'substitute') {
      first = first < 0 ? step.source : first;
      last = step.source + 1;
      sourceWeight += sourceWeightOf(step.source);
      if (wordWeight(folded(step.source)) === 1) sourceContent++;
    }
    if (step.kind === 'match') {
      flush();
      const weight = quoteWeightOf(step.quote);
      matched += weight;
      quoteWeight += weight;
      if (wordWeight(words.folded[step.quote]) === 1) contentMatches++;
    } else if (step.kind === 'substitute') {
      if (run.draft.length > 0 && words.part[run.draft[0]] !== words.part[step.quote]) flush();
      run.draft.push(step.quote);
      run.source.push(step.source);
      quoteWeight += quoteWeightOf(step.quote);
    } else if (step.kind === 'delete') {
      if (run.draft.length > 0 && words.part[run.draft[0]] !== words.part[step.quote]) flush();
      run.draft.push(step.quote);
      quoteWeight += quoteWeightOf(step.quote);
    } else if (step.kind === 'insert') {
      run.source.push(step.source);
      run.weight += sourceWeightOf(step.source);
      sourceWeight += sourceWeightOf(step.source);
      if (wordWeight(folded(step.source)) === 1) sourceContent++;
    } else if (step.kind === 'skip') {
      flush();
      // A negation left out of a sentence the quotation quotes from changes what it says; one in a whole sentence
      // left out between them does not.
      let endsBefore = step.from - 1;
      while (endsBefore < step.to - 1 && !sentenceEndsAfter(source, endsBefore)) endsBefore++;
      let startsAfter = step.to - 1;
      while (startsAfter >= step.from && !sentenceEndsAfter(source, startsAfter)) startsAfter--;
      let dropsNegation = false;
      for (let w = step.from; w < step.to; w++) {
        if (w <= endsBefore || w > startsAfter) dropsNegation ||= isNegation(folded(w));
      }
      if (dropsNegation && words.elided[step.before] !== '') {
        changes.push({ draft: words.elided[step.before], source: textSlice(source.doc, SourceIndex.wordStart(source, step.from), SourceIndex.wordEnd(source, step.to - 1)) });
      }
    }
    if (step.kind !== 'insert' && step.kind !== 'skip') lastQuoteWord = step.quote;
  }
  if (run.draft.length > 0 && run.source.length === 0 && last >= 0 && last < source.count && !labelled.has(last) && lookalike(words.folded[run.draft[0]], folded(last))) {
    // The same at the end: a last draft word that looks like the source word right after the passage replaced it.
    run.source.push(last);
    sourceWeight += sourceWeightOf(last);
    last++;
  } else if (run.draft.length > 0 && last >= 0) {
    // Last words that start with a number the source writes another way ("241 seconds" for "two hundred and forty-one
    // seconds"), which the alignment, word for word, paired with part of it or left out: the same words.
    const from = run.source.length > 0 ? Math.min(...run.source) : last;
    const after = SourceIndex.wordStart(source, Math.min(from, source.count - 1));
    const rest = draft.slice(words.starts[run.draft[0]], words.ends[run.draft[run.draft.length - 1]]);
    const taken = from < source.count ? Math.min(numberAtEnd(rest, textSlice(source.doc, after, after + NUMBER_REACH)), source.count - from) : 0;
    if (taken > 0 && from + taken >= last) {
      for (const q of run.draft) matched += quoteWeightOf(q);
      for (let w = last; w < from + taken; w++) sourceWeight += sourceWeightOf(w);
      last = from + taken;
      run = { draft: [], source: [], weight: 0 };
    }
  }
  flush();
  const total = quoteWeight + sourceWeight;
  const similarity = changes.length === 0 ? 1 : total === 0 ? 0 : Math.min(1, (2 * matched) / total);
  const coverage = quoteWeight === 0 ? 0 : matched / quoteWeight;
  return { changes, similarity: round(similarity), contentMatches, sourceContent, coverage, longestRun, first, last };
}

/**
 * True for two words of at least three letters that differ in at most a third of their letters (Levenshtein), and for
 * two numbers in figures ("10" of "10.000" and "100" of "100.000").
 */
function lookalike(a: string, b: string): boolean {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return true;
  if (a.length < 3 || b.length < 3) return false;
  const longest = Math.max(a.length, b.length);
  if (Math.abs(a.length - b.length) * 3 > longest) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] * 3 <= longest;
}

/**
 * The steps of an alignment, less the source words of a transcript's labels at either end of the passage: a label is
 * nobody's words, so draft words aligned with it are the writer's own (“…, Lena,” is not the “LENA MARSH:” that opens
 * the next turn) and the passage starts and ends with the words of a turn.
 */
function withoutEdgeLabels(steps: Step[], source: IndexedSource): { steps: Step[]; labelled: ReadonlySet<number> } {
  const aligned = steps.flatMap((step) => (step.kind === 'match' || step.kind === 'substitute' || step.kind === 'insert' ? [step.source] : []));
  if (aligned.length === 0) return { steps, labelled: new Set() };
  // The word after the passage too, which a last word of the draft may be taken for.
  const labelled = labelledWords(source, Math.min(...aligned), Math.min(source.count - 1, Math.max(...aligned) + 1));
  if (labelled.size === 0) return { steps, labelled };
  const core = steps.flatMap((step) => ((step.kind === 'match' || step.kind === 'substitute') && !labelled.has(step.source) ? [step.source] : []));
  const atEdge = (w: number) => labelled.has(w) && (core.length === 0 || w < core[0]! || w > core[core.length - 1]!);
  const kept = steps.flatMap((step): Step[] => {
    if ((step.kind === 'match' || step.kind === 'substitute') && atEdge(step.source)) return [{ kind: 'delete', quote: step.quote }];
    return step.kind === 'insert' && atEdge(step.source) ? [] : [step];
  });
  return { steps: kept, labelled };
}

/**
 * Whether source words a quotation leaves out are none of the speaker's: the reporter's words between two of the
 * source's quotations ("…,” he said. “…"), hesitations (", um,"), or words that are nobody's (a time stamp, a page
 * number, the label of a caption cue that goes on with the same speaker).
 */
function leavesOutNothing(source: IndexedSource, run: number[], folded: (word: number) => string, fillers: ReadonlySet<string>): boolean {
  if (isReportersAside(source, run) || run.every((w) => isSetOffFiller(source, w, folded(w), fillers))) return true;
  const first = Math.min(...run);
  const last = Math.max(...run);
  return last - first + 1 === run.length && isNobodysWords(source, first, last);
}

/** Whether a sentence of the source ends between word `word` and the next ("…the memorandum. Reliance"). */
function sentenceEndsAfter(source: IndexedSource, word: number): boolean {
  if (word < 0 || word + 1 >= source.count) return true;
  const between = textSlice(source.doc, SourceIndex.wordEnd(source, word), SourceIndex.wordStart(source, word + 1));
  return /[.!?]["”’»)\]]*\s/u.test(between);
}

/**
 * True when source words [first, last] all stand between two different quotations of the source, outside both, or
 * are a narrator's incise inside one (“…año —afirmó la ministra—, pero…”, « …, a-t-elle déclaré, mais… »).
 */
function isReportersAside(source: IndexedSource, run: number[]): boolean {
  const first = Math.min(...run);
  const last = Math.max(...run);
  if (first === 0 || last + 1 >= source.count) return false;
  const start = SourceIndex.wordStart(source, first);
  const end = SourceIndex.wordEnd(source, last);
  const from = Math.max(0, start - INCISE_MARGIN);
  if (isInciseAt(textSlice(source.doc, from, end + INCISE_MARGIN), start - from, end - from)) return true;
  const before = SourceIndex.enclosingQuotation(source, spanOf(source, first - 1, first));
  const after = SourceIndex.enclosingQuotation(source, spanOf(source, last + 1, last + 2));
  if (!before || !after || before.start === after.start) return false;
  return start >= before.end && end <= after.start;
}

/** How far around a run of source words its incise's delimiters are looked for. */
const INCISE_MARGIN = 8;

/**
 * Turns a run of differing words into a change in the writer's and the source's own wording. A run whose words
 * differ only in where they are split ("e-mail" and "email", "govern- ment" and "government") is typography, not
 * a change, and gives null; so is one that writes the same number in figures and in words ("241", "two hundred and
 * forty-one"), or "percent" in another way ("%", "pour cent", "Prozent").
 */
function describe(
  run: { draft: number[]; source: number[] },
  words: QuoteWords,
  source: IndexedSource,
  draft: string,
  folded: (word: number) => string,
  insertAt: number | null,
): Change | null {
  const draftJoined = run.draft.map((q) => words.folded[q]).join('');
  const sourceJoined = run.source.map(folded).join('');
  if (draftJoined === sourceJoined || samePercent(draftJoined, sourceJoined)) return null;
  // A note's number run into the word it follows in a source's text ("capital2", from a raised 2 in a PDF).
  if (run.draft.length === 1 && run.source.length === 1 && /^\p{L}{3,}$/u.test(draftJoined) && sourceJoined.startsWith(draftJoined) && /^\d{1,3}$/.test(sourceJoined.slice(draftJoined.length))) {
    return null;
  }
  if (run.draft.length === 1 && run.source.length === 1 && bracketedLetters(draft, words.starts[run.draft[0]], words.ends[run.draft[0]], sourceJoined)) {
    return null;
  }
  // A word's ends as the draft writes them, without the markup a word may run into (the backslash of LaTeX's "25\%").
  let draftStart = run.draft.length === 0 ? 0 : words.starts[run.draft[0]];
  let draftEnd = run.draft.length === 0 ? 0 : words.ends[run.draft[run.draft.length - 1]];
  while (draftEnd > draftStart && /[\\{}]/u.test(draft[draftEnd - 1]!)) draftEnd--;
  while (draftStart < draftEnd && /[\\{}]/u.test(draft[draftStart]!)) draftStart++;
  const sorted = [...run.source].sort((a, b) => a - b);
  const sourceStart = sorted.length === 0 ? 0 : SourceIndex.wordStart(source, sorted[0]);
  const sourceEnd = sorted.length === 0 ? 0 : SourceIndex.wordEnd(source, sorted[sorted.length - 1]);
  if (run.draft.length > 0 && sorted.length > 0 && sameNumberAround(draft, draftStart, draftEnd, source.doc, sourceStart, sourceEnd)) return null;
  // A bracket the draft's words open closes with them ("compensate[d]").
  const opened = draft.lastIndexOf('[', draftEnd);
  const draftUntil = draft[draftEnd] === ']' && opened > draftStart && opened > draft.lastIndexOf(']', draftEnd - 1) ? draftEnd + 1 : draftEnd;
  const written = { draft: draft.slice(draftStart, draftUntil), source: sorted.length === 0 ? '' : textSlice(source.doc, sourceStart, sourceEnd) };
  // A letter with an umlaut or a slash written out as typing without it does (Müller and Mueller, grønlænderne and
  // groenlaenderne), read with the letters folded on both sides.
  if (run.draft.length === 1 && sorted.length === 1 && /[äöüøæ]/iu.test(written.draft + written.source) && writtenOut(draftJoined) === writtenOut(sourceJoined)) {
    return null;
  }
  if (run.draft.length > 0 && sorted.length > 0 && /\d/.test(written.draft + written.source)) {
    // A change inside a number is shown with the whole number on both sides: "4,000 → 3,000", not "4 → 3".
    const inDraft = wholeFigures(draft, draftStart, draftEnd);
    const from = Math.max(0, sourceStart - NUMBER_REACH);
    const window = textSlice(source.doc, from, sourceEnd + NUMBER_REACH);
    const inSource = /\d/.test(written.source)
      ? wholeFigures(window, sourceStart - from, sourceEnd - from)
      : numberWordsSpan(window, sourceStart - from, sourceEnd - from);
    return { draft: draft.slice(inDraft.start, inDraft.end), source: window.slice(inSource.start, inSource.end), at: inDraft };
  }
  if (run.draft.length > 0) return { ...written, at: { start: draftStart, end: draftUntil } };
  return insertAt === null ? written : { ...written, at: { start: insertAt, end: insertAt } };
}

/**
 * Whether the draft's word at [start, end), with letters in brackets ("employee[s]", "authorize[d]", "compensate[]",
 * "[un]lawful"), is the source's word but for those letters: they are the editor's, as a bracketed word is.
 */
function bracketedLetters(draft: string, start: number, end: number, sourceWord: string): boolean {
  const from = draft[start - 1] === '[' ? start - 1 : start;
  const to = draft[end] === ']' ? end + 1 : draft.startsWith('[]', end) ? end + 2 : end;
  const written = draft.slice(from, to);
  // A whole word in brackets is no letters changed: the text of a Markdown link ("[mansion](…)") is the writer's word.
  if (!written.includes('[') || /^\[[^\]]*\]$/u.test(written)) return false;
  // The letters outside the brackets, in order, with any letters where each bracket stands.
  const pattern = written
    .split(/\[[^\]]*\]/u)
    .map((part) => splitWords(part).folded.join('').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\p{L}*');
  return new RegExp(`^${pattern}$`, 'u').test(sourceWord);
}

/** Where words [first, last) of the source stand in its text. */
export function spanOf(source: IndexedSource, first: number, last: number): Span {
  return { start: SourceIndex.wordStart(source, first), end: SourceIndex.wordEnd(source, last - 1) };
}

/** A folded word with the letter pairs that stand for umlauts and ø, æ read as one letter. */
function writtenOut(word: string): string {
  return word.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
