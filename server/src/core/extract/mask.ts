// Blanks out the parts of a draft that are not prose while keeping every offset, and splits prose into paragraphs.
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
 * Collects ranges to blank out and applies them all at once, so masking stays linear in the draft's length. Gives two
 * views of the draft, both with its offsets: one in which quotation marks are looked for, and one whose words are
 * the words of the quotations found.
 */
export class Masker {
  private readonly ranges: Range[] = [];

  constructor(private readonly text: string) {}

  /** Marks [start, end) as not prose, in `from` views (both by default). */
  mask(start: number, end: number, from: Hidden = 'both'): void {
    if (end > start) this.ranges.push({ start, end, from });
  }

  /**
   * Marks [start, end), a command or an entity, as standing for `sign` (one UTF-16 unit, no quotation mark), in both
   * views.
   */
  replace(start: number, end: number, sign: string): void {
    if (end > start) this.ranges.push({ start, end, from: 'both', sign });
  }

  /** The text in which quotation marks are looked for: every range but those hidden from the words alone. */
  result(): string {
    return this.view('words');
  }

  /** The text whose words a quotation has: every range but those hidden from the marks alone. */
  prose(): string {
    return this.view('marks');
  }

  /** The text with every range except those hidden from `other` blanked (line breaks kept); offsets unchanged. */
  private view(other: Hidden): string {
    const ranges = this.ranges.filter((range) => range.from !== other);
    if (ranges.length === 0) return this.text;
    ranges.sort((a, b) => a.start - b.start);
    const parts: string[] = [];
    let at = 0;
    for (const range of ranges) {
      const start = Math.max(range.start, at);
      if (range.end <= start) continue;
      parts.push(this.text.slice(at, start));
      if (range.sign !== undefined && start === range.start) {
        parts.push(JOINER.repeat(range.end - start - 1), range.sign);
      } else {
        // Without the u flag each UTF-16 unit is replaced on its own, so the length never changes.
        parts.push(this.text.slice(start, range.end).replace(/[^\n\r]/g, ' '));
      }
      at = range.end;
    }
    parts.push(this.text.slice(at));
    return parts.join('');
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
