// Finds the characters of a draft that may be quotation marks and says, from their surroundings, whether each
// can open or close a quotation; apostrophes, elisions and inch signs are told apart from quotation marks here.

/** Marks that pair with each other: a quotation opened by one family is closed by the same family. */
export type MarkFamily = 'double' | 'single' | 'guillemet' | 'guillemetSingle' | 'corner' | 'whiteCorner' | 'enquote';

/** One possible quotation mark in a draft. */
export interface MarkToken {
  start: number;
  end: number;
  family: MarkFamily;
  /** The mark as written: one character, or two for LaTeX's ``, '' and babel's "` and "'. */
  mark: string;
  canOpen: boolean;
  canClose: boolean;
  /**
   * A closing candidate that could as well be something else: the apostrophe of a plural possessive (the dogs'
   * bones), a dropped letter (goin' home) or an inch sign (12" records). It closes a quotation only when nothing
   * better does.
   */
  weak: boolean;
}

/** Characters after which a mark stands at the start of something, as it does after a space. */
const OPENING_CONTEXT = new Set([...'([{<—–-‐/*_~¡¿', ...'"\'“”„‟‘’‚‛«»‹›「」『』`']);
/** Characters before which a mark stands at the end of something, as it does before a space. */
const CLOSING_CONTEXT = new Set([...'.,;:!?)]}>[—–-‐/…*_~', ...'"\'“”„‟‘’‚‛«»‹›「」『』']);

/**
 * Words that begin with an apostrophe standing for left-out letters ('tis, 'n', 'em, 'cause, Cockney 'e and
 * 'im); an apostrophe before one of them does not open a quotation.
 */
const ELISIONS = new Set([
  'tis', 'twas', 'twere', 'twill', 'twould', 'twon', 'twasn', 'n', 'em', 'round', 'cause', 'cos', 'coz', 'til',
  'bout', 'cept', 'nuff', 'neath', 'gainst', 'mid', 'midst', 'tween', 'twixt', 'un', 'e', 'is', 'im', 'er',
  'ere', 'ad', 'ave', 'as', 'ow', 'ope', 'appen', 'ouse', 'orse', 'alf', 'ead', 'eard', 'elp', 'ome',
]);

/** Elisions that are more often the words they look like. */
const COMMON_WORDS = new Set(['is', 'as', 'round', 'mid', 'til']);

function isSpace(c: string | undefined): boolean {
  return c === undefined || /\s/u.test(c);
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

function isLower(c: string | undefined): boolean {
  return c !== undefined && /\p{Ll}/u.test(c);
}

/** Context of one mark: the characters just before and after it. */
interface Context {
  /** The mark stands at the start of something: nothing, a space or an opening bracket before, a word after. */
  left: boolean;
  /** The mark stands at the end of something: a word or punctuation before, nothing, a space or punctuation after. */
  right: boolean;
  prev: string | undefined;
  next: string | undefined;
}

function contextAt(text: string, start: number, end: number): Context {
  const prev = start > 0 ? text[start - 1] : undefined;
  const next = end < text.length ? text[end] : undefined;
  const prevOpens = isSpace(prev) || OPENING_CONTEXT.has(prev as string);
  const nextCloses = isSpace(next) || CLOSING_CONTEXT.has(next as string);
  return { left: !isSpace(next) && prevOpens, right: !isSpace(prev) && nextCloses, prev, next };
}

/** The word (letters and digits) that starts at `from`, lower-cased, at most 12 characters. */
function wordAt(text: string, from: number): string {
  let end = from;
  while (end < text.length && end - from < 12 && isWordChar(text[end])) end++;
  return text.slice(from, end).toLowerCase();
}

/** True when the next visible character after `from` on the way is a lower-case letter: the sentence goes on. */
function continuesLowercase(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return isLower(text[i]);
}

/** True when an apostrophe at `at`, before the word at `at + 1`, stands for left-out letters ('tis, '80s). */
function isElision(text: string, at: number): boolean {
  const word = wordAt(text, at + 1);
  if (ELISIONS.has(word)) {
    // Cockney and dialect elisions are ordinary words too ('is', 'as', 'ere'); they count only in lower case, and the
    // commonest of them not where a mark later in the paragraph closes a quotation they open ('as much soul as you').
    if (COMMON_WORDS.has(word) && !opensEarlier(text, at) && closesLater(text, at + 1 + word.length)) return false;
    return word.length > 2 || word === 'n' || word === 'em' || isLower(text[at + 1]);
  }
  return /^\d\d(s)?$/.test(word);
}

/** True when the mark at `at` closes ’n’ or 'n', standing between spaces: the "and" of rock ’n’ roll. */
function isAndElision(text: string, at: number): boolean {
  return (
    (text[at - 1] === 'n' || text[at - 1] === 'N') &&
    (text[at - 2] === '’' || text[at - 2] === "'" || text[at - 2] === '‘') &&
    isSpace(text[at - 3]) &&
    isSpace(text[at + 1])
  );
}

/** Whether a single mark opens a word earlier in the paragraph, before `at` (a quotation it is inside, maybe). */
function opensEarlier(text: string, at: number): boolean {
  const start = text.lastIndexOf('\n\n', at);
  const paragraph = text.slice(Math.max(start, at - 2000, 0), at);
  return /(?:^|[\s(“"])['‘]\p{L}/u.test(paragraph);
}

/** Whether a single closing mark (’ or ') ends a word later in the paragraph, from `from` on. */
function closesLater(text: string, from: number): boolean {
  const end = text.indexOf('\n\n', from);
  const paragraph = text.slice(from, Math.min(end < 0 ? text.length : end, from + 2000));
  return /[^\s][’'](?=$|[\s.,;:!?)—–])/u.test(paragraph);
}

/** Tokens for the apostrophe-like marks ' ’ ‘ ‛ ` and the low single mark ‚. */
function singleToken(text: string, i: number, c: string): MarkToken | null {
  const ctx = contextAt(text, i, i + 1);
  if (isWordChar(ctx.prev) && isWordChar(ctx.next)) return null;
  const token: MarkToken = { start: i, end: i + 1, family: 'single', mark: c, canOpen: false, canClose: false, weak: false };
  if (c === '’' || c === "'") {
    if (ctx.left && isElision(text, i)) return null;
    // The second apostrophe of ’n’ (rock ’n’ roll), whose first stands for the left-out "a".
    if (isAndElision(text, i)) return null;
    token.canOpen = c === "'" && ctx.left;
    token.canClose = ctx.right;
    token.weak = token.canClose && isWordChar(ctx.prev) && continuesLowercase(text, i + 1);
  } else if (c === '‘' || c === '‛') {
    // ‘tis, ‘80s and ‘99 (a year) have an apostrophe typed the wrong way round; ‘10 procent …’ opens a quotation.
    const word = wordAt(text, i + 1);
    if (ctx.left && (/^(tis|twas|twere|twill|twould|\d\ds)$/.test(word) || (/^\d\d$/.test(word) && !closesLater(text, i + 3)))) return null;
    token.canOpen = !ctx.right || ctx.left;
    token.canClose = c === '‘' && ctx.right;
  } else if (c === '‚') {
    token.canOpen = ctx.left;
  } else {
    token.canOpen = !isSpace(ctx.next) && !isWordChar(ctx.prev);
  }
  return token.canOpen || token.canClose ? token : null;
}

/** Tokens for the double marks " “ ” „ ‟. */
function doubleToken(text: string, i: number, c: string): MarkToken | null {
  const ctx = contextAt(text, i, i + 1);
  const token: MarkToken = { start: i, end: i + 1, family: 'double', mark: c, canOpen: false, canClose: false, weak: false };
  if (c === '"') {
    // A ditto mark: alone in a column, with a run of spaces after it.
    if (isSpace(ctx.prev) && /^[ \t]{2}/.test(text.slice(i + 1, i + 3))) return null;
    // A straight mark between two words, or alone between spaces, is read from the quotations around it.
    const undecided = ctx.left === ctx.right;
    // After a figure it is an inch or a second sign (12", 51°30'26"N), which closes at best and never opens.
    const afterFigure = /\p{N}/u.test(ctx.prev ?? '');
    token.canOpen = (ctx.left || undecided) && !afterFigure;
    token.canClose = ctx.right || undecided;
    token.weak = token.canClose && afterFigure;
  } else if (c === '”') {
    token.canClose = true;
    token.canOpen = ctx.left && !ctx.right;
  } else if (c === '“') {
    token.canOpen = !ctx.right || ctx.left;
    token.canClose = ctx.right;
  } else {
    token.canOpen = true;
  }
  return token;
}

/** Tokens for guillemets, which point either way: « » in French and » « in German and Danish. */
function guillemetToken(text: string, i: number, c: string): MarkToken {
  const ctx = contextAt(text, i, i + 1);
  const family: MarkFamily = c === '«' || c === '»' ? 'guillemet' : 'guillemetSingle';
  const pointsRight = c === '«' || c === '‹';
  // French sets a space inside the marks, so only a clearly reversed position turns a mark around: a » that opens
  // stands before a word (German »so«), never before punctuation (French « … », a-t-il dit), and a « that closes stands
  // after a word or a sentence's mark, never after an elision (qu’« …).
  const reversed = pointsRight
    ? ctx.right && !ctx.left && (isWordChar(ctx.prev) || /[.,;:!?…]/.test(ctx.prev ?? ''))
    : ctx.left && !ctx.right && (isWordChar(ctx.next) || /["“„‘‚]/.test(ctx.next ?? ''));
  const opens = pointsRight !== reversed;
  return { start: i, end: i + 1, family, mark: c, canOpen: opens, canClose: !opens, weak: false };
}

/** Japanese corner brackets: the family and whether the mark opens. */
const CORNERS = new Map<string, [MarkFamily, boolean]>([
  ['「', ['corner', true]],
  ['」', ['corner', false]],
  ['『', ['whiteCorner', true]],
  ['』', ['whiteCorner', false]],
]);

/**
 * Lists the possible quotation marks of `text` in document order. `latex` turns on the babel forms "` and "'.
 * `extra` holds marks found by a format-specific reader (already in order); their characters must be masked.
 */
export function scanMarks(text: string, latex: boolean, extra: MarkToken[] = []): MarkToken[] {
  const tokens: MarkToken[] = [];
  let e = 0;
  const push = (token: MarkToken | null): void => {
    if (token === null) return;
    while (e < extra.length && extra[e].start < token.start) tokens.push(extra[e++]);
    tokens.push(token);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '`' && next === '`') {
      push({ start: i, end: i + 2, family: 'double', mark: '``', canOpen: !isSpace(text[i + 2]), canClose: false, weak: false });
      i++;
    } else if (c === "'" && next === "'") {
      push({ start: i, end: i + 2, family: 'double', mark: "''", canOpen: false, canClose: !isSpace(text[i - 1]) || isSpace(text[i + 2]), weak: false });
      i++;
    } else if (latex && c === '"' && (next === '`' || next === "'")) {
      const opens = next === '`';
      push({ start: i, end: i + 2, family: 'double', mark: c + next, canOpen: opens, canClose: !opens, weak: false });
      i++;
    } else if (c === ',' && next === ',' && /[\p{L}\p{N}]/u.test(text[i + 2] ?? '') && (i === 0 || isSpace(text[i - 1]) || OPENING_CONTEXT.has(text[i - 1]))) {
      // Two commas typed for „ on a keyboard without it (,,Nie będzie…").
      push({ start: i, end: i + 2, family: 'double', mark: ',,', canOpen: true, canClose: false, weak: false });
      i++;
    } else if (c === '"' || c === '“' || c === '”' || c === '„' || c === '‟') {
      push(doubleToken(text, i, c));
    } else if (c === "'" || c === '’' || c === '‘' || c === '‛' || c === '‚' || c === '`') {
      push(singleToken(text, i, c));
    } else if (c === '«' || c === '»' || c === '‹' || c === '›') {
      push(guillemetToken(text, i, c));
    } else if (CORNERS.has(c)) {
      const [family, opens] = CORNERS.get(c) as [MarkFamily, boolean];
      push({ start: i, end: i + 1, family, mark: c, canOpen: opens, canClose: !opens, weak: false });
    }
  }
  while (e < extra.length) tokens.push(extra[e++]);
  return tokens;
}
