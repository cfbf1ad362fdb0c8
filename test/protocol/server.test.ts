// Speaks LSP to the bundled server over stdio, on a copy of the example workspace: diagnostics, hover, quick fixes,
// commands, watched source files, and the server staying up when a request fails.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { LspTestClient, withCode } from './lspClient.js';
import type { CheckAllResult, QuoteDiagnosticData, StatusResult } from '../../server/src/protocol.js';
import { ALTERED } from '../fixtures/example.js';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const TEMPLATE = '{quote} ({speaker}, {source}, {date})';

const uri = (path: string): string => pathToFileURL(path).href;

/** The text a range covers. */
function slice(text: string, range: Diagnostic['range']): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return lines[range.start.line]!.slice(range.start.character, range.end.character);
  return [
    lines[range.start.line]!.slice(range.start.character),
    ...lines.slice(range.start.line + 1, range.end.line),
    lines[range.end.line]!.slice(0, range.end.character),
  ].join('\n');
}

describe('language server over stdio', { timeout: 60000 }, () => {
  let workspace: string;
  let client: LspTestClient;
  let draft: string;
  let draftUri: string;
  let draftText: string;
  let source: string;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'verbatim-protocol-'));
    cpSync(EXAMPLES, workspace, { recursive: true });
    draft = join(workspace, 'drafts', 'observatory.txt');
    draftUri = uri(draft);
    draftText = readFileSync(draft, 'utf8');
    source = join(workspace, 'sources', 'afp-2019-10-09.txt');
    client = await LspTestClient.start(uri(workspace), { settings: { attributionTemplate: TEMPLATE } });
  });

  after(async () => {
    await client?.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  const status = (forUri?: string): Promise<StatusResult> => client.sendRequest('verbatim/status', forUri ? { uri: forUri } : {});

  test('indexes the sources folder with progress and asks the editor to watch it', async () => {
    await client.waitFor('indexing to end', () => client.progress.some((p) => p.value.kind === 'end'));
    const messages = client.progress.map((p) => p.value.message).filter(Boolean);
    assert.ok(messages.includes('Indexing sources: 1 of 1 files'), `progress messages: ${messages.join(' | ')}`);
    const registration = await client.waitFor('a file watcher registration', () =>
      client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'),
    );
    const watchers = (registration.registerOptions as { watchers: { globPattern: { baseUri: string; pattern: string } }[] }).watchers;
    assert.ok(watchers.some((w) => w.globPattern.baseUri === uri(join(workspace, 'sources')) && w.globPattern.pattern === '**/*'));
    assert.ok(watchers.some((w) => w.globPattern.baseUri === uri(workspace) && w.globPattern.pattern === 'verbatim.json'));
    const { folders } = await status();
    assert.equal(folders.length, 1);
    assert.equal(folders[0]!.state, 'ready');
    assert.equal(folders[0]!.sources, 1);
    assert.equal(folders[0]!.sourceReads, 1);
  });

  test('reports the five altered quotations of the open draft with their ranges, messages and data', async () => {
    await client.open(draftUri, draftText);
    const published = await client.waitForDiagnostics(draftUri, (p) => p.version === 1);
    const altered = withCode(published.diagnostics, 'quote.altered');
    assert.deepEqual(
      altered.map((d) => d.range),
      ALTERED.map((a) => ({ start: { line: a.line, character: a.start }, end: { line: a.line, character: a.end } })),
    );
    for (const [i, diagnostic] of altered.entries()) {
      assert.equal(slice(draftText, diagnostic.range), ALTERED[i]!.text);
      assert.equal(diagnostic.source, 'verbatim');
      assert.equal(diagnostic.severity, 2);
      const data = diagnostic.data as QuoteDiagnosticData;
      assert.equal(data.documentVersion, 1);
      assert.equal(data.source?.uri, uri(source));
      // The data's source range covers exactly the source wording in the file on disk.
      assert.equal(slice(readFileSync(source, 'utf8'), data.source!.range), data.source!.text);
      assert.deepEqual(diagnostic.relatedInformation?.[0]?.location, { uri: uri(source), range: data.source!.range });
    }
    const ross = altered[0]!;
    const message = ross.message as string;
    assert.match(message, /“repression” → “suppression”/);
    assert.match(message, /^Quotation differs from AFP: /);
    assert.equal((ross.data as QuoteDiagnosticData).source?.speaker, 'Wilbur Ross');
  });

  test('hovers over an altered quotation with the source wording, its details and a link to it', async () => {
    const hover = await client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: draftUri }, position: { line: 4, character: 100 } });
    assert.ok(hover);
    const value = (hover.contents as { kind: string; value: string }).value;
    assert.match(value, /^\*\*Verbatim: altered quotation\*\* · \d+% similar to the source/);
    assert.match(value, /Source wording: “cannot and will not tolerate the brutal \*\*suppression\*\* of ethnic minorities/);
    assert.match(value, /“repression” → “suppression”/);
    assert.match(value, /Speaker: Wilbur Ross · AFP · 9 October 2019 · `afp-2019-10-09\.txt` line \d+/);
    assert.match(value, /\[Open source passage\]\(command:verbatim\.openSource\?/);
    assert.deepEqual(hover.range, { start: { line: 4, character: 74 }, end: { line: 4, character: 165 } });
  });

  test('hovers over a verified quotation with where it was found', async () => {
    const hover = await client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: draftUri }, position: { line: 2, character: 210 } });
    assert.ok(hover, 'a hover on “groundless”');
    assert.match((hover.contents as { value: string }).value, /^\*\*Verbatim: found in AFP\*\*/);
  });

  test('offers the source wording as a versioned quick fix, the changed words alone, with no second attribution', async () => {
    const published = client.diagnostics.get(draftUri)!.at(-1)!;
    const ross = withCode(published.diagnostics, 'quote.altered')[0]!;
    const actions = await client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: draftUri },
      range: ross.range,
      context: { diagnostics: [ross], only: ['quickfix'] },
    });
    assert.deepEqual(actions.map((a) => a.title), ['Replace with source wording', 'Open source passage', 'Ignore this quotation']);
    const edit = actions[0]!.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(edit.textDocument, { uri: draftUri, version: 1 });
    assert.deepEqual(edit.edits, [{
      range: { start: { line: 4, character: 74 }, end: { line: 4, character: 165 } },
      // The draft says Wilbur Ross said it: the fix changes the words it changed, and adds no attribution.
      newText: '“cannot and will not tolerate the brutal suppression of ethnic minorities.”',
    }]);

    const open = actions[1]!.command!;
    const shown = await client.sendRequest<boolean>('workspace/executeCommand', { command: open.command, arguments: open.arguments });
    assert.equal(shown, true);
    const data = ross.data as QuoteDiagnosticData;
    assert.deepEqual(client.shownDocuments.at(-1), { uri: uri(source), selection: data.source!.range, takeFocus: true });
  });

  test('re-checks an edited draft without reading the sources again, and drops fixes for the older text', async () => {
    const before = await status(draftUri);
    const published = client.diagnostics.get(draftUri)!.at(-1)!;
    const ross = withCode(published.diagnostics, 'quote.altered')[0]!;
    const count = client.publications(draftUri);
    await client.sendNotification('textDocument/didChange', {
      textDocument: { uri: draftUri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Draft. ' }],
    });
    const next = await client.waitForDiagnostics(draftUri, (p) => p.version === 2, count);
    const shifted = withCode(next.diagnostics, 'quote.altered');
    assert.equal(shifted.length, 5);
    assert.deepEqual(shifted[0]!.range, ross.range, 'line 4 is untouched by an edit on line 0');
    const afterEdit = await status(draftUri);
    assert.equal(afterEdit.folders[0]!.sourceReads, before.folders[0]!.sourceReads);
    assert.ok(afterEdit.checks > before.checks);
    assert.equal(afterEdit.document?.version, 2);
    assert.equal(afterEdit.document?.altered, 5);
    // An edit outside every quotation re-checks none of them: all 19 come back from memory.
    const folder = afterEdit.folders[0]!;
    assert.equal(folder.groupsChecked, before.folders[0]!.groupsChecked);
    assert.equal(folder.groupsReused - before.folders[0]!.groupsReused, 19);

    const stale = await client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: draftUri },
      range: ross.range,
      context: { diagnostics: [ross], only: ['quickfix'] },
    });
    assert.deepEqual(stale, [], 'no fix is offered from a diagnostic of version 1 on version 2');
  });

  // A draft that checks quickly is checked at once on every edit, so version 3 may be published while it is the
  // newest; what must never happen is a result for version 3 after version 4 has arrived.
  test('when edits come quickly, never publishes for a version older than one already received', async () => {
    const count = client.publications(draftUri);
    for (const version of [3, 4]) {
      await client.sendNotification('textDocument/didChange', {
        textDocument: { uri: draftUri, version },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
      });
    }
    const next = await client.waitForDiagnostics(draftUri, (p) => p.version === 4, count);
    assert.equal(withCode(next.diagnostics, 'quote.altered').length, 5);
    const versions = client.diagnostics.get(draftUri)!.slice(count).map((p) => p.version);
    assert.equal(versions.at(-1), 4);
    assert.deepEqual(versions, [...versions].sort((a, b) => (a ?? 0) - (b ?? 0)), `published in order: ${versions.join(', ')}`);
    assert.ok(versions.every((version) => version === 3 || version === 4), `only the two new versions: ${versions.join(', ')}`);
  });

  test('Check All Quotes reports drafts that are not open and ends with a summary', async () => {
    const second = join(workspace, 'drafts', 'second.md');
    writeFileSync(second, '# Notes\n\nRoss said the US “will not tolerate the brutal repression of ethnic minorities within China.”\n');
    const result = await client.sendRequest<CheckAllResult>('workspace/executeCommand', { command: 'verbatim.checkAllQuotes', arguments: [] });
    assert.equal(result.drafts, 2);
    assert.match(result.summary, /^\d+ quotations: \d+ verbatim, \d+ altered, \d+ unsourced/);
    assert.ok(result.altered >= 6);
    const published = await client.waitForDiagnostics(uri(second), () => true);
    assert.equal(published.version, undefined);
    const [altered] = withCode(published.diagnostics, 'quote.altered');
    assert.ok(altered, 'the unopened draft has an altered quotation');
    assert.deepEqual(altered.range, { start: { line: 2, character: 18 }, end: { line: 2, character: 92 } });
    const message = await client.waitFor('the summary message', () => client.messages.find((m) => m.message.includes(result.summary)));
    assert.equal(message.message, `Verbatim: ${result.summary}`);
    assert.ok(client.progress.some((p) => p.value.message?.startsWith('Checking drafts: 1 of 2')));
  });

  test('re-checks open drafts when a source file changes on disk, reading only that file', async () => {
    const before = await status();
    const count = client.publications(draftUri);
    const text = readFileSync(source, 'utf8').replace(
      'cannot and will not tolerate the brutal suppression of ethnic minorities within China.',
      'cannot tolerate and will not tolerate the brutal repression of China’s ethnic minorities.',
    );
    writeFileSync(source, text);
    await client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(source), type: 2 }] });
    const next = await client.waitForDiagnostics(draftUri, (p) => withCode(p.diagnostics, 'quote.altered').length === 4, count);
    assert.equal(next.version, 4);
    assert.deepEqual(withCode(next.diagnostics, 'quote.altered').map((d) => d.range.start.line), [6, 8, 10, 34]);
    const afterChange = await status();
    assert.equal(afterChange.folders[0]!.sourceReads, before.folders[0]!.sourceReads + 1);
  });

  test('records an ignored quotation in verbatim.json and stops reporting it', async () => {
    const count = client.publications(draftUri);
    const quotation = 'strong dissatisfaction and firm opposition';
    const written = await client.sendRequest<string | null>('workspace/executeCommand', { command: 'verbatim.ignoreQuotation', arguments: [draftUri, quotation] });
    const config = join(workspace, 'verbatim.json');
    assert.equal(written, uri(config));
    assert.deepEqual(JSON.parse(readFileSync(config, 'utf8')), { ignore: [quotation] });
    const next = await client.waitForDiagnostics(draftUri, (p) => withCode(p.diagnostics, 'quote.altered').length === 3, count);
    assert.ok(!next.diagnostics.some((d) => slice(draftText, d.range) === quotation));
  });

  test('a problem in verbatim.json is in the log as soon as the file changes, where the status sends the user', async () => {
    const config = join(workspace, 'verbatim.json');
    const kept = readFileSync(config, 'utf8');
    writeFileSync(config, '{\n  "sorces": ["sources"]\n}\n');
    await client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(config), type: 2 }] });
    await client.waitFor('the problem in the log', () => client.logs.find((log) => /verbatim\.json:2:3: "sorces" is not a setting/.test(log.message)));
    writeFileSync(config, kept);
    await client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(config), type: 2 }] });
    // The status says so once the file is read again: asked until it does, for at most ten seconds.
    for (let tries = 0; (await status()).folders[0]!.errors.length > 0; tries++) {
      assert.ok(tries < 100, 'the status still lists the problem');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  test('a source file opened in the editor is no draft: it is not checked against itself', async () => {
    const sourceUri = uri(source);
    await client.open(sourceUri, readFileSync(source, 'utf8'));
    // The hover a draft would have on a quotation of its own, and the status of a checked draft, are not there.
    const hover = await client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: sourceUri }, position: { line: 2, character: 212 } });
    assert.equal(hover, null);
    assert.equal((await status(sourceUri)).document, null);
    assert.ok(!(client.diagnostics.get(sourceUri) ?? []).some((published) => published.diagnostics.length > 0));
  });

  test('answers a failing request with an error and keeps serving', async () => {
    await assert.rejects(
      client.sendRequest('workspace/executeCommand', { command: 'verbatim.openSource', arguments: [42] }),
      /Open source passage needs a source URI and a range/,
    );
    await assert.rejects(client.sendRequest('workspace/executeCommand', { command: 'verbatim.nothing', arguments: [] }), /Unknown command/);
    const { folders } = await status();
    assert.equal(folders[0]!.state, 'ready');
    assert.ok(existsSync(draft));
  });
});
