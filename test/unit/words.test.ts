import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldWord, isNegation, oneLine, splitWords } from '../../server/src/core/words.js';

test('words keep their offsets in the original text', () => {
  const text = 'He said: “Don’t go.”';
  const words = splitWords(text);
  assert.deepEqual(words.folded, ['he', 'said', "don't", 'go']);
  assert.equal(text.slice(words.starts[2], words.ends[2]), 'Don’t');
});

test('apostrophe kinds, case, diacritics and invisible characters fold away', () => {
  assert.equal(foldWord('DON’T'), "don't");
  assert.equal(foldWord('donʼt'), "don't");
  assert.equal(foldWord('Café'), 'cafe');
  assert.equal(foldWord('Hik\u200Bvision'), 'hikvision');
  assert.equal(foldWord('ﬁrm'), 'firm');
});

test('letters that no decomposition takes apart fold to the letters typing writes for them', () => {
  assert.deepEqual(['Straße', 'AUSSEN', 'cœur', 'Œuvre', 'vitæ', 'zł', 'małych', 'Ørsted'].map(foldWord), ['strasse', 'aussen', 'coeur', 'oeuvre', 'vitae', 'zl', 'malych', 'orsted']);
});

test('apostrophes at the edges of a word are not part of it', () => {
  assert.deepEqual(splitWords("’tis the Joneses’ house in the ’80s").folded, ['tis', 'the', 'joneses', 'house', 'in', 'the', '80s']);
});

test('dashes, hyphens and punctuation separate words', () => {
  assert.deepEqual(splitWords('high-technology—surveillance, mass…detention').folded, [
    'high',
    'technology',
    'surveillance',
    'mass',
    'detention',
  ]);
});

test('a soft hyphen or zero-width space inside a word does not split it', () => {
  assert.deepEqual(splitWords('govern\u00ADment in\u200Bvolved').folded, ['government', 'involved']);
});

test('splitting a range gives only the words inside it', () => {
  const text = 'one two three four';
  assert.deepEqual(splitWords(text, 4, 13).folded, ['two', 'three']);
});

test('negations are recognised, contracted ones too', () => {
  for (const word of ['not', 'never', 'no', "don't", "won't", 'cannot']) assert.ok(isNegation(word), word);
  assert.ok(!isNegation('note'));
});

test('letters outside the basic plane stay whole, and a lone surrogate is no letter', () => {
  const text = 'x 𝔘𝔫𝔦 y \uDC00 z';
  const words = splitWords(text);
  assert.deepEqual(words.folded, ['x', 'uni', 'y', 'z']);
  assert.equal(text.slice(words.starts[1], words.ends[1]), '𝔘𝔫𝔦');
});

test('a word hyphenated at the end of a line is one word', () => {
  const text = 'we agree on every-\nthing, the sup-\r\n   pression of well-known facts';
  const words = splitWords(text);
  assert.deepEqual(words.folded, ['we', 'agree', 'on', 'everything', 'the', 'suppression', 'of', 'well', 'known', 'facts']);
  assert.equal(text.slice(words.starts[3], words.ends[3]), 'every-\nthing');
  assert.equal(foldWord('every-\nthing'), 'everything');
});

test('wording on one line joins words hyphenated at a line end and makes every other run of white space one space', () => {
  assert.equal(oneLine('The sup-\npression of\r\n  debate,\n\nsaid Hale'), 'The suppression of debate, said Hale');
  // A hyphen inside a line, or before a line that opens with no letter, stays.
  assert.equal(oneLine('a well-known fact -\n- and more'), 'a well-known fact - - and more');
});

test('"%" and "&" are words of their own, folded to the words they stand for', () => {
  const words = splitWords('12% of R&D, & more');
  assert.deepEqual(words.folded, ['12', 'percent', 'of', 'r', 'and', 'd', 'and', 'more']);
  assert.deepEqual(words.starts, [0, 2, 4, 7, 8, 9, 12, 14]);
  assert.deepEqual(words.ends, [2, 3, 6, 8, 9, 10, 13, 18]);
});
