// Reads a source's text a stretch at a time, whether the source holds its text or keeps it out of memory: the core
// reads a source only through these, so that a check never needs the whole of a text kept on disk.
import type { SourceDocument } from './types.js';

/** text[from, to) of the source, with `from` and `to` clamped to its text. */
export function textSlice(doc: SourceDocument, from: number, to: number): string {
  return doc.stored ? doc.stored.slice(from, to) : doc.text.slice(Math.max(0, from), Math.max(0, to));
}

/**
 * A stretch of the source's text that holds [from, to) (clamped to the text), with the offset it starts at: the whole
 * text of a source that holds it, without a copy, or just the stretch of a text kept on disk. Code that reads it must
 * read no further than `from` and `to`, where a stretch of a text kept on disk ends.
 */
export function textWindow(doc: SourceDocument, from: number, to: number): { text: string; start: number } {
  if (!doc.stored) return { text: doc.text, start: 0 };
  const start = Math.max(0, from);
  return { text: doc.stored.slice(start, to), start };
}
