// Prepares what a run in the real editor needs: the packaged extension, a temporary copy of the example workspace, and the bundled test suite.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installVsix, tempDir } from './editor.mjs';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Prints one line of progress with the seconds since `started`. */
export function step(message, started) {
  const seconds = started === undefined ? '' : ` (${((Date.now() - started) / 1000).toFixed(1)} s)`;
  process.stderr.write(`[e2e] ${message}${seconds}\n`);
}

function npm(args) {
  const result = spawnSync('npm', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    throw new Error(`npm ${args.join(' ')} failed with exit code ${result.status}.`);
  }
}

/**
 * Builds the extension and packages it as a .vsix in a temporary folder (`npm run package`). Without a package
 * script it only builds, and the repository folder itself is loaded as the extension.
 * @returns {{ vsix: string | null }}
 */
export function packageExtension() {
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
  if (!scripts.package) {
    npm(['run', 'build', '--silent']);
    return { vsix: null };
  }
  const out = join(tempDir('vsix'), 'verbatim.vsix');
  npm(['run', 'package', '--silent', '--', '--out', out]);
  if (!existsSync(out)) throw new Error(`npm run package did not write ${out}.`);
  return { vsix: out };
}

/**
 * Installs the packaged extension with code-server's installer into a new extensions folder.
 * @returns {{ extensionsDir: string, extensionPath: string }} the folder and the installed extension inside it
 */
export function installExtension(tools, vsix) {
  const extensionsDir = tempDir('extensions');
  installVsix(tools, vsix, extensionsDir);
  const name = readdirSync(extensionsDir).find((entry) => entry.startsWith('verbatim.verbatim-'));
  if (!name) throw new Error(`The extension was not found in ${extensionsDir} after installing ${vsix}.`);
  return { extensionsDir, extensionPath: join(extensionsDir, name) };
}

/**
 * Copies the example workspace into a temporary folder; with `briefing`, adds the second draft of the tests.
 * @returns {string} the workspace folder
 */
export function prepareWorkspace({ briefing = false } = {}) {
  const workspace = join(tempDir('workspace'), 'examples');
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  if (briefing) {
    mkdirSync(join(workspace, 'drafts'), { recursive: true });
    copyFileSync(join(ROOT, 'test', 'e2e', 'fixtures', 'briefing.md'), join(workspace, 'drafts', 'briefing.md'));
  }
  return workspace;
}

/**
 * Bundles the mocha suite of test/e2e into a temporary folder: index.js (with mocha inside) and one file per suite.
 * @returns {Promise<string>} the path of index.js, to pass as extensionTestsPath
 */
export async function bundleSuite() {
  const { build } = await import('esbuild');
  const source = join(ROOT, 'test', 'e2e');
  const outdir = tempDir('suite');
  const suites = readdirSync(source).filter((name) => name.endsWith('.e2e.ts')).map((name) => join(source, name));
  await build({
    entryPoints: [join(source, 'index.ts'), ...suites],
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // Mocha's parallel mode resolves worker files at run time; the suite runs serially and never loads them.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return join(outdir, 'index.js');
}
