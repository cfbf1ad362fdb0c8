// Tests of verbatim.json: validation, defaults, syntax errors with their line, discovery and the draft matcher.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_CONFIG,
  createDraftMatcher,
  findConfigRoot,
  loadConfig,
  loadConfigFile,
  parseConfigText,
  sourceRoots,
  validateConfig,
} from '../../server/src/io/config.js';

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-config-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('an empty object gives every default', () => {
  const { config, errors } = validateConfig({});
  assert.deepEqual(errors, []);
  assert.deepEqual(config, { ...DEFAULT_CONFIG });
  assert.deepEqual(config.sources, ['sources']);
  assert.deepEqual(config.drafts, ['**/*.{md,markdown,txt,tex}']);
  assert.equal(config.shortQuoteMaxWords, 3);
  assert.equal(config.alteredThreshold, 0.6);
  assert.equal(config.maxEllipsisWords, 60);
  assert.equal(config.maxSourceFileBytes, 20971520);
});

test('every documented key is taken as given', () => {
  const raw = {
    $schema: './verbatim.schema.json',
    sources: ['wire', 'interviews'],
    drafts: ['drafts/**/*.md'],
    shortQuoteMaxWords: 2,
    alteredThreshold: 0.6,
    maxEllipsisWords: 40,
    maxQuoteWords: 500,
    maxSourceFileBytes: 1000,
    fillers: ['um', 'ähm'],
    ignore: ['off the record'],
    attributionTemplate: '“{quote}”, {speaker} said',
  };
  const { config, errors } = validateConfig(raw);
  assert.deepEqual(errors, []);
  const { $schema: _schema, ...settings } = raw;
  assert.deepEqual(config, settings);
});

test('unknown keys and wrong types are reported one sentence each, and the defaults stay for them', () => {
  const { config, errors } = validateConfig({
    source: ['x'],
    shortQuoteMaxWords: '3',
    alteredThreshold: 1.5,
    sources: 'sources',
    ignore: [1],
    attributionTemplate: '({speaker})',
    maxEllipsisWords: 2.5,
    fillers: ['you know'],
  });
  assert.equal(errors.length, 8);
  assert.match(errors[0], /^"source" is not a setting; the settings are sources, drafts, /);
  assert.match(errors[1], /^"shortQuoteMaxWords" must be a whole number of 0 or more, not "3"\.$/);
  assert.match(errors[2], /^"alteredThreshold" must be a number above 0 and at most 1, not 1\.5\.$/);
  assert.match(errors[3], /^"sources" must be a list of folders/);
  assert.match(errors[4], /^"ignore" must be a list of quotation texts/);
  assert.match(errors[5], /^"attributionTemplate" must be text containing \{quote\}/);
  assert.match(errors[6], /^"maxEllipsisWords" must be a whole number/);
  assert.match(errors[7], /^"fillers" must be a list of single words, such as \["um", "uh"\]/);
  for (const error of errors) assert.equal(error.split('\n').length, 1);
  assert.equal(config.shortQuoteMaxWords, 3);
  assert.equal(config.alteredThreshold, 0.6);
  assert.deepEqual(config.sources, ['sources']);
  assert.deepEqual(config.fillers, DEFAULT_CONFIG.fillers);
});

test('a configuration that is not an object is one error', () => {
  for (const raw of [[], 'sources', 3, null]) {
    const { config, errors } = validateConfig(raw);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /must be a JSON object/);
    assert.deepEqual(config.sources, ['sources']);
  }
});

test('a JSON syntax error names the file, line and column', () => {
  const text = '{\n  "sources": ["sources"],\n  "drafts": ["a.md"]\n  "ignore": []\n}\n';
  const { errors } = parseConfigText(text, 'verbatim.json');
  assert.equal(errors.length, 1);
  assert.equal(errors[0], 'verbatim.json is not valid JSON at line 4, column 3: expected a comma.');
});

test('comments and trailing commas are allowed, as in VS Code settings; other syntax errors say where', () => {
  assert.deepEqual(parseConfigText('{ // the wire\n "sources": ["wire"] }', 'v.json').config.sources, ['wire']);
  const trailing = parseConfigText('{ "sources": ["wire",], }', 'v.json');
  assert.deepEqual([trailing.errors, trailing.config.sources], [[], ['wire']]);
  assert.match(parseConfigText('{ "sources": ["wire"] "drafts": [] }', 'v.json').errors[0], /line 1, column 23: expected a comma/);
});

test('validation errors from a file name the file, and the line and column of the setting', () => {
  const { errors } = parseConfigText('{ "colour": true }', 'proj/verbatim.json');
  assert.deepEqual(errors, [
    'proj/verbatim.json:1:3: "colour" is not a setting; the settings are sources, drafts, shortQuoteMaxWords, alteredThreshold, maxEllipsisWords, maxQuoteWords, maxSourceFileBytes, fillers, ignore, attributionTemplate.',
  ]);
  const text = '{\n  // checks\n  "drafts": ["*.md"],\n\n    "shortQuoteMaxWords": "3",\n  "sources": []\n}';
  assert.deepEqual(parseConfigText(text, 'v.json').errors, [
    'v.json:5:5: "shortQuoteMaxWords" must be a whole number of 0 or more, not "3".',
    'v.json:6:3: "sources" must be a list of folders (at least one), such as ["sources"], not [].',
  ]);
});

test('loadConfig reads root/verbatim.json, or gives defaults and no file', async (t) => {
  const dir = tempDir(t);
  const none = await loadConfig(dir);
  assert.equal(none.file, null);
  assert.deepEqual(none.errors, []);
  assert.deepEqual(none.config.sources, ['sources']);
  writeFileSync(join(dir, 'verbatim.json'), '\uFEFF{ "sources": ["wire"], "alteredThreshold": 0.7 }');
  const some = await loadConfig(dir);
  assert.equal(some.file, join(dir, 'verbatim.json'));
  assert.deepEqual(some.errors, []);
  assert.deepEqual(some.config.sources, ['wire']);
  assert.equal(some.config.alteredThreshold, 0.7);
  assert.deepEqual(sourceRoots(some.config, dir), [join(dir, 'wire')]);
});

test('loadConfigFile says when the file is missing', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'nope.json');
  const { errors, file: named } = await loadConfigFile(file);
  assert.equal(named, file);
  assert.deepEqual(errors, [`The configuration file ${file} does not exist.`]);
});

test('a configuration file saved as UTF-16, as some Windows editors do, is read', async (t) => {
  const dir = tempDir(t);
  const text = '{ "sources": ["wire"], "alteredThreshold": 0.7 }';
  for (const [name, bytes] of [
    ['le.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['be.json', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
  ] as const) {
    writeFileSync(join(dir, name), bytes);
    const loaded = await loadConfigFile(join(dir, name));
    assert.deepEqual([loaded.errors, loaded.config.sources, loaded.config.alteredThreshold], [[], ['wire'], 0.7], name);
  }
});

test('findConfigRoot walks up to the nearest verbatim.json', async (t) => {
  const dir = tempDir(t);
  const deep = join(dir, 'a', 'b', 'c');
  mkdirSync(deep, { recursive: true });
  writeFileSync(join(dir, 'verbatim.json'), '{}');
  assert.equal(await findConfigRoot(deep), dir);
  writeFileSync(join(dir, 'a', 'verbatim.json'), '{}');
  assert.equal(await findConfigRoot(deep), join(dir, 'a'));
  mkdirSync(join(dir, 'a', 'b', 'verbatim.json'));
  assert.equal(await findConfigRoot(deep), join(dir, 'a'), 'a folder named verbatim.json is not a configuration');
});

test('the draft matcher applies the globs and never takes sources, node_modules or .git', () => {
  const root = '/project';
  const matches = createDraftMatcher(validateConfig({}).config, root);
  assert.ok(matches('drafts/story.md'));
  assert.ok(matches('notes.txt'));
  assert.ok(matches('/project/deep/er/paper.tex'));
  assert.ok(!matches('sources/afp.txt'));
  assert.ok(!matches('sources/deeper/afp.md'));
  assert.ok(!matches('node_modules/pkg/readme.md'));
  assert.ok(!matches('a/.git/x.txt'));
  assert.ok(!matches('drafts/story.html'));
  assert.ok(!matches('/elsewhere/story.md'));
  assert.ok(!matches('../story.md'));
  const narrow = createDraftMatcher(validateConfig({ drafts: ['drafts/**/*.md'], sources: ['wire'] }).config, root);
  assert.ok(narrow('drafts/a/b.md'));
  assert.ok(!narrow('drafts/a/b.txt'));
  assert.ok(!narrow('other/b.md'));
  assert.ok(narrow('sources/b.md') === false);
});
