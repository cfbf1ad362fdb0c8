import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft } from '../../server/src/core/check.js';
import { misattributions, otherPerson } from '../../server/src/core/misattribution.js';
import { SourceIndex } from '../../server/src/core/sourceIndex.js';

test('two speakers are other people only when both are named by name and share no name', () => {
  assert.ok(otherPerson('Joanne Pryce', 'Priya Lal'));
  assert.ok(otherPerson('Alan Whitford', 'Renata Ochoa'));
  // A surname alone, on either side, says too little: a novel's "Mary" may be the "Mary Lennox" of an essay.
  assert.ok(!otherPerson('Alan Whitford', 'Ochoa'));
  assert.ok(!otherPerson('Whitford', 'Renata Ochoa'));
  // The same person, named more or less fully, with accents or another hyphen.
  assert.ok(!otherPerson('Priya Lal', 'Lal'));
  assert.ok(!otherPerson('Lucia Vidal', 'Lucía Vidal'));
  assert.ok(!otherPerson('Abena Owusu‑Ansah', 'Abena Owusu-Ansah'));
  // A body, a description, one word, an acronym or a misread phrase says too little to contradict a source.
  assert.ok(!otherPerson('Conor Whelan', 'Department of Culture'));
  assert.ok(!otherPerson('Serious Fraud Office', 'Helen Marsh'));
  assert.ok(!otherPerson('Nurses', 'Fiona McLeod'));
  assert.ok(!otherPerson('ESA', 'Henrike Maas'));
  assert.ok(!otherPerson("Hesse's premier", 'Boris Rhein'));
  assert.ok(!otherPerson('Lenoir rejected', 'Marguerite Lenoir'));
  assert.ok(!otherPerson(null, 'Priya Lal'));
  assert.ok(!otherPerson('Joanne Pryce', null));
});

test('a quotation the draft gives to another person than its source is found, with both speakers', () => {
  const index = new SourceIndex();
  index.set({
    id: 'wire',
    text: '“This is a shameful day for Ashcombe,” said Councillor Priya Lal. Joanne Pryce, who chairs the campaign, said “we will fight on.”',
    meta: {},
  });
  const draft = [
    'Outside, Joanne Pryce was close to tears. “This is a shameful day for Ashcombe,” she said.',
    '',
    'Pryce added: “We will fight on.”',
    '',
    'Priya Lal said: “This is a shameful day for Ashcombe.”',
  ].join('\n');
  const findings = checkDraft(index, draft, 'plaintext');
  const wrong = misattributions(draft, findings);
  assert.deepEqual(
    wrong.map((w) => [w.finding.quotation.text, w.draft, w.source]),
    [['This is a shameful day for Ashcombe,', 'Joanne Pryce', 'Priya Lal']],
  );
});

test('a quotation given to another person is found in other languages too', () => {
  const index = new SourceIndex();
  index.set({
    id: 'dpa',
    text: '„Wir werden die Steuern in diesem Jahr nicht erhöhen“, sagte Bundeskanzler Olaf Scholz vor Journalisten.',
    meta: {},
  });
  index.set({ id: 'efe', text: '«No vamos a subir los impuestos este año», afirmó Pedro Sánchez en rueda de prensa.', meta: {} });
  const draft = [
    'Finanzminister Christian Lindner gab sich kämpferisch. „Wir werden die Steuern in diesem Jahr nicht erhöhen“, sagte Lindner.',
    '',
    'La vicepresidenta María Jesús Montero habló. «No vamos a subir los impuestos este año», aseguró Montero.',
  ].join('\n');
  const wrong = misattributions(draft, checkDraft(index, draft, 'plaintext'));
  assert.deepEqual(
    wrong.map((w) => [w.draft, w.source]),
    [['Christian Lindner', 'Olaf Scholz'], ['María Jesús Montero', 'Pedro Sánchez']],
  );
});
