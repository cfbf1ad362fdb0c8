// Every way a run can go wrong on the user's side gives exit code 2 and one clear line on stderr, never a stack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, hasStackTrace, project, runCli } from './helpers.js';

const source = readFileSync(join(EXAMPLES, 'sources', 'afp-2019-10-09.txt'), 'utf8');
const draft = readFileSync(join(EXAMPLES, 'drafts', 'observatory.txt'), 'utf8');

/** Asserts a usage failure: exit 2, nothing on stdout, one line on stderr matching `pattern`. */
function assertUsageError(result: { status: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.equal(result.status, 2, result.stderr);
  assert.equal(result.stdout, '');
  assert.ok(!hasStackTrace(result.stderr), result.stderr);
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0], /^verbatim: \S.*[.)]$/);
  assert.match(lines[0], pattern);
}

test('a missing sources folder', (t) => {
  const dir = project(t, { 'draft.txt': draft });
  assertUsageError(runCli(['check', '--sources', 'no-such-folder', 'draft.txt'], { cwd: dir }), /no-such-folder does not exist/);
});

test('an empty sources folder', (t) => {
  const dir = project(t, { 'draft.txt': draft, 'sources/.keep': '' });
  const result = runCli(['check', '--sources', 'sources', 'draft.txt'], { cwd: dir });
  assert.equal(result.status, 2);
  assert.ok(!hasStackTrace(result.stderr));
  assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /sources/);
});

test('a sources folder with nothing readable in it', (t) => {
  const dir = project(t, { 'draft.txt': draft, 'sources/blob.txt': new Uint8Array([0, 1, 2, 3, 0, 0, 255, 0]) });
  assertUsageError(runCli(['check', '--sources', 'sources', 'draft.txt'], { cwd: dir }), /could be read/);
});

test('no sources named anywhere', (t) => {
  const dir = project(t, { 'draft.txt': draft });
  assertUsageError(runCli(['check', 'draft.txt'], { cwd: dir }), /--sources/);
});

test('a missing draft', (t) => {
  const dir = project(t, { 'sources/a.txt': source });
  assertUsageError(runCli(['check', '--sources', 'sources', 'missing.md'], { cwd: dir }), /missing\.md does not exist/);
});

test('a draft that is a broken symbolic link or a pipe says so, not that it does not exist', (t) => {
  const dir = project(t, { 'sources/a.txt': source });
  symlinkSync(join(dir, 'gone.md'), join(dir, 'link.md'));
  assertUsageError(runCli(['check', '--sources', 'sources', 'link.md'], { cwd: dir }), /link\.md is a broken symbolic link/);
  execFileSync('mkfifo', [join(dir, 'pipe.md')]);
  assertUsageError(runCli(['check', '--sources', 'sources', 'pipe.md'], { cwd: dir }), /pipe\.md is not a regular file/);
});

test('verbatim text on a folder says to name its files', (t) => {
  const dir = project(t, { 'sources/a.txt': source });
  const run = runCli(['text', 'sources'], { cwd: dir });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /sources could not be read: it is a folder; name the files in it\./);
});

test('a glob that matches no draft', (t) => {
  const dir = project(t, { 'sources/a.txt': source });
  assertUsageError(runCli(['check', '--sources', 'sources', 'drafts/**/*.md'], { cwd: dir }), /No draft matches drafts\/\*\*\/\*\.md/);
});

test('a folder without drafts', (t) => {
  const dir = project(t, { 'sources/a.txt': source, 'drafts/picture.png': 'x' });
  assertUsageError(runCli(['check', '--sources', 'sources', 'drafts'], { cwd: dir }), /holds no drafts/);
});

test('no drafts named and no configuration file', (t) => {
  const dir = project(t, { 'sources/a.txt': source });
  assertUsageError(runCli(['check'], { cwd: dir }), /No drafts given/);
});

test('an unknown option', () => {
  assertUsageError(runCli(['check', '--frobnicate', 'x.md']), /Unknown option --frobnicate/);
  assertUsageError(runCli(['check', '-x']), /Unknown option -x/);
});

test('an option without its value', () => {
  assertUsageError(runCli(['check', '--sources']), /--sources needs a value/);
  assertUsageError(runCli(['check', 'x.md', '--format']), /--format needs a value/);
});

test('a bad --format', () => {
  assertUsageError(runCli(['check', '--format', 'xml', 'x.md']), /Unknown format "xml"; use --format text, json, sarif or github/);
});

test('no command, or an unknown one', () => {
  assertUsageError(runCli([]), /Name a command/);
  assertUsageError(runCli(['verify', 'x.md']), /Unknown command "verify"/);
});

test('a broken verbatim.json', (t) => {
  const dir = project(t, {
    'verbatim.json': '{\n  "sources": ["sources"]\n  "drafts": ["*.txt"]\n}\n',
    'sources/a.txt': source,
    'draft.txt': draft,
  });
  assertUsageError(runCli(['check', 'draft.txt'], { cwd: dir }), /verbatim\.json is not valid JSON at line 3, column 3: expected a comma/);
});

test('a verbatim.json with an unknown setting', (t) => {
  const dir = project(t, { 'verbatim.json': '{ "source": ["wire"] }', 'sources/a.txt': source, 'draft.txt': draft });
  assertUsageError(runCli(['check', 'draft.txt'], { cwd: dir }), /"source" is not a setting/);
});

test('a --config file that does not exist', (t) => {
  const dir = project(t, { 'sources/a.txt': source, 'draft.txt': draft });
  assertUsageError(runCli(['check', '--config', 'nope.json', 'draft.txt'], { cwd: dir }), /nope\.json does not exist/);
});

test('sources named by verbatim.json that do not exist', (t) => {
  const dir = project(t, { 'verbatim.json': '{ "sources": ["wire"] }', 'draft.txt': draft });
  assertUsageError(runCli(['check', 'draft.txt'], { cwd: dir }), /wire named in verbatim\.json does not exist/);
});

test('an unreadable source is skipped and listed, and the run goes on', (t) => {
  const dir = project(t, {
    'sources/a.txt': source,
    'sources/scan.txt': '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n',
    'sources/blob.txt': new Uint8Array([0, 159, 146, 150, 0, 0, 1, 2, 3, 0]),
    'draft.txt': draft,
  });
  const json = runCli(['check', '--sources', 'sources', '--format', 'json', 'draft.txt'], { cwd: dir });
  assert.equal(json.stderr, '');
  assert.equal(json.status, 1);
  const report = JSON.parse(json.stdout);
  assert.equal(report.sources.documents, 1);
  const skipped = report.sources.skipped.map((skip: { file: string }) => skip.file).sort();
  assert.deepEqual(skipped, ['sources/blob.txt', 'sources/scan.txt']);
  for (const skip of report.sources.skipped) assert.ok(skip.reason.length > 0);
  assert.equal(report.results[0].quotes.length, 19);

  const text = runCli(['check', '--sources', 'sources', 'draft.txt'], { cwd: dir });
  assert.equal(text.status, 1);
  const lines = text.stdout.split('\n');
  assert.ok(lines.includes('Skipped 2 sources:'), text.stdout);
  assert.ok(lines.some((line) => line.startsWith('  sources/blob.txt: ')));
  assert.ok(lines.some((line) => line.startsWith('  sources/scan.txt: ')));

  const sarif = JSON.parse(runCli(['check', '--sources', 'sources', '--format', 'sarif', 'draft.txt'], { cwd: dir }).stdout);
  const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
  assert.equal(notes.length, 2);
  assert.ok(notes.every((note: { level: string }) => note.level === 'warning'));
});

test('a draft that cannot be read is not a pass: alone it is exit 2, with others exit 1', (t) => {
  const dir = project(t, {
    'sources/a.txt': source,
    'binary.txt': new Uint8Array([0, 0, 0, 1, 2, 3, 0, 0]),
    'fine.txt': 'They called the claims “groundless.”\n',
  });
  const alone = runCli(['check', '--sources', 'sources', '--format', 'json', 'binary.txt'], { cwd: dir });
  assert.equal(alone.status, 2);
  assert.ok(!hasStackTrace(alone.stderr));
  assert.equal(alone.stderr.trimEnd().split('\n').length, 1);
  assert.match(alone.stderr, /binary\.txt could not be checked/);
  const report = JSON.parse(alone.stdout);
  assert.equal(report.results[0].file, 'binary.txt');
  assert.match(report.results[0].skipped, /binary/);

  const both = runCli(['check', '--sources', 'sources', 'binary.txt', 'fine.txt'], { cwd: dir });
  assert.equal(both.status, 1);
  assert.match(both.stdout, /^binary\.txt {2}not checked: .*binary/m);
  assert.match(both.stdout, /^Checked 1 of 2 drafts against 1 source; 1 could not be checked\.$/m);
  // In SARIF, a draft not checked fails the run and is a result, which code scanning shows, not only a notification.
  for (const drafts of [['binary.txt'], ['binary.txt', 'fine.txt']]) {
    const sarif = JSON.parse(runCli(['check', '--sources', 'sources', '--format', 'sarif', ...drafts], { cwd: dir }).stdout);
    const [run] = sarif.runs;
    assert.equal(run.invocations[0].executionSuccessful, false);
    const unchecked = run.results.filter((result: { ruleId: string }) => result.ruleId === 'quote.unchecked');
    assert.equal(unchecked.length, 1);
    assert.equal(unchecked[0].level, 'error');
    assert.match(unchecked[0].message.text, /^The draft could not be checked: .*binary/);
    assert.equal(unchecked[0].locations[0].physicalLocation.artifactLocation.uri, 'binary.txt');
  }
  const fine = JSON.parse(runCli(['check', '--sources', 'sources', '--format', 'sarif', 'fine.txt'], { cwd: dir }).stdout);
  assert.equal(fine.runs[0].invocations[0].executionSuccessful, true);
});

test('verbatim text on a file that is not there says so, and on none that could be read exits 2', (t) => {
  const dir = project(t, { 'sources/a.txt': source });
  const run = runCli(['text', 'sources/a.txt', 'sources/missing.pdf'], { cwd: dir });
  assert.equal(run.status, 1);
  assert.equal(run.stderr, 'verbatim: sources/missing.pdf could not be read: it does not exist.\n');
  assert.match(run.stdout, /^== sources\/a\.txt \(text\) ==/);
  const none = runCli(['text', 'missing.pdf'], { cwd: dir });
  assert.equal(none.status, 2);
  assert.equal(none.stdout, '');
});

test('--help and --version', () => {
  const help = runCli(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: verbatim check \[options\] <draft files, folders or globs>\.\.\./);
  for (const option of ['--sources', '--format', '--config', '--no-color', '--version']) assert.ok(help.stdout.includes(option));
  const version = runCli(['--version']);
  assert.equal(version.status, 0);
  assert.equal(version.stdout, `${JSON.parse(readFileSync(join(EXAMPLES, '..', 'package.json'), 'utf8')).version}\n`);
});
