import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CheckMemo } from '../../server/src/core/memo.js';
import { findQuotations } from '../../server/src/core/extract/index.js';
import { SourceIndex } from '../../server/src/core/sourceIndex.js';
import type { Finding, Quotation } from '../../server/src/core/types.js';

const SOURCE = 'The mayor said: “The river is rising fast and the bridge will close tonight.” Officials agreed.';

function checkAll(memo: CheckMemo, index: SourceIndex, text: string): Finding[] {
  const groups = new Map<number, Quotation[]>();
  for (const quotation of findQuotations(text, 'plaintext')) groups.set(quotation.group, [...(groups.get(quotation.group) ?? []), quotation]);
  return [...groups.values()].flatMap((group) => memo.check(index, text, group, {}));
}

test('an edit re-checks only the quotation it touched, with findings at the new offsets', () => {
  const index = new SourceIndex();
  index.set({ id: 'wire', text: SOURCE, meta: {} });
  const memo = new CheckMemo();
  const draft = 'First “the river is rising fast” then “the bridge will close tonight” and “nothing else here at all”.';
  const first = checkAll(memo, index, draft);
  assert.equal(memo.checked, 3);
  const edited = `Intro. ${draft.replace('nothing else', 'something else')}`;
  const second = checkAll(memo, index, edited);
  assert.equal(memo.checked, 4, 'only the edited quotation is checked again');
  assert.equal(memo.reused, 2);
  assert.deepEqual(second.map((f) => f.verdict), first.map((f) => f.verdict));
  for (const finding of second) assert.equal(edited.slice(finding.quotation.start, finding.quotation.end), finding.quotation.text);
});

test('a change of the sources or of the options makes every quotation be checked again', () => {
  const index = new SourceIndex();
  index.set({ id: 'wire', text: SOURCE, meta: {} });
  const memo = new CheckMemo();
  const draft = 'He said “the river is rising fast” today.';
  assert.equal(checkAll(memo, index, draft)[0].verdict, 'verbatim');
  index.set({ id: 'wire', text: SOURCE.replace('fast', 'slowly'), meta: {} });
  assert.equal(checkAll(memo, index, draft)[0].verdict, 'altered');
  assert.equal(memo.checked, 2);
  assert.equal(memo.check(index, draft, findQuotations(draft, 'plaintext'), { ignore: ['the river is rising fast'] }).length, 0);
  assert.equal(memo.checked, 3);
});
