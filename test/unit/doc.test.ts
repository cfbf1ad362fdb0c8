import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocSource } from '../../server/src/core/sources/doc.js';
import { isTextFile, sourceFormat } from '../../server/src/core/sources/index.js';
import { documentFromBytes } from '../../server/src/io/sourceBytes.js';

/**
 * Council minutes in the Word 97-2003 format, as LibreOffice Writer 7.4 saves them: a heading, a quotation with a
 * footnote, a list and a table (see realFiles.test.ts for the same minutes in other formats).
 */
const MINUTES = readFileSync(join(__dirname, '..', 'fixtures', 'files', 'minutes.doc'));

test('.doc files are read as Word 97-2003 documents, and shown as the text read from them', () => {
  assert.equal(sourceFormat('Minutes.DOC'), 'doc');
  assert.equal(isTextFile('minutes.doc'), false);
});

test('a Word 97-2003 document gives its paragraphs as written, its notes after them', () => {
  const read = documentFromBytes('/s/minutes.doc', MINUTES);
  assert.ok('document' in read, 'skip' in read ? read.skip : '');
  assert.equal(
    read.document.text,
    [
      'Council minutes, 5 March',
      'Present: Councillor Ada Mensah, Councillor Tom Hale.',
      // Curly quotation marks stay as the document writes them.
      '“The bridge will reopen in May,” said Councillor Ada Mensah. “We have checked every cable.”',
      'Item one: the budget',
      'Item two: the library',
      // A table's cells are paragraphs of their own.
      'Speaker',
      'Remark',
      'Hale',
      '“Not a penny more.”',
      'Item 4 of the agenda.',
    ].join('\n\n'),
  );
  assert.equal(read.document.meta.title, 'Council minutes, 5 March');
});

test('a file that is no Word 97-2003 document, or one without text, is refused with the reason', () => {
  const header = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const read = documentFromBytes('/s/minutes.doc', header);
  assert.ok('skip' in read);
  assert.match(read.skip, /^could not be parsed \(not a Word 97-2003 document, or a damaged one \(.+\)\)$/);
  assert.throws(() => parseDocSource('/s/empty.doc', 'empty.doc', { body: '\r\n', textboxes: '', footnotes: '', endnotes: '' }), {
    message: 'it has no text',
  });
});
