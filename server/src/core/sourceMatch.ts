// Describes the source passage a quotation was matched to: where it is, its words, who the source says spoke them,
// and whether it runs across the turns of more than one speaker of a transcript.
import { authorSpeaking, findSpeaker, SPEAKER_REACH } from './attribution.js';
import { SourceIndex, type IndexedSource } from './sourceIndex.js';
import { textSlice, textWindow } from './sourceText.js';
import { turnsWithin } from './transcript.js';
import type { SourceMatch, Span } from './types.js';

/** The passage `span` of the source, as a finding reports it. */
export function sourceMatch(source: IndexedSource, span: Span): SourceMatch {
  const match: SourceMatch = {
    id: source.doc.id,
    start: span.start,
    end: span.end,
    text: textSlice(source.doc, span.start, span.end),
    speaker: null,
    meta: source.doc.meta,
  };
  // The stretch around the passage that attribution looks at holds the labels of a transcript's turns too.
  const { text, start } = textWindow(source.doc, span.start - SPEAKER_REACH.before, span.end + SPEAKER_REACH.after);
  const within = { start: span.start - start, end: span.end - start };
  match.speaker = findSpeaker(text, within) ?? authorOf(source, span);
  const turns = turnsWithin(text, within.start, within.end);
  if (turns.length > 0) match.turns = turns;
  return match;
}

/** Outside quotation marks in a speech or statement, its author: the words are the author's own. */
function authorOf(source: IndexedSource, span: Span): string | null {
  const author = authorSpeaking(source.doc.meta);
  return author !== null && !SourceIndex.insideQuotation(source, span) ? author : null;
}

/**
 * What to say of a passage that runs into other turns of a transcript: “the source passage joins the words of more
 * than one speaker: Okafor's turn begins inside it”.
 */
export function turnsNote(turns: readonly string[]): string {
  const named = turns.map((turn) => `${turn}'s`);
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
  return `the source passage joins the words of more than one speaker: ${list} ${named.length === 1 ? 'turn begins' : 'turns begin'} inside it`;
}
