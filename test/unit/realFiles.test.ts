// The same council minutes as real word processors and converters save them: written in Markdown, turned into a Word
// document and an e-book by pandoc 2.17, then into an OpenDocument text by LibreOffice Writer 7.4 and from it into
// RTF, a Word document, a Word 97-2003 document and a PDF. Whatever the format, the minutes read as the same words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFromBytes } from '../../server/src/io/sourceBytes.js';

const FILES = join(__dirname, '..', 'fixtures', 'files');

/** The text of a fixture file, as the sources' loader reads it. */
function textOf(name: string): string {
  const read = documentFromBytes(join(FILES, name), readFileSync(join(FILES, name)));
  if ('skip' in read) throw new Error(`${name}: ${read.skip}`);
  return read.document.text;
}

const HEADING = 'Council minutes, 5 March';
const BODY = [
  'Present: Councillor Ada Mensah, Councillor Tom Hale.',
  '“The bridge will reopen in May,” said Councillor Ada Mensah. “We have checked every cable.”',
];
const NOTE = 'Item 4 of the agenda.';
const REST = ['Item one: the budget', 'Item two: the library', 'Speaker', 'Remark', 'Hale', '“Not a penny more.”'];

test('OpenDocument, RTF and Word documents, old and new, read alike: the footnote at the end, no bullets, a cell a paragraph', () => {
  const expected = [HEADING, ...BODY, ...REST, NOTE].join('\n\n');
  for (const name of ['minutes.odt', 'minutes.rtf', 'minutes.docx', 'minutes.doc']) assert.equal(textOf(name), expected, name);
});

test('the PDF reads as its page sets the words: its lines, a bullet a list item, the note at the foot without its number', () => {
  assert.equal(
    textOf('minutes.pdf'),
    [
      HEADING,
      BODY[0],
      '“The bridge will reopen in May,” said Councillor Ada Mensah. “We\nhave checked every cable.”\n• Item one: the budget\n' +
        '• Item two: the library\nSpeaker Remark\nHale “Not a penny more.”',
      NOTE,
    ].join('\n\n'),
  );
});

test('the e-book reads the same after its title page, its notes where the book prints them', () => {
  // pandoc opens the book with a title page and gathers the notes at the end.
  assert.equal(textOf('minutes.epub'), [HEADING, HEADING, ...BODY, ...REST, NOTE].join('\n\n'));
});
