// Checks the quotations of a draft against a SourceIndex and gives one Finding per quotation: the verdict, the
// closest source passage as the source words it, and the word changes.
import { align, type Alignment } from './align.js';
import { findRegions } from './candidates.js';
import { findQuotations } from './extract/index.js';
import { quoteWords, type QuoteWords } from './quoteWords.js';
import { settleAlignment } from './settle.js';
import { SourceIndex, type IndexedSource } from './sourceIndex.js';
import { droppedNegation, withEdgeWords } from './edgeChanges.js';
import { isInciseAt } from './incise.js';
import { isSetOffFiller } from './fillers.js';
import { sourceMatch } from './sourceMatch.js';
import { textSlice } from './sourceText.js';
import { DEFAULT_CHECK_OPTIONS } from './types.js';
import type { Change, CheckOptions, DraftFormat, Finding, Quotation, Span, Verdict } from './types.js';
import { NUMBER_REACH, numberAtEnd, numberWordsSpan, sameNumberAround, samePercent, wholeFigures, wholeNumberAtStart } from './numbers.js';
import { isNegation, splitWords, wordWeight } from './words.js';

/** Options of a draft check: the verdict thresholds and quotations the writer chose to ignore. */
export interface DraftCheckOptions extends CheckOptions {
  /** Quotation texts to skip, compared after typography is folded. */
  ignore: string[];
}

/** Finds every quotation in `text` and checks it against `index`. */
export function checkDraft(
  index: SourceIndex,
  text: string,
  format: DraftFormat,
  options: Partial<DraftCheckOptions> = {},
): Finding[] {
  return checkQuotations(index, text, findQuotations(text, format), options);
}

/** Checks quotations already found in `text`; quotations of one group are checked together. */
export function checkQuotations(
  index: SourceIndex,
  text: string,
  quotations: Quotation[],
  options: Partial<DraftCheckOptions> = {},
): Finding[] {
  const settings: DraftCheckOptions = { ...DEFAULT_CHECK_OPTIONS, ignore: [], ...options };
  const ignored = new Set(settings.ignore.map(foldedText));
  const groups = new Map<number, Quotation[]>();
  for (const quotation of quotations) {
    if (ignored.size > 0 && ignored.has(foldedText(quotation.text))) continue;
    const group = groups.get(quotation.group);
    if (group) group.push(quotation);
    else groups.set(quotation.group, [quotation]);
  }
  const findings: Finding[] = [];
  for (const parts of groups.values()) findings.push(...checkGroup(index, text, parts, settings));
  return findings;
}

/** The hesitation sounds of the options, folded as source words are. */
function foldedFillers(fillers: readonly string[]): ReadonlySet<string> {
  return new Set(fillers.map((filler) => splitWords(filler).folded.join('')));
}

/** The words of a text folded and joined by single spaces: the form ignore entries are compared in. */
function foldedText(text: string): string {
  return splitWords(text).folded.join(' ');
}

const RANK: Record<Verdict, number> = { verbatim: 2, altered: 1, unsourced: 0 };

/**
 * Checks a group: one quotation, or the parts of one interrupted by attribution. The parts usually stand together
 * in the source and are checked together; a part that the joint check does not find word for word is checked on
 * its own as well (the writer may have joined two places of a source, or two sources), and the better verdict
 * stands.
 */
function checkGroup(index: SourceIndex, draft: string, parts: Quotation[], options: CheckOptions): Finding[] {
  const joint = checkTogether(index, draft, parts, options);
  if (parts.length === 1) return joint;
  return joint.map((finding) => {
    if (finding.verdict === 'verbatim' || finding.limit) return finding;
    const [alone] = checkTogether(index, draft, [finding.quotation], options);
    if (!alone) return finding;
    const better =
      RANK[alone.verdict] > RANK[finding.verdict] ||
      (alone.verdict === finding.verdict && alone.similarity > finding.similarity);
    return better ? alone : finding;
  });
}

function checkTogether(index: SourceIndex, draft: string, parts: Quotation[], options: CheckOptions): Finding[] {
  const words = quoteWords(draft, parts, options.maxEllipsisWords);
  const count = words.folded.length;
  if (count === 0) return [];
  const short = count <= options.shortQuoteMaxWords;
  if (count > options.maxQuoteWords) {
    const limit = `too long to check: ${count} words (the limit is ${options.maxQuoteWords})`;
    return parts.map((quotation) => unsourced(quotation, short, 0, limit));
  }
  const ids = words.folded.map((word) => index.wordId(word));
  if (short) {
    const found = findQuoted(index, draft, words, ids, foldedFillers(options.fillers));
    return parts.map((quotation) =>
      found ? sourced(quotation, 'verbatim', true, 1, found.source, found.span, []) : unsourced(quotation, true, 0),
    );
  }
  const best = bestAlignment(index, words, ids);
  if (!best) return parts.map((quotation) => unsourced(quotation, false, 0));
  const fillers = foldedFillers(options.fillers);
  const whole = measure(index, best, words, draft, fillers, () => true);
  const isSourced = whole.changes.length === 0 || sameStatement(whole, options);
  return parts.map((quotation, part) => {
    if (!isSourced) return unsourced(quotation, false, whole.similarity);
    const own = parts.length === 1 ? whole : measure(index, best, words, draft, fillers, (q) => words.part[q] === part);
    if (own.first < 0) return unsourced(quotation, false, own.similarity);
    const verdict: Verdict = own.changes.length === 0 ? 'verbatim' : 'altered';
    // Each part of a group answers for itself: a part that shares next to nothing with the passage its
    // neighbour was found in is not that passage reworded.
    if (verdict === 'altered' && parts.length > 1 && !sameStatement(own, options)) {
      return unsourced(quotation, false, own.similarity);
    }
    const span = wholeNumberAtStart(best.source.doc, spanOf(best.source, own.first, own.last));
    // A quotation that starts right after the word negating its sentence says the opposite of its source.
    const negation = part === 0 ? droppedNegation(index, best.source, own.first, draft, quotation.open.start) : null;
    const found = negation === null ? own.changes : [{ draft: '', source: negation }, ...own.changes];
    if (found.length === 0) return sourced(quotation, 'verbatim', false, own.similarity, best.source, span, found);
    const reported = wholeStatement(best.source, span);
    const changes = withEdgeWords(found, draft, words, part, best.source, span, reported);
    // Words at an edge that the statement has in another form ("12 por ciento" for "12 %") change nothing.
    if (changes.length === 0) return sourced(quotation, 'verbatim', false, 1, best.source, reported, changes);
    const similarity = negation === null ? own.similarity : Math.min(own.similarity, 0.99);
    return sourced(quotation, 'altered', false, similarity, best.source, reported, changes);
  });
}

/** Words of a long quotation that, found in order in one passage, make it the same statement reworded. */
const STRONG_CONTENT_MATCHES = 5;

/**
 * Whether a differing passage holds the same statement in other words, rather than sharing words by chance. Either
 * the passage is close overall (weighted similarity at the threshold), or it holds, in order, several content
 * words and at least half of the quotation's weight: a loose paraphrase of a long statement, as rewrites make them.
 */
function sameStatement(measured: Measured, options: CheckOptions): boolean {
  if (measured.contentMatches < Math.min(2, measured.sourceContent)) return false;
  if (measured.similarity >= options.alteredThreshold) return true;
  return measured.contentMatches >= STRONG_CONTENT_MATCHES && measured.coverage >= 0.5;
}

interface Candidate {
  source: IndexedSource;
  alignment: Alignment;
  score: number;
}

/** Aligns the quotation against each candidate stretch and keeps the closest. */
function bestAlignment(index: SourceIndex, words: QuoteWords, ids: number[]): Candidate | null {
  const candidates: Candidate[] = [];
  // A content word matched pays for one source word left out to reach it; function words pay for nothing, so that
  // the passage does not run on over a sentence end to pick up a stray “the”.
  const reward = words.folded.map((word) => (wordWeight(word) === 1 ? 1 : 0));
  for (const region of findRegions(index, ids, words.folded, words.freeSkip)) {
    const sourceIds = SourceIndex.idsOf(region.source, region.from, region.to);
    const alignment = align({
      quote: ids,
      freeSkip: words.freeSkip,
      source: sourceIds,
      base: region.from,
      from: region.from,
      to: region.to,
      quoteWords: words.folded,
      sourceWord: (word) => index.word(sourceIds[word - region.from]),
      reward,
    });
    if (alignment.first < 0) continue;
    let matched = 0;
    for (const step of alignment.steps) {
      if (step.kind === 'match') matched += wordWeight(words.folded[step.quote]);
      else if (step.kind === 'joined') for (const q of step.quote) matched += wordWeight(words.folded[q]);
    }
    candidates.push({ source: region.source, alignment, score: matched - alignment.cost });
  }
  // Fewer edits first; among near equals, the passage that the source itself puts in quotation marks. Only near
  // equals are looked at for marks, since that reads the source's text, and only when there are two or more.
  const top = Math.max(...candidates.map((candidate) => candidate.score));
  const near = candidates.filter((candidate) => candidate.score >= top - INSIDE_BONUS);
  let best: Candidate | null = near.length === 1 ? near[0] : null;
  if (near.length > 1) {
    for (const candidate of near) {
      const { source, alignment } = candidate;
      const inside = SourceIndex.insideQuotation(source, spanOf(source, alignment.first, alignment.last));
      const score = candidate.score + (inside ? INSIDE_BONUS : 0);
      if (!best || score > best.score) best = { ...candidate, score };
    }
  }
  return best && { ...best, alignment: settleAlignment(best.alignment, ids, best.source) };
}

/** What being inside the source's own quotation marks adds to a passage's score. */
const INSIDE_BONUS = 0.5;

interface Measured {
  changes: Change[];
  similarity: number;
  contentMatches: number;
  /** Content words (not function words) in the aligned source passage. */
  sourceContent: number;
  /** Share of the quotation's weight that the passage holds word for word. */
  coverage: number;
  first: number;
  last: number;
}

/** Reads the changes and the weighted similarity off an alignment, for the quotation words `inPart` accepts. */
function measure(
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
  let first = -1;
  let last = -1;
  let run: { draft: number[]; source: number[]; weight: number } = { draft: [], source: [], weight: 0 };
  let lastQuoteWord = -1;
  const flush = () => {
    if (run.draft.length === 0 && run.source.length > 0 && (isReportersAside(source, run.source) || run.source.every((w) => isSetOffFiller(source, w, folded(w), fillers)))) {
      // The source's words between two of its quotations ("…,” he said. “…") are the reporter's, not the
      // speaker's, and its hesitations (", um,") no words: a quotation that runs on over them leaves out nothing
      // the speaker said.
      sourceWeight -= run.weight;
    } else if (run.draft.length > 0 || run.source.length > 0) {
      const change = describe(run, words, source, draft, folded);
      if (change) changes.push(change);
    }
    run = { draft: [], source: [], weight: 0 };
  };
  for (const step of alignment.steps) {
    if (step.kind === 'joined') {
      // Written together on one side and apart on the other: the same words, typography only.
      const quoteWord = step.quote[step.quote.length - 1];
      lastQuoteWord = quoteWord;
      if (!inPart(quoteWord)) continue;
      flush();
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
      continue;
    }
    if ((step.kind === 'match' || step.kind === 'substitute') && first < 0 && run.source.length === 0 && run.draft.length > 0) {
      // Words the draft has before the first word it shares with the passage: one that looks like the source word
      // just before is that word changed (“oppression” for “repression”), not a word added.
      const edge = step.source - 1;
      if (edge >= 0 && lookalike(words.folded[run.draft[run.draft.length - 1]], folded(edge))) {
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
  if (run.draft.length > 0 && run.source.length === 0 && last >= 0 && last < source.count && lookalike(words.folded[run.draft[0]], folded(last))) {
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
  return { changes, similarity: round(similarity), contentMatches, sourceContent, coverage, first, last };
}

/** True for two words of at least three letters that differ in at most a third of their letters (Levenshtein). */
function lookalike(a: string, b: string): boolean {
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
): Change | null {
  const draftJoined = run.draft.map((q) => words.folded[q]).join('');
  const sourceJoined = run.source.map(folded).join('');
  if (draftJoined === sourceJoined || samePercent(draftJoined, sourceJoined)) return null;
  if (run.draft.length === 1 && run.source.length === 1 && bracketedLetters(draft, words.starts[run.draft[0]], words.ends[run.draft[0]], sourceJoined)) {
    return null;
  }
  const draftStart = run.draft.length === 0 ? 0 : words.starts[run.draft[0]];
  const draftEnd = run.draft.length === 0 ? 0 : words.ends[run.draft[run.draft.length - 1]];
  const sorted = [...run.source].sort((a, b) => a - b);
  const sourceStart = sorted.length === 0 ? 0 : SourceIndex.wordStart(source, sorted[0]);
  const sourceEnd = sorted.length === 0 ? 0 : SourceIndex.wordEnd(source, sorted[sorted.length - 1]);
  if (run.draft.length > 0 && sorted.length > 0 && sameNumberAround(draft, draftStart, draftEnd, source.doc, sourceStart, sourceEnd)) return null;
  // A bracket the draft's words open closes with them ("compensate[d]").
  const opened = draft.lastIndexOf('[', draftEnd);
  const draftUntil = draft[draftEnd] === ']' && opened > draftStart && opened > draft.lastIndexOf(']', draftEnd - 1) ? draftEnd + 1 : draftEnd;
  const written = { draft: draft.slice(draftStart, draftUntil), source: sorted.length === 0 ? '' : textSlice(source.doc, sourceStart, sourceEnd) };
  if (run.draft.length > 0 && sorted.length > 0 && /\d/.test(written.draft + written.source)) {
    // A change inside a number is shown with the whole number on both sides: "4,000 → 3,000", not "4 → 3".
    const inDraft = wholeFigures(draft, draftStart, draftEnd);
    const from = Math.max(0, sourceStart - NUMBER_REACH);
    const window = textSlice(source.doc, from, sourceEnd + NUMBER_REACH);
    const inSource = /\d/.test(written.source)
      ? wholeFigures(window, sourceStart - from, sourceEnd - from)
      : numberWordsSpan(window, sourceStart - from, sourceEnd - from);
    return { draft: draft.slice(inDraft.start, inDraft.end), source: window.slice(inSource.start, inSource.end) };
  }
  return written;
}

/**
 * Whether the draft's word at [start, end), with letters in brackets ("employee[s]", "authorize[d]", "compensate[]",
 * "[un]lawful"), is the source's word but for those letters: they are the editor's, as a bracketed word is.
 */
function bracketedLetters(draft: string, start: number, end: number, sourceWord: string): boolean {
  const from = draft[start - 1] === '[' ? start - 1 : start;
  const to = draft[end] === ']' ? end + 1 : draft.startsWith('[]', end) ? end + 2 : end;
  const written = draft.slice(from, to);
  if (!written.includes('[')) return false;
  // The letters outside the brackets, in order, with any letters where each bracket stands.
  const pattern = written
    .split(/\[[^\]]*\]/u)
    .map((part) => splitWords(part).folded.join('').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\p{L}*');
  return new RegExp(`^${pattern}$`, 'u').test(sourceWord);
}

/**
 * Finds a place where a source has these words inside its own quotation marks: the same words, or the same words
 * but for typography (written together or apart, hyphenated at a line end).
 */
function findQuoted(
  index: SourceIndex,
  draft: string,
  words: QuoteWords,
  ids: number[],
  fillers: ReadonlySet<string>,
): { source: IndexedSource; span: Span } | null {
  const exact = findQuotedExactly(index, ids);
  if (exact) return { source: exact.source, span: spanOf(exact.source, exact.first, exact.last) };
  const best = bestAlignment(index, words, ids);
  if (!best) return null;
  const measured = measure(index, best, words, draft, fillers, () => true);
  if (measured.changes.length > 0 || measured.first < 0) return null;
  const span = spanOf(best.source, measured.first, measured.last);
  return SourceIndex.insideQuotation(best.source, span) ? { source: best.source, span } : null;
}

/** Finds a place where a source has exactly these words inside its own quotation marks. */
function findQuotedExactly(index: SourceIndex, ids: number[]): { source: IndexedSource; first: number; last: number } | null {
  if (ids.some((id) => id < 0)) return null;
  const places = ids.length === 1 ? index.lookup(ids[0]) : index.lookup(ids[0], ids[1]);
  for (const { source, word } of places) {
    if (word + ids.length > source.count) continue;
    let same = true;
    for (let k = 2; k < ids.length && same; k++) same = SourceIndex.idAt(source, word + k) === ids[k];
    if (same && SourceIndex.insideQuotation(source, spanOf(source, word, word + ids.length))) {
      return { source, first: word, last: word + ids.length };
    }
  }
  return null;
}

/** Words a reported passage may be widened by, at each end, to take in the whole of the source's quotation. */
const WIDEN_WORDS = 3;

/**
 * The wording to offer in place of an altered quotation: the aligned passage, widened to the source's own
 * quotation when that starts or ends a few words away, so that a fix does not cut the source's sentence short.
 */
function wholeStatement(source: IndexedSource, span: Span): Span {
  const quotation = SourceIndex.enclosingQuotation(source, span);
  if (!quotation) return span;
  const before = wordsBetween(source, quotation.start, span.start);
  const after = wordsBetween(source, span.end, quotation.end);
  return {
    start: before <= WIDEN_WORDS ? quotation.start : span.start,
    end: after <= WIDEN_WORDS ? quotation.end : span.end,
  };
}

/** How many source words start in [from, to). */
function wordsBetween(source: IndexedSource, from: number, to: number): number {
  return SourceIndex.wordAt(source, to) - SourceIndex.wordAt(source, from);
}


function spanOf(source: IndexedSource, first: number, last: number): Span {
  return { start: SourceIndex.wordStart(source, first), end: SourceIndex.wordEnd(source, last - 1) };
}

function unsourced(quotation: Quotation, short: boolean, similarity: number, limit?: string): Finding {
  const finding: Finding = { quotation, verdict: 'unsourced', short, similarity: round(similarity), source: null, changes: [] };
  if (limit) finding.limit = limit;
  return finding;
}

function sourced(
  quotation: Quotation,
  verdict: Verdict,
  short: boolean,
  similarity: number,
  source: IndexedSource,
  span: Span,
  changes: Change[],
): Finding {
  return { quotation, verdict, short, similarity, source: sourceMatch(source, span), changes };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
