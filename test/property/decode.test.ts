// Properties of decoding source files: any text written as UTF-8 reads back as itself, and any bytes at all read back
// as the standard UTF-8 decoder reads them when they are valid UTF-8, and as Windows-1252 otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import './seed.js';
import { decodeSource, decodeStretch, type TextEncoding } from '../../server/src/io/decode.js';

/** Text of every width: ASCII, Latin-1, the rest of the BMP, astral characters (surrogate pairs), mixed. */
const text = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('a', ' ', '\n', 'é', '“', '”', '—', '😀', '中'), maxLength: 200 }),
);

test('text written as UTF-8 without a BOM reads back as itself', () => {
  fc.assert(
    fc.property(text, (written) => {
      // NUL bytes mark a binary file, and a first character U+FEFF is a byte order mark: neither is text to compare.
      fc.pre(!written.includes('\0') && !written.startsWith('\ufeff'));
      const decoded = decodeSource(new TextEncoder().encode(written), true);
      assert.deepEqual(decoded, { text: written, encoding: { name: 'utf-8', skip: 0 } });
    }),
  );
});

test('a stretch of a file cut where characters start decodes to the same stretch of its text, in every encoding', () => {
  const encodings: { name: TextEncoding['name']; bom: number[]; encode: (text: string) => Uint8Array }[] = [
    { name: 'utf-8', bom: [], encode: (t) => new TextEncoder().encode(t) },
    { name: 'utf-8', bom: [0xef, 0xbb, 0xbf], encode: (t) => new TextEncoder().encode(t) },
    { name: 'utf-16le', bom: [0xff, 0xfe], encode: (t) => new Uint8Array(Buffer.from(t, 'utf16le')) },
    { name: 'utf-16be', bom: [0xfe, 0xff], encode: (t) => new Uint8Array(Buffer.from(t, 'utf16le').swap16()) },
  ];
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), fc.nat(encodings.length - 1), (written, a, b, e) => {
      fc.pre(!written.includes('\0') && !written.startsWith('\ufeff'));
      const { name, bom, encode } = encodings[e];
      const file = Uint8Array.from([...bom, ...encode(written)]);
      // Read as a file already known to be text, so that text of control characters alone is not refused as binary.
      const decoded = decodeSource(file, true);
      assert.ok('text' in decoded && decoded.encoding, 'an exact encoding');
      assert.deepEqual(decoded.encoding, { name, skip: bom.length });
      // Cut between characters, never inside a surrogate pair, where the reader of a stored text cuts a file.
      const cuts = [0, ...[...written].map((_, k, chars) => chars.slice(0, k + 1).join('').length)];
      const from = cuts[a % cuts.length];
      const to = Math.max(from, cuts[b % cuts.length]);
      const byteAt = (offset: number) => bom.length + encode(written.slice(0, offset)).length;
      assert.equal(decodeStretch(file.subarray(byteAt(from), byteAt(to)), decoded.encoding), written.slice(from, to));
    }),
  );
});

/** First bytes of byte order marks and of the binary signatures that decoding looks for. */
const SPECIAL_FIRST_BYTES = new Set([0xef, 0xfe, 0xff, 0x25, 0x89, 0x47, 0x50, 0x1f, 0xd0]);

test('any bytes read back as UTF-8 when they are valid UTF-8, and otherwise byte by byte', () => {
  const bytes = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((array) => array.map((b) => (b === 0 ? 0x20 : b)));
  fc.assert(
    fc.property(bytes, (array) => {
      // Files starting with a byte order mark or a known binary signature take other paths.
      fc.pre(!SPECIAL_FIRST_BYTES.has(array[0]));
      let expected: string | null;
      try {
        expected = new TextDecoder('utf-8', { fatal: true }).decode(array);
      } catch {
        expected = null;
      }
      const decoded = decodeSource(array, true);
      assert.ok('text' in decoded);
      if (expected !== null) assert.equal(decoded.text, expected);
      else assert.equal(decoded.text.length, array.length);
    }),
  );
});
