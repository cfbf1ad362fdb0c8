import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { sourceFormat } from '../../server/src/core/sources/index.js';
import type { SourceDocument } from '../../server/src/core/types.js';
import { documentFromBytes, MAX_PACKAGE_PART_BYTES } from '../../server/src/io/sourceBytes.js';
import { docx, noteParagraph, noteReference, paragraph } from '../fixtures/docx.js';
import { speaker } from './speakerOf.js';

/** The document of a .docx file's bytes, as the sources' loader reads it; throws with the reason it gives. */
function parseDocxSource(id: string, bytes: Uint8Array): SourceDocument {
  const read = documentFromBytes(id, bytes);
  if ('skip' in read) throw new Error(read.skip);
  return read.document;
}

test('.docx files are read as Word documents', () => {
  assert.equal(sourceFormat('Release.DOCX'), 'docx');
  // The binary Word format of before 2007 has a reader of its own.
  assert.equal(sourceFormat('release.doc'), 'doc');
});

test('a Word document gives the text of its paragraphs, with the metadata of its first lines', () => {
  const bytes = docx(
    [
      paragraph('Harbour plan approved'),
      '<w:p/>',
      paragraph('By Jane Doe'),
      paragraph('LAGOS, March 4 (Reuters) - The council approved the plan.'),
      // One sentence in several runs, as Word splits text where its formatting or its editing history changes.
      '<w:p><w:r><w:t>“We will re</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>build</w:t></w:r><w:r><w:t xml:space="preserve"> the port,” </w:t></w:r>' +
        '<w:r><w:t>Mayor Okonkwo said &amp; left.</w:t></w:r></w:p>',
    ].join(''),
  );
  const doc = parseDocxSource('/s/release.docx', bytes);
  assert.equal(
    doc.text,
    'Harbour plan approved\n\nBy Jane Doe\n\nLAGOS, March 4 (Reuters) - The council approved the plan.\n\n' +
      '“We will rebuild the port,” Mayor Okonkwo said & left.',
  );
  assert.equal(doc.file, undefined);
  assert.equal(doc.meta.title, 'Harbour plan approved');
  assert.equal(doc.meta.author, 'Jane Doe');
  assert.equal(doc.meta.outlet, 'Reuters');
});

test('tracked deletions, field codes, tab stops and the fallback copy of a text box are not the text; insertions are', () => {
  const bytes = docx(
    '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">The plan is </w:t></w:r>' +
      '<w:del w:id="1" w:author="Editor"><w:r><w:delText>not </w:delText></w:r></w:del>' +
      '<w:ins w:id="2" w:author="Editor"><w:r><w:t xml:space="preserve">fully </w:t></w:r></w:ins>' +
      '<w:r><w:t>funded</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">(see </w:t></w:r>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF _Toc1 \\h </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>page 4</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>' +
      '<w:r><w:t>).</w:t><w:br/><w:t>Next line</w:t></w:r></w:p>' +
      '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>' +
      paragraph('A pull quote') +
      '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>' +
      paragraph('A pull quote') +
      '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc>' + paragraph('Cell one') + '</w:tc><w:tc>' + paragraph('Cell two') + '</w:tc></w:tr></w:tbl>',
  );
  const doc = parseDocxSource('/s/plan.docx', bytes);
  assert.equal(doc.text, 'The plan is fully funded\t(see page 4).\nNext line\n\nA pull quote\n\nCell one\n\nCell two');
});

test('the footnotes and endnotes follow the text, without their numbers, in the order the text refers to them', () => {
  const bytes = docx(
    '<w:p><w:r><w:t>“The levee held,”</w:t></w:r>' + noteReference('footnote', '1') + '<w:r><w:t xml:space="preserve"> the engineer said.</w:t></w:r>' +
      noteReference('endnote', '1') + '</w:p>' + paragraph('Next paragraph.'),
    {
      footnotes: { '1': noteParagraph('footnote', 'Transcript of 4 March.') },
      endnotes: { '1': noteParagraph('endnote', 'She said: “We checked every pump.”') + paragraph('A second paragraph of the note.') },
    },
  );
  assert.equal(
    parseDocxSource('/s/notes.docx', bytes).text,
    '“The levee held,” the engineer said.\n\nNext paragraph.\n\nTranscript of 4 March.\n\n' +
      'She said: “We checked every pump.”\n\nA second paragraph of the note.',
  );
});

test('a note that names someone does not take over the “she said” of the paragraph after the one it is in', () => {
  const bytes = docx(
    '<w:p><w:r><w:t>Harbour master Ingrid Lapointe told the panel the gates were closed.</w:t></w:r>' +
      noteReference('footnote', '1') + '</w:p>' + paragraph('“We had scheduled the maintenance for March,” she said.'),
    { footnotes: { '1': noteParagraph('footnote', 'The schedule was approved by Councillor Tomas Brandvold.') } },
  );
  const { text } = parseDocxSource('/s/review.docx', bytes);
  assert.equal(speaker(text, 'We had scheduled'), 'Ingrid Lapointe');
});

test('a file that is no Word document, or whose body is damaged or too large, is refused with the reason', () => {
  const parse = (bytes: Uint8Array) => parseDocxSource('/s/x.docx', bytes);
  assert.throws(() => parse(strToU8('plain text saved as .docx')), /^Error: could not be parsed \(not a \.docx package; a password-protected document cannot be read\)$/);
  assert.throws(() => parse(zipSync({ 'content.xml': strToU8('<office/>') })), /the package has no word\/document\.xml/);
  // A package cut short is damaged, not password-protected.
  const whole = docx(paragraph('A paragraph long enough to be stored in a package of its own.'));
  assert.throws(() => parse(whole.subarray(0, whole.length >> 1)), /^Error: could not be parsed \(the package is damaged: it could not be unpacked\)$/);
  const damaged = zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p>') });
  assert.throws(() => parse(damaged), /^Error: could not be parsed \(its text is damaged/);
  // A package that says its body unpacks to more than the limit is refused before anything is unpacked.
  const bomb = docx(paragraph('small'));
  setBodySize(bomb, 8 * MAX_PACKAGE_PART_BYTES);
  assert.throws(() => parse(bomb), /its text is too large unpacked \(2048 MiB; at most 256 MiB\)/);
});

/** Writes `size` as the unpacked size of word/document.xml in the package's central directory. */
function setBodySize(zip: Uint8Array, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const name = new TextEncoder().encode('word/document.xml');
  for (let at = 0; at + 46 < zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const found = zip.subarray(at + 46, at + 46 + nameLength);
    if (nameLength === name.length && found.every((byte, k) => byte === name[k])) {
      view.setUint32(at + 24, size, true);
      return;
    }
  }
  assert.fail('the package has a central directory entry for its body');
}
