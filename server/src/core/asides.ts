// Words a source passage has that are nobody's words: the time stamps of a transcript, the page and paragraph numbers
// and note calls of a document, and the label of a transcript's turn that goes on with the same speaker. A quotation
// that runs on over them leaves nothing out.
import { SourceIndex, type IndexedSource } from './sourceIndex.js';
import { textSlice, textWindow } from './sourceText.js';
import { isContinuingLabel, LABEL_EVIDENCE_AFTER, labelsWithin, MAX_LABEL_LENGTH, mayHoldLabel, TURN_REACH } from './transcript.js';

/**
 * A time stamp ("[00:00:20]", "(00:20)", "0:40"), a star page ("*1187"), a paragraph number in brackets ("[9]") or a
 * Markdown note call ("[^1]"), as the whole of what a quotation leaves out.
 */
const MARKER = /^(?:[[(]?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?[\])]?|\*{1,2}\d{1,5}|\[\d{1,4}\]|\[\^[^\]\s]{1,20}\])$/u;
/**
 * A transcriber's note of what is no speech ("[laughs]", "(pause)", "[crosstalk]"); a gap in what was heard
 * ("[inaudible]") is none of these, and a quotation that runs over one without saying so leaves something out.
 */
const TRANSCRIBERS_NOTE =
  /^[[(](?:laughs?|laughing|laughter|chuckles?|giggles?|sighs?|coughs?|clears throat|pause[sd]?|long pause|silence|crosstalk|cross-talk|overlapping|overtalk|applause|music|noise|background noise|crying|cries|sniffs?|groans?|nods?|shrugs?)[\])]$/iu;
/** Where the text before a word is the start of its line. */
const LINE_START = /(?:^|\n)[ \t]*$/u;
/** A column or page heading on a line of its own, as Hansard and court reporters print them ("Column 213"). */
const HEADING = /^(?:Column|Col\.|Page|Seite|Página|Pagina) \d{1,5}$/u;

/** The most words a marker or a label takes. */
const MAX_WORDS = 10;

/** Whether source words [first, last] are no one's words but a marker or a label of the same speaker's turn. */
export function isNobodysWords(source: IndexedSource, first: number, last: number): boolean {
  // Markers and labels are a few words at most.
  if (last - first >= MAX_WORDS) return false;
  const start = SourceIndex.wordStart(source, first);
  const end = SourceIndex.wordEnd(source, last);
  const from = Math.max(0, start - 40);
  const around = textSlice(source.doc, from, end + 12);
  let s = start - from;
  while (s > 0 && /[[(*^]/u.test(around[s - 1]!)) s--;
  let e = end - from;
  while (e < around.length && /[\])]/u.test(around[e]!)) e++;
  const written = around.slice(s, e);
  if (MARKER.test(written) || TRANSCRIBERS_NOTE.test(written)) return true;
  const lineBefore = around.slice(0, s);
  const after = around.slice(e);
  // A line's number in the margin of a transcript ("3   down for eleven hours"), before the words of the line.
  if (/^\d{1,5}$/u.test(written) && LINE_START.test(lineBefore) && /^(?:[ \t]{2,}|\t)\S/u.test(after)) return true;
  if (HEADING.test(written) && LINE_START.test(lineBefore) && /^[ \t]*\r?\n/u.test(after)) return true;
  // A label opens its line, maybe after a time or bold marks, and ends with a colon or a time: only then is the
  // transcript read for whose turn it is.
  if (!/(?:^|\n)[ \t]*(?:[[(]?[\d:.,]+[\])]?[ \t]+)?(?:\*\*|__)?$/u.test(lineBefore)) return false;
  if (!/^(?:\*\*|__)?[ \t]*(?:[[(][^\])\n]{1,40}[\])][ \t]*)?:/u.test(after) && !/\d:\d\d[\])]?$/u.test(written)) return false;
  const window = textWindow(source.doc, start - TURN_REACH, end + LABEL_EVIDENCE_AFTER);
  return isContinuingLabel(window.text, start - window.start, end - window.start);
}

/** How far after a passage's first word its text is looked at for a line that may open a turn. */
const PASSAGE_REACH = 1_500;

/** The words of source words [first, last], and of the first one's line, that are labels of a transcript's turns. */
export function labelledWords(source: IndexedSource, first: number, last: number): Set<number> {
  const labelled = new Set<number>();
  const start = SourceIndex.wordStart(source, first);
  const near = Math.max(0, start - MAX_LABEL_LENGTH);
  // Most passages hold no line that could open a turn: the transcript around them is read only for those that do.
  const passage = textSlice(source.doc, near, start + PASSAGE_REACH);
  const line = passage.lastIndexOf('\n', start - near);
  if (!mayHoldLabel(passage, line < 0 ? 0 : line + 1, passage.length)) return labelled;
  const end = SourceIndex.wordEnd(source, last);
  const window = textWindow(source.doc, start - TURN_REACH, end + LABEL_EVIDENCE_AFTER);
  for (const label of labelsWithin(window.text, start - window.start, end - window.start)) {
    const to = window.start + label.end;
    for (let w = Math.max(first, SourceIndex.wordAt(source, window.start + label.start)); w <= last && SourceIndex.wordStart(source, w) < to; w++) {
      labelled.add(w);
    }
  }
  return labelled;
}
