import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTextFile, sourceFormat } from '../../server/src/core/sources/index.js';
import type { SourceDocument } from '../../server/src/core/types.js';
import { documentFromBytes } from '../../server/src/io/sourceBytes.js';
import { msg } from '../fixtures/msg.js';

/** The document of a .msg file's bytes, as the sources' loader reads it; throws with the reason it gives. */
function parseMsg(bytes: Uint8Array): SourceDocument {
  const read = documentFromBytes('/s/statement.msg', bytes);
  if ('skip' in read) throw new Error(read.skip);
  return read.document;
}

/** RTF as a message keeps it, in the form of compressed RTF that stores it uncompressed. */
function storedRtf(rtf: string): Uint8Array {
  const raw = Buffer.from(rtf, 'latin1');
  const header = Buffer.alloc(16);
  header.writeUInt32LE(raw.length + 12, 0);
  header.writeUInt32LE(raw.length, 4);
  header.write('MELA', 8, 'latin1');
  return Buffer.concat([header, raw]);
}

test('.msg files are read as email messages, and shown as the text read from them', () => {
  assert.equal(sourceFormat('Statement.MSG'), 'email');
  assert.equal(isTextFile('statement.msg'), false);
});

test('an Outlook message gives its body, its subject as the title and the day it was sent', () => {
  const doc = parseMsg(
    msg({
      subject: 'Statement from the mayor',
      body: '“We will rebuild the port,” said Mayor Grace Okonkwo.\r\n',
      bodyHtml: '<p>ignored when there is plain text</p>',
      sent: new Date('2025-03-04T10:15:00Z'),
    }),
  );
  assert.equal(doc.text, '“We will rebuild the port,” said Mayor Grace Okonkwo.');
  assert.deepEqual([doc.meta.title, doc.meta.date], ['Statement from the mayor', '2025-03-04']);
  const html = parseMsg(msg({ bodyHtml: '<html><head><style>p {}</style></head><body><p>“We will rebuild,” she said.</p></body></html>' }));
  assert.equal(html.text, '“We will rebuild,” she said.');
});

test('a body Outlook keeps as RTF alone is read: the HTML or text it wraps, else the RTF itself', () => {
  const wrappedHtml =
    '{\\rtf1\\ansi\\ansicpg1252\\fromhtml1 \\deff0{\\fonttbl{\\f0\\fswiss Arial;}}' +
    '{\\*\\htmltag19 <html>}{\\*\\htmltag34 <body>}{\\*\\htmltag64 <p>}\\htmlrtf {\\htmlrtf0 ' +
    "\\'93The levee held,\\'94 the engineer said.{\\*\\htmltag72 </p>}\\htmlrtf }\\htmlrtf0 {\\*\\htmltag42 </body>}{\\*\\htmltag27 </html>}}";
  assert.equal(parseMsg(msg({ subject: 'Flood', compressedRtf: storedRtf(wrappedHtml) })).text, '“The levee held,” the engineer said.');
  const plainRtf = "{\\rtf1\\ansi\\ansicpg1252 \\'93The pumps will be replaced,\\'94 she said.\\par}";
  assert.equal(parseMsg(msg({ compressedRtf: storedRtf(plainRtf) })).text, '“The pumps will be replaced,” she said.');
});

test('a file that is no Outlook message, or one without text, is refused with the reason', () => {
  assert.throws(() => parseMsg(Buffer.from('plain text saved as .msg')), /^Error: could not be parsed \(not an Outlook message \(unsupported file type\)\)$/);
  assert.throws(() => parseMsg(msg({ subject: 'Empty' })), /^Error: could not be parsed \(the message has no text\)$/);
});
