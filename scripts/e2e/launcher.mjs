#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests starts: runs the extension tests in code-server, driven by headless Chromium, and exits with the suite's code.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'node:util';
import { cleanUp, guardProcess, launchChromium, startCodeServer } from './editor.mjs';
import { toolPaths } from './install.mjs';

/** Reads the arguments runTests passes (VS Code's command line); options it does not need are ignored. */
function parseArgs(argv) {
  const options = { extensionDevelopmentPath: [], extensionTestsPath: null, userDataDir: null, extensionsDir: null, folder: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, null];
    const value = () => inline ?? argv[++i];
    if (name === '--extensionDevelopmentPath') options.extensionDevelopmentPath.push(resolve(value()));
    else if (name === '--extensionTestsPath') options.extensionTestsPath = resolve(value());
    else if (name === '--user-data-dir') options.userDataDir = resolve(value());
    else if (name === '--extensions-dir') options.extensionsDir = resolve(value());
    else if (!arg.startsWith('-')) options.folder = resolve(arg);
  }
  if (!options.extensionTestsPath) throw new Error('The launcher needs --extensionTestsPath=<path>.');
  if (!options.folder) throw new Error('The launcher needs the workspace folder to open (pass it in launchArgs).');
  return options;
}

/**
 * The workbench logs its own start-up through the same channel as the tests' console; those entries are left out
 * (set VERBATIM_E2E_VERBOSE=1 to see them). They carry a bracketed tag, a few known phrases, or a workbench stack.
 */
function isWorkbenchChatter(entry) {
  return /^\[[\w][\w:. -]*\] /.test(entry) ||
    /^(Creating a socket|Resolving connection token|Resolved connection token|Ignoring fetching additional|Updating additional builtin)/.test(entry) ||
    entry.includes('/static/out/vs/code/browser/workbench/');
}

function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

async function main() {
  const timeoutMs = Number(process.env.VERBATIM_E2E_TIMEOUT_MS || 300_000);
  guardProcess(timeoutMs, 'the extension tests');
  const options = parseArgs(process.argv.slice(2));
  const tools = toolPaths();
  const server = await startCodeServer(tools, {
    userDataDir: options.userDataDir ?? undefined,
    extensionsDir: options.extensionsDir ?? undefined,
    smokeTestDriver: true,
  });
  process.stderr.write(`[e2e] code-server on ${server.url}\n`);
  logFile = server.logFile;

  const remote = (path) => `vscode-remote://${server.authority}${path}`;
  const payload = [
    ...options.extensionDevelopmentPath.map((path) => ['extensionDevelopmentPath', remote(path)]),
    ['extensionTestsPath', remote(options.extensionTestsPath)],
    ['skipWelcome', 'true'],
  ];
  const context = await launchChromium(tools);
  const page = context.pages()[0] ?? (await context.newPage());
  let resolveExit;
  const exitCode = new Promise((resolveWith) => (resolveExit = resolveWith));
  await page.exposeFunction('codeAutomationExit', (code) => {
    reported = true;
    resolveExit(Number(code));
  });
  const verbose = Boolean(process.env.VERBATIM_E2E_VERBOSE);
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const entry = format(...(Array.isArray(args) ? args : [args]));
    if (verbose || !isWorkbenchChatter(entry)) (type === 'error' ? process.stderr : process.stdout).write(`${entry}\n`);
  });
  page.on('pageerror', (error) => process.stderr.write(`[e2e] page error: ${error.message}\n`));
  const url = `${server.url}/?folder=${encodeURIComponent(options.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  return await exitCode;
}

let code = 1;
let logFile = null;
/** True once the suite reported its exit code; the editor's log is shown only when it never did. */
let reported = false;
try {
  code = await main();
} catch (error) {
  process.stderr.write(`[e2e] ${error?.stack ?? error}\n`);
  code = 1;
} finally {
  if (!reported && logFile) process.stderr.write(`[e2e] end of the code-server log:\n${tail(logFile, 30)}\n`);
  await cleanUp();
}
process.exit(code);
