// Starts the command line. Its code is one large bundle beside this file; what the engine compiled of it is kept in a
// code cache beside the persisted index, so that a run does not parse and compile again what the last run did (what
// Node 22 does for every module with `module.enableCompileCache`, done here so that Node 20 has it too).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { defaultCacheDir } from './io/paths.js';

const bundle = join(__dirname, 'verbatim.js');
// --no-cache keeps nothing on disk, this included. The engine refuses a cache made by another version of it or of
// the bundle, and the cache is then made anew.
const cacheFile = process.argv.includes('--no-cache') ? null : join(defaultCacheDir(), 'code', `${process.version}-${process.arch}.bin`);
let cached: Buffer | undefined;
try {
  if (cacheFile) cached = readFileSync(cacheFile);
} catch {
  // None yet.
}
const script = new Script(wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData: cached });
// Made after a check, when the run ends, so that it holds all that a check compiles.
if (cacheFile && (!cached || script.cachedDataRejected) && process.argv[2] === 'check') {
  process.once('exit', () => {
    try {
      const data = script.createCachedData();
      mkdirSync(dirname(cacheFile), { recursive: true });
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temporary, data);
      renameSync(temporary, cacheFile);
    } catch {
      // The cache only saves time: a run that cannot keep it is no worse off.
    }
  });
}
const main = { exports: {}, filename: bundle, id: bundle, loaded: false, children: [], paths: [] };
(script.runInThisContext() as (...args: unknown[]) => void).call(main.exports, main.exports, createRequire(bundle), main, bundle, dirname(bundle));
