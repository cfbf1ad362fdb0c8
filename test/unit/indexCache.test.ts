import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fstatSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareBatch } from '../../server/src/core/prepare.js';
import { SourceIndex } from '../../server/src/core/sourceIndex.js';
import { parseSource } from '../../server/src/core/sources/index.js';
import { align8, PREAMBLE } from '../../server/src/io/fileHeader.js';
import { decodeBatch, decodeOpened, encodeBatch, openBatchFile, readBatchFile, storedFileNote, type StoredBatch } from '../../server/src/io/indexCache.js';
import { PlacesInFile } from '../../server/src/io/placesInFile.js';

function stored(): StoredBatch {
  const docs = [
    parseSource('/s/wire.txt', 'wire.txt', 'The mayor said: “The river is rising fast.” Café owners agreed. 𝔘𝔫𝔦'),
    parseSource('/s/page.html', 'page.html', '<html><head><title>Flood</title></head><body><p>“We will rebuild,” she said.</p></body></html>'),
  ];
  return {
    id: '0123456789abcdef',
    files: docs.map((doc) => ({ path: doc.id, size: 10, mtimeMs: 1, ctimeMs: 1, hash: 'h' })),
    docs: docs.map((doc) => ({ id: doc.id, meta: doc.meta, mapped: doc.file !== undefined })),
    skipped: [{ file: '/s/photo.jpg', reason: 'unsupported format (.jpg)' }],
    bytes: 20,
    maxFileBytes: 50_000_000,
    batch: prepareBatch(docs.map((doc) => doc.text)),
  };
}

test('a batch of skipped files alone, whose arrays are all empty, reads back as it was written', () => {
  const empty: StoredBatch = {
    ...stored(),
    docs: [],
    files: [{ path: '/s/huge.txt', size: 21_500_000, mtimeMs: 1, ctimeMs: 1, hash: '' }],
    skipped: [{ file: '/s/huge.txt', reason: 'file too large' }],
    batch: prepareBatch([]),
  };
  const back = decodeBatch(Buffer.concat(encodeBatch(empty)));
  assert.deepEqual([back.docs, back.skipped, back.maxFileBytes], [[], empty.skipped, empty.maxFileBytes]);
});

test('a stored batch reads back as it was written', () => {
  const original = stored();
  const back = decodeBatch(Buffer.concat(encodeBatch(original)));
  assert.equal(back.id, original.id);
  assert.deepEqual(back.docs, original.docs);
  assert.deepEqual(back.files, original.files);
  assert.deepEqual(back.skipped, original.skipped);
  assert.equal(back.bytes, original.bytes);
  assert.equal(back.maxFileBytes, original.maxFileBytes);
  assert.deepEqual(back.batch.vocabulary, original.batch.vocabulary);
  assert.deepEqual(back.batch.hashes, original.batch.hashes);
  assert.deepEqual(back.batch.counts, original.batch.counts);
  assert.deepEqual(back.batch.ids, original.batch.ids);
  assert.deepEqual(back.batch.marks, original.batch.marks);
  assert.deepEqual(back.batch.lengths, original.batch.lengths);
  assert.deepEqual(back.batch.segment, original.batch.segment);
  assert.deepEqual(back.docs.map((doc) => doc.mapped), [false, true]);
});

/** The n-th word of a made-up language: letters only, so that each is one word to the tokenizer. */
function madeUpWord(n: number): string {
  let word = '';
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) word = String.fromCharCode(97 + ((k - 1) % 26)) + word;
  return `q${word}`;
}

test('word numbers take two bytes in a batch of at most 65,536 different words, four in a larger one, and read back as written', () => {
  for (const [different, kind] of [[65_536, Uint16Array], [70_000, Int32Array]] as const) {
    const words = Array.from({ length: different }, (_, n) => madeUpWord(n));
    // Each word once, then the last two and the first again: the last words' numbers need all the bytes they have.
    const text = [...words, words[different - 2], words[different - 1], words[0]].join(' ');
    const original = { ...stored(), docs: [{ id: '/s/list.txt', meta: {}, mapped: false }], batch: prepareBatch([text]) };
    assert.equal(original.batch.vocabulary.length, different);
    assert.ok(original.batch.ids[0] instanceof kind, `${different} words`);
    const back = decodeBatch(Buffer.concat(encodeBatch(original)));
    assert.ok(back.batch.ids[0] instanceof kind);
    assert.deepEqual(back.batch.ids, original.batch.ids);
    const index = new SourceIndex();
    index.addBatch([{ id: '/s/list.txt', text, meta: {} }], back.batch);
    const at = (first: string, second?: string) =>
      index.lookup(index.wordId(first), second === undefined ? -1 : index.wordId(second)).map(({ word }) => word);
    assert.deepEqual(at(words[different - 1]), [different - 1, different + 1]);
    assert.deepEqual(at(words[different - 2], words[different - 1]), [different - 2, different]);
    assert.deepEqual(at(words[0]), [0, different + 2]);
    const [source] = index.lookup(index.wordId(words[different - 1])).map((found) => found.source);
    assert.equal(SourceIndex.idAt(source, different + 1), index.wordId(words[different - 1]));
    assert.deepEqual([...SourceIndex.idsOf(source, different - 2, different + 1)], [words[different - 2], words[different - 1], words[different - 2]].map((w) => index.wordId(w)));
  }
});

test('a damaged stored batch is refused with a reason, never read', () => {
  const bytes = Buffer.concat(encodeBatch(stored()));
  assert.throws(() => decodeBatch(Buffer.from('not an index at all')), /not a Verbatim index file/);
  assert.throws(() => decodeBatch(bytes.subarray(0, bytes.length - 9)), /cut short/);
  const otherFormat = Buffer.from(bytes);
  otherFormat.writeUInt32LE(999, 4);
  assert.throws(() => decodeBatch(otherFormat), /index format 999/);
  const garbled = Buffer.from(bytes);
  garbled.write('{', PREAMBLE);
  garbled.write('x', PREAMBLE + 1);
  assert.throws(() => decodeBatch(garbled), /JSON/);
  // A header that still reads as JSON, or any byte of what is read of the batch, changed: the checksum tells.
  const header = bytes.toString('latin1', PREAMBLE, PREAMBLE + bytes.readUInt32LE(8));
  const digit = header.search(/"bytes":\d/) + '"bytes":'.length;
  const renumbered = Buffer.from(bytes);
  renumbered[PREAMBLE + digit] = renumbered[PREAMBLE + digit] === 0x39 ? 0x38 : renumbered[PREAMBLE + digit] + 1;
  assert.throws(() => decodeBatch(renumbered), /damaged \(its checksum does not match\)/);
  const wordFlipped = Buffer.from(bytes);
  wordFlipped[align8(PREAMBLE + bytes.readUInt32LE(8)) + 3] ^= 0x40;
  assert.throws(() => decodeBatch(wordFlipped), /damaged \(its checksum does not match\)/);
});

test('a stored batch read ahead that turns out damaged is refused, and its file closed', async (t) => {
  const bytes = Buffer.concat(encodeBatch(stored()));
  bytes[align8(PREAMBLE + bytes.readUInt32LE(8)) + 3] ^= 0x40;
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-places-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'batch.vbi'), bytes);
  const opened = await openBatchFile(join(dir, 'batch.vbi'));
  assert.throws(() => decodeOpened(opened), /damaged \(its checksum does not match\)/);
  assert.throws(() => fstatSync(opened.fd), { code: 'EBADF' });
  await assert.rejects(openBatchFile(join(dir, 'none.vbi')), { code: 'ENOENT' });
});

/** Writes the batch to a file of its own in a new folder, and gives its path. */
function storedFile(batch: StoredBatch): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-places-'));
  const path = join(dir, 'batch.vbi');
  writeFileSync(path, Buffer.concat(encodeBatch(batch)));
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every place of every word and word pair of the batch's vocabulary, as the index finds them. */
function allPlaces(batch: StoredBatch): string[] {
  const index = new SourceIndex();
  index.addBatch(batch.docs.map((doc) => ({ id: doc.id, text: '', meta: doc.meta })), batch.batch);
  const found: string[] = [];
  const words = batch.batch.vocabulary.map((word) => index.wordId(word));
  for (const first of words) {
    for (const { source, word } of index.lookup(first)) found.push(`${first} ${source.doc.id} ${word}`);
    for (const second of words) for (const { source, word } of index.lookup(first, second)) found.push(`${first} ${second} ${source.doc.id} ${word}`);
  }
  return found;
}

test('a stored batch read with its places left on disk finds every place the batch in memory finds', async (t) => {
  const original = stored();
  const file = storedFile(original);
  t.after(file.remove);
  const inMemory = readBatchFile(file.path);
  const onDisk = decodeOpened(await openBatchFile(file.path));
  const { places } = onDisk.batch.segment;
  assert.ok(places instanceof PlacesInFile);
  t.after(() => places.close());
  assert.ok(inMemory.batch.segment.places instanceof Uint32Array);
  assert.equal(places.length, inMemory.batch.segment.places.length);
  assert.deepEqual(onDisk.batch.ids, original.batch.ids);
  assert.deepEqual(onDisk.docs, original.docs);
  const expected = allPlaces(original);
  assert.ok(expected.length > 20);
  assert.deepEqual(allPlaces(onDisk), expected);
  assert.deepEqual(allPlaces(inMemory), expected);
});

test('places left on disk are refused when the file is cut short, at once or while in use', async (t) => {
  const file = storedFile(stored());
  t.after(file.remove);
  const { places } = decodeOpened(await openBatchFile(file.path)).batch.segment;
  assert.ok(places instanceof PlacesInFile);
  t.after(() => places.close());
  assert.equal(places.read(0, 1).length, 1);
  truncateSync(file.path, places.position + 4);
  await assert.rejects(openBatchFile(file.path), /cut short/);
  // The batch opened before the file was cut finds out at its next look-up of the places, and says so: a block is
  // read and checked whole, and this one lost all but its first place.
  assert.throws(() => places.read(0, 1), /cut short while in use/);
  assert.throws(() => places.read(0, places.length), /cut short while in use/);
});

test('a stored file that is not there is no news; one that cannot be read or is damaged is said so', () => {
  const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });
  assert.equal(storedFileNote('/c/b.vbi', errno('ENOENT')), null);
  assert.equal(storedFileNote('/c/b.vbi', errno('ENOTDIR')), null);
  assert.equal(storedFileNote('/c/b.vbi', errno('EACCES')), 'could not read the index file /c/b.vbi: EACCES: failed');
  assert.equal(storedFileNote('/c/b.vbi', new Error('the index file is cut short')), 'discarded a damaged index file /c/b.vbi: the index file is cut short');
});
