// The checker finds verbatim.json from the working folder up, or takes --config, and follows what it says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXAMPLES, project, runCli } from './helpers.js';

const source = readFileSync(join(EXAMPLES, 'sources', 'afp-2019-10-09.txt'), 'utf8');
const draft = readFileSync(join(EXAMPLES, 'drafts', 'observatory.txt'), 'utf8');

function files(config: object): Record<string, string> {
  return {
    'verbatim.json': JSON.stringify(config, null, 2),
    'wire/afp.txt': source,
    'stories/observatory.txt': draft,
    'stories/notes.md': 'The firm said the charges were “groundless”.\n',
    'stories/page.html': '<p>“not a draft”</p>',
    'wire/old-draft.md': 'Not a draft either: “inside the sources”.\n',
  };
}

test('verbatim.json found from a subfolder names the sources and the drafts', (t) => {
  const dir = project(t, files({ sources: ['wire'], drafts: ['stories/**/*.{md,txt}'] }));
  const { status, stdout, stderr } = runCli(['check', '--format', 'json'], { cwd: join(dir, 'stories') });
  assert.equal(stderr, '');
  assert.equal(status, 1);
  const report = JSON.parse(stdout);
  assert.equal(report.sources.documents, 2, 'everything under the sources folder is a source');
  assert.deepEqual(report.results.map((result: { file: string }) => result.file), ['notes.md', 'observatory.txt']);
  assert.equal(report.results[0].quotes[0].text, 'groundless');
  assert.equal(report.results[0].quotes[0].source.file, '../wire/afp.txt');
  assert.equal(report.results[1].quotes.length, 19);
});

test('the default drafts are every draft file outside the sources folders', (t) => {
  const dir = project(t, files({ sources: ['wire'] }));
  const report = JSON.parse(runCli(['check', '--format', 'json'], { cwd: dir }).stdout);
  assert.deepEqual(report.results.map((result: { file: string }) => result.file), ['stories/notes.md', 'stories/observatory.txt']);
});

test('a draft named that lies among the sources is checked against the others, never against itself', (t) => {
  const invented = 'The minister said “we will halve child poverty within two years, guaranteed.”\n';
  const dir = project(t, { 'notes/draft.md': invented, 'notes/wire.txt': source });
  const runs = [
    ['--sources', '.', 'notes/draft.md'],
    ['--sources', 'notes', 'notes/draft.md'],
    ['--sources', 'notes/draft.md', '--sources', 'notes/wire.txt', 'notes/draft.md'],
  ];
  for (const args of runs) {
    const result = runCli(['check', '--format', 'json', ...args], { cwd: dir });
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.results[0].quotes[0].verdict, 'unsourced', args.join(' '));
    assert.deepEqual([report.sources.documents, report.sources.skipped], [1, []], args.join(' '));
  }
});

test('draft arguments win over the configured drafts; --sources wins over the configured sources', (t) => {
  const dir = project(t, { ...files({ sources: ['nowhere'] }), 'other/afp.txt': source });
  const { status, stdout, stderr } = runCli(['check', '--sources', 'other', '--format', 'json', 'stories/notes.md'], { cwd: dir });
  assert.equal(stderr, '');
  assert.equal(status, 0);
  const report = JSON.parse(stdout);
  assert.deepEqual(report.results.map((result: { file: string }) => result.file), ['stories/notes.md']);
  assert.equal(report.results[0].quotes[0].verdict, 'verbatim');
  assert.equal(report.results[0].quotes[0].source.file, 'other/afp.txt');
});

test('--config names a configuration file elsewhere; its paths are relative to its own folder', (t) => {
  const dir = project(t, {
    'settings/verbatim.json': JSON.stringify({ sources: ['../wire'], ignore: ['groundless'] }),
    'wire/afp.txt': source,
    'notes.md': 'They said the charges were “groundless” and “made up out of thin air”.\n',
  });
  const { status, stdout, stderr } = runCli(['check', '--config', 'settings/verbatim.json', '--format', 'json', 'notes.md'], { cwd: dir });
  assert.equal(stderr, '');
  assert.equal(status, 1);
  const quotes = JSON.parse(stdout).results[0].quotes;
  assert.deepEqual(quotes.map((quote: { text: string }) => quote.text), ['made up out of thin air'], 'ignored quotations are left out');
});

test('folders are walked for drafts and globs are expanded', (t) => {
  const dir = project(t, files({ sources: ['wire'] }));
  const folder = JSON.parse(runCli(['check', '--format', 'json', 'stories'], { cwd: dir }).stdout);
  assert.deepEqual(folder.results.map((result: { file: string }) => result.file), ['stories/notes.md', 'stories/observatory.txt']);
  const glob = JSON.parse(runCli(['check', '--format', 'json', 'stories/*.md'], { cwd: dir }).stdout);
  assert.deepEqual(glob.results.map((result: { file: string }) => result.file), ['stories/notes.md']);
  const deep = JSON.parse(runCli(['check', '--format', 'json', '**/*.txt'], { cwd: dir }).stdout);
  assert.deepEqual(deep.results.map((result: { file: string }) => result.file), ['stories/observatory.txt'], 'the sources are not drafts');
});

test('a draft named twice, or reached again through a symbolic link, is checked once', (t) => {
  const dir = project(t, { 'wire/afp.txt': source, 'd/sub/story.md': 'They called it “groundless”.\n' });
  symlinkSync(join(dir, 'd', 'sub', 'story.md'), join(dir, 'd', 'alias.md'));
  for (const args of [['d'], ['d/sub/story.md', 'd/alias.md'], ['d/**/*.md']]) {
    const report = JSON.parse(runCli(['check', '--sources', 'wire', '--format', 'json', ...args], { cwd: dir }).stdout);
    assert.equal(report.results.length, 1, args.join(' '));
  }
});

test('sources outside the working folder: SARIF gives them as file URIs, the text report near ones as relative paths', (t) => {
  const dir = project(t, { 'wire/afp.txt': source, 'desk/story.md': 'Beijing expressed “strong dissatisfaction and firm opposition” to it.\n' });
  const cwd = join(dir, 'desk');
  const sarif = JSON.parse(runCli(['check', '--sources', '../wire', '--format', 'sarif', 'story.md'], { cwd }).stdout);
  const related = sarif.runs[0].results[0].relatedLocations[0].physicalLocation.artifactLocation;
  assert.deepEqual(related, { uri: pathToFileURL(join(dir, 'wire', 'afp.txt')).href });
  assert.deepEqual(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: 'story.md', uriBaseId: 'SRCROOT' });
  const text = runCli(['check', '--sources', '../wire', 'story.md'], { cwd }).stdout;
  assert.match(text, /^ {4}source {2}\.\.\/wire\/afp\.txt:/m);
});

test('thresholds from the configuration reach the checker', (t) => {
  const dir = project(t, {
    'verbatim.json': JSON.stringify({ shortQuoteMaxWords: 0 }),
    'sources/afp.txt': source,
    'notes.md': 'The claims were “groundless”.\n',
  });
  const quote = JSON.parse(runCli(['check', '--format', 'json', 'notes.md'], { cwd: dir }).stdout).results[0].quotes[0];
  assert.equal(quote.short, false);
});

test('a quotation the checker stopped short on is reported as not checked, never as a pass', (t) => {
  const dir = project(t, {
    'verbatim.json': JSON.stringify({ maxQuoteWords: 2 }),
    'sources/afp.txt': source,
    'notes.md': 'They said “groundless” and “strong dissatisfaction and resolute opposition”.\n',
  });
  const json = runCli(['check', '--format', 'json', 'notes.md'], { cwd: dir });
  assert.equal(json.status, 1);
  const [groundless, long] = JSON.parse(json.stdout).results[0].quotes;
  assert.equal(groundless.verdict, 'verbatim');
  assert.equal(groundless.limit, undefined);
  assert.equal(long.code, 'quote.unchecked');
  assert.match(long.limit, /too long/);

  const text = runCli(['check', 'notes.md'], { cwd: dir });
  assert.equal(text.status, 1);
  assert.match(text.stdout, /^notes\.md:1:\d+ {2}not checked {2}“strong dissatisfaction and resolute opposition”$/m);
  assert.match(text.stdout, /^ {4}not checked: too long/m);
  assert.ok(text.stdout.trimEnd().endsWith('2 quotations: 1 verbatim, 0 altered, 0 unsourced, 1 not checked'));

  const sarif = JSON.parse(runCli(['check', '--format', 'sarif', 'notes.md'], { cwd: dir }).stdout);
  const results = sarif.runs[0].results;
  assert.equal(results.length, 1);
  assert.equal(results[0].ruleId, 'quote.unchecked');
  assert.equal(results[0].level, 'warning');
  assert.match(results[0].message.text, /was not checked: too long/);
});

test('a directive comment in a draft leaves out the quotations it names, as the ignore list does', (t) => {
  const dir = project(t, {
    'wire/afp.txt': source,
    'notes.md': [
      'They said the charges were “groundless”.',
      '',
      '<!-- verbatim-disable-next: said on the phone, no transcript -->',
      'A spokesman called them “made up out of thin air”.',
    ].join('\n'),
  });
  const { status, stdout, stderr } = runCli(['check', '--sources', 'wire', '--format', 'json', 'notes.md'], { cwd: dir });
  assert.equal(stderr, '');
  assert.equal(status, 0, 'nothing is left to report');
  const [result] = JSON.parse(stdout).results;
  assert.deepEqual(result.quotes.map((quote: { text: string; verdict: string }) => [quote.text, quote.verdict]), [['groundless', 'verbatim']]);
  // The reports say how many quotations the comments left out, so that none passes unseen.
  assert.equal(result.disabled, 1);
  const text = runCli(['check', '--sources', 'wire', 'notes.md'], { cwd: dir }).stdout;
  assert.match(text, /^notes\.md {2}\(1 quotation: 1 verbatim, 0 altered, 0 unsourced; 1 left out by verbatim-disable comments\)$/m);
  const github = runCli(['check', '--sources', 'wire', '--format', 'github', 'notes.md'], { cwd: dir }).stdout;
  assert.equal(github, '::notice file=notes.md,title=Quotations switched off::1 quotation is left out by verbatim-disable comments and not checked.\n');
  const sarif = JSON.parse(runCli(['check', '--sources', 'wire', '--format', 'sarif', 'notes.md'], { cwd: dir }).stdout);
  const notices = sarif.runs[0].invocations[0].toolExecutionNotifications as { message: { text: string } }[];
  assert.deepEqual(notices.map((notice) => notice.message.text), ['Quotations left out by verbatim-disable comments, not checked: 1.']);
});
