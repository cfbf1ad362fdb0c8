import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { isTextFile, sourceFormat } from '../../server/src/core/sources/index.js';
import type { SourceDocument } from '../../server/src/core/types.js';
import { documentFromBytes } from '../../server/src/io/sourceBytes.js';
import { chapter, epub } from '../fixtures/epub.js';

/** The document of an .epub file's bytes, as the sources' loader reads it; throws with the reason it gives. */
function parseEpub(bytes: Uint8Array): SourceDocument {
  const read = documentFromBytes('/s/book.epub', bytes);
  if ('skip' in read) throw new Error(read.skip);
  return read.document;
}

const ENCRYPTION = (uri: string) =>
  '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">' +
  `<enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.idpf.org/2008/embedding"/><enc:CipherData><enc:CipherReference URI="${uri}"/></enc:CipherData></enc:EncryptedData></encryption>`;

test('.epub files are read as e-books, and shown as the text read from them', () => {
  assert.equal(sourceFormat('Book.EPUB'), 'epub');
  assert.equal(isTextFile('book.epub'), false);
});

test('an e-book gives its chapters in reading order, with the title, author and date of its package', () => {
  const doc = parseEpub(
    epub(
      {
        'Text/chapter 2.xhtml': chapter('<h1>Two</h1><p>“We will rebuild the port,” the mayor said.</p>'),
        'Text/chapter1.xhtml': chapter(
          '<h1>One</h1><p>The plan<a href="#fn1" epub:type="noteref">1</a> was approved.</p>' +
            '<aside epub:type="footnote" id="fn1"><p>Council minutes.</p></aside>',
        ),
      },
      ['Text/chapter1.xhtml', 'Text/chapter 2.xhtml'],
      {
        metadata:
          '<dc:title>The Harbour</dc:title><dc:title>A Subtitle</dc:title><dc:creator>Jane Doe</dc:creator>' +
          '<dc:creator>An Illustrator</dc:creator><dc:date>2021-03-04T00:00:00Z</dc:date>',
      },
    ),
  );
  // The reading order is the spine's, not the manifest's; the navigation document, a cover image and the heads of
  // the chapters are no text; a note's number does not join the word before it.
  assert.equal(doc.text, 'One\n\nThe plan was approved.\n\nCouncil minutes.\n\nTwo\n\n“We will rebuild the port,” the mayor said.');
  assert.deepEqual(doc.meta, { title: 'The Harbour', author: 'Jane Doe', date: '2021-03-04' });
});

test('an e-book whose chapters are encrypted is refused; one whose fonts alone are obfuscated is read', () => {
  const chapters = { 'ch1.xhtml': chapter('<p>Text.</p>') };
  assert.throws(
    () => parseEpub(epub(chapters, ['ch1.xhtml'], { encryption: ENCRYPTION('OEBPS/ch1.xhtml') })),
    /^Error: could not be parsed \(its chapters are encrypted \(a book with DRM cannot be read\)\)$/,
  );
  assert.equal(parseEpub(epub(chapters, ['ch1.xhtml'], { encryption: ENCRYPTION('OEBPS/fonts/serif.otf') })).text, 'Text.');
});

test('a file that is no e-book, or whose package is damaged, is refused with the reason', () => {
  assert.throws(() => parseEpub(strToU8('plain text saved as .epub')), /^Error: could not be parsed \(not an \.epub package\)$/);
  assert.throws(() => parseEpub(zipSync({ 'content.xml': strToU8('<office/>') })), /the package has no META-INF\/container\.xml/);
  const noPackage = zipSync({ 'META-INF/container.xml': strToU8('<container><rootfiles><rootfile full-path="OPS/book.opf"/></rootfiles></container>') });
  assert.throws(() => parseEpub(noPackage), /not an e-book: the package has no OPS\/book\.opf/);
  const damaged = zipSync({
    'META-INF/container.xml': strToU8('<container><rootfiles><rootfile full-path="book.opf"/></rootfiles></container>'),
    'book.opf': strToU8('<package><manifest><item id="a"'),
  });
  assert.throws(() => parseEpub(damaged), /^Error: could not be parsed \(its package document is damaged/);
  const empty = zipSync({
    'META-INF/container.xml': strToU8('<container><rootfiles><rootfile full-path="book.opf"/></rootfiles></container>'),
    'book.opf': strToU8('<package><manifest/><spine/></package>'),
  });
  assert.throws(() => parseEpub(empty), /its package document lists no chapters/);
});
