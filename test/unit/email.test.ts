import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEmailSource } from '../../server/src/core/sources/email.js';
import { sourceFormat } from '../../server/src/core/sources/index.js';
import { documentFromBytes } from '../../server/src/io/sourceBytes.js';

test('.eml files are read as email messages', () => {
  assert.equal(sourceFormat('Statement.EML'), 'email');
});

test('an email gives its plain text, else its HTML’s visible text, with its subject and the day it was sent', () => {
  const plain = parseEmailSource('/s/a.eml', '/s/a.eml', {
    subject: 'Statement from the mayor',
    date: '2025-03-04T10:15:00.000Z',
    text: '“We will rebuild,” said Mayor Grace Okonkwo.\n',
    html: '<p>ignored</p>',
  });
  assert.deepEqual([plain.text, plain.meta.title, plain.meta.date, plain.meta.author], ['“We will rebuild,” said Mayor Grace Okonkwo.', 'Statement from the mayor', '2025-03-04', undefined]);
  assert.equal(plain.file, undefined);
  const html = parseEmailSource('/s/b.eml', '/s/b.eml', { html: '<html><head><style>p{}</style></head><body><p>“We will rebuild,” she said.</p></body></html>' });
  assert.equal(html.text, '“We will rebuild,” she said.');
  assert.throws(() => parseEmailSource('/s/c.eml', '/s/c.eml', { subject: 'Empty', text: ' \n' }), { message: 'the message has no text' });
});

test('the marks that quote a message replied to are no words of it, so a quotation runs on across its lines', () => {
  const reply = parseEmailSource('/s/r.eml', '/s/r.eml', {
    text: 'Below is his reply.\n\nOn Monday, Tomas Brandvold wrote:\n> You may quote me: “The\n> delay was unacceptable.”\n>\n>> Earlier: “No comment.”\n',
  });
  assert.equal(reply.text, 'Below is his reply.\n\nOn Monday, Tomas Brandvold wrote:\nYou may quote me: “The\ndelay was unacceptable.”\n\nEarlier: “No comment.”');
});

test('an email file is decoded as mail clients decode it: quoted-printable, multipart, character sets', () => {
  const raw = [
    'From: "Press Office" <press@lagos.gov>',
    'Subject: =?UTF-8?Q?Statement_from_Mayor_Okonkwo_=E2=80=93_flood_funding?=',
    'Date: Tue, 4 Mar 2025 10:15:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset="utf-8"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    '=E2=80=9CThis money protects every home on the east side,=E2=80=9D said Ma=',
    'yor Grace Okonkwo.',
    '--b1',
    'Content-Type: text/html; charset="utf-8"',
    '',
    '<p>HTML copy</p>',
    '--b1--',
    '',
  ].join('\r\n');
  const read = documentFromBytes('/s/statement.eml', new TextEncoder().encode(raw));
  assert.ok('document' in read, 'skip' in read ? read.skip : '');
  assert.equal(read.document.text, '“This money protects every home on the east side,” said Mayor Grace Okonkwo.');
  assert.equal(read.document.meta.title, 'Statement from Mayor Okonkwo – flood funding');
  assert.equal(read.document.meta.date, '2025-03-04');
});
