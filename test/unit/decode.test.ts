import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSource } from '../../server/src/io/decode.js';

const QUOTE = '“Groundless,” he said — ok';

function utf16(text: string, bigEndian: boolean, bom = true): Uint8Array {
  const bytes: number[] = bom ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (bigEndian) bytes.push(c >> 8, c & 0xff);
    else bytes.push(c & 0xff, c >> 8);
  }
  return Uint8Array.from(bytes);
}

test('UTF-8 without a BOM is read as UTF-8', () => {
  assert.deepEqual(decodeSource(new TextEncoder().encode(QUOTE)), { text: QUOTE, encoding: { name: 'utf-8', skip: 0 } });
});

test('a UTF-8 BOM is stripped', () => {
  const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(QUOTE)]);
  assert.deepEqual(decodeSource(bytes), { text: QUOTE, encoding: { name: 'utf-8', skip: 3 } });
  // Invalid bytes after a BOM become replacement characters, which are not the bytes they stand for: no encoding.
  assert.deepEqual(decodeSource(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x42])), { text: 'A\ufffdB' });
});

test('UTF-16 LE and BE with a BOM are decoded and the BOM stripped', () => {
  assert.deepEqual(decodeSource(utf16(QUOTE, false)), { text: QUOTE, encoding: { name: 'utf-16le', skip: 2 } });
  assert.deepEqual(decodeSource(utf16(QUOTE, true)), { text: QUOTE, encoding: { name: 'utf-16be', skip: 2 } });
});

test('UTF-16 LE without a BOM is recognised rather than taken for binary', () => {
  assert.deepEqual(decodeSource(utf16('Plain Latin text, said Ross.', false, false)), {
    text: 'Plain Latin text, said Ross.',
    encoding: { name: 'utf-16le', skip: 0 },
  });
});

test('Windows-1252 curly quotes and dashes (0x93, 0x94, 0x97) become “ ” —', () => {
  const bytes = Uint8Array.from([0x93, ...Buffer.from('Groundless,'), 0x94, ...Buffer.from(' he said '), 0x97, 0x20, 0xe9]);
  assert.deepEqual(decodeSource(bytes), { text: '“Groundless,” he said — é', encoding: { name: 'windows-1252', skip: 0 } });
});

test('CRLF, lone CR and stray control characters are kept so that offsets match the file', () => {
  const text = 'line one\r\nline two\rline three\u0007 bell\u000b';
  assert.deepEqual(decodeSource(new TextEncoder().encode(text)), { text, encoding: { name: 'utf-8', skip: 0 } });
});

test('NUL bytes mark a binary file', () => {
  const bytes = Uint8Array.from([0x41, 0x00, 0x42, 0x43, 0x00, 0x00, 0x01, 0x44, 0x45]);
  assert.deepEqual(decodeSource(bytes), { skip: 'binary file (NUL bytes)' });
});

test('known binary signatures are named', () => {
  assert.deepEqual(decodeSource(new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n')), { skip: 'binary file (PDF)' });
  assert.deepEqual(decodeSource(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), { skip: 'binary file (PNG)' });
  assert.deepEqual(decodeSource(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])), { skip: 'binary file (ZIP)' });
});

test('text that is mostly control characters is binary', () => {
  const bytes = Uint8Array.from(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x41 : 0x01 + (i % 7))));
  assert.deepEqual(decodeSource(bytes), { skip: 'binary file (mostly control characters)' });
  // Read again as a file known to be text (it was indexed as one), it is not counted again; NUL bytes still refuse.
  assert.deepEqual(decodeSource(bytes, true), { text: new TextDecoder().decode(bytes), encoding: { name: 'utf-8', skip: 0 } });
  assert.deepEqual(decodeSource(Buffer.from('a\0b'), true), { skip: 'binary file (NUL bytes)' });
});

test('an empty file is empty text', () => {
  assert.deepEqual(decodeSource(new Uint8Array()), { text: '', encoding: { name: 'utf-8', skip: 0 } });
});
