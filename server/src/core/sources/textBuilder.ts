// Builds the visible text of a marked-up source piece by piece, keeping where each character stands in the file.
import type { TextSegment } from '../types.js';

/** Where a run of a decoded text node's characters stands in the raw file. */
interface Piece {
  value: number;
  raw: number;
  length: number;
}

/** How far ahead the raw markup is searched to find where a decoded text node resumes after a mismatch. */
const RESYNC_WINDOW = 256;
/** How many characters must agree to accept a resynchronisation point. */
const RESYNC_LENGTH = 8;

const ENTITY = /&(?:#[xX][0-9a-fA-F]*;?|#[0-9]*;?|[A-Za-z][A-Za-z0-9]*;?)/y;

/**
 * Accumulates text with its segments. White space is collapsed to single spaces (outside preformatted text),
 * blocks are separated by blank lines, and every character that comes from the file gets a segment entry;
 * inserted breaks have none.
 */
export class TextBuilder {
  // Code units in an array rather than a growing string: reading the last character of a concatenated string
  // flattens it, which would make building a large page quadratic.
  private readonly chars: string[] = [];
  private readonly segments: TextSegment[] = [];

  constructor(private readonly content: string) {}

  /**
   * Appends a decoded text node whose raw form starts at `rawStart` in the file (null when the parser did not
   * say). Entities, CRLF pairs and replaced characters make the decoded value differ from the raw text; the
   * value is aligned with the raw text so that each character maps to the place it came from.
   */
  append(value: string, rawStart: number | null, preformatted: boolean): void {
    const pieces = rawStart === null ? [] : align(value, this.content, rawStart);
    let p = 0;
    for (let j = 0; j < value.length; j++) {
      while (p < pieces.length && j >= pieces[p]!.value + pieces[p]!.length) p++;
      const piece = pieces[p];
      const raw = piece && j >= piece.value ? piece.raw + (j - piece.value) : null;
      const ch = value[j]!;
      if (!preformatted && isSpace(ch)) {
        if (this.chars.length === 0 || isSpace(this.last(1))) continue;
        this.push(' ', raw);
      } else {
        this.push(ch, raw);
      }
    }
  }

  /** Ends the current paragraph: trailing white space goes, and a blank line follows unless one is there. */
  blockBreak(): void {
    this.trimEnd();
    if (this.chars.length === 0 || (this.last(1) === '\n' && this.last(2) === '\n')) return;
    if (this.last(1) !== '\n') this.chars.push('\n');
    this.chars.push('\n');
  }

  /** A line break (`br`). */
  lineBreak(): void {
    this.trimEnd();
    if (this.chars.length > 0) this.chars.push('\n');
  }

  /** The text without trailing white space, and its segments. */
  finish(): { text: string; segments: TextSegment[] } {
    this.trimEnd();
    return { text: this.chars.join(''), segments: this.segments };
  }

  private push(ch: string, raw: number | null): void {
    const at = this.chars.length;
    this.chars.push(ch);
    if (raw === null) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.text + last.length === at && last.file + last.length === raw) last.length++;
    else this.segments.push({ text: at, file: raw, length: 1 });
  }

  /** The n-th character from the end (1 is the last), or "" before the start. */
  private last(n: number): string {
    return this.chars[this.chars.length - n] ?? '';
  }

  private trimEnd(): void {
    let end = this.chars.length;
    while (end > 0 && isSpace(this.chars[end - 1]!)) end--;
    if (end === this.chars.length) return;
    this.chars.length = end;
    while (this.segments.length > 0) {
      const last = this.segments[this.segments.length - 1]!;
      if (last.text >= end) this.segments.pop();
      else {
        last.length = Math.min(last.length, end - last.text);
        break;
      }
    }
  }
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f';
}

/** Aligns a decoded text node with the raw file text that starts at `rawStart`. */
function align(value: string, raw: string, rawStart: number): Piece[] {
  if (raw.startsWith(value, rawStart)) return [{ value: 0, raw: rawStart, length: value.length }];
  const pieces: Piece[] = [];
  let i = referenceStart(value, raw, rawStart);
  let j = 0;
  const add = (length: number): void => {
    const last = pieces[pieces.length - 1];
    if (last && last.value + last.length === j && last.raw + last.length === i) last.length += length;
    else pieces.push({ value: j, raw: i, length });
  };
  while (j < value.length && i < raw.length) {
    if (raw[i] === value[j]) {
      add(1);
      i++;
      j++;
      continue;
    }
    if (raw[i] === '\r' && value[j] === '\n') {
      // The parser turns CRLF and a lone CR into LF: skip the CR of a pair, map a lone CR to its LF.
      if (raw[i + 1] === '\n') i++;
      else {
        add(1);
        i++;
        j++;
      }
      continue;
    }
    if (raw[i] === '&') {
      const entity = matchEntity(value, j, raw, i);
      if (entity) {
        add(entity.decoded);
        i += entity.raw;
        j += entity.decoded;
        continue;
      }
    }
    const resumed = resync(value, j, raw, i);
    if (resumed > i) {
      i = resumed;
      continue;
    }
    // A character the parser replaced (NUL, a lone CR): it still stands at this place in the file.
    add(1);
    i++;
    j++;
  }
  return pieces;
}

/**
 * Where a text node really starts. The parser can report the start of a node that opens with a character
 * reference after leading white space of the document as a point inside that reference; the reference's "&",
 * a few characters back, is then the start.
 */
function referenceStart(value: string, raw: string, rawStart: number): number {
  if (value.length === 0 || raw[rawStart] === value[0] || raw[rawStart] === '&') return rawStart;
  const amp = raw.lastIndexOf('&', rawStart);
  if (amp < 0 || rawStart - amp > 32 || !/^&[#\w]*;?$/.test(raw.slice(amp, rawStart))) return rawStart;
  return matchEntity(value, 0, raw, amp) ? amp : rawStart;
}

/** The raw length of the character reference at raw[i] and how many decoded characters it gave, if it fits. */
function matchEntity(value: string, j: number, raw: string, i: number): { raw: number; decoded: number } | null {
  ENTITY.lastIndex = i;
  const m = ENTITY.exec(raw);
  if (!m) return null;
  // Legacy references may end before the longest name ("&copy2019"), and one reference can decode to two
  // code units (rarely, so one is tried first); the right reading is the one after which the raw text and the
  // value agree again.
  // A character outside the Basic Multilingual Plane is two code units that one reference gave together.
  const counts = /[\uD800-\uDBFF]/.test(value[j] ?? '') ? [2] : [1, 2];
  for (const strict of [true, false]) {
    for (const decoded of counts) {
      if (j + decoded > value.length) continue;
      for (let length = m[0].length; length >= 2; length--) {
        if (agrees(value, j + decoded, raw, i + length, strict)) return { raw: length, decoded };
      }
    }
  }
  return null;
}

/**
 * Whether the value from `j` and the raw text from `i` agree for the next few characters, or up to the next
 * character reference or carriage return (which the caller aligns in turn). Strictly, at least one character
 * must agree first; otherwise it is enough that the raw text goes on with another reference or with markup.
 */
function agrees(value: string, j: number, raw: string, i: number, strict: boolean): boolean {
  if (!strict) return i >= raw.length || raw[i] === '&' || raw[i] === '\r' || raw[i] === '<';
  for (let k = 0; k < RESYNC_LENGTH; k++) {
    if (j + k >= value.length) return true;
    if (raw[i + k] === value[j + k] || (raw[i + k] === '\r' && value[j + k] === '\n')) continue;
    return k > 0 && (raw[i + k] === '&' || raw[i + k] === '\r');
  }
  return true;
}

/** Where in the raw text, a little ahead, the value continues (markup the parser dropped), or `i` if nowhere. */
function resync(value: string, j: number, raw: string, i: number): number {
  const probe = value.slice(j, j + RESYNC_LENGTH);
  // A probe of one or two characters would be found by chance; such a short rest is mapped as it stands.
  if (probe.length < 3) return i;
  const window = raw.slice(i + 1, i + 1 + RESYNC_WINDOW + probe.length);
  const found = window.indexOf(probe);
  return found >= 0 ? i + 1 + found : i;
}
