// Finds dialogue introduced by a dash instead of quotation marks (—Come up, Kinch!), as Joyce and much
// European prose write it: the speech runs from the dash to the end of its paragraph or to an attribution.
import type { Quotation } from '../types.js';
import { isAttribution } from './attribution.js';
import type { Block } from './pairing.js';

/** How many characters an attribution between two parts of a speech may take at most. */
const MAX_ATTRIBUTION = 80;

/**
 * The dash that opens a paragraph of dialogue, and the index of the first character of the speech. An en dash, as
 * French and Scandinavian typesetting open dialogue, also marks the items of lists: it opens dialogue only in a
 * paragraph that attributes the speech (“– We will rebuild, said Calloway.”).
 */
function dashAt(masked: string, block: Block): { open: Block; from: number; attributed: boolean } | null {
  let i = block.start;
  while (i < block.end && /\s/.test(masked[i])) i++;
  let end: number;
  if (masked[i] === '—' || masked[i] === '―' || masked[i] === '–') end = i + 1;
  else if (masked.startsWith('--', i) && masked[i + 2] !== '-') end = i + 2;
  else return null;
  // An em dash may stand apart from the speech by a space; two hyphens must touch it.
  const from = end - i === 1 && masked[end] === ' ' ? end + 1 : end;
  if (!/[\p{L}\p{N}"“‘']/u.test(masked[from] ?? '')) return null;
  return { open: { start: i, end }, from, attributed: masked[i] !== '–' };
}

function part(text: string, open: Block, start: number, stop: number): Quotation | null {
  let s = start;
  let e = stop;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (s === e) return null;
  // The speech after an attribution has no mark of its own; its opening span is empty, where its first word is.
  const mark = open.start === open.end ? { start: s, end: s } : open;
  return { text: text.slice(s, e), start: s, end: e, open: mark, close: null, group: 0 };
}

/**
 * Finds the dialogue paragraphs among `blocks` that open with a dash. Returns their quotations (a speech
 * interrupted by "he said" gives two, the second with an empty opening span) and the blocks left for marks.
 */
export function findDashDialogue(text: string, masked: string, blocks: Block[]): { quotations: Quotation[]; rest: Block[] } {
  const quotations: Quotation[] = [];
  const rest: Block[] = [];
  for (const block of blocks) {
    const dash = dashAt(masked, block);
    if (dash === null) {
      rest.push(block);
      continue;
    }
    let open = dash.open;
    let from = dash.from;
    let attributed = dash.attributed;
    const found: Quotation[] = [];
    // An attribution follows a mark of punctuation, or a dash as Spanish and Portuguese set it (“—Vamos —dijo—.”).
    const breaks = /[,!?.;]\s+|\s+[—―–]\s*/g;
    breaks.lastIndex = from;
    for (let m = breaks.exec(masked); m !== null && m.index < block.end; m = breaks.exec(masked)) {
      const clauseStart = m.index + m[0].length;
      // Attributions are short, so only a bounded stretch is looked at and the scan stays linear.
      const clauseEnd = masked.slice(clauseStart, Math.min(block.end, clauseStart + MAX_ATTRIBUTION)).search(/[.,:;!?—―–]/);
      if (clauseEnd < 0) break;
      if (!isAttribution(masked.slice(clauseStart, clauseStart + clauseEnd))) continue;
      attributed = true;
      const q = part(text, open, from, m.index + 1);
      if (q !== null) found.push(q);
      from = clauseStart + clauseEnd + 1;
      // The dash that closes an attribution, and the mark after it ("—dijo la ministra—, pero…").
      if (/[—―–]/u.test(masked[from - 1]!) && /[,.;:]/u.test(masked[from] ?? '')) from++;
      open = { start: from, end: from };
      breaks.lastIndex = from;
    }
    const q = part(text, open, from, block.end);
    if (q !== null) found.push(q);
    if (attributed) quotations.push(...found);
    else rest.push(block);
  }
  return { quotations, rest };
}
