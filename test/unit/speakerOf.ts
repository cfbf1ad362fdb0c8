// The speaker findSpeaker reads for some words of a text, for the tests of attribution.
import assert from 'node:assert/strict';
import { findSpeaker } from '../../server/src/core/attribution.js';

/** The speaker of the first occurrence of `words` in `text` (or the nth, counting from 0). */
export function speaker(text: string, words: string, nth = 0): string | null {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(words, at + 1);
  assert.ok(at >= 0, `"${words}" is in the text`);
  return findSpeaker(text, { start: at, end: at + words.length });
}
