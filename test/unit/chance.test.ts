import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft } from '../../server/src/core/check.js';
import { SourceIndex } from '../../server/src/core/sourceIndex.js';
import type { Finding } from '../../server/src/core/types.js';

// A passage that shares words with a quotation is the same statement reworded only when it shares more than chance
// would give: two content words, or a long run of words in a row.

function checked(source: string, draft: string): Finding {
  const index = new SourceIndex();
  index.set({ id: 'source', text: source, meta: {} });
  const findings = checkDraft(index, draft, 'plaintext');
  assert.equal(findings.length, 1, draft);
  return findings[0]!;
}

const SONG =
  '"Will you, won\'t you, will you, won\'t you, will you join the dance?"\n\n' +
  'Would not, could not, would not, could not, would not join the dance.\n' +
  'Would not, could not, would not, could not, could not join the dance.';

test('a refrain of function words with its one content word changed is altered, not unsourced', () => {
  const finding = checked(SONG, 'In the song: “Would not, could not, would not, could not, would not join the entirely.”');
  assert.equal(finding.verdict, 'altered');
  assert.deepEqual(
    finding.changes.map((change) => [change.draft, change.source]),
    [['entirely', 'dance']],
  );
  assert.equal(finding.source?.text, 'Would not, could not, would not, could not, would not join the dance');
});

test('a stock phrase shared with a passage that says something else is still unsourced', () => {
  // Seven words in a row and one content word, close enough overall: as much as two unrelated sentences often share.
  const finding = checked('“It is very kind of you to come,” she said.', 'He wrote: “It is very kind of you to say.”');
  assert.equal(finding.verdict, 'unsourced');
  assert.equal(finding.source, null);
});
