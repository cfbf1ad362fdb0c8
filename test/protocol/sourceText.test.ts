// A source whose file is no text (a Word document here): its passages are located in the text read from it, under
// the verbatim-source scheme, and the server gives that text to the editor that asks for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { QuoteDiagnosticData, StatusResult } from '../../server/src/protocol.js';
import { docx, paragraph } from '../fixtures/docx.js';
import { LspTestClient, withCode } from './lspClient.js';

const uri = (path: string): string => pathToFileURL(path).href;

test('a quotation from a Word document points at the text read from it, which the server gives', { timeout: 60000 }, async (t) => {
  const workspace = mkdtempSync(join(tmpdir(), 'verbatim-source-text-'));
  t.after(() => rmSync(workspace, { recursive: true, force: true }));
  mkdirSync(join(workspace, 'sources'));
  mkdirSync(join(workspace, 'drafts'));
  const release = join(workspace, 'sources', 'release.docx');
  writeFileSync(release, docx([paragraph('City secures flood funding'), paragraph('“This money protects every home on the east side,” said Mayor Grace Okonkwo.')].join('')));
  const locked = join(workspace, 'sources', 'locked.docx');
  writeFileSync(locked, 'not a package');
  // An email whose attached file is no document: read in part.
  const email = join(workspace, 'sources', 'note.eml');
  const emailText = ['Subject: Note', 'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain', '', 'Noted.', '--b',
    'Content-Type: application/pdf; name="broken.pdf"', 'Content-Disposition: attachment; filename="broken.pdf"', '', '%PDF-1.7', '--b--', ''].join('\r\n');
  writeFileSync(email, emailText);
  const draft = join(workspace, 'drafts', 'note.md');
  const draftText = 'The mayor said “this money protects every house on the east side.”\n';
  writeFileSync(draft, draftText);

  const client = await LspTestClient.start(uri(workspace));
  t.after(() => client.stop());
  await client.open(uri(draft), draftText);
  const published = await client.waitForDiagnostics(uri(draft), (p) => withCode(p.diagnostics, 'quote.altered').length === 1);
  const altered = withCode(published.diagnostics, 'quote.altered')[0] as Diagnostic;
  const data = altered.data as QuoteDiagnosticData;
  const shown = `verbatim-source${uri(release).slice('file'.length)}`;
  assert.equal(data.source?.uri, shown);
  assert.deepEqual(altered.relatedInformation?.[0]?.location, { uri: shown, range: data.source!.range });

  const read = await client.sendRequest<{ text: string }>('verbatim/sourceText', { uri: uri(release) });
  const text = read.text;
  assert.equal(text, 'City secures flood funding\n\n“This money protects every home on the east side,” said Mayor Grace Okonkwo.');
  const { start, end } = data.source!.range;
  assert.equal(start.line, end.line);
  assert.equal(text.split('\n')[start.line]!.slice(start.character, end.character), data.source!.text);
  // A file that is no source of the workspace has no text to give; a source left out says why.
  assert.equal(await client.sendRequest('verbatim/sourceText', { uri: uri(draft) }), null);
  assert.deepEqual(await client.sendRequest('verbatim/sourceText', { uri: uri(locked) }), {
    skipped: 'could not be parsed (not a .docx package; a password-protected document cannot be read)',
  });
  // What could not be read of a source read otherwise is in the log, beside the files left out, and in the status.
  const note = 'its attached file broken.pdf was not read (could not be parsed (the PDF is damaged: Invalid PDF structure.))';
  const inPart = `Source read in part: ${email}: ${note}`;
  assert.ok(client.logs.some((log) => log.message === inPart), client.logs.map((log) => log.message).join('\n'));
  const partial = async () => (await client.sendRequest<StatusResult>('verbatim/status', {})).folders[0]!.partial;
  assert.deepEqual(await partial(), [{ file: email, notes: [note] }]);

  // Indexing the folder said every source may have changed; a source changed on disk is named when it is read again,
  // and then gives its new text.
  assert.deepEqual(client.sourcesChanged[0], []);
  const seen = client.sourcesChanged.length;
  writeFileSync(release, docx([paragraph('City secures flood funding'), paragraph('“This money protects every house,” said Mayor Grace Okonkwo.')].join('')));
  await client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(release), type: 2 }] });
  const named = await client.waitFor('the changed source named', () => client.sourcesChanged.slice(seen).find((uris) => uris.length > 0));
  assert.deepEqual(named, [uri(release)]);
  const changed = await client.sendRequest<{ text: string }>('verbatim/sourceText', { uri: uri(release) });
  assert.match(changed.text, /protects every house/);

  // The email saved again without its attachment is read whole; with a broken one again, the log says so once more.
  const saveEmail = async (text: string): Promise<void> => {
    const before = client.sourcesChanged.length;
    writeFileSync(email, text);
    await client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(email), type: 2 }] });
    await client.waitFor('the email read again', () => client.sourcesChanged.slice(before).find((uris) => uris.includes(uri(email))));
  };
  await saveEmail('Subject: Note\r\n\r\nNoted.\r\n');
  assert.deepEqual(await partial(), []);
  await saveEmail(emailText);
  assert.deepEqual(await partial(), [{ file: email, notes: [note] }]);
  assert.equal(client.logs.filter((log) => log.message === inPart).length, 2);
});
