// Turns the block quotations of a draft (a Markdown block quote, LaTeX's quote environment) into quotations: set apart
// as blocks, scholarly quotations carry no quotation marks, and are the ones most worth checking.
import type { Quotation } from '../types.js';
import type { BlockQuote } from './mask.js';

/**
 * A citation in parentheses at the end of a block quotation: one with a year anywhere ("(Ashworth 2009, 31)"), or any
 * short one after the last sentence's mark or on a line of its own, as literature ("(Austen 243)", "(ch. 23)") and
 * interview research ("(P01, staff nurse, 6 years)") cite.
 */
const CITATION_AFTER = /(?:[ \t]*\([^()\n]{0,80}\b\d{4}[a-z]?\b[^()\n]{0,40}\)|(?<=[.!?…"”’»][ \t]*|\n[ \t>]*)\([^()\n]{1,100}\))[ \t]*$/u;
/** A dash and a name on the last line, or after the last sentence's mark: who the block quotation is by. */
const SIGNED_AFTER = /(?:\n[ \t>]*|(?<=[.!?…"”’»])[ \t]+)(?:—|―|–|--)[ \t]*\S[^\n]{0,80}$/u;

const DASHES = new Set(['—', '―', '–', '-']);

function isSpace(c: string | undefined): boolean {
  return c !== undefined && /\s/u.test(c);
}

/**
 * The quotations with the block quotations added, in document order: a block quotation holds the quotations found
 * inside it (which are left out), except one whose marks speak for it (`marked`), which is no quotation of its own
 * when any are found. Gives the block quotations added, too.
 */
export function withBlockQuotes(
  text: string,
  masked: string,
  quotations: Quotation[],
  blocks: BlockQuote[],
): { quotations: Quotation[]; added: Set<Quotation> } {
  const added = new Set<Quotation>();
  if (blocks.length === 0) return { quotations, added };
  const isBlank = (at: number): boolean => isSpace(masked[at]) || isSpace(text[at]);
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
    // Read where commands are blanked ("… soul. \\hfill (P01)").
    const tail = CITATION_AFTER.exec(masked.slice(start, end)) ?? SIGNED_AFTER.exec(masked.slice(start, end));
    if (tail) end = start + tail.index;
    // The marks that open a block quote's empty lines stand before the signature.
    while (end > start && (isBlank(end - 1) || text[end - 1] === '>')) end--;
    if (start === end) continue;
    const quotation: Quotation = { text: text.slice(start, end), start, end, open: block.open, close: block.close, group: 0, block: true };
    found = [...found.filter((q) => !inside(q)), quotation];
    added.add(quotation);
    takenEnd = block.close.end;
  }
  found.sort((a, b) => a.open.start - b.open.start);
  return { quotations: found, added };
}
