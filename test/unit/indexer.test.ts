import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDraft } from '../../server/src/core/check.js';
import { UNUSED_INDEX_DAYS } from '../../server/src/io/cacheUpkeep.js';
import { CACHE_FORMAT } from '../../server/src/io/indexCache.js';
import { buildIndex } from '../../server/src/io/indexer.js';

const DRAFT = 'He said “the river is rising fast” and she said “we will rebuild the old bridge by spring”.';

/** A new sources folder and a new cache folder, both removed when the test ends. */
function sourcesAndCache(t: { after: (done: () => void) => void }): { folder: string; cache: string } {
  const folder = mkdtempSync(join(tmpdir(), 'verbatim-indexer-'));
  const cache = mkdtempSync(join(tmpdir(), 'verbatim-indexer-cache-'));
  t.after(() => {
    rmSync(folder, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });
  return { folder, cache };
}

// A file a worker thread opens is closed when the thread ends: stored batches that an indexing thread read must not
// leave their places in a file only that thread had open.
test('a persisted index read by an indexing thread, places on disk asked for, still checks after the thread ends', async (t) => {
  const { folder, cache } = sourcesAndCache(t);
  writeFileSync(join(folder, 'wire.txt'), 'The mayor said: “The river is rising fast and the bridge will close tonight.”\n');
  writeFileSync(join(folder, 'speech.txt'), '“We will rebuild the bridge by spring,” she said.\n');
  const expected = checkDraft((await buildIndex([folder], { workers: 0 })).index, DRAFT, 'plaintext');
  assert.deepEqual(expected.map((finding) => finding.verdict), ['verbatim', 'altered']);
  const onThread = { cacheDir: cache, workers: 1, useCallingThread: false, placesOnDisk: true };
  const first = await buildIndex([folder], onThread);
  assert.equal(first.indexed, 2);
  assert.deepEqual(checkDraft(first.index, DRAFT, 'plaintext'), expected);
  const again = await buildIndex([folder], onThread);
  assert.equal(again.fromCache, 2);
  assert.deepEqual(checkDraft(again.index, DRAFT, 'plaintext'), expected);
  // Without the stored dictionary, the batches the thread read are joined by their words, which crossed as bytes.
  const [dictionary] = readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('joined.vbj'));
  rmSync(join(cache, dictionary));
  const joinedAnew = await buildIndex([folder], onThread);
  assert.equal(joinedAnew.fromCache, 2);
  assert.deepEqual(checkDraft(joinedAnew.index, DRAFT, 'plaintext'), expected);
});

// The command line's thread reads its stored batches ahead, on Node's own threads, while it reads the dictionary.
test('stored batches read ahead by the calling thread make the same index; a damaged one is said so and read anew', async (t) => {
  const { folder, cache } = sourcesAndCache(t);
  writeFileSync(join(folder, 'wire.txt'), 'The mayor said: “The river is rising fast and the bridge will close tonight.”\n');
  writeFileSync(join(folder, 'speech.txt'), '“We will rebuild the bridge by spring,” she said.\n');
  const expected = checkDraft((await buildIndex([folder], { workers: 0 })).index, DRAFT, 'plaintext');
  const notes: string[] = [];
  const options = { cacheDir: cache, workers: 2, useCallingThread: true, placesOnDisk: true, onNote: (note: string) => void notes.push(note) };
  assert.equal((await buildIndex([folder], options)).indexed, 2);
  const again = await buildIndex([folder], options);
  assert.equal(again.fromCache, 2);
  assert.deepEqual(checkDraft(again.index, DRAFT, 'plaintext'), expected);
  assert.deepEqual(notes, []);
  const [batch] = readdirSync(cache, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.vbi'));
  writeFileSync(join(cache, batch), 'not an index');
  const anew = await buildIndex([folder], options);
  assert.equal(anew.indexed, 2);
  assert.deepEqual(checkDraft(anew.index, DRAFT, 'plaintext'), expected);
  assert.equal(notes.length, 1);
  assert.match(notes[0], /^discarded a damaged index file .*\.vbi: not a Verbatim index file$/);
});

const PARAGRAPH = 'The committee met again on Tuesday and heard from the harbour master about the tides.\n';

/** A folder of two batches: a file large enough to be a batch of its own (16 MiB), and a wire story after it. */
function twoBatches(t: { after: (done: () => void) => void }): string {
  const folder = mkdtempSync(join(tmpdir(), 'verbatim-indexer-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  writeFileSync(join(folder, 'a-archive.txt'), PARAGRAPH.repeat(Math.ceil((16 * 1024 * 1024) / PARAGRAPH.length)));
  writeFileSync(join(folder, 'b-wire.txt'), 'The mayor said: “The river is rising fast and the bridge will close tonight.”\n');
  return folder;
}

// Threads take their batches from a shared counter: a worker that runs out of batches while another thread is still
// busy with a large one waits to be stopped, and its results count.
test('a worker that runs out of batches while another thread still works on one does not fail the build', async (t) => {
  const built = await buildIndex([twoBatches(t)], { workers: 2, useCallingThread: false });
  assert.equal(built.indexed, 2);
  assert.deepEqual(checkDraft(built.index, DRAFT, 'plaintext').map((finding) => finding.verdict), ['verbatim', 'unsourced']);
});

// The command line's thread reads stored batches itself and starts workers only for a batch to index anew, which
// may come after every batch is taken: those workers are stopped while still loading, and that is no failure.
test('a stored batch that changed is indexed anew beside those still stored, the workers started for it', async (t) => {
  const folder = twoBatches(t);
  const cache = mkdtempSync(join(tmpdir(), 'verbatim-indexer-cache-'));
  t.after(() => rmSync(cache, { recursive: true, force: true }));
  const options = { cacheDir: cache, workers: 2, useCallingThread: true };
  assert.equal((await buildIndex([folder], options)).indexed, 2);
  const stored = await buildIndex([folder], options);
  assert.deepEqual([stored.fromCache, stored.indexed], [2, 0]);
  writeFileSync(join(folder, 'b-wire.txt'), '“We will rebuild the bridge by spring,” she said.\n');
  const changed = await buildIndex([folder], options);
  assert.deepEqual([changed.fromCache, changed.indexed], [1, 1]);
  assert.deepEqual(checkDraft(changed.index, DRAFT, 'plaintext').map((finding) => finding.verdict), ['unsourced', 'altered']);
});

// The threads take the largest batches first and the batches join the index in that order, whichever thread finishes
// first: the index is the same as one built on this thread alone, batch after batch.
test('batches prepared on threads make the same index as batches prepared one after the other on this thread', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'verbatim-indexer-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  // Files of 16 MiB or more end their batch whatever their paths: three batches, the second the largest.
  writeFileSync(join(folder, 'a-archive.txt'), PARAGRAPH.repeat(Math.ceil((16 * 1024 * 1024) / PARAGRAPH.length)));
  writeFileSync(join(folder, 'b-archive.txt'), `${'The river rose.\n'.repeat(1_000)}${PARAGRAPH.repeat(Math.ceil((20 * 1024 * 1024) / PARAGRAPH.length))}`);
  writeFileSync(join(folder, 'c-wire.txt'), 'The mayor said: “The river is rising fast and the bridge will close tonight.”\n');
  const inOrder = await buildIndex([folder], { workers: 0 });
  const onThreads = await buildIndex([folder], { workers: 2, useCallingThread: false });
  assert.equal(onThreads.indexed, 3);
  assert.deepEqual(onThreads.documents.map((doc) => doc.id), inOrder.documents.map((doc) => doc.id));
  assert.deepEqual(onThreads.index.stats(), inOrder.index.stats());
  assert.deepEqual(onThreads.index.dictionaryEntries(), inOrder.index.dictionaryEntries());
  assert.deepEqual(checkDraft(onThreads.index, DRAFT, 'plaintext'), checkDraft(inOrder.index, DRAFT, 'plaintext'));
});

// Each set of source folders has an index of its own: one whose folders are no longer checked would stay for good.
test('an index not used for 30 days is removed with a note; one in use is marked used even when nothing is stored', async (t) => {
  const { folder, cache } = sourcesAndCache(t);
  writeFileSync(join(folder, 'wire.txt'), 'The mayor said: “The river is rising fast and the bridge will close tonight.”\n');
  const formatDir = join(cache, `v${CACHE_FORMAT}`);
  const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);
  const aside = (name: string, days: number) => {
    mkdirSync(join(formatDir, name), { recursive: true });
    writeFileSync(join(formatDir, name, 'joined.vbj'), 'an index of other sources');
    utimesSync(join(formatDir, name), daysAgo(days), daysAgo(days));
  };
  aside('unused0000000000', UNUSED_INDEX_DAYS + 1);
  aside('recent0000000000', UNUSED_INDEX_DAYS - 1);
  const notes: string[] = [];
  await buildIndex([folder], { cacheDir: cache, workers: 0, onNote: (note) => notes.push(note) });
  assert.deepEqual(notes, [`removed the index of sources not checked for ${UNUSED_INDEX_DAYS} days in ${join(formatDir, 'unused0000000000')}`]);
  const [own] = readdirSync(formatDir).filter((name) => name !== 'recent0000000000');
  assert.deepEqual(readdirSync(formatDir).sort(), [own, 'recent0000000000'].sort());
  // Taken whole from the cache, the index writes nothing, yet counts as used.
  utimesSync(join(formatDir, own), daysAgo(UNUSED_INDEX_DAYS + 5), daysAgo(UNUSED_INDEX_DAYS + 5));
  const again = await buildIndex([folder], { cacheDir: cache, workers: 0, onNote: (note) => notes.push(note) });
  assert.equal(again.fromCache, 1);
  assert.equal(notes.length, 1);
  assert.ok(Date.now() - statSync(join(formatDir, own)).mtimeMs < 60_000);
});
