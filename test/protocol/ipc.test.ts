// The extension starts the server over Node IPC; the same server answers there as over stdio.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient, withCode } from './lspClient.js';

let workspace: string;
let client: LspTestClient;

before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'verbatim-ipc-'));
  cpSync(join(__dirname, '..', '..', 'examples'), workspace, { recursive: true });
  client = await LspTestClient.start(pathToFileURL(workspace).href, { transport: 'ipc' });
});

after(async () => {
  await client?.stop();
  rmSync(workspace, { recursive: true, force: true });
});

test('publishes the altered quotations of an open draft over IPC', { timeout: 30000 }, async () => {
  const draft = join(workspace, 'drafts', 'observatory.txt');
  const uri = pathToFileURL(draft).href;
  await client.open(uri, readFileSync(draft, 'utf8'));
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.equal(withCode(published.diagnostics, 'quote.altered').length, 5);
});
