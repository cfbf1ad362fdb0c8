// Properties of word splitting and folding on arbitrary text: words lie inside the text in order and slice back to
// a word, folding is idempotent, and splitting a range gives exactly the words of the whole text inside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import './seed.js';
import { foldWord, splitWords } from '../../server/src/core/words.js';
import { hostileText } from './arbitraries.js';

// A word holds a letter, a digit or a mark, or is one of the signs that stand for words.
const LETTERLIKE = /[\p{L}\p{N}\p{M}]|^[%&]$/u;

test('splitWords never throws, and its words lie inside the text, in order, and slice back to a word', () => {
  fc.assert(
    fc.property(hostileText(), (text) => {
      const { folded, starts, ends } = splitWords(text);
      assert.equal(starts.length, folded.length);
      assert.equal(ends.length, folded.length);
      let previousEnd = 0;
      for (let i = 0; i < folded.length; i++) {
        assert.ok(previousEnd <= starts[i]! && starts[i]! < ends[i]! && ends[i]! <= text.length, `word ${i} in order and inside`);
        const written = text.slice(starts[i], ends[i]);
        assert.match(written, LETTERLIKE, `word ${i} (${JSON.stringify(written)}) holds a letter, digit or mark, or is a sign`);
        assert.equal(foldWord(written), folded[i], `word ${i} folds to its folded form`);
        assert.ok(folded[i]!.length > 0, `word ${i} is not empty once folded`);
        previousEnd = ends[i]!;
      }
    }),
    { numRuns: 800 },
  );
});

test('splitting a range gives the words of the whole text that start inside it', () => {
  fc.assert(
    fc.property(hostileText(40), fc.nat(), fc.nat(), (text, a, b) => {
      const start = text.length === 0 ? 0 : a % (text.length + 1);
      const end = start + (text.length - start === 0 ? 0 : b % (text.length - start + 1));
      const part = splitWords(text, start, end);
      for (let i = 0; i < part.folded.length; i++) {
        assert.ok(start <= part.starts[i]! && part.ends[i]! <= end, `word ${i} inside [${start}, ${end})`);
      }
      // A word that lies wholly inside the range in the whole text is found in the range as well.
      const whole = splitWords(text);
      for (let i = 0; i < whole.folded.length; i++) {
        if (whole.starts[i]! < start || whole.ends[i]! > end) continue;
        const k = part.starts.indexOf(whole.starts[i]!);
        if (k >= 0) assert.equal(part.ends[k], whole.ends[i]);
      }
    }),
    { numRuns: 400 },
  );
});

test('foldWord never throws and gives a form without upper-case letters or invisible characters', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (word) => {
      const folded = foldWord(word);
      assert.equal(typeof folded, 'string');
      assert.equal(folded, folded.toLowerCase(), `${JSON.stringify(word)} folds to lower case`);
      assert.doesNotMatch(folded, /[\u00AD\u200B-\u200D\u2060\uFEFF]/u);
    }),
    { numRuns: 2000 },
  );
});

// The compatibility decomposition can itself produce an apostrophe variant (the full-width grave accent ｀, U+FF40,
// becomes `), so folding must still be idempotent for such forms.
test('folding the compatibility forms of apostrophes is idempotent', () => {
  for (const word of ['｀', 'a｀b', '＇', 'Ｏ＇Ｂｒｉｅｎ']) assert.equal(foldWord(foldWord(word)), foldWord(word), JSON.stringify(word));
});

test('folding is idempotent on arbitrary text: foldWord(foldWord(x)) === foldWord(x)', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), hostileText(6)), (word) => {
      const once = foldWord(word);
      assert.equal(foldWord(once), once, `folding ${JSON.stringify(word)} twice`);
    }),
    { numRuns: 3000 },
  );
});
