import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figuresAround, numberAtEnd, numberIn, sameNumber } from '../../server/src/core/numbers.js';

test('numbers are read in figures and in words, and nothing else is a number', () => {
  assert.equal(numberIn('241'), 241);
  assert.equal(numberIn('2,500'), 2500);
  assert.equal(numberIn('3.5 million'), 3_500_000);
  assert.equal(numberIn('two hundred and forty-one'), 241);
  assert.equal(numberIn('Two'), 2);
  assert.equal(numberIn('a hundred'), 100);
  assert.equal(numberIn('one thousand two hundred'), 1200);
  assert.equal(numberIn('twelve million'), 12_000_000);
  for (const text of ['', 'two dogs', 'and two', 'two and', 'a', 'a dog', '2,50', '3 dogs', 'percent', 'second', 'constructor', '2 valueOf']) {
    assert.equal(numberIn(text), null, text);
  }
});

test('a change inside a number is read with the whole number around it', () => {
  const text = 'sales of 3,500,000 units';
  const at = text.indexOf('500,000');
  assert.equal(figuresAround(text, at, at + '500,000'.length), '3,500,000');
  const scaled = 'rose 3.5 million units';
  assert.equal(figuresAround(scaled, scaled.indexOf('5'), scaled.indexOf('5') + 1), '3.5 million');
  // A full stop after a number ends the sentence, not the number.
  const ended = 'It was 12. Then';
  assert.equal(figuresAround(ended, 7, 9), '12');
});

test('two wordings are the same number only when their values are equal', () => {
  assert.ok(sameNumber('241', 'two hundred and forty-one'));
  assert.ok(sameNumber('3,500,000', '3.5 million'));
  assert.ok(!sameNumber('242', 'two hundred and forty-one'));
  assert.ok(!sameNumber('many', 'many'));
});

test('the draft’s last words stand for the source’s next ones when they start with the same number', () => {
  assert.equal(numberAtEnd('241 seconds', 'two hundred and forty-one seconds, during the burn'), 6);
  assert.equal(numberAtEnd('241', 'two hundred and forty-one.'), 5);
  assert.equal(numberAtEnd('two hundred', '200 people came'), 1);
  assert.equal(numberAtEnd('241 minutes', 'two hundred and forty-one seconds'), 0);
  assert.equal(numberAtEnd('242 seconds', 'two hundred and forty-one seconds'), 0);
  assert.equal(numberAtEnd('seconds', 'seconds'), 0);
});

test('numbers are read as other newsrooms write them: decimal commas, abbreviated scales, words and compounds', () => {
  assert.equal(numberIn('3,5 Millionen'), 3_500_000);
  assert.equal(numberIn('1,2 miliardi'), 1_200_000_000);
  assert.equal(numberIn('45 Mrd.'), 45_000_000_000);
  assert.equal(numberIn('3,5 Mio.'), 3_500_000);
  assert.equal(numberIn('3,5 milioni di'), 3_500_000);
  assert.equal(numberIn('zehn'), 10);
  assert.equal(numberIn('tien'), 10);
  assert.equal(numberIn('vierhunderttausend'), 400_000);
  assert.equal(numberIn('honderdduizend'), 100_000);
  assert.equal(numberIn('3,500'), 3500, 'three figures after a comma are thousands');
  // One point before three figures is a decimal point in English and a thousands separator elsewhere.
  assert.ok(sameNumber('honderdduizend', '100.000'));
  assert.ok(sameNumber('100', '100.000'));
  assert.ok(!sameNumber('10.000', '100.000'));
});
