import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTextFile, sourceFormat } from '../../server/src/core/sources/index.js';
import type { SourceDocument } from '../../server/src/core/types.js';
import { documentFromBytes } from '../../server/src/io/sourceBytes.js';

/** The document of an .rtf file's content, as the sources' loader reads it; throws with the reason it gives. */
function parseRtf(content: string, id = '/s/statement.rtf'): SourceDocument {
  const read = documentFromBytes(id, Buffer.from(content, 'latin1'));
  if ('skip' in read) throw new Error(read.skip);
  return read.document;
}

test('.rtf files are read as Rich Text Format, and shown as the text read from them', () => {
  assert.equal(sourceFormat('Statement.RTF'), 'rtf');
  assert.equal(isTextFile('statement.rtf'), false);
});

test('an RTF file as TextEdit saves it gives its paragraphs, its characters decoded from the code page', () => {
  const doc = parseRtf(
    [
      '{\\rtf1\\ansi\\ansicpg1252\\cocoartf2761',
      '{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;}',
      '{\\colortbl;\\red255\\green255\\blue255;}',
      '{\\*\\expandedcolortbl;;}',
      '\\paperw11900\\paperh16840\\margl1440\\margr1440\\vieww11520\\viewh8400\\viewkind0',
      '\\pard\\tx566\\pardirnatural\\partightenfactor0',
      '',
      '\\f0\\fs24 \\cf0 Harbour plan approved\\',
      '\\',
      'LAGOS, March 4 (Reuters) - The council approved the plan.\\',
      '\\',
      "\\'93We will rebuild the caf\\'e9 and the port,\\'94 Mayor Okonkwo said \\uc0\\u8212  and left.}",
    ].join('\n'),
  );
  assert.equal(
    doc.text,
    'Harbour plan approved\n\nLAGOS, March 4 (Reuters) - The council approved the plan.\n\n' +
      '“We will rebuild the café and the port,” Mayor Okonkwo said — and left.',
  );
  assert.equal(doc.meta.title, 'Harbour plan approved');
  assert.equal(doc.meta.outlet, 'Reuters');
});

test('stored properties, headers, comments, field codes and tracked deletions are not the text; notes follow the text', () => {
  const doc = parseRtf(
    '{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}{\\info{\\title Template}{\\author Press Office}}' +
      '{\\*\\generator Microsoft Word;}{\\header \\pard Riverton Council\\par}{\\footer \\pard Page 1\\par}' +
      '\\pard The plan is {\\deleted not }fully funded{\\super\\chftn}{\\footnote \\pard\\plain\\chftn Council minutes.}' +
      '{\\*\\atnid ED}{\\*\\annotation \\pard Check this.}.\\line Next line\\tab (see ' +
      '{\\field{\\*\\fldinst HYPERLINK "https://riverton.example/plan"}{\\fldrslt the plan}}).\\par' +
      '\\trowd\\cellx2000\\cellx4000\\pard\\intbl Cell one\\cell Cell two\\cell\\row' +
      '\\pard {\\pict\\pngblip 89504e470d0a}\\u8220?Done.\\u8221?\\par}',
  );
  assert.equal(doc.text, 'The plan is fully funded.\nNext line\t(see the plan).\n\nCell one\n\nCell two\n\n“Done.”\n\nCouncil minutes.');
});

test('code pages other than Western are decoded, and one that cannot be is named', () => {
  assert.equal(parseRtf("{\\rtf1\\ansi\\ansicpg1251 \\'cf\\'f0\\'e8\\'e2\\'e5\\'f2\\par}").text, 'Привет');
  assert.equal(parseRtf("{\\rtf1\\ansi\\ansicpg932 \\'93\\'fa\\'96\\'7b\\par}").text, '日本');
  assert.throws(() => parseRtf("{\\rtf1\\ansi\\ansicpg437 caf\\'82\\par}"), /^Error: could not be parsed \(its code page 437 is not supported\)$/);
});

test('a file that is no RTF is refused with the reason', () => {
  assert.throws(() => parseRtf('Plain text saved as .rtf'), /^Error: could not be parsed \(not an RTF document \(it does not start with \{\\rtf\)\)$/);
});
