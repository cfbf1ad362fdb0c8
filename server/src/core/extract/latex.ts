// Finds the prose of a LaTeX draft: comments, verbatim text, math, command names and reference-like arguments
// are blanked out (offsets kept), and \enquote{…} is turned into a pair of quotation marks.
import { directiveIn, type Directive } from './directives.js';
import type { MarkToken } from './marks.js';
import { Masker, type BlockQuote, type ProseOf } from './mask.js';

/** Environments whose content is never prose. */
const VERBATIM_ENVIRONMENTS = new Set([
  'verbatim', 'verbatim*', 'Verbatim', 'BVerbatim', 'lstlisting', 'minted', 'comment', 'filecontents',
  'equation', 'equation*', 'align', 'align*', 'gather', 'gather*', 'multline', 'multline*', 'displaymath', 'math',
]);

/** Environments that set a quotation apart as a block, without quotation marks. */
const BLOCK_QUOTE_ENVIRONMENTS = new Set(['quote', 'quotation', 'displayquote', 'displaycquote', 'foreigndisplayquote']);

/** Commands whose arguments are keys, paths or addresses rather than prose. */
const KEY_COMMANDS = new Set([
  'label', 'ref', 'eqref', 'pageref', 'autoref', 'cref', 'Cref', 'cite', 'citep', 'citet', 'citeauthor',
  'citeyear', 'nocite', 'parencite', 'textcite', 'autocite', 'footcite', 'url', 'href', 'input', 'include',
  'includegraphics', 'usepackage', 'RequirePackage', 'documentclass', 'begin', 'end', 'bibliography',
  'bibliographystyle', 'addbibresource', 'hypersetup', 'graphicspath', 'newcommand', 'renewcommand',
  'setlength', 'setcounter', 'vspace', 'hspace', 'color', 'textcolor',
]);

/** Commands that quote their argument, as csquotes does. */
const QUOTE_COMMANDS = new Map<string, number>();
// csquotes' quoting commands, with how many arguments stand before the quoted text besides options in brackets: a
// citation key (\textcquote[p.~3]{key}{text}) or a language (\foreignquote{french}{text}), or both.
for (const [names, leading] of [
  ['enquote textquote blockquote', 0],
  ['textcquote blockcquote foreignquote foreigntextquote foreignblockquote hyphenquote hyphentextquote hyphenblockquote hybridblockquote', 1],
  ['foreigntextcquote foreignblockcquote hyphentextcquote hyphenblockcquote hybridblockcquote', 2],
] as const) {
  for (const name of names.split(' ')) {
    QUOTE_COMMANDS.set(name, leading);
    QUOTE_COMMANDS.set(`${name}*`, leading);
  }
}

/** csquotes' marks of an editor's change inside a quotation, read as the brackets and ellipsis they print. */
const EDITS = new Set(['textelp', 'textelp*', 'textins', 'textins*', 'textdel']);

/** Commands that stand for a sign, read as that sign: an ellipsis marks words left out of a quotation. */
const SIGN_COMMANDS = new Map([
  ['ldots', '…'], ['dots', '…'], ['textellipsis', '…'], ['pounds', '£'], ['textsterling', '£'], ['euro', '€'],
  ['texteuro', '€'], ['textdollar', '$'], ['textendash', '–'], ['textemdash', '—'], ['S', '§'], ['P', '¶'],
]);

/** Escaped characters, read as themselves: \% and \& are the words "percent" and "and" in a quotation. */
const ESCAPED = new Set(['%', '&', '$', '#', '_', '{', '}']);

/** Accent commands and the combining marks they put on the letter after them: \'e is é. */
const ACCENTS = new Map([
  ["'", '\u0301'], ['`', '\u0300'], ['^', '\u0302'], ['"', '\u0308'], ['~', '\u0303'], ['=', '\u0304'], ['.', '\u0307'],
]);

/** Commands whose argument is the writer's note, not part of the sentence it stands in: not words of a quotation. */
const NOTE_COMMANDS = new Set(['footnote', 'footnotetext', 'marginpar', 'todo']);

/** How far an optional argument in brackets is looked for; prose brackets are often left unbalanced. */
const MAX_OPTIONS = 200;

/** For each opening brace, the index just past its closing brace (0 when it never closes), found in one pass. */
function matchBraces(text: string): Map<number, number> {
  const ends = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') open.push(i);
    else if (c === '}' && open.length > 0) ends.set(open.pop() as number, i + 1);
  }
  return ends;
}

/** Index just past the bracketed options that open at `from`, or -1 when they do not close soon. */
function optionsEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length && i < from + MAX_OPTIONS; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i + 1;
  }
  return -1;
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/**
 * Finds the prose of a LaTeX draft. Returns `text` with every character that is not prose replaced by a space (line
 * breaks kept); the words of a quotation as prose (`proseOf`: signs, escaped characters and accents written as
 * commands read as the characters they stand for, and notes inside it left out); the quotation marks that
 * \enquote{…} and its kin stand for, in order; and the directive comments (`% verbatim-disable`).
 */
export function readLatex(text: string): {
  masked: string;
  proseOf: ProseOf;
  marks: MarkToken[];
  blocks: BlockQuote[];
  directives: Directive[];
} {
  const reader: Reader = { text, masker: new Masker(text), marks: [], braces: matchBraces(text), quoteEnd: -1, blocks: [] };
  const { masker } = reader;
  const directives: Directive[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '%') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      masker.mask(i, stop);
      const kind = directiveIn(text.slice(i, stop).replace(/^%+/, ''));
      if (kind) directives.push({ kind, at: stop });
      i = stop;
    } else if (c === '$') {
      const display = text[i + 1] === '$';
      const close = text.indexOf(display ? '$$' : '$', i + (display ? 2 : 1));
      // Math never runs over a blank line; a lone dollar sign is left alone.
      const end = close < 0 ? -1 : close + (display ? 2 : 1);
      if (end > 0 && !/\n[^\S\n]*\n/.test(text.slice(i, end))) {
        masker.mask(i, end);
        i = end - 1;
      }
    } else if (c === '\\') {
      i = readCommand(reader, i) - 1;
    }
  }
  reader.marks.sort((a, b) => a.start - b.start);
  return { masked: masker.result(), proseOf: (start, end) => masker.proseOf(start, end), marks: reader.marks, blocks: reader.blocks, directives };
}

/** What reading a LaTeX draft keeps track of. */
interface Reader {
  /** The block quotations found, from the end of `\begin{quote}` (and its options) to `\end{quote}`. */
  blocks: BlockQuote[];
  text: string;
  masker: Masker;
  marks: MarkToken[];
  braces: Map<number, number>;
  /** Where the outermost quoting command read so far ends; quoting commands inside it are nested quotations. */
  quoteEnd: number;
}

/** The accented letter that the accent command at `at` (\'e or \'{e}) writes, and where the command ends. */
function accentAt(text: string, at: number): { letter: string; end: number } | null {
  const mark = ACCENTS.get(text[at + 1]);
  if (mark === undefined) return null;
  const braced = text[at + 2] === '{' && text[at + 4] === '}';
  const letter = braced ? text[at + 3] : text[at + 2];
  if (letter === undefined || !/^[A-Za-z]$/.test(letter)) return null;
  const composed = (letter + mark).normalize('NFC');
  return { letter: composed.length === 1 ? composed : letter, end: at + (braced ? 5 : 3) };
}

/**
 * Notes the block quotation that `\begin{env}` at `at` opens (its name ends at `from`): its options (csquotes'
 * citation and punctuation, a language or a citation key) are no words of it, and it runs to `\end{env}`.
 */
function readBlockQuote(reader: Reader, at: number, from: number, env: string): void {
  const { text, masker } = reader;
  const closing = `\\end{${env}}`;
  const close = text.indexOf(closing, from);
  if (close < 0) return;
  let i = from;
  for (let n = 0; n < 4; n++) {
    const next = skipSpaces(text, i);
    const keyed = env === 'foreigndisplayquote' || env === 'displaycquote';
    const end = text[next] === '[' ? optionsEnd(text, next) : text[next] === '{' && keyed ? reader.braces.get(next) ?? -1 : -1;
    if (end < 0 || end > close) break;
    masker.mask(next, end);
    i = end;
  }
  reader.blocks.push({ open: { start: at, end: i }, close: { start: close, end: close + closing.length }, marked: false });
}

/**
 * Reads csquotes' mark of an editor's change at `at`: \textelp{} is an ellipsis, \textelp{words} an ellipsis and
 * words put in, \textins{words} words put in, as brackets mark them (\textins*{T}he is “[T]he”), and \textdel{words}
 * words left out. Gives the index just past the command's name, so that the words put in are read.
 */
function readEdit(reader: Reader, at: number, name: string): number {
  const { text, masker } = reader;
  const end = at + 1 + name.length;
  const open = text[end] === '{' ? end : -1;
  const close = open >= 0 ? reader.braces.get(open) ?? -1 : -1;
  if (close < 0) {
    masker.mask(at, end);
    return end;
  }
  if (name === 'textdel' || (name.startsWith('textelp') && close === open + 2)) {
    masker.replace(at, close, '…');
    return close;
  }
  // The bracket right at the words put in, as an editor writes it: “[T]he” joins the letter to its word.
  masker.replace(at, open, name.startsWith('textelp') ? '…' : '\u2060');
  masker.replace(open, open + 1, '[');
  masker.replace(close - 1, close, ']');
  return open + 1;
}

/** Reads the command at `at` (a backslash), masks what is not prose and returns the index just past it. */
function readCommand(reader: Reader, at: number): number {
  const { text, masker } = reader;
  const name = /^[A-Za-z]+\*?/.exec(text.slice(at + 1, at + 40))?.[0];
  if (name === undefined) {
    const symbol = text[at + 1];
    if (symbol === '(' || symbol === '[') {
      const close = text.indexOf(symbol === '(' ? '\\)' : '\\]', at + 2);
      const end = close < 0 ? at + 2 : close + 2;
      masker.mask(at, end);
      return end;
    }
    if (ESCAPED.has(symbol)) {
      masker.replace(at, at + 2, symbol);
      return at + 2;
    }
    const accented = accentAt(text, at);
    if (accented) {
      masker.replace(at, accented.end, accented.letter);
      return accented.end;
    }
    // Any other escaped character or accent: none of them is a quotation mark.
    masker.mask(at, Math.min(at + 2, text.length));
    return at + 2;
  }
  let end = at + 1 + name.length;
  const sign = SIGN_COMMANDS.get(name);
  if (sign !== undefined) {
    masker.replace(at, end, sign);
    return end;
  }
  if (EDITS.has(name)) return readEdit(reader, at, name);
  masker.mask(at, end);
  if (NOTE_COMMANDS.has(name)) {
    const i = skipSpaces(text, end);
    const close = text[i] === '{' ? reader.braces.get(i) ?? -1 : -1;
    // Only hidden from the words: a quotation in the note is found as any other.
    if (close > 0) masker.mask(i, close, 'words');
    return end;
  }
  if (name === 'verb' || name === 'verb*' || name === 'lstinline') {
    const delimiter = text[end];
    if (delimiter !== undefined && delimiter !== '{') {
      const close = text.indexOf(delimiter, end + 1);
      const stop = close < 0 ? end + 1 : close + 1;
      masker.mask(at, stop);
      return stop;
    }
  }
  if (name === 'begin') {
    const env = /^\{([^}]*)\}/.exec(text.slice(end, end + 40))?.[1];
    if (env !== undefined && BLOCK_QUOTE_ENVIRONMENTS.has(env)) readBlockQuote(reader, at, end + env.length + 2, env);
    if (env !== undefined && VERBATIM_ENVIRONMENTS.has(env)) {
      const closing = `\\end{${env}}`;
      const close = text.indexOf(closing, end);
      const stop = close < 0 ? text.length : close + closing.length;
      masker.mask(at, stop);
      return stop;
    }
  }
  if (KEY_COMMANDS.has(name)) {
    // Options and the first argument of a reference-like command are keys; \href keeps its second argument.
    let i = skipSpaces(text, end);
    if (text[i] === '[') {
      const close = optionsEnd(text, i);
      if (close > 0) i = skipSpaces(text, close);
    }
    if (text[i] === '{') {
      const close = reader.braces.get(i) ?? -1;
      if (close > 0) {
        masker.mask(end, close);
        return close;
      }
    }
    masker.mask(end, i);
    return i;
  }
  const leading = QUOTE_COMMANDS.get(name);
  if (leading !== undefined) {
    let i = skipSpaces(text, end);
    // \textcquote[prenote][postnote]{key}[punctuation]{text}: the options, keys and languages are no words of the
    // quotation.
    for (let left = leading, n = 0; n < 6; n++) {
      const close = text[i] === '[' ? optionsEnd(text, i) : text[i] === '{' && left > 0 ? reader.braces.get(i) ?? -1 : -1;
      if (close < 0) break;
      if (text[i] === '{') left--;
      masker.mask(i, close);
      i = skipSpaces(text, close);
    }
    const close = text[i] === '{' ? reader.braces.get(i) ?? -1 : -1;
    if (close > 0) {
      masker.mask(at, i + 1);
      masker.mask(close - 1, close);
      // A quotation inside a quotation belongs to the outer one and is not given marks of its own.
      if (at >= reader.quoteEnd) {
        reader.marks.push({ start: at, end: i + 1, family: 'enquote', mark: text.slice(at, i + 1), canOpen: true, canClose: false, weak: false });
        reader.marks.push({ start: close - 1, end: close, family: 'enquote', mark: '}', canOpen: false, canClose: true, weak: false });
        reader.quoteEnd = close;
      }
      return i + 1;
    }
  }
  return end;
}
