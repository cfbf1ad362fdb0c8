// A quotation the draft gives to another person than its source does: a diagnostic of its own, which a setting turns
// off, and a line at the top of the hover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import type { CheckAllResult, StatusResult } from '../../server/src/protocol.js';
import { LspTestClient, withCode } from './lspClient.js';

const uri = (path: string): string => pathToFileURL(path).href;
const WIRE = '“This is a shameful day for Ashcombe,” said Councillor Priya Lal.\n';
const DRAFT = 'Outside, Joanne Pryce was close to tears. “This is a shameful day for Ashcombe,” she said.\n';

function workspace(t: { after: (fn: () => void) => void }): { folder: string; draft: string } {
  const folder = mkdtempSync(join(tmpdir(), 'verbatim-misattributed-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  mkdirSync(join(folder, 'sources'));
  writeFileSync(join(folder, 'sources', 'wire.txt'), WIRE);
  writeFileSync(join(folder, 'draft.md'), DRAFT);
  return { folder, draft: join(folder, 'draft.md') };
}

test('a quotation given to another person than its source gets a quote.misattributed diagnostic and a hover line', { timeout: 60000 }, async (t) => {
  const { folder, draft } = workspace(t);
  const client = await LspTestClient.start(uri(folder));
  t.after(() => client.stop());
  await client.open(uri(draft), DRAFT, 'markdown');
  const published = await client.waitForDiagnostics(uri(draft), (p) => withCode(p.diagnostics, 'quote.misattributed').length === 1);
  // The words are the source's own: the speaker is all that is wrong.
  assert.deepEqual(published.diagnostics.map((d) => d.code), ['quote.misattributed']);
  const [wrong] = published.diagnostics;
  assert.equal(wrong!.severity, 2);
  assert.equal(wrong!.message, 'The draft gives these words to Joanne Pryce; the source (wire.txt) gives them to Priya Lal.');
  assert.equal(DRAFT.slice(DRAFT.indexOf('This'), DRAFT.indexOf('This') + 36), 'This is a shameful day for Ashcombe,');
  assert.deepEqual(wrong!.range.start, { line: 0, character: DRAFT.indexOf('This') });
  assert.equal(wrong!.relatedInformation?.[0]?.location.uri, uri(join(folder, 'sources', 'wire.txt')));
  const hover = await client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uri(draft) }, position: wrong!.range.start });
  const markdown = (hover?.contents as { value: string }).value;
  assert.match(markdown, /^\*\*Another speaker:\*\* the draft gives these words to Joanne Pryce; the source, to Priya Lal\./);
  assert.match(markdown, /\*\*Verbatim: found in wire\.txt\*\*/);
  // The status counts it, so that the status bar never shows the draft as verified.
  const status = await client.sendRequest<StatusResult>('verbatim/status', { uri: uri(draft) });
  assert.deepEqual([status.document?.verbatim, status.document?.misattributed], [1, 1]);
  // Check All Quotes counts it, and says so in its summary.
  const all = await client.sendRequest<CheckAllResult>('workspace/executeCommand', { command: 'verbatim.checkAllQuotes', arguments: [] });
  assert.equal(all.misattributed, 1);
  assert.equal(all.summary, "1 quotation: 1 verbatim, 0 altered, 0 unsourced; 1 given to another person than the source's");
});

test('verbatim.severity.misattributed "off" reports no misattribution', { timeout: 60000 }, async (t) => {
  const { folder, draft } = workspace(t);
  const client = await LspTestClient.start(uri(folder), { settings: { severity: { misattributed: 'off' } } });
  t.after(() => client.stop());
  await client.open(uri(draft), DRAFT, 'markdown');
  const published = await client.waitForDiagnostics(uri(draft), () => true);
  assert.deepEqual(published.diagnostics, []);
  const all = await client.sendRequest<CheckAllResult>('workspace/executeCommand', { command: 'verbatim.checkAllQuotes', arguments: [] });
  assert.equal(all.misattributed, 0);
});
