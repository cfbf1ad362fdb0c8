// The server in an untrusted workspace (limited mode) and when requests fail.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { LspTestClient, withCode } from './lspClient.js';
import type { StatusResult } from '../../server/src/protocol.js';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const uri = (path: string): string => pathToFileURL(path).href;

describe('language server in an untrusted workspace', { timeout: 60000 }, () => {
  let root: string;
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'verbatim-limited-'));
    workspace = join(root, 'workspace');
    cpSync(EXAMPLES, workspace, { recursive: true });
    // A second source folder outside the workspace, which a workspace setting names.
    mkdirSync(join(root, 'elsewhere'));
    writeFileSync(join(root, 'elsewhere', 'secret.txt'), 'Nobody should read “this file” from an untrusted workspace.\n');
    client = await LspTestClient.start(uri(workspace), {
      initializationOptions: { trusted: false },
      settings: { sources: ['sources', '../elsewhere'], severity: { unsourced: 'off' } },
    });
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('reads only the sources inside the workspace folder and says why', async () => {
    await client.waitFor('indexing to end', () => client.progress.some((p) => p.value.kind === 'end'));
    const status = await client.sendRequest<StatusResult>('verbatim/status', {});
    assert.equal(status.restricted, true);
    assert.deepEqual(status.folders[0]!.roots, [join(workspace, 'sources')]);
    assert.equal(status.folders[0]!.sources, 1);
    assert.ok(status.folders[0]!.errors.some((e) => e.includes(join(root, 'elsewhere')) && e.includes('untrusted')));
  });

  test('offers no fix that writes verbatim.json, and refuses the command', async () => {
    const draft = join(workspace, 'drafts', 'observatory.txt');
    await client.open(uri(draft), readFileSync(draft, 'utf8'));
    const published = await client.waitForDiagnostics(uri(draft), (p) => p.version === 1);
    // Severity "off" removes the unsourced diagnostics; the altered ones stay.
    assert.equal(withCode(published.diagnostics, 'quote.unsourced').length, 0);
    const [first] = withCode(published.diagnostics, 'quote.altered');
    assert.ok(first);
    const actions = await client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri(draft) },
      range: first.range,
      context: { diagnostics: [first] },
    });
    assert.ok(!actions.some((a) => a.title === 'Ignore this quotation'));
    await assert.rejects(
      client.sendRequest('workspace/executeCommand', { command: 'verbatim.ignoreQuotation', arguments: [uri(draft), 'x'] }),
      /untrusted workspace/,
    );
    assert.equal(existsSync(join(workspace, 'verbatim.json')), false);
  });

  test('logs a request that throws, answers it with an error and keeps serving', async () => {
    await assert.rejects(client.sendRequest('textDocument/hover', { position: { line: 0, character: 0 } }));
    await client.waitFor('the failure in the log', () => client.logs.find((l) => l.message.startsWith('Hover failed')));
    const status = await client.sendRequest<StatusResult>('verbatim/status', {});
    assert.equal(status.folders[0]!.state, 'ready');
  });
});
