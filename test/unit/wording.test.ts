import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft } from '../../server/src/core/check.js';
import { SourceIndex } from '../../server/src/core/sourceIndex.js';
import type { DraftFormat } from '../../server/src/core/types.js';
import { findQuotations } from '../../server/src/core/extract/index.js';
import { withSourceWording } from '../../server/src/core/wording.js';

/** The draft with its one altered quotation given the source's wording by the finding's edits. */
function fixed(source: string, draft: string, format: DraftFormat = 'markdown'): string {
  const index = new SourceIndex();
  index.set({ id: 'wire', text: source, meta: {} });
  const [finding] = checkDraft(index, draft, format);
  assert.equal(finding?.verdict, 'altered', draft);
  assert.ok(finding!.edits, 'the finding places its changes');
  const q = finding!.quotation;
  const wording = withSourceWording(draft, q, finding!.edits!, format);
  assert.notEqual(wording, null);
  const result = draft.slice(0, q.start) + wording + draft.slice(q.end);
  assert.equal(checkDraft(index, result, format)[0]?.verdict, 'verbatim', result);
  return result;
}

const WIRE = '"We will rebuild every home that was lost, and we will do it together," Carter said.';

test('the source’s wording goes in where the changes stand, the writer’s punctuation and marks kept', () => {
  assert.equal(
    fixed(WIRE, 'Carter said: “We will rebuild every house that was lost, and we will do it together.”'),
    'Carter said: “We will rebuild every home that was lost, and we will do it together.”',
  );
  // A partial quotation stays partial.
  assert.equal(fixed(WIRE, 'She vowed to rebuild “every house that was lost”.'), 'She vowed to rebuild “every home that was lost”.');
  // Words the writer added go with their space; words they left out come back.
  assert.equal(fixed(WIRE, 'He said: “We will rebuild every single home that was lost.”'), 'He said: “We will rebuild every home that was lost.”');
  assert.equal(fixed(WIRE, 'He said: “We will rebuild every home that lost.”'), 'He said: “We will rebuild every home that was lost.”');
});

test('markup, notes and an incise inside the quotation stay as the writer wrote them', () => {
  assert.equal(
    fixed(WIRE, 'Carter said: “We will rebuild every *house* that was lost, and we will do it together.”'),
    'Carter said: “We will rebuild every *home* that was lost, and we will do it together.”',
  );
  const spanish = '«Vamos a reconstruir cada vivienda destruida y lo haremos juntos», afirmó la ministra.';
  assert.equal(
    fixed(spanish, '«Vamos a reconstruir cada casa destruida —afirmó la ministra— y lo haremos juntos».'),
    '«Vamos a reconstruir cada vivienda destruida —afirmó la ministra— y lo haremos juntos».',
  );
  assert.equal(
    fixed(WIRE, "Carter said ``we will rebuild every house that was lost,\\footnote{Reuters, 5 March.} and we will do it together.''", 'latex'),
    "Carter said ``we will rebuild every home that was lost,\\footnote{Reuters, 5 March.} and we will do it together.''",
  );
});

test('words put in are escaped for the draft’s format', () => {
  const rents = '"Rents in the city rose 20% in a single year," Carter said.';
  assert.equal(fixed(rents, "Carter said that ``rents in the city rose 25\\% in a single year'' and left.", 'latex'), "Carter said that ``rents in the city rose 20\\% in a single year'' and left.");
  // Marks around a source's words are no part of them: “<urgent>” puts back the word.
  const urgent = '"We spent three hours on the <urgent> repairs of the old bridge," Carter said.';
  assert.equal(fixed(urgent, 'Carter said: “We spent three hours on the repairs of the old bridge.”'), 'Carter said: “We spent three hours on the urgent repairs of the old bridge.”');
  const [quotation] = findQuotations('He said “a b c” then.', 'markdown');
  assert.equal(withSourceWording('He said “a b c” then.', quotation!, [{ start: 2, end: 3, text: '<b>_*' }], 'markdown'), 'a \\<b\\>\\_\\* c');
  assert.equal(withSourceWording('He said “a b c” then.', quotation!, [{ start: 2, end: 3, text: '5% & $x' }], 'plaintext'), 'a 5% & $x c');
});

test('words put into a draft typeset with curly marks get curly apostrophes', () => {
  const source = '"We don\'t have the money for the repairs yet, but we\'ll find it," Carter said.';
  assert.equal(
    fixed(source, 'Carter admitted that “we don’t have the cash for the repairs yet, but we’ll find it”.'),
    'Carter admitted that “we don’t have the money for the repairs yet, but we’ll find it”.',
  );
  assert.equal(
    fixed(source, 'Carter admitted that “we have the money for the repairs yet, but we’ll find it”.'),
    'Carter admitted that “we don’t have the money for the repairs yet, but we’ll find it”.',
  );
});
