// Lays out the text of a PDF from the runs of text on its pages: lines and paragraphs in reading order, without the
// running heads, running feet and page numbers that a page repeats.
import type { SourceDocument } from '../types.js';
import { sourceMetaFromText } from './meta.js';

/** A run of text on a page, as a PDF reader gives it: where its baseline stands (y grows up the page). */
export interface PdfTextRun {
  text: string;
  x: number;
  y: number;
  /** The height of its letters, in the page's units. */
  height: number;
  /** Whether a line ends after it. */
  endsLine: boolean;
}

/** One page's runs of text, in the order the page draws them. */
export type PdfPage = readonly PdfTextRun[];

interface Line {
  text: string;
  /** Where the line starts across the page, and its baseline up the page. */
  x: number;
  y: number;
  height: number;
  /** True when a note's mark, set small and raised, opens the line, as it opens a note at the foot of a page. */
  marked?: boolean;
}

/** How many lines at the top and at the bottom of a page may be running heads, feet or page numbers. */
const EDGE_LINES = 2;
/** A gap between lines wider than this many times the document's usual gap separates paragraphs. */
const PARAGRAPH_GAP = 1.4;
/** A line that starts this many letter heights or more right of the usual left edge opens a paragraph (an indent). */
const INDENT = 1;
/** Page numbers as pages print them: `4`, `- 4 -`, `Page 4`, `Page 4 of 12`, `4/12`. */
const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
/** A line that ends a sentence, after which the next page starts a new paragraph. */
const SENTENCE_END = /[.!?:"”’)\]]$/;

/**
 * Reads a PDF from its pages' runs of text. Runs make lines; a gap wider than the document's usual line gap, or a line
 * indented from the usual left edge, starts a paragraph; a page goes on with the paragraph the page before left open.
 * Lines among the first and last two of a page that repeat in the same place on at least half the pages (digits
 * aside: `Page 3`, `Page 4`) are running heads or feet, and lines there that are only a page number are left out too,
 * so that a quotation a page break cuts in two reads on. Metadata comes from the text and the file name, as for plain
 * text: a PDF's stored title and author are often those of the template or the program that made it. The text's
 * lines are the PDF's lines. Throws an Error when no page has text (a scanned document, which needs text recognition
 * first).
 */
export function parsePdfSource(id: string, fileName: string, pages: readonly PdfPage[]): SourceDocument {
  const lined = pages.map(linesOf);
  const repeated = runningLines(lined);
  const kept = lined.map((lines) =>
    lines.filter((line, n) => {
      const atEdge = n < EDGE_LINES || n >= lines.length - EDGE_LINES;
      return !(atEdge && (PAGE_NUMBER.test(line.text) || repeated.has(edgeKey(line))));
    }),
  );
  const notes = footnotes(kept);
  const usual = { gap: usualGapOf(kept), left: usualLeftOf(kept) };
  const parts: string[] = [];
  const starts: number[] = [];
  let length = 0;
  for (const lines of kept) {
    lines.forEach((line, n) => {
      if (parts.length > 0) {
        const gap = breakBefore(line, n > 0 ? lines[n - 1]! : null, parts[parts.length - 1]!, usual);
        parts.push(gap);
        length += gap.length;
      }
      parts.push(line.text);
      length += line.text.length;
    });
    // Where the next page's text starts: after the break that joins it to this page's.
    starts.push(length);
  }
  // The notes follow the text, each a paragraph: at the foot of a page, a note would stand inside a sentence that the
  // next page goes on with.
  for (const note of notes) parts.push('\n\n', note);
  const text = parts.join('');
  if (text.trim() === '') throw new Error('it has no text to read (a scanned document needs text recognition first)');
  return { id, text, meta: sourceMetaFromText(text, fileName), pages: pageStarts(starts, text) };
}

/** How much smaller than the usual line a note's line is set, at most. */
const NOTE_SIZE = 0.9;
/** The number or sign that opens a note at the foot of a page, and the space after it. */
const NOTE_NUMBER = /^\s*(?:\d{1,3}|[*†‡§¶])\s*(?=\S)/;

/**
 * Takes the notes off the foot of each page: the lines after the page's last line of usual size, set smaller, the
 * first of them opening with a number or a sign. Gives each note's text, its number left out, in page order.
 */
function footnotes(pages: Line[][]): string[] {
  const usual = mostCommon(pages.flatMap((lines) => lines.map((line) => Math.round(line.height * 2) / 2)));
  const notes: string[] = [];
  pages.forEach((lines, p) => {
    let first = lines.length;
    while (first > 1 && lines[first - 1]!.height < usual * NOTE_SIZE) first--;
    const opensNote = (line: Line) => line.marked === true || NOTE_NUMBER.test(line.text);
    if (first === lines.length || !opensNote(lines[first]!)) return;
    let note = '';
    for (const line of lines.slice(first)) {
      if (opensNote(line) && note !== '') {
        notes.push(note);
        note = '';
      }
      note += note === '' && !line.marked ? line.text.replace(NOTE_NUMBER, '') : note === '' ? line.text : `\n${line.text}`;
    }
    notes.push(note);
    pages[p] = lines.slice(0, first);
  });
  return notes;
}

/**
 * The start of each page in the text, from where each page's text ended: a page starts past the break after the text
 * of the pages before it.
 */
function pageStarts(ends: number[], text: string): number[] {
  return [0, ...ends.slice(0, -1)].map((end) => {
    let start = end;
    while (start < text.length && text[start] === '\n') start++;
    return start;
  });
}

/** The lines of a page: runs joined until one ends a line or the next stands on another baseline. */
function linesOf(page: PdfPage): Line[] {
  const lines: Line[] = [];
  let runs: PdfTextRun[] = [];
  let first: PdfTextRun | null = null;
  const end = () => {
    const line = lineOf(runs);
    if (line) lines.push(line);
    runs = [];
    first = null;
  };
  for (const run of page) {
    if (first !== null && run.text !== '' && Math.abs(run.y - (first as PdfTextRun).y) > Math.max(run.height, (first as PdfTextRun).height) / 2) end();
    if (run.text !== '') {
      first ??= run;
      runs.push(run);
    }
    if (run.endsLine) end();
  }
  end();
  return lines;
}

/** What marks a note in the text: its number (or numbers), or a sign such as * or †. */
const NOTE_MARK = /^\s*(?:\d{1,3}(?:[,–-]\d{1,3})*|[*†‡§¶]{1,3})\s*$/;

/**
 * The line of a page's runs, null when they hold no text. A note's mark, set small and raised after a word ("May,”¹"),
 * is left out, as the other readers leave it out, so that its number never joins the word before it.
 */
function lineOf(runs: PdfTextRun[]): Line | null {
  const height = Math.max(0, ...runs.map((run) => run.height));
  const tallest = runs.find((run) => run.height === height);
  const baseline = tallest?.y ?? 0;
  const isNoteMark = (run: PdfTextRun) =>
    NOTE_MARK.test(run.text) && run.height > 0 && run.height <= height * 0.8 && run.y - baseline >= height * 0.2;
  const kept = runs.filter((run) => !isNoteMark(run));
  const text = kept.map((run) => run.text).join('').replace(/\s+/g, ' ').trim();
  const start = kept.find((run) => run.text.trim() !== '');
  if (text === '' || !start) return null;
  const opening = runs.find((run) => run.text.trim() !== '');
  return { text, x: start.x, y: start.y, height, ...(opening && isNoteMark(opening) ? { marked: true } : {}) };
}

/**
 * The line ends before a line: a paragraph's, or a line's within one. `before` is the line before it on its page (null
 * for a page's first line, which goes on from `previousText`, the last line of the page before).
 */
function breakBefore(line: Line, before: Line | null, previousText: string, usual: { gap: number; left: number }): string {
  const indent = (at: Line) => at.x - usual.left >= INDENT * at.height;
  // A line above the one before it starts a new column or block, which goes on with a sentence the column before left
  // open, as a page does; its left edge is the column's, no indent.
  if (before !== null && before.y - line.y <= 0) return SENTENCE_END.test(previousText) ? '\n\n' : '\n';
  if (indent(line) && (before === null || !indent(before))) return '\n\n';
  if (before === null) return SENTENCE_END.test(previousText) ? '\n\n' : '\n';
  return before.y - line.y > usual.gap * PARAGRAPH_GAP ? '\n\n' : '\n';
}

/** The usual left edge of the lines: where most of them start (Infinity with none). */
function usualLeftOf(pages: Line[][]): number {
  return mostCommon(pages.flatMap((lines) => lines.map((line) => Math.round(line.x))));
}

/**
 * The usual gap between consecutive lines of a page: the most common one, to half a unit (Infinity with none).
 * Paragraph gaps are the rarer, wider ones, however widely the lines are spaced.
 */
function usualGapOf(pages: Line[][]): number {
  const gaps = pages.flatMap((lines) => lines.slice(1).map((line, n) => Math.round((lines[n]!.y - line.y) * 2) / 2));
  return mostCommon(gaps.filter((gap) => gap > 0));
}

/** The value that occurs most often, the smaller of two as common; Infinity for none. */
function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let usual = Infinity;
  let most = 0;
  for (const [value, count] of counts) {
    if (count > most || (count === most && value < usual)) [usual, most] = [value, count];
  }
  return usual;
}

/** The keys of lines at the edges of pages that repeat, in the same place, on at least two pages and half of them. */
function runningLines(pages: Line[][]): Set<string> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)].map(edgeKey));
    for (const key of edges) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  return new Set([...counts].filter(([, count]) => count >= needed).map(([key]) => key));
}

/**
 * A line's text with its numbers and case set aside, and where it stands on its page: `Page 3` and `Page 4` at the foot
 * of two pages are the same line, the same words elsewhere on a page are not.
 */
function edgeKey(line: Line): string {
  return `${Math.round(line.y)} ${line.text.toLowerCase().replace(/\d+/g, '#')}`;
}
