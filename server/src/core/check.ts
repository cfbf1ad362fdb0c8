// Checks the quotations of a draft against a SourceIndex and gives one Finding per quotation: the verdict, the
// closest source passage as the source words it, and the word changes.
import { align } from './align.js';
import { findRegions } from './candidates.js';
import { findQuotations } from './extract/index.js';
import { quoteWords, type QuoteWords } from './quoteWords.js';
import { settleAlignment } from './settle.js';
import { SourceIndex, type IndexedSource } from './sourceIndex.js';
import { droppedNegation, withEdgeWords } from './edgeChanges.js';
import { measure, spanOf, type Candidate, type Measured } from './measure.js';
import { sourceMatch } from './sourceMatch.js';
import { DEFAULT_CHECK_OPTIONS } from './types.js';
import type { Change, CheckOptions, DraftFormat, Finding, Quotation, Span, Verdict } from './types.js';
import { wholeAtEnds, wholeNumberAtStart } from './numbers.js';
import { splitWords, wordWeight } from './words.js';

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
  // Folded once for each list of options, not for each quotation it checks.
  let folded = FOLDED_FILLERS.get(fillers);
  if (!folded) {
    folded = new Set(fillers.map((filler) => splitWords(filler).folded.join('')));
    FOLDED_FILLERS.set(fillers, folded);
  }
  return folded;
}

const FOLDED_FILLERS = new WeakMap<readonly string[], ReadonlySet<string>>();

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
    const span = wholeAtEnds(best.source.doc, wholeNumberAtStart(best.source.doc, spanOf(best.source, own.first, own.last)));
    // A quotation that starts right after the word negating its sentence says the opposite of its source.
    const negation = part === 0 ? droppedNegation(index, best.source, own.first, draft, quotation.open.start) : null;
    const opening = words.starts[words.part.indexOf(part)]!;
    const found = negation === null ? own.changes : [{ draft: '', source: negation, at: { start: opening, end: opening } }, ...own.changes];
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
/** Words in a row, word for word, that no passage shares with a quotation by chance, function words or not. */
const LONG_RUN = 8;

/**
 * Whether a differing passage holds the same statement in other words, rather than sharing words by chance. It must
 * share two content words with the quotation (or all the passage has), or a long run of words in a row: a refrain of
 * function words (“would not, could not, would not join the dance”). Then either the passage is close overall
 * (weighted similarity at the threshold), or it holds, in order, several content words and at least half of the
 * quotation's weight: a loose paraphrase of a long statement, as rewrites make them.
 */
function sameStatement(measured: Measured, options: CheckOptions): boolean {
  if (measured.contentMatches < Math.min(2, measured.sourceContent) && measured.longestRun < LONG_RUN) return false;
  if (measured.similarity >= options.alteredThreshold) return true;
  return measured.contentMatches >= STRONG_CONTENT_MATCHES && measured.coverage >= 0.5;
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
  const finding: Finding = { quotation, verdict, short, similarity, source: sourceMatch(source, span), changes: changes.map(({ draft, source: wording }) => ({ draft, source: wording })) };
  // The source's wording put in where the changes stand, when each has its one place in the draft.
  if (verdict === 'altered' && changes.length > 0 && changes.every((change) => change.at !== undefined)) {
    finding.edits = changes.map(({ at, source: wording }) => ({ start: at!.start - quotation.start, end: at!.end - quotation.start, text: wording }));
  }
  return finding;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
