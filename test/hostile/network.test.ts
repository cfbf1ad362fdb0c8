import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI, EXAMPLES } from '../cli/helpers.js';
import { LspTestClient } from '../protocol/lspClient.js';

// Every Verbatim process in this file runs with a guard that reports and refuses any socket connection or name
// look-up: checking quotations must never reach the network.
const GUARD = join(__dirname, 'noNetwork.cjs');
const GUARDED = { NODE_OPTIONS: `--require ${GUARD}` };

test('the guard catches a connection attempt (so a quiet run below means something)', () => {
  const run = spawnSync(process.execPath, ['-e', "require('node:net').connect(9, '127.0.0.1').on('error', () => {})"], {
    env: { ...process.env, ...GUARDED },
    encoding: 'utf8',
  });
  assert.match(run.stderr, /NETWORK ATTEMPT: connect/);
});

test('the command-line checker reads sources and checks drafts without touching the network', () => {
  const home = mkdtempSync(join(tmpdir(), 'verbatim-network-'));
  try {
    const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--sources', join(EXAMPLES, 'sources'), join(EXAMPLES, 'drafts')], {
      env: { ...process.env, ...GUARDED, XDG_CACHE_HOME: home },
      encoding: 'utf8',
    });
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stderr, /NETWORK ATTEMPT/);
    assert.equal(JSON.parse(run.stdout).results[0].quotes.length, 19);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('the language server indexes, checks, hovers and checks all quotes without touching the network', async () => {
  const workspace = mkdtempSync(join(tmpdir(), 'verbatim-network-'));
  cpSync(EXAMPLES, workspace, { recursive: true });
  const uri = (path: string) => pathToFileURL(path).href;
  const draft = join(workspace, 'drafts', 'observatory.txt');
  const client = await LspTestClient.start(uri(workspace), { env: GUARDED });
  try {
    await client.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri(draft), languageId: 'plaintext', version: 1, text: readFileSync(draft, 'utf8') },
    });
    const published = await client.waitForDiagnostics(uri(draft), (p) => p.diagnostics.length > 0);
    assert.ok(published.diagnostics.some((d) => d.code === 'quote.altered'));
    await client.sendRequest('textDocument/hover', { textDocument: { uri: uri(draft) }, position: published.diagnostics[0]!.range.start });
    await client.sendRequest('workspace/executeCommand', { command: 'verbatim.checkAllQuotes', arguments: [] });
    assert.doesNotMatch(client.stderrText, /NETWORK ATTEMPT/);
  } finally {
    await client.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
});
