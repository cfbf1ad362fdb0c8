import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDraft } from '../../server/src/core/check.js';
import { buildIndex } from '../../server/src/io/indexer.js';

const DRAFT = 'He said “the river is rising fast” and she said “we will rebuild the old bridge by spring”.';

// A file a worker thread opens is closed when the thread ends: stored batches that an indexing thread read must not
// leave their places in a file only that thread had open.
test('a persisted index read by an indexing thread, places on disk asked for, still checks after the thread ends', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'verbatim-indexer-'));
  const cache = mkdtempSync(join(tmpdir(), 'verbatim-indexer-cache-'));
  t.after(() => {
    rmSync(folder, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });
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
