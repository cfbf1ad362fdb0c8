// Runs the end-to-end tests: packages the extension, installs the real editor if needed, runs the mocha suite inside VS Code's extension host, then the UI check with screenshots.
// Usage: node scripts/e2e/run.mjs [--suite-only | --ui-only]
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { cleanUp, guardProcess, tempDir } from './editor.mjs';
import { ensureTools } from './install.mjs';
import { bundleSuite, installExtension, packageExtension, prepareWorkspace, ROOT, step } from './prepare.mjs';
import { runUiCheck } from './ui.mjs';

const args = new Set(process.argv.slice(2));
const runSuite = !args.has('--ui-only');
const runUi = !args.has('--suite-only');

async function suite(tools, extension) {
  const started = Date.now();
  const extensionTestsPath = await bundleSuite();
  const workspace = prepareWorkspace({ briefing: true });
  const profile = tempDir('profile');
  step('running the suite in VS Code');
  await runTests({
    vscodeExecutablePath: join(ROOT, 'scripts', 'e2e', 'launcher.mjs'),
    extensionDevelopmentPath: extension.extensionPath ?? ROOT,
    extensionTestsPath,
    launchArgs: [workspace, `--user-data-dir=${join(profile, 'user-data')}`, `--extensions-dir=${join(profile, 'extensions')}`],
  });
  step('suite passed', started);
}

async function main() {
  const started = Date.now();
  guardProcess(Number(process.env.VERBATIM_E2E_TOTAL_TIMEOUT_MS || 20 * 60_000), 'the end-to-end tests');
  const tools = await ensureTools();
  step('editor and browser ready', started);
  const packaged = Date.now();
  const { vsix } = packageExtension();
  step(vsix ? `packaged ${vsix}` : 'built (no package script: loading the repository folder)', packaged);
  const extension = vsix ? installExtension(tools, vsix) : { extensionsDir: null, extensionPath: null };
  // A failing suite still leaves the UI check to run, so that its screenshots show what went wrong.
  let suiteError = null;
  if (runSuite) await suite(tools, extension).catch((error) => (suiteError = error));
  if (runUi) {
    if (!extension.extensionsDir) throw new Error('The UI check needs the packaged extension; add the "package" script.');
    const uiStarted = Date.now();
    const { artifacts } = await runUiCheck(tools, { extensionsDir: extension.extensionsDir, workspace: prepareWorkspace({ briefing: true }) });
    step(`UI check passed; screenshots in ${artifacts}`, uiStarted);
  }
  if (suiteError) throw suiteError;
  step('all end-to-end tests passed', started);
}

let code = 1;
try {
  await main();
  code = 0;
} catch (error) {
  process.stderr.write(`[e2e] FAILED: ${error?.message ?? error}\n`);
} finally {
  await cleanUp();
}
process.exit(code);
