import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceIndex } from '../../server/src/core/sourceIndex.js';
import { splitWords } from '../../server/src/core/words.js';

// The index keeps the offset of every 32nd word only; any word's offsets are found again by reading on.
test('every word’s start and end, and the word at any offset, are found from the kept offsets', () => {
  const text = Array.from({ length: 150 }, (_, n) => `Word${n}${n % 7 === 0 ? ',\n' : n % 11 === 0 ? ' — ' : ' '}`).join('') + 'sup-\npression.';
  const index = new SourceIndex();
  index.set({ id: 'a', text, meta: {} });
  const words = splitWords(text);
  const source = [...index.lookup(index.wordId('word0'))][0]!.source;
  assert.equal(source.count, words.folded.length);
  for (let w = 0; w < words.folded.length; w++) {
    assert.equal(SourceIndex.wordStart(source, w), words.starts[w], `start of word ${w}`);
    assert.equal(SourceIndex.wordEnd(source, w), words.ends[w], `end of word ${w}`);
  }
  for (let offset = 0; offset <= text.length; offset++) {
    const expected = words.starts.findIndex((start) => start >= offset);
    assert.equal(SourceIndex.wordAt(source, offset), expected < 0 ? words.starts.length : expected, `word at ${offset}`);
  }
});
