// Blanks out the parts of a draft that are not prose while keeping every offset, and splits prose into paragraphs.
import type { Block } from './pairing.js';

/** Collects ranges to blank out and applies them all at once, so masking stays linear in the draft's length. */
export class Masker {
  private readonly ranges: Block[] = [];

  constructor(private readonly text: string) {}

  /** Marks [start, end) as not prose. */
  mask(start: number, end: number): void {
    if (end > start) this.ranges.push({ start, end });
  }

  /** The text with every masked character except line breaks replaced by a space; offsets are unchanged. */
  result(): string {
    if (this.ranges.length === 0) return this.text;
    this.ranges.sort((a, b) => a.start - b.start);
    const parts: string[] = [];
    let at = 0;
    for (const range of this.ranges) {
      const start = Math.max(range.start, at);
      if (range.end <= start) continue;
      parts.push(this.text.slice(at, start));
      // Without the u flag each UTF-16 unit is replaced on its own, so the length never changes.
      parts.push(this.text.slice(start, range.end).replace(/[^\n\r]/g, ' '));
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
