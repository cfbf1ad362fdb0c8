import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareBatch } from '../../server/src/core/prepare.js';
import { parseSource } from '../../server/src/core/sources/index.js';
import { decodeBatch, encodeBatch, type StoredBatch } from '../../server/src/io/indexCache.js';

function stored(): StoredBatch {
  const docs = [
    parseSource('/s/wire.txt', 'wire.txt', 'The mayor said: “The river is rising fast.” Café owners agreed. 𝔘𝔫𝔦'),
    parseSource('/s/page.html', 'page.html', '<html><head><title>Flood</title></head><body><p>“We will rebuild,” she said.</p></body></html>'),
  ];
  return {
    files: docs.map((doc) => ({ path: doc.id, size: 10, mtimeMs: 1, hash: 'h' })),
    docs: docs.map((doc) => ({ id: doc.id, meta: doc.meta, mapped: doc.file !== undefined })),
    skipped: [{ file: '/s/scan.pdf', reason: 'unsupported format (.pdf)' }],
    bytes: 20,
    batch: prepareBatch(docs.map((doc) => doc.text)),
  };
}

test('a stored batch reads back as it was written', () => {
  const original = stored();
  const back = decodeBatch(Buffer.concat(encodeBatch(original)));
  assert.deepEqual(back.docs, original.docs);
  assert.deepEqual(back.files, original.files);
  assert.deepEqual(back.skipped, original.skipped);
  assert.equal(back.bytes, original.bytes);
  assert.deepEqual(back.batch.vocabulary, original.batch.vocabulary);
  assert.deepEqual(back.batch.hashes, original.batch.hashes);
  assert.deepEqual(back.batch.counts, original.batch.counts);
  assert.deepEqual(back.batch.ids, original.batch.ids);
  assert.deepEqual(back.batch.marks, original.batch.marks);
  assert.deepEqual(back.batch.lengths, original.batch.lengths);
  assert.deepEqual(back.batch.segment, original.batch.segment);
  assert.deepEqual(back.docs.map((doc) => doc.mapped), [false, true]);
});

test('a damaged stored batch is refused with a reason, never read', () => {
  const bytes = Buffer.concat(encodeBatch(stored()));
  assert.throws(() => decodeBatch(Buffer.from('not an index at all')), /not a Verbatim index file/);
  assert.throws(() => decodeBatch(bytes.subarray(0, bytes.length - 9)), /cut short/);
  const otherFormat = Buffer.from(bytes);
  otherFormat.writeUInt32LE(999, 4);
  assert.throws(() => decodeBatch(otherFormat), /index format 999/);
  const garbled = Buffer.from(bytes);
  garbled.write('{', 12);
  garbled.write('x', 13);
  assert.throws(() => decodeBatch(garbled));
});
