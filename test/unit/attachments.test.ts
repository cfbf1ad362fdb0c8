import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SourceDocument } from '../../server/src/core/types.js';
import { documentFromBytes } from '../../server/src/io/sourceBytes.js';
import { docx, paragraph } from '../fixtures/docx.js';
import { msg } from '../fixtures/msg.js';
import { makePdf } from '../fixtures/pdf.js';

/** The document of a file's bytes, as the sources' loader reads it; throws with the reason it gives. */
function read(name: string, bytes: Uint8Array): SourceDocument {
  const found = documentFromBytes(`/s/${name}`, bytes);
  if ('skip' in found) throw new Error(found.skip);
  return found.document;
}

/** A MIME part of an attached file, its content in base64. */
function part(type: string, name: string | null, content: Uint8Array, headers: string[] = []): string[] {
  return [
    `Content-Type: ${type}${name ? `; name="${name}"` : ''}`,
    ...headers,
    'Content-Transfer-Encoding: base64',
    '',
    ...(Buffer.from(content).toString('base64').match(/.{1,76}/g) ?? []),
    '',
  ];
}

/** An email of a plain body and the parts given, as a mail client saves it. */
function email(subject: string, body: string, parts: string[][]): Buffer {
  const boundary = 'b-1';
  return Buffer.from(
    [
      'From: "Press Office" <press@riverton.gov>',
      `Subject: ${subject}`,
      'Date: Wed, 5 Mar 2025 09:00:00 +0000',
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset="utf-8"',
      '',
      body,
      '',
      ...parts.flatMap((lines) => [`--${boundary}`, ...lines]),
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

test('the files attached to an email are read as sources and follow its body, each after a line naming it', async () => {
  const release = await makePdf([['Riverton flood funding', '', '“This money protects every home,” said Mayor Grace Okonkwo.']]);
  const logo = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const doc = read(
    'statement.eml',
    email('Statement from the mayor', 'Please find the release attached.', [
      part('application/pdf', 'release.pdf', release, ['Content-Disposition: attachment; filename="release.pdf"']),
      part('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Q&A.docx', docx(paragraph('“We will not raise taxes,” she said.'))),
      part('image/png', 'logo.png', logo, ['Content-Disposition: inline; filename="logo.png"', 'Content-ID: <logo@riverton>']),
      part('application/zip', 'data.zip', Uint8Array.from([0x50, 0x4b, 0x05, 0x06])),
      part('application/pdf', 'scan.pdf', await makePdf([['']])),
      // A file the message gives no name is named by its type.
      part('application/pdf', null, await makePdf([['Fact sheet.']]), ['Content-Disposition: attachment']),
    ]),
  );
  assert.equal(
    doc.text,
    [
      'Please find the release attached.',
      '(attached file release.pdf)',
      // The PDF's two lines are one paragraph, as its reader lays them out.
      'Riverton flood funding\n“This money protects every home,” said Mayor Grace Okonkwo.',
      '(attached file Q&A.docx)',
      '“We will not raise taxes,” she said.',
      '(attached file data.zip, not read: its format is not read)',
      '(attached file scan.pdf, not read: could not be parsed (it has no text to read (a scanned document needs text recognition first)))',
      '(attached file attachment.pdf)',
      'Fact sheet.',
    ].join('\n\n'),
  );
  // What the message says of itself stays its own: the attachments' titles and dates are not the message's.
  assert.deepEqual([doc.meta.title, doc.meta.date], ['Statement from the mayor', '2025-03-05']);
});

test('a message attached to a message is read with its own attachments, two messages deep and no further', () => {
  const attached = (type: string, name: string, content: Uint8Array) => part(type, name, content, [`Content-Disposition: attachment; filename="${name}"`]);
  const statement = Buffer.from('“We will rebuild,” she said.');
  const inner = email('Fwd: draft', 'The draft statement.', [attached('text/plain', 'statement.txt', statement)]);
  const middle = email('Fwd: Fwd: draft', 'See below.', [attached('text/plain', 'notes.txt', Buffer.from('Call her back.')), attached('message/rfc822', 'forwarded.eml', inner)]);
  const outer = read('outer.eml', email('Fwd: Fwd: Fwd: draft', 'Forwarding.', [attached('message/rfc822', 'chain.eml', middle)]));
  assert.equal(
    outer.text,
    [
      'Forwarding.',
      '(attached file chain.eml)',
      'See below.',
      '(attached file notes.txt)',
      'Call her back.',
      '(attached file forwarded.eml)',
      'The draft statement.',
      '(attached file statement.txt, not read: it is attached more than 2 messages deep)',
    ].join('\n\n'),
  );
});

test('an Outlook message gives its attached files too, and a message with no body but an attachment is read', async () => {
  const doc = read(
    'statement.msg',
    msg({
      subject: 'Release',
      attachments: [{ name: 'release.pdf', mimeType: 'application/pdf', content: await makePdf([['“The levee held,” the engineer said.']]) }],
    }),
  );
  assert.equal(doc.text, '(attached file release.pdf)\n\n“The levee held,” the engineer said.');
  assert.equal(doc.meta.title, 'Release');
});

test('a message Outlook forwards as an attachment is read whole: its body, then its own attached files', async () => {
  const original = {
    subject: 'Flood statement',
    body: 'Statement attached.',
    attachments: [{ name: 'statement.pdf', mimeType: 'application/pdf', content: await makePdf([['“The pumps will be replaced,” she said.']]) }],
  };
  const doc = read('forward.msg', msg({ subject: 'FW: Flood statement', body: 'See below.', attachments: [{ name: 'Flood statement', mimeType: '', message: original }] }));
  assert.equal(
    doc.text,
    [
      'See below.',
      '(attached file Flood statement.msg)',
      'Statement attached.',
      '(attached file statement.pdf)',
      '“The pumps will be replaced,” she said.',
    ].join('\n\n'),
  );
});
