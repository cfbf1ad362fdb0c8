import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_EXTENSIONS } from '../../server/src/core/sources/index.js';
import { Commands } from '../../server/src/protocol.js';

interface Manifest {
  contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command: string; when?: string }[]> };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;

test('"Show Text Read from Source" is offered in the Explorer on the files of every format Verbatim reads, and no other', () => {
  assert.ok(manifest.contributes.commands.some((command) => command.command === Commands.showSourceText));
  const entry = manifest.contributes.menus['explorer/context']?.find((item) => item.command === Commands.showSourceText);
  const found = /resourceExtname =~ \/(.+)\/i/.exec(entry?.when ?? '');
  assert.ok(found, `the Explorer menu names the extensions: ${entry?.when}`);
  const extensions = new RegExp(found[1]!, 'i');
  for (const extension of Object.keys(SOURCE_EXTENSIONS)) assert.match(extension, extensions);
  for (const other of ['.png', '.zip', '.pages', '.json', '.docm']) assert.doesNotMatch(other, extensions);
});
