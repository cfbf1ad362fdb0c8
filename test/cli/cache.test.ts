import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { CACHE_FORMAT } from '../../server/src/io/indexCache.js';
import { CLI, EXAMPLES, ROOT, runCli } from './helpers.js';

function cacheFiles(home: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(path);
    }
  };
  try {
    walk(join(home, 'verbatim'));
  } catch {
    // No cache folder at all.
  }
  return found;
}

/** The stored batches alone, without the stored dictionary they were joined into. */
function batchFiles(home: string): string[] {
  return cacheFiles(home).filter((file) => file.endsWith('.vbi'));
}

const args = ['check', '--format', 'json', '--sources', join(EXAMPLES, 'sources'), join(EXAMPLES, 'drafts')];

test('a second run takes the persisted index and gives the same report', () => {
  const home = mkdtempSync(join(tmpdir(), 'verbatim-cache-'));
  try {
    const cold = runCli(args, { env: { XDG_CACHE_HOME: home } });
    assert.equal(batchFiles(home).length, 1, 'one stored batch for the one source');
    assert.deepEqual(
      cacheFiles(home).map((file) => relative(join(home, 'verbatim'), file).replace(/batch-\w+/, 'batch').replace(/-v[\d.]+-[\w-]+\.bin$/, '.bin')).sort(),
      ['code/verbatim.bin', `v${CACHE_FORMAT}/${basename(dirname(batchFiles(home)[0]))}/batch.vbi`, `v${CACHE_FORMAT}/${basename(dirname(batchFiles(home)[0]))}/joined.vbj`],
      'the batch, the dictionary it was joined into, and the code the run compiled: plain text needs no parsers',
    );
    const code = cacheFiles(home).find((file) => file.endsWith('.bin'))!;
    const compiled = statSync(code).mtimeMs;
    const warm = runCli(args, { env: { XDG_CACHE_HOME: home } });
    assert.equal(statSync(code).mtimeMs, compiled, 'the code cache was taken as it was');
    // A code cache the engine cannot use is compiled past and made anew, without a word.
    writeFileSync(code, 'not compiled code');
    const past = runCli(args, { env: { XDG_CACHE_HOME: home } });
    assert.deepEqual(JSON.parse(past.stdout), JSON.parse(cold.stdout));
    assert.equal(past.stderr, '');
    assert.ok(statSync(code).size > 100_000, 'made anew');
    assert.equal(warm.status, cold.status);
    assert.deepEqual(JSON.parse(warm.stdout), JSON.parse(cold.stdout));
    assert.equal(warm.stderr, '');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('a damaged persisted index is discarded with a line on stderr, never trusted', () => {
  const home = mkdtempSync(join(tmpdir(), 'verbatim-cache-'));
  try {
    const cold = runCli(args, { env: { XDG_CACHE_HOME: home } });
    const [stored] = batchFiles(home);
    writeFileSync(stored, 'this is not an index');
    const after = runCli(args, { env: { XDG_CACHE_HOME: home } });
    assert.match(after.stderr, /discarded a damaged index file .*: not a Verbatim index file/);
    assert.deepEqual(JSON.parse(after.stdout), JSON.parse(cold.stdout));
    // The damaged file was replaced by a good one.
    assert.equal(runCli(args, { env: { XDG_CACHE_HOME: home } }).stderr, '');
    // So is a damaged dictionary.
    const dictionary = cacheFiles(home).find((file) => file.endsWith('joined.vbj'))!;
    writeFileSync(dictionary, 'this is not a dictionary');
    const again = runCli(args, { env: { XDG_CACHE_HOME: home } });
    assert.match(again.stderr, /discarded a damaged index file .*joined\.vbj: not a Verbatim dictionary file/);
    assert.deepEqual(JSON.parse(again.stdout), JSON.parse(cold.stdout));
    assert.equal(runCli(args, { env: { XDG_CACHE_HOME: home } }).stderr, '');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('damage to the places of a stored batch, read a block at a time, is found as they are read and never trusted', (t) => {
  const home = mkdtempSync(join(tmpdir(), 'verbatim-cache-'));
  t.after(() => rmSync(home, { recursive: true, force: true }));
  const env = { XDG_CACHE_HOME: home };
  const cold = runCli(args, { env });
  const [stored] = batchFiles(home);
  // The places are the last piece of the file, which its checksum does not cover: a few of them changed.
  const data = readFileSync(stored);
  for (let i = data.length - 16; i < data.length; i++) data[i] ^= 0xff;
  writeFileSync(stored, data);
  const after = runCli(args, { env });
  assert.match(after.stderr, /discarded a damaged index file .*\.vbi: places in the index file do not match their sums/);
  assert.deepEqual(JSON.parse(after.stdout), JSON.parse(cold.stdout));
  assert.equal(after.status, cold.status);
  // The file was made again from the sources: the next run takes it without a word.
  const next = runCli(args, { env });
  assert.equal(next.stderr, '');
  assert.deepEqual(JSON.parse(next.stdout), JSON.parse(cold.stdout));
});

test('a changed source is read again, and --no-cache keeps nothing', () => {
  const home = mkdtempSync(join(tmpdir(), 'verbatim-cache-'));
  const sources = mkdtempSync(join(tmpdir(), 'verbatim-sources-'));
  try {
    const draft = join(sources, '..', `draft-${process.pid}.txt`);
    writeFileSync(draft, 'She said “the river is rising fast” today.');
    writeFileSync(join(sources, 'wire.txt'), 'The mayor said: “The river is rising fast.”');
    const run = () => runCli(['check', '--format', 'json', '--sources', sources, draft], { env: { XDG_CACHE_HOME: home } });
    assert.equal(JSON.parse(run().stdout).results[0].quotes[0].verdict, 'verbatim');
    writeFileSync(join(sources, 'wire.txt'), 'The mayor said: “The river is rising slowly.”');
    assert.equal(JSON.parse(run().stdout).results[0].quotes[0].verdict, 'altered');
    rmSync(home, { recursive: true, force: true });
    const none = runCli(['check', '--no-cache', '--format', 'json', '--sources', sources, draft], { env: { XDG_CACHE_HOME: home } });
    assert.equal(JSON.parse(none.stdout).results[0].quotes[0].verdict, 'altered');
    assert.deepEqual(cacheFiles(home), []);
    rmSync(draft, { force: true });
  } finally {
    rmSync(home, { recursive: true, force: true });
    rmSync(sources, { recursive: true, force: true });
  }
});

/** A cache folder and a project folder of a test's own, removed when it ends. */
function cacheAndProject(t: TestContext): { home: string; dir: string } {
  const home = mkdtempSync(join(tmpdir(), 'verbatim-cache-'));
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-sources-'));
  t.after(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });
  return { home, dir };
}

test('a source written again with its old size and modification time is read again, as the report shows it', (t) => {
  const { home, dir } = cacheAndProject(t);
  mkdirSync(join(dir, 'sources'));
  const wire = join(dir, 'sources', 'wire.txt');
  writeFileSync(join(dir, 'draft.txt'), 'She said “we will rebuild the levee this year” today.');
  writeFileSync(wire, 'The mayor said: “We will replace the levee this year.”');
  const mtime = new Date('2024-01-01T12:00:00Z');
  utimesSync(wire, mtime, mtime);
  const run = () => JSON.parse(runCli(['check', '--format', 'json', '--sources', 'sources', 'draft.txt'], { cwd: dir, env: { XDG_CACHE_HOME: home } }).stdout);
  assert.equal(run().results[0].quotes[0].verdict, 'altered');
  // As cp -p, rsync -a or tar leave a file: other words, the same size, the old time.
  writeFileSync(wire, 'The mayor said: “We will rebuild the levee this year.”');
  utimesSync(wire, mtime, mtime);
  assert.equal(statSync(wire).mtimeMs, mtime.getTime());
  const quote = run().results[0].quotes[0];
  assert.equal(quote.verdict, 'verbatim', JSON.stringify(quote));
});

test('a changed size limit reads the sources it skipped, or would skip, again', (t) => {
  const { home, dir } = cacheAndProject(t);
  mkdirSync(join(dir, 'sources'));
  writeFileSync(join(dir, 'draft.txt'), 'She said “the river is rising fast” today.');
  writeFileSync(join(dir, 'sources', 'wire.txt'), `The mayor said: “The river is rising fast.” ${'More news. '.repeat(60)}`);
  writeFileSync(join(dir, 'sources', 'note.txt'), 'Nothing here.');
  const run = (config: object) => {
    writeFileSync(join(dir, 'verbatim.json'), JSON.stringify({ sources: ['sources'], ...config }));
    return JSON.parse(runCli(['check', '--format', 'json', 'draft.txt'], { cwd: dir, env: { XDG_CACHE_HOME: home } }).stdout);
  };
  const limited = run({ maxSourceFileBytes: 500 });
  assert.equal(limited.results[0].quotes[0].verdict, 'unsourced');
  assert.match(limited.sources.skipped[0].reason, /too large/);
  const open = run({});
  assert.equal(open.results[0].quotes[0].verdict, 'verbatim');
  assert.deepEqual(open.sources.skipped, []);
  assert.equal(run({ maxSourceFileBytes: 500 }).results[0].quotes[0].verdict, 'unsourced');
});

test('the stored index keeps words, not texts, and a source only touched is still taken from it', () => {
  const home = mkdtempSync(join(tmpdir(), 'verbatim-cache-'));
  const sources = mkdtempSync(join(tmpdir(), 'verbatim-sources-'));
  try {
    const draft = join(sources, '..', `draft-touch-${process.pid}.txt`);
    writeFileSync(draft, 'She said “the river is rising fast” and “the bridge will close tonight”.');
    const wire = join(sources, 'wire.txt');
    writeFileSync(wire, 'The mayor said: “The river is rising fast and the bridge will close at noon.”');
    const run = () => runCli(['check', '--format', 'json', '--sources', sources, draft], { env: { XDG_CACHE_HOME: home } });
    const cold = run();
    const [stored] = batchFiles(home);
    assert.ok(!readFileSync(stored).includes('The mayor said'), 'no source text in the stored index');
    const written = statSync(stored);
    // A new modification time with the same content: the stored batch is still true to the file.
    utimesSync(wire, new Date(), new Date(Date.now() + 5_000));
    const touched = run();
    assert.deepEqual(JSON.parse(touched.stdout), JSON.parse(cold.stdout));
    assert.deepEqual(
      JSON.parse(touched.stdout).results[0].quotes.map((quote: { verdict: string }) => quote.verdict),
      ['verbatim', 'altered'],
    );
    assert.equal(touched.stderr, '');
    // Indexed anew, the batch would have been written again, as a new file.
    assert.equal(statSync(stored).ino, written.ino);
    assert.equal(statSync(stored).mtimeMs, written.mtimeMs);
    rmSync(draft, { force: true });
  } finally {
    rmSync(home, { recursive: true, force: true });
    rmSync(sources, { recursive: true, force: true });
  }
});

test('a changed command line never runs code compiled for another, even of the same length', (t) => {
  const home = mkdtempSync(join(tmpdir(), 'verbatim-cache-'));
  const bin = mkdtempSync(join(tmpdir(), 'verbatim-bin-'));
  t.after(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(bin, { recursive: true, force: true });
  });
  mkdirSync(join(bin, 'dist'));
  for (const bundle of ['cli.js', 'verbatim.js', 'parsers.js', 'indexWorker.js']) copyFileSync(join(dirname(CLI), bundle), join(bin, 'dist', bundle));
  copyFileSync(join(ROOT, 'package.json'), join(bin, 'package.json'));
  const run = (...more: string[]) =>
    spawnSync(process.execPath, [join(bin, 'dist', 'cli.js'), ...more], { cwd: ROOT, env: { ...process.env, XDG_CACHE_HOME: home }, encoding: 'utf8' });
  assert.ok(run(...args).status! <= 1);
  const [made] = cacheFiles(home).filter((file) => file.endsWith('.bin'));
  assert.ok(made, 'a check keeps its compiled code');
  // The same length, other words: a cache checked by length alone would print the old help.
  const bundle = join(bin, 'dist', 'verbatim.js');
  const before = readFileSync(bundle, 'utf8');
  const after = before.replace('show this help', 'SHOW THIS HELP');
  assert.equal(after.length, before.length);
  writeFileSync(bundle, after);
  assert.match(run('--help').stdout, /SHOW THIS HELP/);
  assert.ok(run(...args).status! <= 1);
  const now = cacheFiles(home).filter((file) => file.endsWith('.bin'));
  assert.equal(now.length, 1, 'the cache of the earlier bundle is removed');
  assert.notEqual(now[0], made);
});

test('a relative XDG_CACHE_HOME is ignored, as the XDG specification asks, and no cache lands in the working folder', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-cwd-'));
  const home = mkdtempSync(join(tmpdir(), 'verbatim-home-'));
  t.after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });
  const run = runCli(args, { cwd: dir, env: { XDG_CACHE_HOME: 'relative-cache', HOME: home } });
  assert.ok(run.status! <= 1, run.stderr);
  assert.deepEqual(readdirSync(dir), []);
  assert.ok(cacheFiles(join(home, '.cache')).length > 0, 'the cache is in ~/.cache');
});

test('a damaged code cache is discarded and made again, never run', (t) => {
  const home = mkdtempSync(join(tmpdir(), 'verbatim-cache-'));
  t.after(() => rmSync(home, { recursive: true, force: true }));
  const env = { XDG_CACHE_HOME: home };
  const first = runCli(args, { env });
  const [made] = cacheFiles(home).filter((file) => file.endsWith('.bin'));
  assert.ok(made, 'a check keeps its compiled code');
  // Bytes flipped in the middle, where the engine would take them for code: it must never be given them.
  const data = readFileSync(made);
  for (let i = data.length >> 1; i < (data.length >> 1) + 200; i++) data[i] ^= 0xff;
  writeFileSync(made, data);
  const version = runCli(['--version'], { env });
  assert.equal(version.status, 0, version.stderr);
  assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  const again = runCli(args, { env });
  assert.equal(again.status, first.status, again.stderr);
  assert.equal(again.stdout, first.stdout);
  assert.notDeepEqual(readFileSync(made), data, 'the check made the cache again');
  assert.equal(runCli(args, { env }).stdout, first.stdout);
});

test('HTML and Markdown are read by parsers loaded only when a run meets them, and kept compiled as well', (t) => {
  const home = mkdtempSync(join(tmpdir(), 'verbatim-cache-'));
  const work = mkdtempSync(join(tmpdir(), 'verbatim-parsers-'));
  t.after(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });
  mkdirSync(join(work, 'sources'));
  writeFileSync(join(work, 'sources', 'page.html'), '<html><head><title>Flood</title></head><body><p>“We will rebuild the bridge by spring,” she said.</p></body></html>');
  writeFileSync(join(work, 'sources', 'notes.md'), '---\ntitle: Notes\n---\n\nThe mayor said: “The river is rising fast.”\n');
  writeFileSync(join(work, 'draft.md'), '# Draft\n\nShe said “we will rebuild the bridge by spring” and “the river is rising fast”.\n');
  // A cache named as an earlier version named it goes when this one keeps its own.
  mkdirSync(join(home, 'verbatim', 'code'), { recursive: true });
  writeFileSync(join(home, 'verbatim', 'code', 'v20.0.0-x64-0123456789abcdef.bin'), 'old');
  const check = () => runCli(['check', '--format', 'json', '--sources', join(work, 'sources'), join(work, 'draft.md')], { env: { XDG_CACHE_HOME: home } });
  const cold = check();
  assert.equal(cold.stderr, '');
  const report = JSON.parse(cold.stdout);
  assert.deepEqual(report.results[0].quotes.map((q: { verdict: string }) => q.verdict), ['verbatim', 'verbatim']);
  assert.deepEqual(report.results[0].quotes.map((q: { source: { title: string } }) => q.source.title).sort(), ['Flood', 'Notes']);
  const kept = cacheFiles(home).filter((file) => file.endsWith('.bin')).map((file) => basename(file).replace(/-v[\d.]+-[\w-]+\.bin$/, '')).sort();
  assert.deepEqual(kept, ['parsers', 'verbatim'], 'both bundles keep their compiled code, and the old cache is gone');
  const warm = check();
  assert.equal(warm.stderr, '');
  assert.deepEqual(JSON.parse(warm.stdout), report);
});

test('the index an earlier version stored in a format of its own is removed, with a line saying so; a later one stays', () => {
  const home = mkdtempSync(join(tmpdir(), 'verbatim-cache-'));
  try {
    const earlier = join(home, 'verbatim', `v${CACHE_FORMAT - 1}`, '0123456789abcdef');
    const later = join(home, 'verbatim', `v${CACHE_FORMAT + 1}`, '0123456789abcdef');
    for (const folder of [earlier, later]) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'batch-00000000000000000000.vbi'), 'stored by another version');
    }
    const first = runCli(args, { env: { XDG_CACHE_HOME: home } });
    assert.equal(first.stderr, `verbatim: removed the index an earlier version of Verbatim stored in ${dirname(earlier)}\n`);
    assert.ok(!readdirSync(join(home, 'verbatim')).includes(`v${CACHE_FORMAT - 1}`));
    assert.deepEqual(readdirSync(later), ['batch-00000000000000000000.vbi']);
    assert.equal(batchFiles(home).filter((file) => file.includes(`/v${CACHE_FORMAT}/`)).length, 1);
    const second = runCli(args, { env: { XDG_CACHE_HOME: home } });
    assert.equal(second.stderr, '');
    assert.deepEqual(JSON.parse(second.stdout), JSON.parse(first.stdout));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
