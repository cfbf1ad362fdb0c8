// The one place that turns UTF-16 offsets into LSP line/character positions and back, and file paths into URIs.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SourceDocument } from './core/types.js';

/** A 0-based position as LSP defines it: `character` counts UTF-16 code units from the start of the line. */
export interface Position {
  line: number;
  character: number;
}

/** A range of two positions, the end exclusive. */
export interface Range {
  start: Position;
  end: Position;
}

/** What finds positions in a file. */
export interface Positions {
  positionAt(offset: number): Position;
}

/**
 * Positions in a source's file as it is on disk (decoded): read around the offset from a text kept on disk, else
 * from the line index of the file's content (which differs from the text for HTML or front matter).
 */
export function sourcePositions(doc: SourceDocument): Positions {
  return doc.stored ?? new LineIndex(doc.file?.content ?? doc.text);
}

/**
 * The line starts of one text, computed once, answering offset <-> position questions by binary search.
 * Lines end at `\n`, `\r\n` or a lone `\r`, as in LSP.
 */
export class LineIndex {
  /** Offset of the first character of each line; the first entry is always 0. */
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (!text.includes('\r')) {
      // Only line feeds: the native search finds them much faster than a loop over every character.
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (code === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /** The number of lines; a text ending in a line break has an empty last line. */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The position of `offset`, clamped to the text. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(Math.floor(offset), this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  /**
   * The offset of `position`. A line past the end gives the text's length; a character past the end of its
   * line gives the end of the line's content, before the line break, as LSP clients expect.
   */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const end = this.contentEnd(position.line);
    return Math.max(start, Math.min(start + Math.max(0, Math.floor(position.character)), end));
  }

  /** The range covering the offsets [start, end). */
  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The offset just past the last character of `line` that is not part of its line break. */
  private contentEnd(line: number): number {
    const start = this.starts[line];
    if (line + 1 >= this.starts.length) return this.text.length;
    // Every line but the last ends in exactly one line break: `\r\n`, `\n` or `\r`.
    let end = this.starts[line + 1] - 1;
    if (end > start && this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/** The `file:` URI of an absolute file path. */
export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** The file path of a `file:` URI; throws a TypeError for any other scheme. */
export function uriToPath(uri: string): string {
  return fileURLToPath(uri);
}

/** True for strings that are `file:` URIs rather than paths. */
export function isFileUri(value: string): boolean {
  return value.startsWith('file:');
}
