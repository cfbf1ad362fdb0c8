// Splits text into words and folds each word to the form that matching compares, keeping every word's offsets in
// the original text so that a match can always be reported in the writer's or the source's own wording.

/** Words of a text: their folded forms and where each stands in the original. */
export interface Words {
  /** Folded forms: lower case, no diacritics, no invisible characters, one kind of apostrophe. */
  folded: string[];
  /** Offset of each word in the original text. */
  starts: number[];
  /** Offset just past each word in the original text. */
  ends: number[];
}

// Letters, digits and combining marks make words; invisible characters (soft hyphen, zero-width space and joiners,
// word joiner, BOM) may stand inside a word without splitting it; an apostrophe joins two runs of letters (don't,
// O'Brien) but is dropped at a word's edges ('tis, Joneses').
const SEPARATOR = 0;
const LETTER = 1;
const JOINER = 2;
const INVISIBLE_CHAR = 3;
const UNKNOWN_CLASS = 255;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const classes = new Uint8Array(0x10000).fill(UNKNOWN_CLASS);
for (let c = 0; c < 0x80; c++) {
  classes[c] = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? LETTER : SEPARATOR;
}
for (const c of "'’ʼ‘`′") classes[c.charCodeAt(0)] = JOINER;
for (const c of [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) classes[c] = INVISIBLE_CHAR;
// A low surrogate on its own is no letter; after a high surrogate it is consumed together with it.
classes.fill(SEPARATOR, 0xdc00, 0xe000);

/** The class of the character at `i`; a surrogate pair is classed by its code point. */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const known = classes[code];
  if (known !== UNKNOWN_CLASS) return known;
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(i)!;
    return point > 0xffff && WORD_CHAR.test(String.fromCodePoint(point)) ? LETTER : SEPARATOR;
  }
  const found = WORD_CHAR.test(String.fromCharCode(code)) ? LETTER : SEPARATOR;
  classes[code] = found;
  return found;
}

/**
 * Where the word goes on when the hyphen at `i` ends a line and a letter starts the next (after any indentation);
 * 0 when it does not.
 */
function lineEndHyphen(text: string, i: number, end: number): number {
  let j = i + 1;
  if (text.charCodeAt(j) === 0x0d) j++;
  if (text.charCodeAt(j) !== 0x0a) return 0;
  j++;
  while (j < end && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++;
  return j < end && classAt(text, j) === LETTER ? j : 0;
}

const LINE_END_HYPHEN = /[-\u2010]\r?\n[ \t]*(?=[\p{L}\p{N}])/gu;

/** The word without the line breaks it was hyphenated across, removed until none is left. */
function unbreak(word: string): string {
  let joined = word;
  for (;;) {
    const next = joined.replace(LINE_END_HYPHEN, '');
    if (next === joined) return joined;
    joined = next;
  }
}

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const APOSTROPHES = /[’ʼ‘`′]/g;
const MARKS = /\p{M}/gu;
const PLAIN = /^[a-z0-9']*$/;

// Signs that stand for words: a quotation may write "2%" where its source writes "2 percent" (or "2 per cent", which
// is the same words written apart), and "&" where it writes "and". Each is a word of its own.
const PERCENT_SIGN = 0x25;
const SIGN_WORDS: ReadonlyMap<string, string> = new Map([['%', 'percent'], ['&', 'and']]);

/**
 * Letters that no decomposition takes apart, written as the letters they are spelt with where typing lacks them: the
 * German ß as ss (Straße, Strasse), the ligatures œ and æ (cœur, coeur), and ł, ø, đ, ð, þ and ı as their plain
 * letters.
 */
const UNDECOMPOSED_LETTERS: Readonly<Record<string, string>> = { ß: 'ss', œ: 'oe', æ: 'ae', ł: 'l', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const UNDECOMPOSED = /[ßœæłøđðþı]/g;

/** Folds one word as written to the form matching compares. */
export function foldWord(word: string): string {
  const sign = SIGN_WORDS.get(word);
  if (sign !== undefined) return sign;
  const lower = (word.includes('\n') ? unbreak(word) : word).toLowerCase();
  if (PLAIN.test(lower)) return lower;
  const cleaned = lower.replace(INVISIBLE, '').replace(APOSTROPHES, "'");
  if (PLAIN.test(cleaned)) return cleaned;
  // Compatibility decomposition turns ligatures and full-width forms into plain letters and splits accents off,
  // so that a source typed without diacritics still matches.
  const decomposed = cleaned
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(INVISIBLE, '')
    .replace(APOSTROPHES, "'")
    .toLowerCase()
    .replace(UNDECOMPOSED, (letter) => UNDECOMPOSED_LETTERS[letter]!);
  // Decomposition can turn a character into a space, which may leave a line-end hyphen before a letter.
  return decomposed.includes('\n') ? unbreak(decomposed) : decomposed;
}

// The FNV-1a hash of `hashWord` in segment.ts, computed here while a plain word is scanned, so that the dictionary
// need not read the word's characters a second time.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** How many characters of a plain word `low` and `high` of the WordScanner hold exactly. */
export const PACKED_LENGTH = 8;
/** The bits of `low` and `high`: four characters of seven bits each. */
export const PACKED_BITS = 0xfffffff;

/** 1 for the ASCII codes that start a word: letters, digits, and the signs that stand for words. */
const STARTS_WORD = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) STARTS_WORD[c] = isAsciiLetter(c) || isSign(c) ? 1 : 0;

/** True for `%` and `&`, which are next to each other in ASCII. */
function isSign(code: number): boolean {
  return (code - PERCENT_SIGN) >>> 0 < 2;
}

/** True for the codes of ASCII letters and digits, the characters of which most words are made. */
function isAsciiLetter(code: number): boolean {
  return ((code | 0x20) - 0x61) >>> 0 < 26 || (code - 0x30) >>> 0 < 10;
}

/**
 * Walks the words of text[start, end) in order. This is the one tokenizer of the project: sources and quotations
 * are split by it alike, so that they always agree. After `next()` returns true, `start` and `end` are the word's
 * offsets and `folded()` its folded form; `plain` says the folded form is the lower-cased text itself, which then
 * holds only ASCII letters, digits and straight apostrophes. For a plain word, `hash` is the FNV-1a hash of the
 * folded form, and when it is at most PACKED_LENGTH characters long, `low` and `high` hold its characters seven bits
 * each (the last four in `low`, those before in `high`): two plain words of the same length are the same word
 * exactly when these agree. The signs `%` and `&` are words of their own, folded to "percent" and "and".
 */
export class WordScanner {
  start = 0;
  end = 0;
  plain = true;
  hash = 0;
  low = 0;
  high = 0;
  private position: number;

  constructor(
    private readonly text: string,
    from = 0,
    private readonly to = text.length,
  ) {
    this.position = from;
  }

  /** Moves to the next word; false at the end. */
  next(): boolean {
    const text = this.text;
    const end = this.to;
    let i = this.position;
    for (;;) {
      let code = 0;
      for (; i < end; i++) {
        code = text.charCodeAt(i);
        if (code < 0x80 ? STARTS_WORD[code] === 1 : classAt(text, i) === LETTER) break;
      }
      if (i >= end) {
        this.position = end;
        return false;
      }
      if (isSign(code)) return this.sign(i);
      const wordStart = i;
      let hash = FNV_OFFSET;
      let low = 0;
      let high = 0;
      // Most words are ASCII letters and digits from end to end: this loop reads them, and the full rules below
      // take over only at a character that might continue the word otherwise.
      if (code < 0x80) {
        for (;;) {
          // ASCII letters and digits all carry the 0x20 bit once lower-cased, so setting it lower-cases them.
          code |= 0x20;
          hash = Math.imul(hash ^ code, FNV_PRIME);
          high = ((high << 7) | (low >>> 21)) & PACKED_BITS;
          low = ((low << 7) | code) & PACKED_BITS;
          if (++i === end) break;
          code = text.charCodeAt(i);
          if (!isAsciiLetter(code)) break;
        }
      }
      if (i < end && (code >= 0x80 || code === 0x27 || code === 0x60 || code === 0x2d)) {
        i = this.continueWord(i, hash, low, high);
      } else {
        this.plain = true;
        this.hash = hash >>> 0;
        this.low = low;
        this.high = high;
      }
      this.position = i;
      this.start = wordStart;
      this.end = i;
      // A word of invisible characters and marks alone folds to nothing and is no word.
      if (this.plain || this.folded().length > 0) return true;
    }
  }

  /** Stands on the sign at `i`, a word of one character that folds to the word it stands for. */
  private sign(i: number): boolean {
    this.plain = false;
    this.start = i;
    this.end = this.position = i + 1;
    return true;
  }

  /**
   * Reads the rest of the word from `i`, where a character other than an ASCII letter or digit stands, by the full
   * rules, from the hash and packed characters of the word so far; returns where the word ends and sets `plain`,
   * `hash`, `low` and `high`.
   */
  private continueWord(from: number, hash: number, low: number, high: number): number {
    const text = this.text;
    const end = this.to;
    let i = from;
    // A word stays plain while it holds only ASCII letters, digits and straight apostrophes between letters:
    // lower-casing those is arithmetic on their codes and keeps every offset, whatever else the text holds.
    let plain = true;
    while (i < end) {
      const code = text.charCodeAt(i);
      let kind = classes[code];
      if (kind === UNKNOWN_CLASS) kind = classAt(text, i);
      if (kind === LETTER) {
        if (code >= 0x80) plain = false;
        const lower = code | 0x20;
        hash = Math.imul(hash ^ lower, FNV_PRIME);
        high = ((high << 7) | (low >>> 21)) & PACKED_BITS;
        low = ((low << 7) | lower) & PACKED_BITS;
        // Surrogate pairs are consumed whole, so a word never ends between the two halves of one character.
        i += code >= 0xd800 && code <= 0xdbff && i + 1 < end ? 2 : 1;
      } else if (kind === INVISIBLE_CHAR) {
        plain = false;
        i++;
      } else if (kind === JOINER && i + 1 < end && classAt(text, i + 1) === LETTER) {
        if (code !== 0x27) plain = false;
        hash = Math.imul(hash ^ code, FNV_PRIME);
        high = ((high << 7) | (low >>> 21)) & PACKED_BITS;
        low = ((low << 7) | code) & PACKED_BITS;
        i++;
      } else if ((code === 0x2d || code === 0x2010) && lineEndHyphen(text, i, end) > 0) {
        // A word hyphenated at the end of a line ("sup-⏎pression") goes on after the line break.
        plain = false;
        i = lineEndHyphen(text, i, end);
      } else {
        break;
      }
    }
    this.plain = plain;
    this.hash = hash >>> 0;
    this.low = low;
    this.high = high;
    return i;
  }

  /** The folded form of the current word. */
  folded(): string {
    const written = this.text.slice(this.start, this.end);
    return this.plain ? written.toLowerCase() : foldWord(written);
  }

  /** True when the current word, which must be plain, folds to `word`; reads the text without copying it. */
  foldsTo(word: string): boolean {
    const length = this.end - this.start;
    if (word.length !== length) return false;
    const text = this.text;
    const start = this.start;
    for (let k = 0; k < length; k++) if (word.charCodeAt(k) !== (text.charCodeAt(start + k) | 0x20)) return false;
    return true;
  }
}

/**
 * Wording on one line, as a sentence of a draft writes it: a word hyphenated at a line end ("sup-⏎pression") is
 * joined, as matching reads it, and every other run of white space is one space.
 */
export function oneLine(text: string): string {
  return (text.includes('\n') ? unbreak(text) : text).replace(/\s+/g, ' ').trim();
}

/** Splits text[start, end) into words. */
export function splitWords(text: string, start = 0, end = text.length): Words {
  const words: Words = { folded: [], starts: [], ends: [] };
  const scanner = new WordScanner(text, start, end);
  while (scanner.next()) {
    words.folded.push(scanner.folded());
    words.starts.push(scanner.start);
    words.ends.push(scanner.end);
  }
  return words;
}

/** How far past a word's start `wordEnd` looks for its end. */
export const WORD_END_REACH = 256;
/**
 * How many characters past the end it is given the WordScanner may read: the second half of a surrogate pair, or the
 * line break after a hyphen. A stretch of a text scanned as the whole text would be needs that many more.
 */
export const SCANNER_LOOKAHEAD = 2;

/** Offset just past the word that starts at `start`. */
export function wordEnd(text: string, start: number): number {
  const scanner = new WordScanner(text, start, Math.min(text.length, start + WORD_END_REACH));
  return scanner.next() ? scanner.end : start;
}

// Function words carry little of what a statement says; they count for less when similarity is weighed, so that a
// chance run of "there is no" in a novel does not pass for a reworded quotation.
const FUNCTION_WORDS = new Set(
  (
    "a an the and or but nor so yet if then than that this these those there here of in on at to for from by with " +
    "about as into onto over under up down out off is are was were be been being am do does did done have has had " +
    "having will would shall should can could may might must it its it's i me my we us our you your he him his she " +
    "her they them their what which who whom whose when where why how all any some such very just also not no " +
    "only own same too s t don't isn't aren't wasn't weren't i'm we're they're you're he's she's that's there's"
  ).split(' '),
);

/** How much a folded word weighs when similarity is computed: function words count a quarter. */
export function wordWeight(folded: string): number {
  // Only a word with an apostrophe can be a contraction: the others are spared the pattern.
  return FUNCTION_WORDS.has(folded) || (folded.includes("'") && CONTRACTED_FUNCTION_WORD.test(folded)) ? 0.25 : 1;
}

/** Contracted function words: wouldn't, can't, I've, we'll, they'd, she's. */
const CONTRACTED_FUNCTION_WORD = /^(?:[a-z]+n't|(?:i|we|you|they|he|she|it|that|there|who)'(?:ll|ve|d|re|m|s))$/;

const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'neither', 'cannot', 'nothing', 'none', 'nobody', 'nowhere']);

/** True for words that negate a statement: dropping one behind an ellipsis changes what was said. */
export function isNegation(folded: string): boolean {
  return NEGATIONS.has(folded) || folded.endsWith("n't");
}
