// Starts the command line. Its code is one large bundle beside this file; what the engine compiled of it is kept in a
// code cache beside the persisted index, so that a run does not parse and compile again what the last run did (what
// Node 22 does for every module with `module.enableCompileCache`, done here so that Node 20 has it too).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { defaultCacheDir } from './io/paths.js';

const bundle = join(__dirname, 'verbatim.js');
const source = readFileSync(bundle, 'utf8');
// The engine itself checks a cache only against the length of the code it was made from: the cache is named by the
// code's content, so that a changed bundle never runs code compiled from another. --no-cache keeps nothing on disk.
const folder = join(defaultCacheDir(), 'code');
const name = `${process.version}-${process.arch}-${createHash('sha1').update(source).digest('hex').slice(0, 16)}.bin`;
const cacheFile = process.argv.includes('--no-cache') ? null : join(folder, name);
let cached: Buffer | undefined;
try {
  if (cacheFile) cached = readFileSync(cacheFile);
} catch {
  // None yet.
}
// Wrapped as Node wraps a CommonJS module, so that the bundle runs as if required.
const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
const script = new Script(wrapped, { filename: bundle, cachedData: cached });
// Made after a check, when the run ends, so that it holds all that a check compiles.
if (cacheFile && (!cached || script.cachedDataRejected) && process.argv[2] === 'check') {
  process.once('exit', () => {
    try {
      const data = script.createCachedData();
      mkdirSync(folder, { recursive: true });
      const aside = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(aside, data);
      renameSync(aside, cacheFile);
      // Caches of earlier versions of the bundle are of no more use.
      for (const other of readdirSync(folder)) if (other !== name && other.endsWith('.bin')) rmSync(join(folder, other), { force: true });
    } catch {
      // The cache only saves time: a run that cannot keep it is no worse off.
    }
  });
}
const main = { exports: {}, filename: bundle, id: bundle, loaded: false, children: [], paths: [] };
(script.runInThisContext() as (...args: unknown[]) => void).call(main.exports, main.exports, createRequire(bundle), main, bundle, dirname(bundle));
