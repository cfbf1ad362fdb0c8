// Properties of the tokenizer on arbitrary text: its dictionary numbers, vocabulary, hashes and kept offsets agree
// with the words that splitWords finds, so that sources and quotations are always split and spelled alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import './seed.js';
import { hashWord } from '../../server/src/core/segment.js';
import { MARK_EVERY, Tokenizer } from '../../server/src/core/tokenizer.js';
import { PACKED_LENGTH, splitWords, WordScanner } from '../../server/src/core/words.js';
import { hostileText } from './arbitraries.js';

/** The words of several texts interned in order of first occurrence, as the tokenizer must number them. */
function expected(texts: string[]): { vocabulary: string[]; ids: number[][]; marks: number[][] } {
  const numbers = new Map<string, number>();
  const vocabulary: string[] = [];
  const ids: number[][] = [];
  const marks: number[][] = [];
  for (const text of texts) {
    const { folded, starts } = splitWords(text);
    ids.push(
      folded.map((word) => {
        let id = numbers.get(word);
        if (id === undefined) {
          id = vocabulary.length;
          numbers.set(word, id);
          vocabulary.push(word);
        }
        return id;
      }),
    );
    marks.push(starts.filter((_, k) => k % MARK_EVERY === 0));
  }
  return { vocabulary, ids, marks };
}

// Plain words with the case and apostrophes that the scanner's fast path handles, mixed with the hostile pieces
// that send a word down the full folding path, so that both paths meet in one dictionary.
const plainish = fc.constantFrom('The', 'THE', 'the', 'don\'t', 'DON\'T', 'Don’t', 'don`t', 'a1', 'A1', 'Café', 'cafe', 'CAFE', 'x', 'X', 'ﬁrm', 'firm', 'İs', 'is');
const mixedText = fc.array(fc.oneof(plainish, fc.constantFrom(' ', ', ', '\n', '-\n', 'İ', 'ß'), hostileText(4)), { maxLength: 120 }).map((parts) => parts.join(''));

test('the tokenizer numbers exactly the folded words of splitWords, in order of first occurrence', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(mixedText, hostileText()), { minLength: 1, maxLength: 4 }), (texts) => {
      const tokenizer = new Tokenizer();
      const want = expected(texts);
      texts.forEach((text, k) => {
        const { ids, marks } = tokenizer.add(text);
        assert.deepEqual([...ids], want.ids[k], `ids of text ${k}`);
        assert.deepEqual([...marks], want.marks[k], `marks of text ${k}`);
      });
      assert.deepEqual(tokenizer.vocabulary, want.vocabulary);
    }),
    { numRuns: 600 },
  );
});

test('every vocabulary word carries the hash that hashWord gives it', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(mixedText, hostileText()), { minLength: 1, maxLength: 4 }), (texts) => {
      const tokenizer = new Tokenizer();
      for (const text of texts) tokenizer.add(text);
      const hashes = tokenizer.wordHashes();
      assert.equal(hashes.length, tokenizer.vocabulary.length);
      tokenizer.vocabulary.forEach((word, id) => assert.equal(hashes[id], hashWord(word), JSON.stringify(word)));
    }),
    { numRuns: 600 },
  );
});

/** The characters of a short word, seven bits each: the last four in `low`, those before in `high`. */
function pack(word: string): { low: number; high: number } {
  let low = 0;
  let high = 0;
  for (let k = 0; k < word.length; k++) {
    if (k >= word.length - 4) low += word.charCodeAt(k) * 2 ** (7 * (word.length - 1 - k));
    else high += word.charCodeAt(k) * 2 ** (7 * (word.length - 5 - k));
  }
  return { low, high };
}

test('a plain word is its own text lower-cased, and its hash and packed characters are those of that form', () => {
  fc.assert(
    fc.property(fc.oneof(mixedText, hostileText()), (text) => {
      const scanner = new WordScanner(text);
      while (scanner.next()) {
        const folded = scanner.folded();
        if (!scanner.plain) continue;
        assert.equal(folded, text.slice(scanner.start, scanner.end).toLowerCase());
        assert.match(folded, /^[a-z0-9']+$/);
        assert.equal(scanner.hash, hashWord(folded), JSON.stringify(folded));
        if (folded.length <= PACKED_LENGTH) {
          const { low, high } = pack(folded);
          assert.equal(scanner.low, low, `low of ${JSON.stringify(folded)}`);
          assert.equal(scanner.high, high, `high of ${JSON.stringify(folded)}`);
        }
        assert.ok(scanner.foldsTo(folded));
        assert.ok(!scanner.foldsTo(folded + 'x') && !scanner.foldsTo(folded.slice(1) + '!'));
      }
    }),
    { numRuns: 800 },
  );
});

test('a dictionary large enough to grow its table several times keeps every number', () => {
  // Distinct words in the thousands, cased in different ways, so that many look-ups cross a table rehash.
  const words = Array.from({ length: 40_000 }, (_, k) => (k % 3 === 0 ? `W${k.toString(36)}` : `w${k.toString(36)}`));
  const text = words.join(' ') + ' ' + words.map((word) => word.toUpperCase()).join(' ');
  const tokenizer = new Tokenizer();
  const want = expected([text]);
  const { ids } = tokenizer.add(text);
  assert.deepEqual([...ids], want.ids[0]);
  assert.deepEqual(tokenizer.vocabulary, want.vocabulary);
  assert.equal(tokenizer.vocabulary.length, 40_000);
});

test('two words with the same hash get numbers of their own', () => {
  // "yaczf" and "glbpp" have the same FNV-1a hash; the soft hyphen sends one spelling down the full folding path.
  assert.equal(hashWord('yaczf'), hashWord('glbpp'));
  const tokenizer = new Tokenizer();
  const { ids } = tokenizer.add('Yaczf glbpp GLBPP glb\u00ADpp yaczf ya\u00ADczf');
  assert.deepEqual([...ids], [0, 1, 1, 1, 0, 0]);
  assert.deepEqual(tokenizer.vocabulary, ['yaczf', 'glbpp']);
  assert.deepEqual([...tokenizer.wordHashes()], [hashWord('yaczf'), hashWord('glbpp')]);
  // Words too long to be packed are told apart by their characters.
  assert.equal(hashWord('yaczfness'), hashWord('glbppness'));
  const long = tokenizer.add('glbppness Yaczfness glbpp­ness yaczfness');
  assert.deepEqual([...long.ids], [2, 3, 2, 3]);
  assert.deepEqual(tokenizer.vocabulary, ['yaczf', 'glbpp', 'glbppness', 'yaczfness']);
});
