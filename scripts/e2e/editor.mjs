// Starts and stops the real editor (code-server) and headless Chromium, and guarantees that everything started is ended and every temporary folder removed.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every process this harness starts carries this variable, so a final sweep can find any that left their process group. */
const MARKER = 'VERBATIM_E2E_RUN';
const runId = `${process.pid}-${Date.now()}`;

const cleanups = [];
let cleaning = null;

/** Registers a clean-up step; steps run in reverse order, once, by {@link cleanUp}. */
export function onCleanUp(step) {
  cleanups.push(step);
}

/** Ends every process group started here, sweeps stragglers, removes temporary folders. Safe to call twice. */
export function cleanUp() {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const step = cleanups.pop();
      try {
        await step();
      } catch (error) {
        process.stderr.write(`[e2e] clean-up step failed: ${error?.message ?? error}\n`);
      }
    }
    sweepMarkedProcesses();
  })();
  return cleaning;
}

/**
 * Makes SIGINT, SIGTERM and SIGHUP clean up and exit, and an overall deadline fail the run instead of hanging.
 * @param {number} timeoutMs
 * @param {string} what named in the timeout message
 */
export function guardProcess(timeoutMs, what) {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(signal, () => {
      process.stderr.write(`\n[e2e] ${signal}: stopping ${what}.\n`);
      void cleanUp().finally(() => process.exit(code));
    });
  }
  if (timeoutMs > 0) {
    const timer = setTimeout(() => {
      process.stderr.write(`[e2e] ${what} did not finish within ${Math.round(timeoutMs / 1000)} s; stopping it.\n`);
      void cleanUp().finally(() => process.exit(1));
    }, timeoutMs);
    timer.unref();
  }
}

/** Creates a temporary folder that {@link cleanUp} removes. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `verbatim-${prefix}-`));
  onCleanUp(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Environment for code-server and Chromium: their state goes into `root`, not the home folder or /tmp. */
function isolatedEnv(root, extra = {}) {
  const env = { ...process.env, ...extra, [MARKER]: runId, EXTENSIONS_GALLERY: '{}' };
  for (const [name, sub] of [['XDG_CONFIG_HOME', 'config'], ['XDG_DATA_HOME', 'data'], ['XDG_CACHE_HOME', 'cache'], ['XDG_RUNTIME_DIR', 'runtime'], ['TMPDIR', 'tmp']]) {
    env[name] = join(root, sub);
    mkdirSync(env[name], { recursive: true, mode: 0o700 });
  }
  return env;
}

function codeServerArgs(tools, { port, userDataDir, extensionsDir, config }) {
  return [
    tools.codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--config', config,
  ];
}

/**
 * Installs a .vsix into an extensions folder with code-server's own installer.
 * @returns {void}
 */
export function installVsix(tools, vsix, extensionsDir) {
  const root = tempDir('install');
  const result = spawnSync(tools.node, [...codeServerArgs(tools, { port: 0, userDataDir: join(root, 'user-data'), extensionsDir, config: writeConfig(root, 0) }), '--install-extension', vsix, '--force'], {
    env: isolatedEnv(root),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`code-server could not install ${vsix}:\n${result.stdout}${result.stderr}`);
}

function writeConfig(root, port) {
  const config = join(root, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  return config;
}

/**
 * Starts code-server in its own process group on a free port of 127.0.0.1 and waits until /healthz answers.
 * @param {object} tools from ensureTools()
 * @param {{ userDataDir?: string, extensionsDir?: string, smokeTestDriver?: boolean, env?: object, log?: string, port?: number }} options
 * @returns {Promise<{ url: string, port: number, authority: string, pid: number }>}
 */
export async function startCodeServer(tools, options = {}) {
  const root = tempDir('editor');
  const port = options.port ?? await freePort();
  const userDataDir = options.userDataDir ?? join(root, 'user-data');
  const extensionsDir = options.extensionsDir ?? join(root, 'extensions');
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const args = codeServerArgs(tools, { port, userDataDir, extensionsDir, config: writeConfig(root, port) });
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const child = spawn(tools.node, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: isolatedEnv(root, options.env),
  });
  const logFile = options.log ?? join(root, 'code-server.log');
  const logStream = createWriteStream(logFile);
  child.stdout.pipe(logStream);
  child.stderr.pipe(logStream);
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));
  onCleanUp(() => endGroup(child.pid, exit, () => exited !== null));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server stopped at start-up (exit ${exited.code ?? exited.signal}); see ${logFile}:\n${safeRead(logFile)}`);
    if (Date.now() > deadline) throw new Error(`code-server did not answer ${url}/healthz within 60 s; see ${logFile}.`);
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // Not listening yet; the next attempt follows after a short pause.
    }
    await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  return { url, port, authority: `127.0.0.1:${port}`, pid: child.pid, logFile };
}

function safeRead(file) {
  try {
    return readFileSync(file, 'utf8').slice(-4000);
  } catch {
    return '';
  }
}

/** Ends a process group: SIGTERM, then SIGKILL if it is still there after a few seconds. */
async function endGroup(pid, exit, hasExited) {
  signalGroup(pid, 'SIGTERM');
  const ended = await Promise.race([exit.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 3000))]);
  if (!ended || !hasExited()) signalGroup(pid, 'SIGKILL');
  // The leader may be gone while members of its group remain; SIGKILL to the group is harmless if it is empty.
  signalGroup(pid, 'SIGKILL');
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Kills any process that still carries this run's marker (for example one that started its own session). */
function sweepMarkedProcesses() {
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return;
  }
  const needle = `${MARKER}=${runId}`;
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(needle)) process.kill(pid, 'SIGKILL');
    } catch {
      // The process ended meanwhile or is not ours to read.
    }
  }
}

/**
 * Launches Debian's Chromium headless through playwright-core with a fresh profile; {@link cleanUp} closes it.
 * @returns {Promise<import('playwright-core').BrowserContext>}
 */
export async function launchChromium(tools, { viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = await import('playwright-core');
  const root = tempDir('chromium');
  const context = await chromium.launchPersistentContext(join(root, 'profile'), {
    executablePath: tools.chromium,
    headless: true,
    viewport,
    deviceScaleFactor: 1,
    env: isolatedEnv(root),
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  onCleanUp(() => Promise.race([context.close(), new Promise((resolve) => setTimeout(resolve, 5000))]));
  return context;
}

/** A folder for artefacts: $VERBATIM_ARTIFACTS when set, else a new temporary folder that is kept. */
export function artifactsDir() {
  const dir = process.env.VERBATIM_ARTIFACTS || mkdtempSync(join(tmpdir(), 'verbatim-artifacts-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}
