// Properties of the word aligner on random word sequences: every quotation word is accounted for once and in order,
// source words are used in order inside the stretch, the cost counts the edits, and an excerpt costs nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import './seed.js';
import { align, type Alignment, type AlignInput } from '../../server/src/core/align.js';

/** Words as small dictionary numbers, so that random sequences share words often; -1 is a word no source has. */
const words = (max: number) => fc.array(fc.integer({ min: -1, max: 6 }), { maxLength: max });

const input = fc
  .record({ quote: words(14), source: words(30), skips: fc.array(fc.nat({ max: 5 }), { maxLength: 14 }) })
  .chain(({ quote, source, skips }) =>
    fc.record({
      quote: fc.constant(quote),
      source: fc.constant(source),
      freeSkip: fc.constant(quote.map((_, i) => skips[i] ?? 0)),
      from: fc.integer({ min: 0, max: source.length }),
      span: fc.nat({ max: source.length }),
    }),
  )
  .map(({ quote, source, freeSkip, from, span }): AlignInput => ({ quote, source, freeSkip, from, to: Math.min(source.length, from + span) }));

/** Asserts the invariants every caller of align relies on. */
function assertWellFormed(given: AlignInput, result: Alignment): void {
  const quote = Array.from(given.quote);
  let nextQuote = 0;
  let lastSource = given.from - 1;
  let edits = 0;
  let first = -1;
  let last = -1;
  for (const step of result.steps) {
    if (step.kind === 'skip') {
      assert.ok(given.from <= step.from && step.from <= step.to && step.to <= given.to, 'a skip lies inside the stretch');
      assert.ok(step.from > lastSource, 'a skip comes after the source words used before it');
      assert.ok(step.to - step.from <= (given.freeSkip[step.before] ?? 0), 'a skip is no longer than its ellipsis allows');
      lastSource = step.to - 1;
      continue;
    }
    if (step.kind === 'insert') {
      edits++;
      assert.ok(step.source > lastSource && step.source < given.to, 'an inserted source word comes in order');
      lastSource = step.source;
      continue;
    }
    if (step.kind === 'joined') {
      for (const q of step.quote) assert.equal(q, nextQuote++, 'quotation words are accounted for once, in order');
      for (const w of step.source) {
        assert.ok(w > lastSource && w < given.to, 'source words are used in order, inside the stretch');
        lastSource = w;
        if (first < 0) first = w;
        last = w + 1;
      }
      const together = (list: string[]) => list.join('');
      assert.equal(
        together(step.quote.map((q) => given.quoteWords![q])),
        together(step.source.map((w) => given.sourceWord!(w))),
        'joined words are the same letters',
      );
      continue;
    }
    assert.equal(step.quote, nextQuote++, 'quotation words are accounted for once, in order');
    if (step.kind === 'delete') {
      edits++;
      continue;
    }
    assert.ok(step.source > lastSource && step.source < given.to, 'source words are used in order, inside the stretch');
    lastSource = step.source;
    if (step.kind === 'substitute') edits++;
    assert.equal(given.source[step.source] === quote[step.quote], step.kind === 'match', 'match means the same word');
    if (first < 0) first = step.source;
    last = step.source + 1;
  }
  assert.equal(nextQuote, quote.length, 'every quotation word is accounted for');
  assert.equal(result.cost, edits, 'the cost counts substitutions, deletions and insertions');
  assert.ok(result.cost <= quote.length, 'no alignment costs more than leaving every word out');
  assert.deepEqual([result.first, result.last], [first, last], 'first and last are the aligned source words');
}

test('align never throws and gives a well-formed alignment on random words', () => {
  fc.assert(
    fc.property(input, (given) => assertWellFormed(given, align(given))),
    { numRuns: 2000 },
  );
});

test('with the words given, joined words are the same letters and alignments stay well formed', () => {
  // Words are spelled from a tiny alphabet, so that words written together or apart turn up often.
  const spell = (id: number) => ['a', 'b', 'ab', 'ba', 'aab'][id % 5];
  fc.assert(
    fc.property(input, (given) => {
      const withWords: AlignInput = {
        ...given,
        quote: Array.from(given.quote, (id) => id % 5),
        source: Array.from(given.source, (id) => id % 5),
        quoteWords: Array.from(given.quote, (id) => spell(id)),
        sourceWord: (w) => spell(given.source[w]),
      };
      assertWellFormed(withWords, align(withWords));
    }),
    { numRuns: 2000 },
  );
});

test('with a reward for matching some words, alignments stay well formed and cost no more than leaving every word out', () => {
  fc.assert(
    fc.property(input, fc.array(fc.constantFrom(0, 1), { maxLength: 14 }), (given, rewards) => {
      const rewarded: AlignInput = { ...given, reward: Array.from(given.quote, (_, i) => rewards[i] ?? 0) };
      assertWellFormed(rewarded, align(rewarded));
    }),
    { numRuns: 2000 },
  );
});

test('a quotation that is an excerpt of the stretch aligns at no cost', () => {
  fc.assert(
    fc.property(words(30), fc.nat(), fc.nat(), (source, a, b) => {
      const start = source.length === 0 ? 0 : a % source.length;
      const end = start + (source.length - start === 0 ? 0 : b % (source.length - start + 1));
      const quote = source.slice(start, end).filter((word) => word >= 0);
      const given = { quote, source, freeSkip: quote.map(() => 0), from: 0, to: source.length };
      const result = align(given);
      assertWellFormed(given, result);
      // Words no source has (-1) never match, so they were left out of the excerpt above.
      if (source.slice(start, end).every((word) => word >= 0)) assert.equal(result.cost, 0);
    }),
    { numRuns: 1000 },
  );
});

test('an ellipsis lets words be left out at no cost, up to its allowance', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 6, maxLength: 30 }), fc.nat(), (source, cut) => {
      // The quotation keeps the first two and the last two words; the middle is left out behind an ellipsis.
      const gap = source.length - 4;
      const quote = [source[0]!, source[1]!, source[source.length - 2]!, source[source.length - 1]!];
      const allowance = gap + (cut % 3);
      const result = align({ quote, source, freeSkip: [0, 0, allowance, 0], from: 0, to: source.length });
      assertWellFormed({ quote, source, freeSkip: [0, 0, allowance, 0], from: 0, to: source.length }, result);
      assert.equal(result.cost, 0);
    }),
    { numRuns: 500 },
  );
});

test('a copy of the stretch alone, with the number of its first word, aligns as the whole source does', () => {
  const spell = (id: number) => ['a', 'b', 'ab', 'ba', 'aab'][(id + 5) % 5];
  fc.assert(
    fc.property(input, fc.array(fc.constantFrom(0, 1), { maxLength: 14 }), fc.nat({ max: 3 }), (given, rewards, before) => {
      const source = Array.from(given.source);
      const whole: AlignInput = {
        ...given,
        reward: Array.from(given.quote, (_, i) => rewards[i] ?? 0),
        quoteWords: Array.from(given.quote, spell),
        sourceWord: (w) => spell(source[w]),
      };
      // The copy may start a few words before the stretch, as long as it holds the whole stretch.
      const base = Math.max(0, given.from - before);
      const copy: AlignInput = { ...whole, source: source.slice(base, given.to), base };
      assert.deepEqual(align(copy), align(whole));
    }),
    { numRuns: 2000 },
  );
});
