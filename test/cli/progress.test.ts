import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT } from './helpers.js';

const LITBANK = join(ROOT, '..', 'shared', 'data', 'litbank', 'original');

// Indexing the novels takes over a second, long enough for the progress line; `script` gives the run a terminal.
test('on a terminal, a long indexing run shows how far it is and wipes the line before the report', (t) => {
  assert.ok(existsSync(LITBANK), `the novels are expected at ${LITBANK}`);
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-progress-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const draft = join(dir, 'draft.txt');
  writeFileSync(draft, 'He said “nothing of the kind was ever written in any of these books, I am sure of it”.');
  const command = [process.execPath, CLI, 'check', '--no-cache', '--no-color', '--sources', LITBANK, draft]
    .map((part) => `'${part}'`)
    .join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(result.error, undefined);
  const shown = result.stdout;
  assert.match(shown, /\r\x1b\[Kverbatim: reading sources, \d+ of 100 files/);
  // The line is wiped before the report: the report's first line starts clean.
  const wiped = shown.lastIndexOf('\r\x1b[K');
  assert.ok(wiped >= 0 && !/reading sources/.test(shown.slice(wiped)), 'the last progress line is wiped');
  assert.match(shown.slice(wiped), /1 quotation: /);
});
