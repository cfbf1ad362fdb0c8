import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDraft } from '../../server/src/core/check.js';
import { buildIndex } from '../../server/src/io/indexer.js';

// With a budget of 0 bytes every source keeps its text on disk: the index is built from the files, and a check
// reads back only what it reports from.
test('sources whose texts stay on disk check exactly as sources held in memory', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'verbatim-lazy-'));
  try {
    writeFileSync(join(folder, 'wire.txt'), 'The mayor said: “The river is rising fast and the bridge will close tonight.”\n');
    writeFileSync(
      join(folder, 'page.html'),
      '<html><head><title>Flood</title></head><body><p>“We will <em>rebuild</em> the bridge by spring,” she said.</p></body></html>',
    );
    const draft = 'He said “the river is rising fast” and she said “we will rebuild the old bridge by spring”.';
    const eager = await buildIndex([folder], { workers: 0 });
    const lazy = await buildIndex([folder], { workers: 0, textsInMemory: 0 });
    const expected = checkDraft(eager.index, draft, 'plaintext');
    const found = checkDraft(lazy.index, draft, 'plaintext');
    assert.deepEqual(found, expected);
    assert.deepEqual(found.map((f) => f.verdict), ['verbatim', 'altered']);
    assert.equal(lazy.index.stats().characters, eager.index.stats().characters);
    assert.deepEqual([...lazy.sizes], [...eager.sizes]);
    const html = lazy.documents.find((doc) => doc.id.endsWith('page.html'))!;
    assert.match(html.file!.content, /<em>rebuild<\/em>/);

    // A source changed on disk after indexing is not reported from as if it were the same.
    writeFileSync(join(folder, 'wire.txt'), 'Nothing of the kind was said.\n');
    const later = await buildIndex([folder], { workers: 0, textsInMemory: 0 });
    writeFileSync(join(folder, 'wire.txt'), 'The mayor said: “The river is rising fast and the bridge will close at noon.”\n');
    assert.throws(() => checkDraft(later.index, 'He said “nothing of the kind was said”.', 'plaintext'), /changed after it was indexed/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
