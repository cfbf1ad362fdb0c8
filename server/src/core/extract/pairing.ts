// Pairs opening and closing marks into quotations, paragraph by paragraph, and groups the parts of a quotation
// that attribution interrupts.
import type { Quotation, Span } from '../types.js';
import { isAttribution } from './attribution.js';
import type { MarkToken } from './marks.js';

/** A stretch of the draft in which a quotation may stand: a paragraph, a heading, a block of HTML. */
export type Block = Span;

interface OpenQuotation {
  token: MarkToken;
  /** The indices in the token list of the weak closing candidates seen since the quotation opened. */
  weak: number[];
  /** How many quotations in the same marks are open inside it (« … « … » … », as French nests them). */
  depth: number;
}

/** Families whose quotations nest in the same marks, rather than an opening mark inside meaning a close left out. */
const NESTING = new Set(['guillemet', 'guillemetSingle']);

/** Marks that are read as apostrophes when nothing closes them, rather than as quotations left open. */
const AMBIGUOUS_OPENERS = new Set(["'", '`']);

/** True when `close` can end a quotation opened by `open` (the family is already known to match). */
function closes(open: MarkToken, close: MarkToken, latex: boolean): boolean {
  // « … » and »…«, and »…» as Finnish and Swedish write it; never « … «.
  if (open.family === 'guillemet' || open.family === 'guillemetSingle') return open.mark !== close.mark || open.mark === '»' || open.mark === '›';
  switch (close.mark) {
    case '“':
      return open.mark === '„';
    case '‘':
      return open.mark === '‚';
    case "''":
    case '"\'':
      return latex || open.mark === '``' || open.mark === '"`';
    default:
      return true;
  }
}

function isSpace(c: string): boolean {
  return /\s/u.test(c);
}

/** Builds one quotation from the original text; null when it holds nothing but spaces. */
function quotation(text: string, open: MarkToken, close: MarkToken | null, end: number): Quotation | null {
  let start = open.end;
  let stop = close === null ? end : close.start;
  // The backslash of an escaped closing mark (Markdown's \") is no part of the quotation.
  if (close !== null && text[stop - 1] === '\\' && stop - 1 > start) stop--;
  while (start < stop && isSpace(text[start])) start++;
  while (stop > start && isSpace(text[stop - 1])) stop--;
  if (start === stop) return null;
  return {
    text: text.slice(start, stop),
    start,
    end: stop,
    open: { start: open.start, end: open.end },
    close: close === null ? null : { start: close.start, end: close.end },
    group: 0,
  };
}

/** True when the first thing in `block` is `token`, with only spaces before it. */
function startsBlock(text: string, block: Block, token: MarkToken): boolean {
  if (token.start < block.start || token.start >= block.end) return false;
  for (let i = block.start; i < token.start; i++) if (!isSpace(text[i])) return false;
  return true;
}

/**
 * The weak closing candidate (by its index in `tokens`) that most likely closes the quotation: the first that an
 * attribution follows (‘… the stars’ said the farmers’ son); else the first that does not look like the apostrophe
 * of a plural possessive (“the taxpayers’ money”) or of a dropped g (“goin’ home”), which a quotation holds more
 * often than it ends with; else the last (‘the councillors’ figures’ on Tuesday).
 */
function bestWeak(text: string, tokens: MarkToken[], weak: number[]): number {
  for (const k of weak) {
    const after = CLAUSE_AFTER.exec(text.slice(tokens[k].end, tokens[k].end + 60))?.[0] ?? '';
    if (isAttribution(after, 5)) return k;
  }
  for (const k of weak) if (!APOSTROPHE_BEFORE.test(text.slice(Math.max(0, tokens[k].start - 4), tokens[k].start))) return k;
  return weak[weak.length - 1];
}

/** The words after a closing mark up to the next punctuation or line break. */
const CLAUSE_AFTER = /^[^.,;:!?\n"“”‘’']*/u;
/** The end of a word that an apostrophe after it often belongs to: a plural (taxpayers’) or a dropped g (goin’). */
const APOSTROPHE_BEFORE = /(?:[sS]|\p{L}in)$/u;

/**
 * Pairs `tokens` (in document order) into quotations inside `blocks` (in document order, not overlapping).
 * `text` is the original draft; marks outside every block are ignored. A quotation left open at the end of a
 * block continues when the next block opens with a mark of the same family (a quotation over several
 * paragraphs); otherwise it ends with its block. Groups are not yet set.
 */
export function pairMarks(text: string, tokens: MarkToken[], blocks: Block[], latex: boolean): Quotation[] {
  const found: Quotation[] = [];
  const emit = (q: Quotation | null): void => {
    if (q !== null) found.push(q);
  };
  let t = 0;
  let open: OpenQuotation | null = null;
  let skip = -1;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    while (t < tokens.length && tokens[t].start < block.start) t++;
    const first = t;
    while (t < tokens.length && tokens[t].end <= block.end) t++;
    const last = t;
    let k = first;
    for (;;) {
      if (k >= last) {
        if (open === null || open.weak.length === 0) break;
        // A weak candidate is the best close this block offers; what followed it is read again outside the quotation.
        const close = bestWeak(text, tokens, open.weak);
        emit(quotation(text, open.token, tokens[close], 0));
        k = close + 1;
        open = null;
        continue;
      }
      const token = tokens[k];
      if (k === skip) {
        k++;
        continue;
      }
      if (open === null) {
        if (token.canOpen) open = { token, weak: [], depth: 0 };
      } else if (token.family === open.token.family) {
        if (token.canClose && closes(open.token, token, latex) && open.depth > 0) {
          open.depth--;
        } else if (token.canOpen && token.mark === open.token.mark && NESTING.has(token.family)) {
          open.depth++;
        } else if (token.canClose && closes(open.token, token, latex)) {
          if (!token.weak) {
            emit(quotation(text, open.token, token, 0));
            open = null;
          } else {
            open.weak.push(k);
          }
        } else if (token.canOpen) {
          if (open.weak.length > 0) {
            const close = bestWeak(text, tokens, open.weak);
            emit(quotation(text, open.token, tokens[close], 0));
            k = close + 1;
            open = null;
            continue;
          }
          // A new opening mark while one is open most often means the earlier close was left out.
          if (!AMBIGUOUS_OPENERS.has(open.token.mark)) emit(quotation(text, open.token, null, token.start));
          open = { token, weak: [], depth: 0 };
        }
      }
      k++;
    }
    if (open !== null) {
      const next = blocks[b + 1];
      if (next !== undefined && last < tokens.length) {
        const candidate = tokens[last];
        if (candidate.family === open.token.family && candidate.canOpen && startsBlock(text, next, candidate)) {
          skip = last;
          continue;
        }
      }
      if (!AMBIGUOUS_OPENERS.has(open.token.mark)) emit(quotation(text, open.token, null, block.end));
      open = null;
    }
  }
  return found;
}

/** The end of a quotation whose sentence is finished; any other ending goes on after an attribution. */
const SENTENCE_END = /[.!?]$/u;
const PARAGRAPH_BREAK = /\n[ \t\r]*\n/;
/** Text between two parts of one interrupted quotation: one clause, closed by a punctuation mark. */
const BETWEEN = /^[^.!?"“”«»„\n]{1,80}(?:\n[^.!?"“”«»„\n]{1,80})?[,:;.—–]$/u;

/**
 * True when an attribution of its own follows the quotation (“…,” Brandt said): after “…,” Calloway said., such a
 * quotation is another statement, maybe another person's, not the rest of the one before.
 */
function attributedAfter(text: string, q: Quotation): boolean {
  if (q.close === null) return false;
  const after = /^[,\s]*([^.!?\n"“”«»„]{1,80})/u.exec(text.slice(q.close.end, q.close.end + 90))?.[1] ?? '';
  return isAttribution(after);
}

/**
 * Numbers the groups of `quotations` (in document order): a quotation joins the group of the one before it when
 * that one ends mid-sentence and only an attribution stands between them in the same paragraph
 * (“We will,” she said, “rebuild.”).
 */
export function assignGroups(text: string, quotations: Quotation[]): void {
  let group = -1;
  for (let i = 0; i < quotations.length; i++) {
    const q = quotations[i];
    const prev = i > 0 ? quotations[i - 1] : null;
    if (prev !== null && !SENTENCE_END.test(prev.text)) {
      const gap = text.slice(prev.close?.end ?? prev.end, q.open.start);
      const words = gap.trim();
      // A blank line ends the paragraph, and with it the statement: a quotation that opens the next paragraph is
      // a new one, even after "she said" ("…,” she said.⏎⏎“Y,” she added.).
      if (!PARAGRAPH_BREAK.test(gap) && BETWEEN.test(words) && isAttribution(words.slice(0, -1)) && !(words.endsWith('.') && attributedAfter(text, q))) {
        q.group = group;
        continue;
      }
    }
    q.group = ++group;
  }
}
