import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTextFile, sourceFormat } from '../../server/src/core/sources/index.js';
import { documentFromBytes } from '../../server/src/io/sourceBytes.js';

/** A page as a browser saves it in one file: the page, quoted-printable, then one of its images. */
function savedPage(html: string, headers: string[] = ['Snapshot-Content-Location: https://example.org/story']): Buffer {
  const boundary = '----MultipartBoundary--abc----';
  return Buffer.from(
    [
      'From: <Saved by Blink>',
      ...headers,
      'Subject: =?utf-8?Q?Bridge_to_reopen_=E2=80=93_Example_News?=',
      'Date: Mon, 4 Mar 2024 10:00:00 -0000',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      `\tboundary="${boundary}"`,
      '',
      '',
      `--${boundary}`,
      'Content-Type: text/html',
      'Content-ID: <frame-1@mhtml.blink>',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://example.org/story',
      '',
      html,
      `--${boundary}`,
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      'Content-Location: https://example.org/a.png',
      '',
      'iVBORw0KGgo=',
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

test('.mhtml and .mht files are read as saved web pages, and shown as the text read from them', () => {
  assert.equal(sourceFormat('Story.MHTML'), 'webarchive');
  assert.equal(sourceFormat('story.mht'), 'webarchive');
  assert.equal(isTextFile('story.mhtml'), false);
});

test('a saved web page gives its visible text and its own metadata, with the address it was saved from', () => {
  const read = documentFromBytes(
    '/s/story.mhtml',
    savedPage(
      '<!DOCTYPE html><html><head><meta charset=3D"utf-8"><title>Bridge to reopen</title>' +
        '<meta property=3D"og:site_name" content=3D"Example News"><script>var q =3D "=E2=80=9Cnot text=E2=80=9D";</script></head>' +
        '<body><p>=E2=80=9CThe bridge will reopen in May,=E2=80=9D said Councillor Ada Mensah.</p></body></html>',
    ),
  );
  assert.ok('document' in read, 'skip' in read ? read.skip : '');
  assert.equal(read.document.text, '“The bridge will reopen in May,” said Councillor Ada Mensah.');
  // The day the page was saved is not the day it was published.
  assert.deepEqual(read.document.meta, {
    title: 'Bridge to reopen',
    outlet: 'Example News',
    url: 'https://example.org/story',
  });
  assert.equal(read.document.file, undefined);
});

test('a saved page without a title of its own takes the file’s; one that holds no page is refused', () => {
  const untitled = documentFromBytes('/s/untitled.mht', savedPage('<p>Words.</p>', []));
  assert.ok('document' in untitled);
  assert.deepEqual(untitled.document.meta, { title: 'Bridge to reopen – Example News' });
  const plain = 'Subject: nothing\r\nContent-Type: text/plain\r\n\r\nJust text.\r\n';
  const empty = documentFromBytes('/s/empty.mhtml', Buffer.from(plain));
  assert.deepEqual(empty, { skip: 'could not be parsed (it holds no web page)' });
});
