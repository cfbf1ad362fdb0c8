// Turns the bytes of a source file into text: detects the encoding, strips a byte order mark, and refuses binaries.
import { isAscii, isUtf8, transcode } from 'node:buffer';

/**
 * How a decoded text stands in its file: its encoding, and how many bytes (a byte order mark) come before it. Given
 * only when every character of the text is exactly the bytes it came from, so that a stretch of the file cut where a
 * character starts decodes to the same stretch of the text.
 */
export interface TextEncoding {
  name: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  skip: number;
}

/** The decoded text of a source file (with its encoding, when exact), or the reason it cannot be read as text. */
export type DecodeResult = { text: string; encoding?: TextEncoding } | { skip: string };

/** Signatures of common binary formats that may sit in a sources folder, checked before anything else. */
const BINARY_SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'OLE (old Office)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

/** At most this share of control characters (other than tab, line feed, carriage return, form feed) in text. */
const MAX_CONTROL_SHARE = 0.1;

/**
 * Decodes a source file. A UTF-8 or UTF-16 (LE/BE) byte order mark decides the encoding and is stripped; without
 * one, the bytes are read as UTF-8 when they are valid UTF-8 and as Windows-1252 otherwise (so 0x93 and 0x94
 * become “ and ”). Line ends and stray control characters are kept as they are so that offsets stay meaningful
 * for the file. Binary files (known signatures, NUL bytes, mostly control characters) give `{ skip: reason }`.
 * `known` says the bytes are those of a file already read as text (its content hash or stamp unchanged): the share of
 * control characters, which took a pass over the start of the text then, is not counted again.
 */
export function decodeSource(bytes: Uint8Array, known = false): DecodeResult {
  const check = known ? (text: string): DecodeResult => ({ text }) : checkControls;
  const checkText = (text: string, encoding?: TextEncoding): DecodeResult => {
    const result = check(text);
    return 'text' in result && encoding ? { text, encoding } : result;
  };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    if (bytes.includes(0)) return { skip: 'binary file (NUL bytes)' };
    // Invalid sequences become replacement characters, which stand for other bytes than their own: no exact encoding.
    const valid = decodeUtf8(bytes.subarray(3));
    return valid === null ? checkText(new TextDecoder('utf-8').decode(bytes.subarray(3))) : checkText(valid, { name: 'utf-8', skip: 3 });
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'utf-16le', 2, checkText);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'utf-16be', 2, checkText);
  for (const signature of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) return { skip: `binary file (${signature.name})` };
  }
  if (bytes.includes(0)) {
    const utf16 = guessUtf16(bytes);
    return utf16 ? decodeUtf16(bytes, utf16, 0, checkText) : { skip: 'binary file (NUL bytes)' };
  }
  // Without a BOM, bytes that are not valid UTF-8 are almost always a legacy single-byte encoding; wire archives are
  // typically Windows-1252, whose printable range is a superset of ISO-8859-1.
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return checkText(utf8, { name: 'utf-8', skip: 0 });
  return checkText(decodeWindows1252(bytes), { name: 'windows-1252', skip: 0 });
}

/**
 * Decodes a stretch of a file's bytes in the encoding its text was read with, the stretch cut where characters start
 * (after the byte order mark).
 */
export function decodeStretch(bytes: Uint8Array, encoding: TextEncoding): string {
  switch (encoding.name) {
    case 'utf-8':
      return decodeUtf8(bytes) ?? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    case 'windows-1252':
      return decodeWindows1252(bytes);
    default:
      // A stretch may start with U+FEFF, which is text there and no byte order mark.
      return new TextDecoder(encoding.name, { ignoreBOM: true }).decode(bytes);
  }
}

/**
 * The text of bytes that are valid UTF-8, or null. ASCII is copied as it is; other UTF-8 goes through UTF-16 bytes,
 * which the runtime turns into a string by copying. A TextDecoder takes about twice as long over a long text with a
 * few curly quotes or accents, the usual source, which is most of the cost of reading one.
 */
function decodeUtf8(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (isAscii(buffer)) return buffer.toString('latin1');
  if (!isUtf8(buffer)) return null;
  return transcode(buffer, 'utf8', 'utf16le').toString('utf16le');
}

/**
 * Windows-1252 code points of the bytes 0x80-0x9F (the rest equals ISO-8859-1). Node's TextDecoder treats the
 * label 'windows-1252' as ISO-8859-1 and would turn 0x93 into a control character instead of “, so the table
 * is applied here. The five unassigned bytes keep their C1 code points, as the WHATWG encoding does.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d,
  0x17e, 0x178,
];

/** The text of bytes in Windows-1252, the code page of Western European text on Windows and in RTF. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const codes = Array.from(bytes.subarray(offset, offset + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80]! : b));
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

function decodeUtf16(
  bytes: Uint8Array,
  encoding: 'utf-16le' | 'utf-16be',
  skip: number,
  checkText: (text: string, encoding: TextEncoding) => DecodeResult,
): DecodeResult {
  if (bytes.length % 2 !== 0) return { skip: `unreadable ${encoding.toUpperCase()} file (odd number of bytes)` };
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return text.includes('\0') ? { skip: 'binary file (NUL bytes)' } : checkText(text, { name: encoding, skip });
  } catch {
    return { skip: `unreadable ${encoding.toUpperCase()} file (invalid character data)` };
  }
}

/**
 * Recognises UTF-16 text written without a byte order mark: mostly Latin text then has a NUL in every other
 * byte, always on the same side. Anything less regular is treated as binary.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length % 2 !== 0) return null;
  const sample = Math.min(bytes.length, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros >= pairs * 0.6 && evenZeros === 0) return 'utf-16le';
  if (evenZeros >= pairs * 0.6 && oddZeros === 0) return 'utf-16be';
  return null;
}

/** How many characters at the start of a text the control-character share is measured over. */
const CONTROL_SAMPLE = 65_536;

/**
 * Refuses decoded text that is mostly control characters (a binary format without a known signature). The share is
 * measured over the start of the text, as binary formats show themselves there and reading the whole of a large
 * source for it would cost as much as indexing it.
 */
function checkControls(text: string): DecodeResult {
  // NUL characters are refused before this, where they are cheap to find: in the bytes, or in UTF-16 text.
  const sample = Math.min(text.length, CONTROL_SAMPLE);
  if (sample > 0 && countControls(text, sample) / sample > MAX_CONTROL_SHARE) {
    return { skip: 'binary file (mostly control characters)' };
  }
  return { text };
}

/**
 * How many control characters the first `sample` characters hold. A function that ends with its loop, so that the
 * engine, which optimizes the loop while it runs, meets no code after it that it knows nothing about yet.
 */
function countControls(text: string, sample: number): number {
  let controls = 0;
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return controls;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}
