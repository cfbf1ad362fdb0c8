// Bundles the command-line checker, the language server and the extension client into dist/.
// The bundles are written to a fresh folder first and moved into place together, so a test run that reads dist/
// never sees a half-written build.
import { build } from 'esbuild';
import { chmodSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Several dependencies ship a UMD build as `main` that cannot be bundled; their ES module build can.
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const bundles = [
  // The command line starts from a small file that runs the large bundle with the engine's code cache.
  { entryPoints: ['server/src/cliStart.ts'], outfile: 'cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['server/src/cli.ts'], outfile: 'verbatim.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'server.js' },
  { entryPoints: ['server/src/io/indexWorker.ts'], outfile: 'indexWorker.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'extension.js', external: ['vscode'] },
];

const staging = mkdtempSync('dist-');
// A temporary folder is made private; the bundles are for every user of the machine.
chmodSync(staging, 0o755);
try {
  for (const bundle of bundles) {
    if (!existsSync(bundle.entryPoints[0])) continue;
    await build({ ...common, ...bundle, outfile: `${staging}/${bundle.outfile}` });
  }
  const previous = `${staging}-old`;
  if (existsSync('dist')) renameSync('dist', previous);
  renameSync(staging, 'dist');
  rmSync(previous, { recursive: true, force: true });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  throw error;
}
