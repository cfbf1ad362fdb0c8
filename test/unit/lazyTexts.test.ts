import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDraft } from '../../server/src/core/check.js';
import { LineIndex, sourcePositions } from '../../server/src/convert.js';
import { pageAt } from '../../server/src/core/sources/index.js';
import { buildIndex } from '../../server/src/io/indexer.js';
import { docx, paragraph } from '../fixtures/docx.js';
import { makePdf } from '../fixtures/pdf.js';

// With a budget of 0 bytes every source keeps its text on disk: the index is built from the files, and a check
// reads back only what it reports from.
test('sources whose texts stay on disk check exactly as sources held in memory', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'verbatim-lazy-'));
  try {
    writeFileSync(join(folder, 'wire.txt'), 'The mayor said: “The river is rising fast and the bridge will close tonight.”\n');
    writeFileSync(
      join(folder, 'page.html'),
      '<html><head><title>Flood</title></head><body><p>“We will <em>rebuild</em> the bridge by spring,” she said.</p></body></html>',
    );
    // Formats that are no text are read again from their files too: a Word document, and a PDF with its pages.
    writeFileSync(join(folder, 'release.docx'), docx(paragraph('“The levee held through the night,” the engineer said.')));
    writeFileSync(join(folder, 'report.pdf'), await makePdf([['Flood report'], ['“The pumps failed at dawn,” the inspector said.']]));
    const draft =
      'He said “the river is rising fast” and she said “we will rebuild the old bridge by spring”. “The levee held ' +
      'through the night,” an engineer said, and the inspector: “the pumps failed at dawn.”';
    const eager = await buildIndex([folder], { workers: 0 });
    const lazy = await buildIndex([folder], { workers: 0, textsInMemory: 0 });
    const expected = checkDraft(eager.index, draft, 'plaintext');
    const found = checkDraft(lazy.index, draft, 'plaintext');
    assert.deepEqual(found, expected);
    assert.deepEqual(found.map((f) => f.verdict), ['verbatim', 'altered', 'verbatim', 'verbatim']);
    const report = lazy.documents.find((doc) => doc.id.endsWith('report.pdf'))!;
    assert.equal(pageAt(report, found[3]!.source!.start), 2);
    assert.equal(lazy.index.stats().characters, eager.index.stats().characters);
    assert.deepEqual([...lazy.sizes], [...eager.sizes]);
    const html = lazy.documents.find((doc) => doc.id.endsWith('page.html'))!;
    assert.match(html.file!.content, /<em>rebuild<\/em>/);

    // A source changed on disk after indexing is not reported from as if it were the same.
    writeFileSync(join(folder, 'wire.txt'), 'Nothing of the kind was said.\n');
    const later = await buildIndex([folder], { workers: 0, textsInMemory: 0 });
    writeFileSync(join(folder, 'wire.txt'), 'The mayor said: “The river is rising fast and the bridge will close at noon.”\n');
    assert.throws(() => checkDraft(later.index, 'He said “nothing of the kind was said”.', 'plaintext'), /changed after it was indexed/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

// Long sources in every encoding, with Windows and old Mac line ends: a check reads back a stretch of each, far into
// the file, and reports the same passages, speakers and positions as from texts held whole.
test('sources read back a stretch at a time report what texts held whole do, in every encoding', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'verbatim-lazy-'));
  try {
    const filler = (n: number) => Array.from({ length: n }, (_, k) => `Paragraph ${k} tells of the harbour, the tides and the boats.`).join('\r\n\r\n');
    const ending = (said: string) => `${filler(900)}\r\n\r\nMayor Anne Hill said: “${said}”\r\r“And we will not wait for the ministry,” she added.\n`;
    writeFileSync(join(folder, 'utf8.txt'), ending('The café on the quay will reopen in spring — all of it.'));
    writeFileSync(join(folder, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ending('The ferry to the island runs again on Monday.'), 'utf16le')]));
    writeFileSync(
      join(folder, 'legacy.txt'),
      Buffer.from(ending('The old lighthouse stays dark until the summer.').replace(/[“”]/g, (q) => (q === '“' ? '\x93' : '\x94')), 'latin1'),
    );
    const draft = [
      'The mayor said “the café on the quay will reopen in spring — all of it.”',
      'She said “the ferry to the island runs again on Tuesday.”',
      'And: “the old lighthouse stays dark until the summer.”',
      'Then “we will not wait for the ministry.”',
    ].join('\n\n');
    const eager = await buildIndex([folder], { workers: 0 });
    const lazy = await buildIndex([folder], { workers: 0, textsInMemory: 0 });
    assert.ok(lazy.documents.every((doc) => doc.stored !== undefined), 'every source is read a stretch at a time');
    const expected = checkDraft(eager.index, draft, 'plaintext');
    const found = checkDraft(lazy.index, draft, 'plaintext');
    assert.deepEqual(found, expected);
    assert.deepEqual(found.map((f) => f.verdict), ['verbatim', 'altered', 'verbatim', 'verbatim']);
    assert.deepEqual(found.map((f) => f.source!.speaker), ['Anne Hill', 'Anne Hill', 'Anne Hill', 'Anne Hill']);
    for (const finding of found) {
      const held = eager.documents.find((doc) => doc.id === finding.source!.id)!;
      const read = lazy.documents.find((doc) => doc.id === finding.source!.id)!;
      const lines = new LineIndex(held.text);
      for (const offset of [finding.source!.start, finding.source!.end]) {
        assert.deepEqual(sourcePositions(read).positionAt(offset), lines.positionAt(offset));
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
