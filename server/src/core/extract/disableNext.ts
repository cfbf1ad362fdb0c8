// Finds where a `verbatim-disable-next` comment can be written so that it leaves out one quotation of a draft and
// changes nothing else, for the quick fix that writes it.
import type { DraftFormat, Quotation } from '../types.js';
import { findQuotations } from './index.js';

/** Text to insert at an offset of the draft. */
export interface Insertion {
  at: number;
  text: string;
}

/** The comment that leaves out the next quotation, in each format that has comments. */
const COMMENT: Partial<Record<DraftFormat, string>> = {
  markdown: '<!-- verbatim-disable-next -->',
  latex: '% verbatim-disable-next',
};

/**
 * Where to write the comment that leaves out the quotation whose opening mark is at `open`, and what to write. The
 * places that leave the draft's layout alone are tried in turn: just before the mark, at the end of the line before,
 * on a line of its own before the mark's line. A place is kept only when finding the draft's quotations again shows
 * that exactly this quotation, with the other parts of its statement, is left out and every other one is found as
 * before. Null for a plain-text draft, which has no comments, and when no place does.
 */
export function disableNextInsertion(text: string, format: DraftFormat, open: number): Insertion | null {
  const comment = COMMENT[format];
  if (comment === undefined) return null;
  const before = findQuotations(text, format);
  const target = before.find((quotation) => quotation.open.start === open);
  if (!target) return null;
  const expected = before.filter((quotation) => quotation.group !== target.group || quotation.open.start < open);
  const lineStart = text.lastIndexOf('\n', open - 1) + 1;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const previousEnd = lineStart > 1 && text[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
  // In Markdown a comment that opens a line's content (after any indentation, list bullet or block-quote mark)
  // starts a block of HTML, which would cut the paragraph in two; there it goes at the end of the line before.
  const opensLine = /^[ \t]*(?:(?:>|[-*+]|\d{1,9}[.)])[ \t]*)*$/.test(text.slice(lineStart, open));
  // The line before takes it only when it is prose: not blank, and no fence, whose closing line must stay bare.
  const previous = lineStart > 0 ? text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, previousEnd) : '';
  const proseBefore = previous.trim() !== '' && !/^[ \t]*(?:`{3,}|~{3,})/.test(previous);
  const places: Insertion[] =
    format === 'latex'
      ? // A comment runs to the end of its line and takes the line break with it, so the text reads on unchanged.
        [{ at: open, text: `${comment}${eol}` }]
      : [
          ...(opensLine ? [] : [{ at: open, text: comment }]),
          ...(proseBefore ? [{ at: previousEnd, text: ` ${comment}` }] : []),
          { at: lineStart, text: `${comment}${eol}` },
        ];
  return places.find((place) => leavesOutOnly(text, format, place, expected)) ?? null;
}

/** Whether the draft with `place` inserted has exactly the `expected` quotations, moved past the insertion. */
function leavesOutOnly(text: string, format: DraftFormat, place: Insertion, expected: Quotation[]): boolean {
  const after = findQuotations(text.slice(0, place.at) + place.text + text.slice(place.at), format);
  if (after.length !== expected.length) return false;
  const shift = (offset: number) => (offset >= place.at ? offset + place.text.length : offset);
  return after.every((quotation, k) => {
    const was = expected[k]!;
    return quotation.text === was.text && quotation.open.start === shift(was.open.start) && quotation.start === shift(was.start);
  });
}
