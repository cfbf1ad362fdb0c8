import { test } from 'node:test';
import assert from 'node:assert/strict';
import { incisesIn, isIncise, isInciseAt } from '../../server/src/core/incise.js';

const blanked = (text: string) => incisesIn(text, 0, text.length).map(({ start, end }) => text.slice(start, end));

test('a narrator’s incise is a verb of saying first, then the speaker, in the languages of the press', () => {
  for (const clause of ['afirmó la ministra', 'ha dicho el portavoz', 'a-t-elle déclaré', 'a déclaré la ministre', 'dit-il',
    'ajoute M. Dupont', 'disse o ministro', 'ha detto il sindaco', 'según ella', 'selon lui', 'va dir la consellera']) {
    assert.ok(isIncise(clause, false), clause);
  }
  // Between dashes a verb may stand alone; between commas it may be the speaker's own word.
  assert.ok(isIncise('afirmó', true));
  assert.ok(!isIncise('afirmó', false));
  for (const clause of ['note the changes', 'dice and chips', 'a noted expert']) assert.ok(!isIncise(clause, false), clause);
  for (const clause of ['un desastre total', 'la ministra dijo', 'observe the rules']) assert.ok(!isIncise(clause, true), clause);
  assert.ok(!isIncise('dijo la ministra de Hacienda en una rueda de prensa celebrada ayer en Madrid', true), 'too long');
});

test('incises are found between dashes, between commas and before the end of a quotation, with their first delimiter', () => {
  assert.deepEqual(blanked('No vamos a subir los impuestos —afirmó la ministra—, pero recortaremos'), ['—afirmó la ministra—']);
  assert.deepEqual(blanked('Vamos a ganar —dijo'), ['—dijo']);
  assert.deepEqual(blanked('Nous n’augmenterons pas les impôts, a-t-elle déclaré, mais nous réduirons'), [', a-t-elle déclaré']);
  assert.deepEqual(blanked('Es un desastre —un desastre total— para todos'), []);
  assert.deepEqual(blanked('Read the manual, note the changes, and decide'), []);
  assert.deepEqual(blanked('Ganamos—dijo—'), [], 'a dash inside a word opens nothing');
  assert.deepEqual(blanked('Bring cards — dice and chips — to the table'), [], 'spaced dashes set off the speaker’s aside');
  // Italian and Portuguese space their dashes: the incise must then name its speaker after the verb.
  assert.deepEqual(blanked('È un dato che ci incoraggia – ha detto la ministra – ma non basta'), ['– ha detto la ministra –']);
  assert.deepEqual(blanked('Não vamos aumentar os impostos — garantiu o primeiro-ministro — nem este ano'), ['— garantiu o primeiro-ministro —']);
});

test('words a source sets off as an incise are found so from their place', () => {
  const dashes = 'Vamos a subir los impuestos —dijo la ministra—. Pero recortaremos';
  const at = dashes.indexOf('dijo');
  assert.ok(isInciseAt(dashes, at, at + 'dijo la ministra'.length));
  const commas = 'Nous réduirons les impôts, a affirmé la ministre, mais pas cette année';
  const from = commas.indexOf('a affirmé');
  assert.ok(isInciseAt(commas, from, from + 'a affirmé la ministre'.length));
  assert.ok(!isInciseAt(commas, from, from + 'a affirmé'.length), 'the incise is all the words between its delimiters');
  const spaced = 'Bring cards — dice and chips — to the table';
  assert.ok(!isInciseAt(spaced, spaced.indexOf('dice'), spaced.indexOf(' — to')));
});
