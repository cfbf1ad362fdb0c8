import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceFile } from '../../server/src/io/replaceFile.js';

test('a file is replaced by its new content, its folder made when missing', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-replace-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'deep', 'index.vbi');
  replaceFile(path, [Buffer.from('old')]);
  replaceFile(path, [Buffer.from('new '), Buffer.from('content')]);
  assert.equal(readFileSync(path, 'utf8'), 'new content');
  assert.deepEqual(readdirSync(join(dir, 'deep')), ['index.vbi']);
});

test('a file that cannot be replaced leaves nothing written aside behind', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-replace-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // A folder that is not empty stands where the file should go: the rename fails.
  mkdirSync(join(dir, 'index.vbi'));
  writeFileSync(join(dir, 'index.vbi', 'inside'), 'x');
  assert.throws(() => replaceFile(join(dir, 'index.vbi'), [Buffer.from('content')]));
  assert.deepEqual(readdirSync(dir), ['index.vbi']);
});
