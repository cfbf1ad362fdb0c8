import { test } from 'node:test';
import assert from 'node:assert/strict';
import { align } from '../../server/src/core/align.js';

const dictionary = new Map<string, number>();
const ids = (text: string) =>
  text.split(' ').map((word) => {
    if (!dictionary.has(word)) dictionary.set(word, dictionary.size);
    return dictionary.get(word)!;
  });

function run(quote: string, source: string, freeSkip?: number[]) {
  const q = ids(quote);
  const s = ids(source);
  return align({ quote: q, freeSkip: freeSkip ?? q.map(() => 0), source: s, from: 0, to: s.length });
}

test('an exact excerpt aligns at no cost, wherever it stands in the source', () => {
  const result = run('will not tolerate', 'we cannot and will not tolerate this at all');
  assert.equal(result.cost, 0);
  assert.deepEqual([result.first, result.last], [3, 6]);
  assert.ok(result.steps.every((step) => step.kind === 'match'));
});

test('a substituted word costs one and is reported as a substitution', () => {
  const result = run('the brutal repression of minorities', 'the brutal suppression of minorities');
  assert.equal(result.cost, 1);
  assert.deepEqual(
    result.steps.filter((step) => step.kind !== 'match'),
    [{ kind: 'substitute', quote: 2, source: 2 }],
  );
});

test('inserted and deleted words are found', () => {
  const result = run('cannot tolerate and will not tolerate', 'cannot and will not tolerate');
  assert.equal(result.cost, 1);
  assert.deepEqual(result.steps.filter((step) => step.kind !== 'match'), [{ kind: 'delete', quote: 1 }]);
  const inserted = run('excuse for the united states', 'excuse used by the united states');
  assert.ok(inserted.cost >= 1);
});

test('a free skip lets an ellipsis stand for source words at no cost', () => {
  const quote = 'we will rebuild the city';
  const source = 'we will with the help of our friends rebuild the city';
  const skips = [0, 0, 10, 0, 0];
  const result = run(quote, source, skips);
  assert.equal(result.cost, 0);
  const skip = result.steps.find((step) => step.kind === 'skip');
  assert.deepEqual(skip, { kind: 'skip', from: 2, to: 8, before: 2 });
});

test('a free skip is bounded', () => {
  const result = run('we will rebuild', 'we will a b c d e f g h i j rebuild', [0, 0, 3]);
  assert.ok(result.cost > 0);
});

test('a quotation whose words the source does not have costs one per word', () => {
  const result = run('entirely different words', 'nothing in common here');
  assert.equal(result.cost, 3);
});

test('a word written together on one side and apart on the other aligns at no cost, at the edges too', () => {
  const words = (text: string) => text.split(' ');
  const run2 = (quote: string, source: string) => {
    const q = ids(quote);
    const s = ids(source);
    const sw = words(source);
    return align({ quote: q, freeSkip: q.map(() => 0), source: s, from: 0, to: s.length, quoteWords: words(quote), sourceWord: (w) => sw[w] });
  };
  const apart = run2('space flight is unforgiving', 'again spaceflight is unforgiving every');
  assert.equal(apart.cost, 0);
  assert.deepEqual(apart.steps[0], { kind: 'joined', quote: [0, 1], source: [1] });
  const together = run2('we agree on everything', 'we agree on every thing but');
  assert.equal(together.cost, 0);
  assert.deepEqual(together.steps.at(-1), { kind: 'joined', quote: [3], source: [3, 4] });
});
