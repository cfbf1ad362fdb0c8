// Properties of the readers of packaged and marked-up sources (Word, OpenDocument, e-books, RTF, Outlook messages):
// whatever the bytes or the markup, a reader gives a document or a reason, never an exception, and a document's text
// is the words of the markup's text, in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import './seed.js';
import { documentFromBytes } from '../../server/src/io/sourceBytes.js';
import { docx } from '../fixtures/docx.js';
import { chapter, epub } from '../fixtures/epub.js';
import { msg } from '../fixtures/msg.js';
import { odt } from '../fixtures/odt.js';

const FORMATS = ['docx', 'odt', 'epub', 'rtf', 'msg'] as const;

/** Words that need no escaping in XML or RTF, to tell the text of a document apart. */
const word = fc.stringMatching(/^[a-z]{1,8}$/);

test('any bytes, packed or not, give a document or a reason, never an exception', () => {
  fc.assert(
    fc.property(fc.constantFrom(...FORMATS), fc.uint8Array({ maxLength: 2000 }), fc.boolean(), (format, bytes, packed) => {
      // Inside a package, the bytes stand where each format looks for its text.
      const container = strToU8('<container><rootfiles><rootfile full-path="a.opf"/></rootfiles></container>');
      const content = packed
        ? zipSync({ 'word/document.xml': bytes, 'content.xml': bytes, 'META-INF/container.xml': container, 'a.opf': bytes })
        : bytes;
      const read = documentFromBytes(`/s/file.${format}`, content);
      assert.ok('document' in read ? typeof read.document.text === 'string' : read.skip.length > 0);
    }),
    { numRuns: 200 },
  );
});

/** Paragraphs of words, as each format writes paragraphs, and the text they should read as. */
const paragraphs = fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 });

test('each format reads its paragraphs as their words, a blank line between them', () => {
  const writers: Record<(typeof FORMATS)[number], (lines: string[][]) => Uint8Array> = {
    docx: (lines) =>
      docx(lines.map((line) => `<w:p>${line.map((w) => `<w:r><w:t xml:space="preserve">${w} </w:t></w:r>`).join('')}</w:p>`).join('')),
    odt: (lines) =>
      odt(lines.map((line) => `<text:p>${line.map((w) => `<text:span>${w}</text:span>`).join(' ')}</text:p>`).join('')),
    epub: (lines) => epub({ 'a.xhtml': chapter(lines.map((line) => `<p>${line.join('\n ')}</p>`).join('')) }, ['a.xhtml']),
    rtf: (lines) => strToU8(`{\\rtf1\\ansi ${lines.map((line) => `{\\b ${line.join(' ')}}\\par `).join('')}}`),
    msg: (lines) => msg({ subject: 'S', body: lines.map((line) => line.join(' ')).join('\r\n\r\n') }),
  };
  fc.assert(
    fc.property(fc.constantFrom(...FORMATS), paragraphs, (format, lines) => {
      const read = documentFromBytes(`/s/file.${format}`, writers[format](lines));
      assert.ok('document' in read, 'skip' in read ? read.skip : '');
      const text = read.document.text.replace(/\r\n/g, '\n');
      assert.deepEqual(text.split(/\n\n/).map((paragraph) => paragraph.trim().split(/\s+/)), lines);
    }),
    { numRuns: 100 },
  );
});
