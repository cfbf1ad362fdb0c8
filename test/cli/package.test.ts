import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

// The extension as packaged holds every bundle that its bundles load from beside themselves: the server starts its
// indexing threads from a bundle of their own, and those load the parsers' bundle when they meet HTML or Markdown.
test('the packaged extension holds every bundle its bundles load', () => {
  const listed = spawnSync(join(ROOT, 'node_modules', '.bin', 'vsce'), ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(listed.status, 0, listed.stderr);
  const packaged = new Set(listed.stdout.split('\n').map((line) => line.trim()).filter(Boolean));
  assert.ok(packaged.has('dist/extension.js') && packaged.has('dist/server.js'), [...packaged].join(', '));
  const loaded = (bundle: string) => [...readFileSync(join(ROOT, bundle), 'utf8').matchAll(/["'](\w+\.js)["']/g)].map((m) => `dist/${m[1]}`);
  const seen = new Set<string>();
  const pending = ['dist/extension.js', 'dist/server.js'];
  while (pending.length > 0) {
    const bundle = pending.pop()!;
    if (seen.has(bundle)) continue;
    seen.add(bundle);
    for (const other of loaded(bundle)) if (other !== bundle && isBundle(other)) pending.push(other);
  }
  assert.ok(seen.has('dist/indexWorker.js') && seen.has('dist/parsers.js'), [...seen].join(', '));
  for (const bundle of seen) assert.ok(packaged.has(bundle), `${bundle} is loaded but not packaged`);
});

/** True when `file` is a bundle of dist/ (names a bundle rather than a module of a dependency). */
function isBundle(file: string): boolean {
  try {
    readFileSync(join(ROOT, file));
    return true;
  } catch {
    return false;
  }
}
