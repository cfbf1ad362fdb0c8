// Tests of the offset/position and path/URI conversion: line breaks of every kind and UTF-16 code units.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, isFileUri, pathToUri, uriToPath } from '../../server/src/convert.js';

test('positions on LF lines, and back', () => {
  const lines = new LineIndex('ab\ncd\n');
  assert.equal(lines.lineCount, 3);
  assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
  assert.deepEqual(lines.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(lines.positionAt(5), { line: 1, character: 2 });
  assert.deepEqual(lines.positionAt(6), { line: 2, character: 0 });
  for (let offset = 0; offset <= 6; offset++) assert.equal(lines.offsetAt(lines.positionAt(offset)), offset);
});

test('CRLF counts as one line break and its two units stay on the line they end', () => {
  const text = 'one\r\ntwo\r\n\r\nfour';
  const lines = new LineIndex(text);
  assert.equal(lines.lineCount, 4);
  assert.deepEqual(lines.positionAt(text.indexOf('two')), { line: 1, character: 0 });
  assert.deepEqual(lines.positionAt(text.indexOf('four')), { line: 3, character: 0 });
  assert.deepEqual(lines.positionAt(3), { line: 0, character: 3 });
  assert.deepEqual(lines.positionAt(4), { line: 0, character: 4 });
  assert.equal(lines.offsetAt({ line: 3, character: 2 }), text.indexOf('four') + 2);
  assert.equal(lines.offsetAt({ line: 2, character: 0 }), text.indexOf('\r\n\r\n') + 2);
});

test('a lone CR ends a line, and CR LF mixtures are split as LSP does', () => {
  const text = 'a\rb\n\rc';
  const lines = new LineIndex(text);
  assert.equal(lines.lineCount, 4);
  assert.deepEqual(lines.positionAt(text.indexOf('b')), { line: 1, character: 0 });
  assert.deepEqual(lines.positionAt(text.indexOf('c')), { line: 3, character: 0 });
});

test('characters count UTF-16 code units: surrogate pairs and emoji take two', () => {
  const text = '😀 “𝒳” said\nnext 👍🏽 end';
  const lines = new LineIndex(text);
  assert.deepEqual(lines.positionAt(text.indexOf('“')), { line: 0, character: 3 });
  assert.deepEqual(lines.positionAt(text.indexOf('”')), { line: 0, character: 6 });
  const end = text.indexOf('end');
  assert.deepEqual(lines.positionAt(end), { line: 1, character: 10 });
  assert.equal(lines.offsetAt({ line: 1, character: 10 }), end);
  assert.equal(text.slice(lines.offsetAt({ line: 0, character: 4 }), lines.offsetAt({ line: 0, character: 6 })), '𝒳');
});

test('positions past the end of a line or text are clamped', () => {
  const text = 'short\r\nlonger line\n';
  const lines = new LineIndex(text);
  assert.equal(lines.offsetAt({ line: 0, character: 99 }), 5, 'clamped before the CRLF');
  assert.equal(lines.offsetAt({ line: 1, character: 99 }), text.indexOf('\n', 7));
  assert.equal(lines.offsetAt({ line: 9, character: 0 }), text.length);
  assert.equal(lines.offsetAt({ line: -1, character: 3 }), 0);
  assert.deepEqual(lines.positionAt(-4), { line: 0, character: 0 });
  assert.deepEqual(lines.positionAt(1000), { line: 2, character: 0 });
});

test('rangeOf gives both ends', () => {
  const lines = new LineIndex('x\n“quoted words”');
  assert.deepEqual(lines.rangeOf(3, 15), { start: { line: 1, character: 1 }, end: { line: 1, character: 13 } });
});

test('an empty text has one empty line', () => {
  const lines = new LineIndex('');
  assert.equal(lines.lineCount, 1);
  assert.deepEqual(lines.positionAt(0), { line: 0, character: 0 });
  assert.equal(lines.offsetAt({ line: 0, character: 5 }), 0);
});

test('round trip over every offset of a mixed text', () => {
  const text = 'α\r\nβ😀\rγ\n\n“δ”\r\n';
  const lines = new LineIndex(text);
  for (let offset = 0; offset <= text.length; offset++) {
    const position = lines.positionAt(offset);
    // Offsets inside a CRLF pair have no position of their own in LSP terms; the rest round-trip exactly.
    if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
    assert.equal(lines.offsetAt(position), offset, `offset ${offset}`);
  }
});

test('paths and file URIs convert both ways, with spaces and non-ASCII names encoded', () => {
  const path = process.platform === 'win32' ? 'C:\\work\\my drafts\\café.md' : '/work/my drafts/café.md';
  const uri = pathToUri(path);
  assert.ok(uri.startsWith('file:///'));
  assert.ok(uri.includes('my%20drafts'));
  assert.ok(uri.endsWith('caf%C3%A9.md'));
  assert.equal(uriToPath(uri), path);
  assert.ok(isFileUri(uri));
  assert.ok(!isFileUri(path));
  assert.throws(() => uriToPath('https://example.com/x'));
});
