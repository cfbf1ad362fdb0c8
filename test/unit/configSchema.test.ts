// The JSON schema editors use for verbatim.json says what the checker itself accepts: the same keys, the same
// defaults, and the same verdict on every value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { DEFAULT_CONFIG, validateConfig } from '../../server/src/io/config.js';

const root = join(__dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'verbatim.schema.json'), 'utf8')) as {
  properties: Record<string, { default?: unknown; description?: string }>;
};
// VS Code's own keywords, which tell its editor that the checker allows comments and trailing commas.
const validate = new Ajv({ allErrors: true, strict: true }).addKeyword('allowComments').addKeyword('allowTrailingCommas').compile(schema);

test('the schema names every setting, with its default and a description, and the $schema key', () => {
  assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', ...Object.keys(DEFAULT_CONFIG)].sort());
  for (const [key, value] of Object.entries(DEFAULT_CONFIG)) {
    assert.deepEqual(schema.properties[key]?.default, value, key);
    assert.ok((schema.properties[key]?.description ?? '').length > 20, `${key} is described`);
  }
});

test('the schema accepts exactly what the checker accepts', () => {
  const samples: unknown[] = [
    {},
    { ...DEFAULT_CONFIG },
    { $schema: './schemas/verbatim.schema.json', sources: ['wire', 'interviews'], drafts: ['drafts/**/*.md'] },
    { alteredThreshold: 1 },
    { alteredThreshold: 0 },
    { alteredThreshold: 1.5 },
    { alteredThreshold: '0.6' },
    { shortQuoteMaxWords: 0 },
    { shortQuoteMaxWords: 2.5 },
    { shortQuoteMaxWords: -1 },
    { maxEllipsisWords: 0 },
    { maxQuoteWords: 0 },
    { maxQuoteWords: 1 },
    { maxSourceFileBytes: 0 },
    { sources: [] },
    { sources: [''] },
    { sources: ['  '] },
    { sources: 'sources' },
    { drafts: [' notes/*.md '] },
    { ignore: [''] },
    { ignore: [1] },
    { ignore: 'off the record' },
    { attributionTemplate: '{quote} — {speaker}' },
    { attributionTemplate: '{speaker} said' },
    { attributionTemplate: 7 },
    { sourcse: ['sources'] },
    [],
    'sources',
    null,
  ];
  for (const sample of samples) {
    const checker = validateConfig(sample).errors;
    assert.equal(validate(sample), checker.length === 0, `${JSON.stringify(sample)}: the checker says ${checker.join(' ') || 'nothing'}`);
  }
});

test('VS Code is given the schema for verbatim.json, reads the file as JSON with comments, and the package carries it', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes: { jsonValidation: { fileMatch: string[]; url: string }[]; languages: { id: string; filenames?: string[] }[] };
  };
  const entry = manifest.contributes.jsonValidation.find((item) => item.fileMatch.includes('verbatim.json'));
  assert.equal(entry?.url, './schemas/verbatim.schema.json');
  assert.ok(existsSync(join(root, entry.url)));
  assert.ok(manifest.contributes.languages.some((language) => language.id === 'jsonc' && language.filenames?.includes('verbatim.json')));
  const packaged = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
  assert.ok(packaged.includes('!schemas/verbatim.schema.json'));
});
