// Starts the command line. Its code is a bundle beside this file, with the parsers of HTML, Markdown and front matter
// in a second one loaded only when a run needs them; what the engine compiled of each is kept in a code cache beside
// the persisted index, so that a run does not parse and compile again what the last run did (what Node 22 does for
// every module with `module.enableCompileCache`, done here so that Node 20 has it too).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { defaultCacheDir } from './io/paths.js';

// --no-cache keeps nothing on disk.
const folder = process.argv.includes('--no-cache') ? null : join(defaultCacheDir(), 'code');
// Only a check compiles the code worth keeping; other commands take what a check kept.
const keeps = process.argv[2] === 'check';

/**
 * Runs a bundle of this folder as Node runs a CommonJS module, from its code cache when there is one, and gives its
 * exports. The engine itself checks a cache only against the length of the code it was made from: the cache is named
 * by the code's content, so that a changed bundle never runs code compiled from another.
 */
function loadBundle(name: string): unknown {
  const file = join(__dirname, name);
  const source = readFileSync(file, 'utf8');
  const kind = basename(name, '.js');
  const cacheName = `${kind}-${process.version}-${process.arch}-${createHash('sha1').update(source).digest('hex').slice(0, 16)}.bin`;
  const cacheFile = folder && join(folder, cacheName);
  let cached: Buffer | undefined;
  try {
    if (cacheFile) cached = checked(readFileSync(cacheFile));
  } catch {
    // None yet.
  }
  // Wrapped as Node wraps a CommonJS module, so that the bundle runs as if required.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new Script(wrapped, { filename: file, cachedData: cached });
  // Made when the run ends, so that it holds all that the run compiled.
  if (folder && cacheFile && keeps && (!cached || script.cachedDataRejected)) {
    process.once('exit', () => keepCache(script, folder, cacheFile, kind));
  }
  const module = { exports: {}, filename: file, id: file, loaded: false, children: [], paths: [] };
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/** Length of the SHA-1 digest that opens a code cache file, of the rest of it. */
const DIGEST = 20;

/**
 * The code a cache file holds, or undefined when it does not hold what was written: the engine trusts a code cache
 * it is given, and a damaged one would crash it, on every run.
 */
function checked(file: Buffer): Buffer | undefined {
  const code = file.subarray(DIGEST);
  return file.length > DIGEST && createHash('sha1').update(code).digest().equals(file.subarray(0, DIGEST)) ? code : undefined;
}

/** Writes what the engine compiled of a bundle to its code cache, and removes the caches that are of no more use. */
function keepCache(script: Script, folder: string, cacheFile: string, kind: string): void {
  try {
    const code = script.createCachedData();
    const data = Buffer.concat([createHash('sha1').update(code).digest(), code]);
    mkdirSync(folder, { recursive: true });
    const aside = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(aside, data);
    renameSync(aside, cacheFile);
    // Caches of earlier versions of this bundle, and those named the way earlier versions of Verbatim named them, are
    // of no more use.
    for (const other of readdirSync(folder)) {
      if (!other.endsWith('.bin') || other === basename(cacheFile)) continue;
      if (other.startsWith(`${kind}-`) || !/^[a-z]+-v/.test(other)) rmSync(join(folder, other), { force: true });
    }
  } catch {
    // The cache only saves time: a run that cannot keep it is no worse off.
  }
}

// The main bundle's stand-ins for the parsers load their bundle through this.
(globalThis as Record<symbol, unknown>)[Symbol.for('verbatim.loadBundle')] = loadBundle;
loadBundle('verbatim.js');
