import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareBatch, type PreparedBatch } from '../../server/src/core/prepare.js';
import { hashWord } from '../../server/src/core/segment.js';
import { SourceIndex } from '../../server/src/core/sourceIndex.js';
import type { SourceDocument } from '../../server/src/core/types.js';
import { joinedFile, readJoined, StoredJoin, writeJoined } from '../../server/src/io/joinedCache.js';

interface Batch {
  file: string;
  id: string;
  docs: SourceDocument[];
  batch: PreparedBatch;
}

function batchOf(file: string, id: string, texts: Record<string, string>): Batch {
  const docs = Object.entries(texts).map(([doc, text]) => ({ id: doc, text, meta: {} }));
  return { file, id, docs, batch: prepareBatch(docs.map((doc) => doc.text)) };
}

const A = (): Batch => batchOf('a.vbi', 'id-a', { wire: 'The mayor said the river is rising fast.', notes: 'Café owners agreed: “We will rebuild.”' });
const B = (): Batch => batchOf('b.vbi', 'id-b', { speech: 'The river will not beat us, the mayor said.' });
const B2 = (): Batch => batchOf('b.vbi', 'id-b2', { speech: 'Engineers warned the levee could fail overnight.' });

/** Joins the batches into a new index, through the dictionary stored in `dir`, and stores it. */
async function build(dir: string, batches: Batch[], notes: string[] = []): Promise<SourceIndex> {
  const index = new SourceIndex();
  const join = new StoredJoin(index, dir, (note) => notes.push(note));
  batches.forEach((b, n) => join.add(n, b.file, b.id, b.docs, b.batch));
  await join.finish();
  return index;
}

/** Every place of every word and word pair of the texts, as the index finds them: what checking depends on. */
function places(index: SourceIndex, batches: Batch[]): string[] {
  const words = [...new Set(batches.flatMap((b) => b.batch.vocabulary))].sort();
  const found: string[] = [];
  for (const first of words) {
    for (const { source, word } of index.lookup(index.wordId(first))) found.push(`${first} ${source.doc.id}:${word}`);
    for (const second of words) {
      for (const { source, word } of index.lookup(index.wordId(first), index.wordId(second))) found.push(`${first} ${second} ${source.doc.id}:${word}`);
    }
    found.push(`${first} rarity ${index.rarity(index.wordId(first)).toFixed(6)}`);
  }
  return found;
}

function plainIndex(batches: Batch[]): SourceIndex {
  const index = new SourceIndex();
  for (const b of batches) index.addBatch(b.docs, b.batch);
  return index;
}

function folder(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-joined-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('the stored dictionary reads back as written, and a missing one is no error', async (t) => {
  const dir = folder(t);
  assert.equal(readJoined(dir), null);
  const words = ['river', 'café', 'we’ll'];
  const joined = { batches: [{ file: 'a.vbi', id: 'x' }, { file: 'b.vbi', id: 'y' }], words: words.join('\n'), hashes: Uint32Array.from(words, hashWord), numbers: [Int32Array.of(2, 0), Int32Array.of(1)] };
  writeJoined(dir, joined);
  assert.deepEqual(readJoined(dir), joined);
});

test('a stored dictionary with a word under another hash, a word twice, or too few or many words, is discarded with a note', async (t) => {
  const dir = folder(t);
  const refused = async (words: string, hashed: string[], reason: RegExp) => {
    writeJoined(dir, { batches: [{ file: 'a.vbi', id: 'id-a' }], words, hashes: Uint32Array.from(hashed, hashWord), numbers: [new Int32Array(A().batch.hashes.length)] });
    const notes: string[] = [];
    const index = await build(dir, [A()], notes);
    assert.equal(notes.length, 1, words);
    assert.match(notes[0], reason);
    // Nothing of the refused dictionary is in the index: it is the index the batch makes on its own.
    assert.deepEqual(index.dictionaryEntries(), plainIndex([A()]).dictionaryEntries());
    assert.deepEqual(places(index, [A()]), places(plainIndex([A()]), [A()]));
  };
  // A word changed in place keeps the old word's hash: seeded, it could never be found.
  await refused('rivet\nrising', ['river', 'rising'], /joined\.vbj: the word "rivet" does not have its hash/);
  await refused('rising\nrivet', ['rising', 'river'], /the word "rivet" does not have its hash/);
  await refused('river\nriver', ['river', 'river'], /the word "river" comes twice/);
  await refused('river\n\nrising', ['river', '', 'rising'], /a word is empty/);
  await refused('river\nrising', ['river'], /more words than hashes/);
  await refused('river', ['river', 'rising'], /fewer words than hashes/);
  await refused('', ['river'], /a word is empty/);
});

test('a damaged stored dictionary is refused with a reason', async (t) => {
  const dir = folder(t);
  writeJoined(dir, { batches: [{ file: 'a.vbi', id: 'x' }], words: 'river\nrising', hashes: Uint32Array.of(hashWord('river'), hashWord('rising')), numbers: [Int32Array.of(1, 0)] });
  const bytes = readFileSync(joinedFile(dir));
  writeFileSync(joinedFile(dir), bytes.subarray(0, bytes.length - 2));
  assert.throws(() => readJoined(dir), /cut short/);
  writeFileSync(joinedFile(dir), Buffer.concat([bytes, Buffer.alloc(4)]));
  assert.throws(() => readJoined(dir), /inconsistent/);
  const flipped = Buffer.from(bytes);
  flipped[bytes.length - 3] ^= 0x01;
  writeFileSync(joinedFile(dir), flipped);
  assert.throws(() => readJoined(dir), /damaged \(its checksum does not match\)/);
  writeFileSync(joinedFile(dir), 'not a dictionary at all');
  assert.throws(() => readJoined(dir), /not a Verbatim dictionary file/);
  const otherFormat = Buffer.from(bytes);
  otherFormat.writeUInt32LE(99, 4);
  writeFileSync(joinedFile(dir), otherFormat);
  assert.throws(() => readJoined(dir), /dictionary format 99/);
});

test('batches joined again with their stored numbers give the same index, and the dictionary is not written again', async (t) => {
  const dir = folder(t);
  const first = await build(dir, [A(), B()]);
  assert.ok(existsSync(joinedFile(dir)));
  const written = statSync(joinedFile(dir)).mtimeMs;
  const again = await build(dir, [A(), B()]);
  assert.deepEqual(again.dictionaryEntries(), first.dictionaryEntries());
  assert.deepEqual(places(again, [A(), B()]), places(plainIndex([A(), B()]), [A(), B()]));
  assert.equal(statSync(joinedFile(dir)).mtimeMs, written);
});

test('a batch stored anew is joined word by word, and the dictionary is stored again with its numbers', async (t) => {
  const dir = folder(t);
  await build(dir, [A(), B()]);
  const changed = await build(dir, [A(), B2()]);
  assert.deepEqual(places(changed, [A(), B2()]), places(plainIndex([A(), B2()]), [A(), B2()]));
  assert.deepEqual(readJoined(dir)!.batches, [{ file: 'a.vbi', id: 'id-a' }, { file: 'b.vbi', id: 'id-b2' }]);
  const after = await build(dir, [A(), B2()]);
  assert.deepEqual(places(after, [A(), B2()]), places(plainIndex([A(), B2()]), [A(), B2()]));
});

test('stored numbers that do not fit their batch are not used, and a damaged dictionary is discarded with a note', async (t) => {
  const dir = folder(t);
  await build(dir, [A(), B()]);
  const stored = readJoined(dir)!;
  // Numbers in range, but of the wrong words: the index finds out from the words' hashes.
  writeJoined(dir, { ...stored, numbers: stored.numbers.map((numbers) => numbers.slice().reverse()) });
  assert.deepEqual(places(await build(dir, [A(), B()]), [A(), B()]), places(plainIndex([A(), B()]), [A(), B()]));
  writeFileSync(joinedFile(dir), 'garbage');
  const notes: string[] = [];
  assert.deepEqual(places(await build(dir, [A(), B()], notes), [A(), B()]), places(plainIndex([A(), B()]), [A(), B()]));
  assert.equal(notes.length, 1);
  assert.match(notes[0], /discarded a damaged index file .*joined\.vbj: not a Verbatim dictionary file/);
  assert.ok(readJoined(dir), 'a good dictionary is stored in place of the damaged one');
});

test('once many of its words are no longer used, the stored dictionary is dropped and made anew', async (t) => {
  const dir = folder(t);
  const many = (id: string, word: string) => batchOf('c.vbi', id, { list: Array.from({ length: 40 }, (_, n) => `${word}${n}`).join(' ') });
  await build(dir, [A(), many('id-c1', 'alpha')]);
  // The first batch's words and the forty new ones are used; the forty old ones are not, over a quarter of all.
  await build(dir, [A(), many('id-c2', 'beta')]);
  assert.equal(readJoined(dir), null);
  const fresh = await build(dir, [A(), many('id-c2', 'beta')]);
  assert.deepEqual(places(fresh, [A(), many('id-c2', 'beta')]), places(plainIndex([A(), many('id-c2', 'beta')]), [A(), many('id-c2', 'beta')]));
  assert.equal(readJoined(dir)!.hashes.length, fresh.dictionaryEntries().words.length);
  assert.ok(!readJoined(dir)!.words.split('\n').includes('alpha0'));
});
