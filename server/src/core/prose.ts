// The paragraphs, sentences and quotation marks of prose, as attribution reads them around a passage.

/** How far around a passage the attribution is looked for, so that huge unbroken texts stay cheap. */
export const MAX_SCAN = 4000;

/** Opening quotation marks and the marks that close each. */
const CLOSERS: Record<string, string> = { '“': '”"', '„': '“”', '«': '»', '"': '"”', '‟': '”"', '‘': '’\'', "'": "'’" };

/**
 * The marks that close a quotation opened at `i`, or '' when no quotation opens there. A single mark opens one only
 * at the start of a word ('We will', ‘We will’): one inside or after a word is an apostrophe (don't, the Joneses').
 */
export function openerAt(text: string, i: number): string {
  const ch = text[i]!;
  const closers = CLOSERS[ch];
  if (closers === undefined) return '';
  if (ch !== "'" && ch !== '‘') return closers;
  const before = i > 0 ? text[i - 1]! : ' ';
  return /[\s([{—–-]/.test(before) && /[\p{L}\p{N}“"…]/u.test(text[i + 1] ?? '') ? closers : '';
}

/** Whether the mark at `i` closes a quotation that `closers` close: a single mark only at the end of a word. */
export function closesAt(text: string, i: number, closers: string): boolean {
  const ch = text[i]!;
  if (!closers.includes(ch)) return false;
  if (ch !== "'" && ch !== '’') return true;
  return !/[\p{L}\p{N}]/u.test(text[i + 1] ?? '') && !/\s/.test(i > 0 ? text[i - 1]! : ' ');
}

/** Marks that close a quotation, after which a sentence may end. */
const CLOSING_MARKS = new Set(['"', '”', '’', "'", '»']);

/** Abbreviations whose full stop ends no sentence ("Mr.", "Gen.", "Oct.", a citation's "p." and "et al."). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'prof', 'rev',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'inc', 'corp',
  'co', 'ltd', 'vs', 'mt', 'ft', 'adm', 'sgt', 'p', 'pp', 'vol', 'ch', 'cf', 'eds', 'al', 'fig',
]);

/** A stretch of a text: the offsets [start, end). */
export interface Range {
  start: number;
  end: number;
}

/** A quotation around the passage: its opening mark, its closing mark (null when left open), and its neighbours. */
export interface QuoteAround {
  open: number;
  close: number | null;
  /** Offset just past the closing mark of the quotation before it in the paragraph, if any. */
  previousCloseEnd: number | null;
  /** Opening mark of the quotation before it in the paragraph, if any. */
  previousOpen: number | null;
}

/** The paragraph (between blank lines) that holds `pos`, within MAX_SCAN characters either side. */
export function paragraphAt(text: string, pos: number): Range {
  const lo = Math.max(0, pos - MAX_SCAN);
  const before = text.slice(lo, pos);
  let start = lo;
  for (const m of before.matchAll(/\n[ \t\r]*\n/g)) start = lo + m.index + m[0].length;
  if (start === lo && lo > 0) {
    const line = text.indexOf('\n', lo);
    start = line >= 0 && line < pos ? line + 1 : lo;
  }
  const hi = Math.min(text.length, pos + MAX_SCAN);
  const m = /\n[ \t\r]*\n/.exec(text.slice(pos, hi));
  return { start, end: m ? pos + m.index : hi };
}

/** The offset just before the blank line that precedes a paragraph starting at `start`. */
export function previousParagraphEnd(text: string, start: number): number {
  let i = start - 1;
  while (i > 0 && /\s/.test(text[i]!)) i--;
  return i;
}

/** Walks the quotation marks of a paragraph up to `until`, telling which quotation is open there. */
function scanQuotes(text: string, paragraph: Range, until: number) {
  let open: number | null = null;
  let closers = '';
  let previousOpen: number | null = null;
  let previousCloseEnd: number | null = null;
  for (let i = paragraph.start; i < until; i++) {
    if (open !== null) {
      if (!closesAt(text, i, closers)) continue;
      previousOpen = open;
      previousCloseEnd = i + 1;
      open = null;
    } else {
      closers = openerAt(text, i);
      if (closers !== '') open = i;
    }
  }
  return { open, closers, previousOpen, previousCloseEnd };
}

/** The quotation a passage starting at `start` stands in, or null when it starts outside quotation marks. */
export function quoteAround(text: string, paragraph: Range, start: number): QuoteAround | null {
  const state = scanQuotes(text, paragraph, start);
  let open = state.open;
  let closers = state.closers;
  if (open === null && start < text.length && openerAt(text, start) !== '') {
    open = start;
    closers = openerAt(text, start);
  }
  if (open === null) return null;
  let close: number | null = null;
  // The first closing mark after the passage's start: a passage that runs on over the reporter's words into the next
  // quotation (“…,” she said. “…”) has the attribution of the quotation it starts in.
  for (let i = Math.max(start, open + 1); i < paragraph.end; i++) {
    if (closesAt(text, i, closers)) {
      close = i;
      break;
    }
  }
  return { open, close, previousCloseEnd: state.previousCloseEnd, previousOpen: state.previousOpen };
}

/** The last quotation of a paragraph. */
export function lastQuote(text: string, paragraph: Range): { open: number; close: number | null } | null {
  const state = scanQuotes(text, paragraph, paragraph.end);
  if (state.open !== null) return { open: state.open, close: null };
  if (state.previousOpen === null) return null;
  return { open: state.previousOpen, close: state.previousCloseEnd! - 1 };
}

/** The offset of the first quotation mark that opens a quotation in [from, limit), or `limit` when none does. */
export function nextOpener(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (openerAt(text, i) !== '') return i;
  return limit;
}

function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /\p{L}/u.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot);
  return (word.length === 1 && /\p{Lu}/u.test(word)) || ABBREVIATIONS.has(word.toLowerCase());
}

function isSentenceEnd(text: string, i: number): boolean {
  const ch = text[i]!;
  // A closing quotation mark after a sentence's last mark ends it too (… present." The register …).
  if (CLOSING_MARKS.has(ch) && /[.!?]/.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? '')) {
    return text[i - 1] !== '.' || !isAbbreviation(text, i - 1);
  }
  if (ch !== '.' && ch !== '!' && ch !== '?') return false;
  const next = text[i + 1];
  if (next !== undefined && !/\s/.test(next)) return false;
  return ch !== '.' || !isAbbreviation(text, i);
}

/** The start of the sentence that holds `pos`, not before `limit`. */
export function sentenceStart(text: string, pos: number, limit: number): number {
  for (let i = pos - 1; i >= limit; i--) if (isSentenceEnd(text, i)) return i + 1;
  return limit;
}

/** The end of the sentence that holds `pos` (its final punctuation excluded), not after `limit`. */
export function sentenceEnd(text: string, pos: number, limit: number): number {
  for (let i = pos; i < limit; i++) if (isSentenceEnd(text, i)) return i;
  return limit;
}
