// Runs every unit and protocol test with node's test runner (TypeScript through tsx).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function collect(dir) {
  let files = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files = files.concat(collect(path));
    else if (name.endsWith('.test.ts')) files.push(path);
  }
  return files;
}

const roots = process.argv.length > 2 ? process.argv.slice(2) : ['test/unit', 'test/property', 'test/hostile', 'test/protocol', 'test/cli'];
const files = roots.flatMap((root) => {
  try { return statSync(root).isDirectory() ? collect(root) : [root]; } catch { return []; }
});
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
