// Blanks out the parts of a draft that are not prose while keeping every offset, and splits prose into paragraphs.
import type { Span } from '../types.js';
import type { Block } from './pairing.js';

/**
 * What a range is hidden from: `both` views of the draft, the `marks` view alone (code a writer may quote: its marks
 * are no quotation marks, but its words are words of the quotation) or the `words` view alone (a writer's note inside
 * a quotation, whose own quotations are still found).
 */
type Hidden = 'both' | 'marks' | 'words';

interface Range extends Block {
  from: Hidden;
  /** The character a command or an entity stands for, written at the end of the range instead of spaces. */
  sign?: string;
}

/**
 * Joins what stands in for the rest of a replaced command or entity: invisible, it neither splits a word nor makes
 * one ("Caf\'e" reads as "café"), and it is not white space, so the marks beside it are read as beside a word.
 */
const JOINER = '\u2060';

/**
 * A quotation set apart as a block rather than marked (a Markdown block quote, LaTeX's quote environment): where it
 * opens and closes. `marked` says that quotation marks inside it speak for it: it is a quotation only when none are.
 */
export interface BlockQuote {
  open: Span;
  close: Span;
  marked: boolean;
}

/** The words of the quotation text[start, end) as prose (see `Masker.proseOf`). */
export type ProseOf = (start: number, end: number) => string;

/**
 * Collects ranges to blank out and applies them all at once, so masking stays linear in the draft's length. Gives two
 * views of the draft, both with its offsets: one in which quotation marks are looked for, and one whose words are
 * the words of the quotations found.
 */
export class Masker {
  private readonly ranges: Range[] = [];
  /** The furthest end of each range and of those sorted before it, once the ranges are sorted. */
  private reach: number[] = [];
  private isSorted = false;

  constructor(private readonly text: string) {}

  /** Marks [start, end) as not prose, in `from` views (both by default). */
  mask(start: number, end: number, from: Hidden = 'both'): void {
    if (end > start) this.ranges.push({ start, end, from });
    this.isSorted = false;
  }

  /**
   * Marks [start, end), a command or an entity, as standing for `sign` (one UTF-16 unit, no quotation mark), in both
   * views.
   */
  replace(start: number, end: number, sign: string): void {
    if (end > start) this.ranges.push({ start, end, from: 'both', sign });
    this.isSorted = false;
  }

  /** The text in which quotation marks are looked for: every range but those hidden from the words alone. */
  result(): string {
    return this.render(0, this.text.length, (range) => range.from !== 'words');
  }

  /**
   * The words of the quotation text[start, end) as prose: every range hidden from the words, or from both views,
   * except a range hidden from the words alone that holds the quotation rather than standing in it (a quotation
   * inside a footnote keeps its words; a footnote inside a quotation is none of them).
   */
  proseOf(start: number, end: number): string {
    return this.render(start, end, (range) => range.from === 'both' || (range.from === 'words' && range.start >= start && range.end <= end));
  }

  /** text[from, to) with the ranges `applies` accepts blanked or replaced (line breaks kept); offsets unchanged. */
  private render(from: number, to: number, applies: (range: Range) => boolean): string {
    const ranges = this.sorted();
    // The first range that may reach into [from, to): ranges are sorted by start, and `reach` holds the furthest end
    // of each range and those before it.
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    while (lo > 0 && this.reach[lo - 1]! > from) lo--;
    const parts: string[] = [];
    let at = from;
    for (let i = lo; i < ranges.length && ranges[i]!.start < to; i++) {
      const range = ranges[i]!;
      if (!applies(range)) continue;
      const start = Math.max(range.start, at);
      const stop = Math.min(range.end, to);
      if (stop <= start) continue;
      parts.push(this.text.slice(at, start));
      if (range.sign !== undefined && start === range.start && stop === range.end) {
        parts.push(JOINER.repeat(stop - start - 1), range.sign);
      } else {
        // Without the u flag each UTF-16 unit is replaced on its own, so the length never changes.
        parts.push(this.text.slice(start, stop).replace(/[^\n\r]/g, ' '));
      }
      at = stop;
    }
    if (parts.length === 0) return this.text.slice(from, to);
    parts.push(this.text.slice(at, to));
    return parts.join('');
  }

  private sorted(): Range[] {
    if (!this.isSorted) {
      this.ranges.sort((a, b) => a.start - b.start);
      let furthest = 0;
      this.reach = this.ranges.map((range) => (furthest = Math.max(furthest, range.end)));
      this.isSorted = true;
    }
    return this.ranges;
  }
}

/** Splits `text` into paragraphs: runs of lines that hold something other than spaces. */
export function paragraphsOf(text: string): Block[] {
  const blocks: Block[] = [];
  let start = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let blank = true;
    for (let i = lineStart; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 13 && c !== 12 && c !== 11 && c !== 0xa0 && c !== 0xfeff) {
        blank = false;
        break;
      }
    }
    if (blank && start >= 0) {
      blocks.push({ start, end: lineStart - 1 });
      start = -1;
    } else if (!blank && start < 0) {
      start = lineStart;
    }
    lineStart = lineEnd + 1;
  }
  if (start >= 0) blocks.push({ start, end: text.length });
  return blocks;
}
