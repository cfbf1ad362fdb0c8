// The language server under hostile drafts and faults: a huge draft is checked in slices while other requests are
// answered, limits show at the top of the draft, a failing request leaves other documents served, and an untrusted
// workspace reads nothing through a link that leads outside it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../protocol/lspClient.js';
import type { StatusResult } from '../../server/src/protocol.js';
import { MAX_DRAFT_CHARACTERS, MAX_QUOTATIONS } from '../../server/src/io/draftLimits.js';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const uri = (path: string): string => pathToFileURL(path).href;
const VERBATIM = 'cannot and will not tolerate the brutal suppression of ethnic minorities within China';
/** A shorter verbatim quotation, so that ten thousand of them stay within the size limit. */
const SHORT = 'the brutal suppression of ethnic minorities';

describe('language server under hostile drafts and faults', { timeout: 90000 }, () => {
  let workspace: string;
  let client: LspTestClient;
  let small: string;
  let smallText: string;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'verbatim-hostile-'));
    cpSync(EXAMPLES, workspace, { recursive: true });
    small = join(workspace, 'drafts', 'observatory.txt');
    smallText = readFileSync(small, 'utf8');
    client = await LspTestClient.start(uri(workspace));
    await client.open(uri(small), smallText);
    await client.waitForDiagnostics(uri(small), (p) => p.version === 1);
  });

  after(async () => {
    await client?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('a draft with more quotations than the limit is checked in slices: other requests are answered meanwhile, and the limit shows at its top', async () => {
    const big = uri(join(workspace, 'drafts', 'big.txt'));
    const count = MAX_QUOTATIONS + 50;
    const progressBefore = client.progress.length;
    // Every quotation differs (a number at its end), so that none is answered from an earlier check.
    await client.open(big, Array.from({ length: count }, (_, i) => `“${SHORT} in ${i}”`).join('\n'));
    // The check reports progress once it needs more than one slice; from then on it is under way.
    await client.waitFor('the check of big.txt to report progress', () =>
      client.progress.slice(progressBefore).find((p) => p.value.kind === 'begin' && p.value.message === 'Checking big.txt'));
    const line = smallText.split('\n').findIndex((l) => l.includes('“'));
    const [hover, status] = await Promise.all([
      client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: uri(small) }, position: { line, character: smallText.split('\n')[line]!.indexOf('“') + 2 } }),
      client.sendRequest<StatusResult>('verbatim/status', { uri: uri(small) }),
    ]);
    assert.equal(client.publications(big), 0, 'the hover and the status were answered before the big draft was done');
    assert.ok(hover, 'the hover on the other draft has content');
    assert.equal(status.document?.version, 1);

    const published = await client.waitForDiagnostics(big, (p) => p.version === 1);
    const [top] = published.diagnostics;
    assert.equal(top?.code, 'quote.unchecked');
    assert.deepEqual(top?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(top?.message, `Verbatim stopped short: only the first 10,000 of ${count.toLocaleString('en-US')} quotations were checked (the limit is 10,000 per draft); split the draft to check the rest.`);
    assert.ok(client.progress.slice(progressBefore).some((p) => p.value.kind === 'end'), 'the progress ends');
    await client.sendNotification('textDocument/didClose', { textDocument: { uri: big } });
  });

  test('a draft over the size limit gets one diagnostic at its top saying it was not checked', async () => {
    const huge = uri(join(workspace, 'drafts', 'huge.md'));
    await client.open(huge, `“${VERBATIM}”\n\n${'x'.repeat(MAX_DRAFT_CHARACTERS)}`, 'markdown');
    const published = await client.waitForDiagnostics(huge, (p) => p.version === 1);
    assert.equal(published.diagnostics.length, 1);
    assert.equal(published.diagnostics[0]!.code, 'quote.unchecked');
    assert.equal(published.diagnostics[0]!.range.start.line, 0);
    assert.match(published.diagnostics[0]!.message as string, /^Verbatim did not check this draft: it is too large to check \(1,000,\d{3} characters; the limit is 1,000,000\); split it into smaller drafts\.$/);
    await client.sendNotification('textDocument/didClose', { textDocument: { uri: huge } });
  });

  test('a request that throws is logged and answered with an error, and other documents are still served', async () => {
    // Code actions without a context: the handler fails on the malformed parameters.
    await assert.rejects(client.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(small) }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }));
    await client.waitFor('the failure in the log', () => client.logs.find((l) => l.message.startsWith('Code actions failed')));
    const other = uri(join(workspace, 'drafts', 'other.txt'));
    await client.open(other, `The minister said “${VERBATIM}” on Tuesday, and “nobody said this at all today” too.\n`);
    const published = await client.waitForDiagnostics(other, (p) => p.version === 1);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['quote.unsourced']);
    const hover = await client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: other }, position: { line: 0, character: 22 } });
    assert.match(JSON.stringify(hover?.contents), /Verbatim|verbatim/);
  });

  test('a source file that vanishes before it is read is listed with the reason, and the server goes on', async () => {
    const ghost = join(workspace, 'sources', 'ghost.txt');
    // The editor reports a change, but by the time the server reads the file it is gone.
    const changes = client.statusChanges.length;
    await client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(ghost), type: 2 }] });
    let skipped: StatusResult['folders'][number]['skipped'] = [];
    for (let seen = changes; !skipped.some((s) => s.file === ghost); seen = client.statusChanges.length) {
      await client.waitFor('a status change', () => client.statusChanges.length > seen);
      skipped = (await client.sendRequest<StatusResult>('verbatim/status', {})).folders[0]!.skipped;
    }
    assert.equal(skipped.find((s) => s.file === ghost)?.reason, 'vanished while being read');
    const status = await client.sendRequest<StatusResult>('verbatim/status', {});
    assert.equal(status.folders[0]!.state, 'ready');
    assert.equal(status.folders[0]!.sources, 1);
  });
});

describe('untrusted workspace and links that lead outside it', { timeout: 60000 }, () => {
  let root: string;
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'verbatim-links-'));
    workspace = join(root, 'workspace');
    mkdirSync(join(workspace, 'sources'), { recursive: true });
    mkdirSync(join(root, 'outside'));
    writeFileSync(join(root, 'outside', 'secret.txt'), 'Nobody should read “this private file from outside the workspace” at all.\n');
    cpSync(join(EXAMPLES, 'sources', 'afp-2019-10-09.txt'), join(workspace, 'sources', 'afp.txt'));
    // The configured root is inside the workspace by name, but a link takes it outside.
    symlinkSync(join(root, 'outside'), join(workspace, 'linked'), 'dir');
    client = await LspTestClient.start(uri(workspace), {
      initializationOptions: { trusted: false },
      settings: { sources: ['sources', 'linked'] },
    });
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('a source root that leads outside the workspace through a link is refused and said so', async () => {
    await client.waitFor('indexing to end', () => client.progress.some((p) => p.value.kind === 'end'));
    const status = await client.sendRequest<StatusResult>('verbatim/status', {});
    const folder = status.folders[0]!;
    assert.equal(folder.state, 'ready');
    assert.equal(folder.sources, 1, 'only the source inside the workspace is read');
    assert.ok(folder.errors.some((e) => e.includes(join(workspace, 'linked')) && /outside the workspace folder/.test(e)), folder.errors.join('\n'));
    const draft = uri(join(workspace, 'draft.txt'));
    await client.open(draft, 'He said “this private file from outside the workspace” yesterday.\n');
    const published = await client.waitForDiagnostics(draft, (p) => p.version === 1);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['quote.unsourced'], 'the outside file was never indexed');
  });
});

// The loader follows links; in an untrusted workspace the server has it refuse every file whose real path lies
// outside the workspace folder.
describe('untrusted workspace and a source file that links outside it', { timeout: 60000 }, () => {
  let root: string;
  let workspace: string;
  let client: LspTestClient;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'verbatim-leak-'));
    workspace = join(root, 'workspace');
    mkdirSync(join(workspace, 'sources'), { recursive: true });
    mkdirSync(join(root, 'outside'));
    writeFileSync(join(root, 'outside', 'secret.txt'), 'Nobody should read “this private file from outside the workspace” at all.\n');
    cpSync(join(EXAMPLES, 'sources', 'afp-2019-10-09.txt'), join(workspace, 'sources', 'afp.txt'));
    symlinkSync(join(root, 'outside', 'secret.txt'), join(workspace, 'sources', 'leak.txt'));
    client = await LspTestClient.start(uri(workspace), { initializationOptions: { trusted: false } });
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  test('a source file that links outside the workspace is not read', async () => {
    await client.waitFor('indexing to end', () => client.progress.some((p) => p.value.kind === 'end'));
    const status = await client.sendRequest<StatusResult>('verbatim/status', {});
    assert.equal(status.folders[0]!.sources, 1, 'only the source inside the workspace is read');
    assert.match(status.folders[0]!.skipped.find((s) => s.file === join(workspace, 'sources', 'leak.txt'))?.reason ?? '', /outside the workspace/);
  });
});
