// Properties of the index's dictionary: one seeded from its words joined by line feeds behaves as one that took the
// same words one by one, before and after more words are added, and a seed that does not fit its hashes is refused
// without leaving anything behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import './seed.js';
import { Dictionary } from '../../server/src/core/dictionary.js';
import { hashWord } from '../../server/src/core/segment.js';

/** Words as the tokenizer folds them: short, of letters of several widths, never empty and never a line feed. */
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '’', '中', '😀'), minLength: 1, maxLength: 6 });
const words = fc.uniqueArray(word, { maxLength: 60 });

function byOne(list: string[]): Dictionary {
  const dictionary = new Dictionary();
  for (const w of list) dictionary.intern(w, hashWord(w));
  return dictionary;
}

function seeded(list: string[]): Dictionary {
  const dictionary = new Dictionary();
  dictionary.seed(list.join('\n'), Uint32Array.from(list, hashWord));
  return dictionary;
}

/** What can be asked of a dictionary about these words, in this order. */
function answers(dictionary: Dictionary, asked: string[]): unknown[] {
  return [dictionary.size, ...asked.map((w) => dictionary.find(w)), dictionary.entries()];
}

test('a seeded dictionary answers as one that took the same words one at a time, and goes on numbering after them', () => {
  fc.assert(
    fc.property(words, words, fc.array(word), (first, more, asked) => {
      const a = seeded(first);
      const b = byOne(first);
      assert.deepEqual(answers(a, [...asked, ...first]), answers(b, [...asked, ...first]));
      for (const w of more) assert.equal(a.intern(w, hashWord(w)), b.intern(w, hashWord(w)));
      assert.deepEqual(answers(a, [...asked, ...first, ...more]), answers(b, [...asked, ...first, ...more]));
      // Asked for by number, each word is the one with that number.
      for (let id = 0; id < a.size; id++) assert.equal(a.word(id), b.word(id));
    }),
  );
});

test('a seed whose words do not fit their hashes is refused, and the dictionary stays empty', () => {
  const damaged = fc.tuple(fc.uniqueArray(word, { minLength: 1, maxLength: 20 }), fc.nat(), fc.constantFrom('swap', 'twice', 'drop', 'extra')).map(([list, at, how]) => {
    const k = at % list.length;
    const hashes = list.map(hashWord);
    const text = [...list];
    if (how === 'swap') text[k] = `${text[k]}x`;
    if (how === 'twice') {
      text.push(text[k]);
      hashes.push(hashes[k]);
    }
    if (how === 'drop') hashes.splice(k, 1);
    if (how === 'extra') hashes.push(hashWord('extra'));
    return { text: text.join('\n'), hashes: Uint32Array.from(hashes) };
  });
  fc.assert(
    fc.property(damaged, ({ text, hashes }) => {
      const dictionary = new Dictionary();
      assert.throws(() => dictionary.seed(text, hashes));
      assert.equal(dictionary.size, 0);
      assert.equal(dictionary.find('a'), -1);
      // Still empty, it takes a good seed.
      dictionary.seed('a\nb', Uint32Array.of(hashWord('a'), hashWord('b')));
      assert.deepEqual(dictionary.entries().words, ['a', 'b']);
    }),
  );
});
