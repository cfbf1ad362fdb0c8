// Directive comments in a draft switch checking off for the quotations they name, in Markdown and LaTeX.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotations } from '../../server/src/core/extract/index.js';
import type { DraftFormat } from '../../server/src/core/types.js';

const texts = (text: string, format: DraftFormat): string[] => findQuotations(text, format).map((q) => q.text);

test('Markdown: quotations between verbatim-disable and verbatim-enable are left out', () => {
  const draft = [
    'The mayor said “one”.',
    '<!-- verbatim-disable -->',
    'From a phone call: “two” and “three”.',
    '',
    'Still off: “four”.',
    '<!-- verbatim-enable -->',
    'And “five”.',
  ].join('\n');
  assert.deepEqual(texts(draft, 'markdown'), ['one', 'five']);
  // Without an enable, the rest of the draft is off; an inline comment works inside a paragraph.
  assert.deepEqual(texts('“one” <!-- verbatim-disable --> “two”\n\n“three”', 'markdown'), ['one']);
});

test('Markdown: verbatim-disable-next leaves out the next statement only, all of its parts, and may give a reason', () => {
  const draft = [
    '<!-- verbatim-disable-next: phone interview, no transcript -->',
    '“We will,” she said, “rebuild.”',
    '',
    '“We will not,” he said.',
  ].join('\n');
  assert.deepEqual(texts(draft, 'markdown'), ['We will not,']);
  assert.deepEqual(texts('“one” <!--verbatim-disable-next--> “two” “three”', 'markdown'), ['one', 'three']);
});

test('only a comment that opens with a directive is one; in code, plain text or other words it does nothing', () => {
  const fenced = ['```html', '<!-- verbatim-disable -->', '```', '', '“one”'].join('\n');
  assert.deepEqual(texts(fenced, 'markdown'), ['one']);
  assert.deepEqual(texts('`<!-- verbatim-disable -->` “one”', 'markdown'), ['one']);
  assert.deepEqual(texts('<!-- see verbatim-disable --> “one”', 'markdown'), ['one']);
  assert.deepEqual(texts('<!-- verbatim-disabled --> “one”', 'markdown'), ['one']);
  assert.deepEqual(texts('<!-- verbatim-disable --> “one”', 'plaintext'), ['one']);
});

test('LaTeX: % verbatim-disable, % verbatim-enable and % verbatim-disable-next, but not an escaped \\%', () => {
  const draft = [
    'She said ``one\'\'.',
    '% verbatim-disable',
    'Then \\enquote{two}.',
    '%% verbatim-enable',
    '% verbatim-disable-next -- quoted from memory',
    'He said ``three\'\' and ``four\'\'.',
    'Up 5\\% verbatim-disable: ``five\'\'.',
  ].join('\n');
  assert.deepEqual(texts(draft, 'latex'), ['one', 'four', 'five']);
});
