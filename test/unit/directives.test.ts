// Directive comments in a draft switch checking off for the quotations they name, in Markdown and LaTeX.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { disableNextInsertion } from '../../server/src/core/extract/disableNext.js';
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
  // The next statement is one speaker's: another quotation with an attribution of its own is still checked.
  const two = '<!-- verbatim-disable-next -->\n“We will rebuild,” Calloway said. “Nobody has seen a figure,” Brandt said.';
  assert.deepEqual(texts(two, 'markdown'), ['Nobody has seen a figure,']);
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

/** The draft with the comment the quick fix writes for the quotation whose mark is the `nth` match of `mark`. */
function withComment(text: string, format: DraftFormat, mark: string, nth = 0): string | null {
  let open = -1;
  for (let k = 0; k <= nth; k++) open = text.indexOf(mark, open + 1);
  const place = disableNextInsertion(text, format, open);
  return place && text.slice(0, place.at) + place.text + text.slice(place.at);
}

test('the comment that leaves out one quotation goes where it changes nothing else, and leaves out only that one', () => {
  // Inside a line, just before the mark.
  const inline = 'They called it “groundless” and “made up”.';
  assert.equal(withComment(inline, 'markdown', '“', 1), 'They called it “groundless” and <!-- verbatim-disable-next -->“made up”.');
  // A mark that opens a line of a paragraph: at the end of the line before, so that the paragraph stays whole.
  const wrapped = 'The minister said\n“we will” and left.\n';
  assert.equal(withComment(wrapped, 'markdown', '“'), 'The minister said <!-- verbatim-disable-next -->\n“we will” and left.\n');
  // A mark that opens a paragraph or a list item: on a line of its own before it; never on a code fence.
  assert.equal(withComment('“We will,” she said.', 'markdown', '“'), '<!-- verbatim-disable-next -->\n“We will,” she said.');
  assert.equal(withComment('Intro.\n\n- “We will,” she said.', 'markdown', '“'), 'Intro.\n\n<!-- verbatim-disable-next -->\n- “We will,” she said.');
  assert.equal(withComment('```\ncode\n```\n“We will”', 'markdown', '“'), '```\ncode\n```\n<!-- verbatim-disable-next -->\n“We will”');
  assert.equal(withComment('The minister said\r\n“we will” and left.', 'markdown', '“'), 'The minister said <!-- verbatim-disable-next -->\r\n“we will” and left.');
  // A later part of a statement: the parts before it are still checked.
  const parts = '“We will,” she said, “rebuild.”';
  const second = withComment(parts, 'markdown', '“', 1)!;
  assert.deepEqual(texts(second, 'markdown'), ['We will,']);
  // LaTeX: a comment line, whose line break the comment takes with it.
  const latex = "He said ``three'' and ``four''.";
  assert.equal(withComment(latex, 'latex', '``'), "He said % verbatim-disable-next\n``three'' and ``four''.");
  // Plain text has no comments; a place that is no quotation's mark has none either.
  assert.equal(withComment('“We will,” she said.', 'plaintext', '“'), null);
  assert.equal(disableNextInsertion('“We will,” she said.', 'markdown', 3), null);
});

test('wherever the comment goes, exactly the quotation it is for is left out', () => {
  const drafts = [
    '# “Headline words”\n\nThe mayor said:\n\n> “We will rebuild,”\n> she said, “together.”\n\n1. “First”\n2. “Second” and “third”\n',
    'Intro “one”\n“two” at the start of a line\n\n    “indented code”\n\n*“emphasis”* and [“link text”](https://example.org “title”)\n',
  ];
  for (const draft of drafts) {
    const all = findQuotations(draft, 'markdown');
    for (const target of all) {
      const place = disableNextInsertion(draft, 'markdown', target.open.start);
      assert.ok(place, `a place for ${JSON.stringify(target.text)}`);
      const after = findQuotations(draft.slice(0, place.at) + place.text + draft.slice(place.at), 'markdown').map((q) => q.text);
      const expected = all.filter((q) => q.group !== target.group || q.open.start < target.open.start).map((q) => q.text);
      assert.deepEqual(after, expected, JSON.stringify(target.text));
    }
  }
});
