import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strToU8, zipSync } from 'fflate';
import { isTextFile, sourceFormat } from '../../server/src/core/sources/index.js';
import type { SourceDocument } from '../../server/src/core/types.js';
import { documentFromBytes } from '../../server/src/io/sourceBytes.js';
import { odt, odtContent, odtParagraph } from '../fixtures/odt.js';

/** The document of an .odt file's bytes, as the sources' loader reads it; throws with the reason it gives. */
function parseOdt(bytes: Uint8Array, id = '/s/minutes.odt'): SourceDocument {
  const read = documentFromBytes(id, bytes);
  if ('skip' in read) throw new Error(read.skip);
  return read.document;
}

test('.odt files are read as OpenDocument texts, and shown as the text read from them', () => {
  assert.equal(sourceFormat('Minutes.ODT'), 'odt');
  assert.equal(isTextFile('minutes.odt'), false);
});

test('an OpenDocument text gives its headings and paragraphs, with the metadata of its first lines', () => {
  const doc = parseOdt(
    odt(
      '<text:h text:outline-level="1">Harbour plan approved</text:h>' +
        '<text:p/>' +
        odtParagraph('By Jane Doe') +
        odtParagraph('LAGOS, March 4 (Reuters) - The council approved the plan.') +
        // One sentence in several spans, as an editor splits text where its formatting changes; a link; an
        // unbreakable hyphen and a soft hyphen as written.
        '<text:p>“We will re<text:span text:style-name="T1">build</text:span> the port,” ' +
        '<text:a xlink:href="https://example.org" xmlns:xlink="http://www.w3.org/1999/xlink">Mayor Okonkwo</text:a> said &amp; left.</text:p>',
    ),
  );
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

test('white space is read as the format defines it: runs collapse, spaces, tabs and breaks written as elements stay', () => {
  const doc = parseOdt(
    odt(
      // Line ends and indentation in the XML are one space, none at a paragraph's edges.
      '<text:p>\n   The plan   is\n  <text:span>fully</text:span>\tfunded.  </text:p>' +
        '<text:p>Two<text:s/> spaces,<text:s text:c="3"/>four,<text:tab/>a tab,<text:line-break/>a new line.</text:p>' +
        '<text:p><text:s text:c="2"/>Indented.</text:p>',
    ),
  );
  assert.equal(doc.text, 'The plan is fully funded.\n\nTwo  spaces,   four,\ta tab,\na new line.\n\n  Indented.');
});

test('tracked deletions, note numbers, comments and indexes are not the text; notes follow the text', () => {
  const doc = parseOdt(
    odt(
      '<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>Editor</dc:creator>' +
        '</office:change-info><text:p>not </text:p></text:deletion></text:changed-region></text:tracked-changes>' +
        '<text:table-of-content text:name="Contents"><text:index-body><text:p>Harbour plan approved 1</text:p></text:index-body></text:table-of-content>' +
        '<text:p>The plan is <text:change text:change-id="ct1"/>fully funded<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>' +
        '<text:note-body><text:p>Council minutes.</text:p></text:note-body></text:note>.' +
        '<office:annotation><dc:creator>Editor</dc:creator><text:p>Check this.</text:p></office:annotation></text:p>' +
        '<text:list><text:list-item><text:p>First point</text:p></text:list-item><text:list-item><text:p>Second point</text:p></text:list-item></text:list>' +
        '<table:table><table:table-row><table:table-cell><text:p>Cell one</text:p></table:table-cell>' +
        '<table:table-cell><text:p>Cell two</text:p></table:table-cell></table:table-row></table:table>' +
        '<text:p>Before the box.<draw:frame><svg:title>Pull quote</svg:title><draw:text-box><text:p>A pull quote</text:p></draw:text-box></draw:frame></text:p>',
    ),
  );
  assert.equal(
    doc.text,
    'The plan is fully funded.\n\nFirst point\n\nSecond point\n\nCell one\n\nCell two\n\nBefore the box.\n\nA pull quote\n\nCouncil minutes.',
  );
});

test('a file that is no OpenDocument text, an encrypted one or a damaged one is refused with the reason', () => {
  assert.throws(() => parseOdt(strToU8('plain text saved as .odt')), /^Error: could not be parsed \(not an \.odt package\)$/);
  assert.throws(
    () => parseOdt(odt(odtParagraph('1,2'), { type: 'application/vnd.oasis.opendocument.spreadsheet' })),
    /^Error: could not be parsed \(not a text document \(its type is application\/vnd\.oasis\.opendocument\.spreadsheet\)\)$/,
  );
  const encrypted = odt(odtParagraph('secret'), {
    manifest:
      '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" ' +
      'manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>',
  });
  assert.throws(() => parseOdt(encrypted), /^Error: could not be parsed \(it is password-protected\)$/);
  assert.throws(() => parseOdt(zipSync({ 'word/document.xml': strToU8('<w:document/>') })), /the package has no content\.xml/);
  const damaged = zipSync({ 'content.xml': strToU8(odtContent('<text:p>cut off').slice(0, -40)) });
  assert.throws(() => parseOdt(damaged), /^Error: could not be parsed \(its text is damaged/);
});
