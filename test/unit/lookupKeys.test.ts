import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDraft } from '../../server/src/core/check.js';
import { addLookupKeys } from '../../server/src/core/lookupKeys.js';
import { buildIndex } from '../../server/src/io/indexer.js';

const EXAMPLE = join(__dirname, '..', '..', 'examples');
const draft = readFileSync(join(EXAMPLE, 'drafts', 'observatory.txt'), 'utf8');

// The command line builds its index for the keys of its drafts alone; the check must not be able to tell.
test('an index built for the keys of a draft checks it exactly as a full index', async () => {
  const keys = new Set<number>();
  addLookupKeys(keys, draft, 'plaintext');
  const full = await buildIndex([join(EXAMPLE, 'sources')], { workers: 0 });
  const narrow = await buildIndex([join(EXAMPLE, 'sources')], { workers: 0, keys: Uint32Array.from(keys), keepTexts: false });
  const expected = checkDraft(full.index, draft, 'plaintext');
  assert.deepEqual(checkDraft(narrow.index, draft, 'plaintext'), expected);
  const count = (verdict: string) => expected.filter((finding) => finding.verdict === verdict).length;
  assert.deepEqual([count('verbatim'), count('altered'), count('unsourced')], [1, 5, 13]);
});

test('an index built for other keys refuses a quotation it cannot look up, rather than call it unsourced', async () => {
  const keys = new Set<number>();
  addLookupKeys(keys, 'He said “a completely different statement about something”.', 'plaintext');
  const narrow = await buildIndex([join(EXAMPLE, 'sources')], { workers: 0, keys: Uint32Array.from(keys) });
  assert.throws(() => checkDraft(narrow.index, draft, 'plaintext'), /built for the keys of other quotations/);
});
