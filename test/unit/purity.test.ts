import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// The core is text in, findings out: it may import its own modules and pure parsing libraries, never Node
// built-ins, VS Code or the language server protocol.
const ALLOWED = new Set([
  'yaml', 'parse5', 'mdast-util-from-markdown', 'micromark-extension-frontmatter', 'mdast-util-frontmatter', 'entities', 'saxes',
  'micromark-extension-gfm-table', 'mdast-util-gfm-table',
]);
const core = join(__dirname, '../../server/src/core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

test('the core imports nothing of the outside world', () => {
  const offending: string[] = [];
  for (const file of files(core)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const specifier = match[1] ?? match[2] ?? match[3];
      if (specifier.startsWith('.') || ALLOWED.has(specifier)) continue;
      offending.push(`${relative(core, file)}: ${specifier}`);
    }
  }
  assert.deepEqual(offending, []);
});
