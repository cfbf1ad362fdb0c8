// Turns the block quotations of a draft (a Markdown block quote, LaTeX's quote environment) into quotations: set apart
// as blocks, scholarly quotations carry no quotation marks, and are the ones most worth checking.
import type { Quotation } from '../types.js';
import type { BlockQuote } from './mask.js';

/** A citation in parentheses with a year at the end of a block quotation. */
const CITATION_AFTER = /[ \t]*\([^()\n]{0,80}\b\d{4}[a-z]?\b[^()\n]{0,40}\)$/;
/** A last line that opens with a dash: who the block quotation is by. */
const SIGNED_AFTER = /\n[ \t>]*(?:—|―|–|--)[ \t]*\S[^\n]{0,80}$/;

const DASHES = new Set(['—', '―', '–', '-']);

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/u.test(c);
}

/**
 * The quotations with the block quotations added, in document order: a block quotation holds the quotations found
 * inside it (which are left out), except one whose marks speak for it (`marked`), which is no quotation of its own
 * when any are found. Gives the block quotations added, too.
 */
export function withBlockQuotes(text: string, quotations: Quotation[], blocks: BlockQuote[]): { quotations: Quotation[]; added: Set<Quotation> } {
  const added = new Set<Quotation>();
  if (blocks.length === 0) return { quotations, added };
  let found = quotations;
  let takenEnd = -1;
  for (const block of [...blocks].sort((a, b) => a.open.start - b.open.start)) {
    // A block quote inside one taken already is part of it.
    if (block.open.start < takenEnd) continue;
    const inside = (q: Quotation): boolean => q.open.start >= block.open.start && q.end <= block.close.end;
    // Dialogue opened by a dash is no mark: a block quote's last line may sign it (“— Virginia Woolf”).
    if (block.marked && found.some((q) => inside(q) && !DASHES.has(text[q.open.start] ?? ''))) continue;
    let start = block.open.end;
    let end = block.close.start;
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    // A citation after the words (“… remained. (Ashworth 2009, 31)”) or a dash and a name on the last line (an
    // epigraph's “— Virginia Woolf”) says whose they are; it is no part of them.
    const tail = CITATION_AFTER.exec(text.slice(start, end)) ?? SIGNED_AFTER.exec(text.slice(start, end));
    if (tail) end = start + tail.index;
    // The marks that open a block quote's empty lines stand before the signature.
    while (end > start && (isSpace(text[end - 1]) || text[end - 1] === '>')) end--;
    if (start === end) continue;
    const quotation: Quotation = { text: text.slice(start, end), start, end, open: block.open, close: block.close, group: 0, block: true };
    found = [...found.filter((q) => !inside(q)), quotation];
    added.add(quotation);
    takenEnd = block.close.end;
  }
  found.sort((a, b) => a.open.start - b.open.start);
  return { quotations: found, added };
}
