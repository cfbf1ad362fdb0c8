// Hostile drafts: thousands of unmatched marks, one enormous quotation, thousands of quotations, a draft over the
// size limit. Each finishes in bounded time, and what the checker could not check is said, never passed over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDraftWithinLimits, MAX_DRAFT_CHARACTERS, MAX_QUOTATIONS } from '../../server/src/io/draftLimits.js';
import { SourceIndex } from '../../server/src/core/sourceIndex.js';
import type { DraftFormat } from '../../server/src/core/types.js';
import { spawnSync } from 'node:child_process';
import { CLI, EXAMPLES, project } from '../cli/helpers.js';

const SOURCE = readFileSync(join(EXAMPLES, 'sources', 'afp-2019-10-09.txt'), 'utf8');
const index = new SourceIndex();
index.set({ id: '/sources/afp.txt', text: SOURCE, meta: {} });
/** Plain words of the source, without marks, to build long quotations from. */
const WORDS = SOURCE.match(/\p{L}+/gu) ?? [];
/** A quotation the source holds word for word. */
const VERBATIM = 'cannot and will not tolerate the brutal suppression of ethnic minorities within China';
assert.ok(SOURCE.includes(VERBATIM));

/** Runs the built checker in `cwd`; reports of thousands of quotations exceed spawnSync's default buffer. */
function runCli(args: string[], options: { cwd: string }): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

for (const format of ['plaintext', 'markdown', 'latex'] as DraftFormat[]) {
  test(`20,000 unmatched opening marks finish in bounded time (${format})`, async () => {
    const draft = 'He said “'.repeat(20_000);
    const { value, ms } = await timed(() => checkDraftWithinLimits(index, draft, format, {}));
    assert.ok(value);
    assert.ok(ms < 8000, `${Math.round(ms)} ms`);
    for (const finding of value.findings) assert.equal(draft.slice(finding.quotation.start, finding.quotation.end), finding.quotation.text);
  });
}

test('a single 100,000-word quotation is reported as not checked, with the reason, in bounded time', async () => {
  const words = Array.from({ length: 100_000 }, (_, i) => WORDS[i % WORDS.length]).join(' ');
  const draft = `She said “${words}” and left.`;
  const { value, ms } = await timed(() => checkDraftWithinLimits(index, draft, 'plaintext', {}));
  assert.ok(ms < 5000, `${Math.round(ms)} ms`);
  assert.equal(value?.findings.length, 1, 'the quotation is reported, not dropped');
  const [finding] = value!.findings;
  assert.match(finding!.limit ?? '', /too long to check: 100000 words \(the limit is 2000\)/);
  assert.equal(value!.stopped, null);
});

test('5,000 quotations are all checked in bounded time', async () => {
  const draft = Array.from({ length: 5000 }, (_, i) => `Ross said “${i % 2 ? VERBATIM : WORDS.slice(i % 300, (i % 300) + 9).join(' ')}” on day ${i}.`).join('\n\n');
  const { value, ms } = await timed(() => checkDraftWithinLimits(index, draft, 'plaintext', {}));
  assert.ok(ms < 15000, `${Math.round(ms)} ms`);
  assert.equal(value?.findings.length, 5000);
  assert.equal(value!.stopped, null);
  assert.equal(value!.findings.filter((f) => f.verdict === 'verbatim' && f.quotation.text === VERBATIM).length, 2500);
});

test('a check in slices gives the event loop turns and stops when cancelled', async () => {
  const draft = Array.from({ length: 3000 }, () => `He said “${VERBATIM}”.`).join('\n\n');
  let turns = 0;
  const ticker = setInterval(() => turns++, 0);
  let slices = 0;
  const result = await checkDraftWithinLimits(index, draft, 'plaintext', {}, undefined, {
    sliceMs: 1,
    afterSlice: () => void slices++,
    cancelled: () => slices >= 3,
  });
  clearInterval(ticker);
  assert.equal(result, null, 'a cancelled check gives null');
  assert.equal(slices, 3);
  assert.ok(turns >= 2, `timers ran ${turns} times during the check`);
});

test('a draft over the size limit is not checked and says why', async () => {
  const draft = 'x'.repeat(MAX_DRAFT_CHARACTERS + 1);
  const { value, ms } = await timed(() => checkDraftWithinLimits(index, draft, 'markdown', {}));
  assert.ok(ms < 3000, `${Math.round(ms)} ms`);
  assert.deepEqual(value?.findings, []);
  assert.equal(value?.stopped?.kind, 'size');
  assert.match(value!.stopped!.reason, /too large to check \(1,000,001 characters; the limit is 1,000,000\)/);
});

test('quotations past the per-draft limit are left unchecked, and the check says so', async () => {
  const draft = Array.from({ length: MAX_QUOTATIONS + 7 }, () => `“${VERBATIM}”`).join('\n');
  const value = await checkDraftWithinLimits(index, draft, 'plaintext', {}, { maxCharacters: MAX_DRAFT_CHARACTERS, maxQuotations: 10 });
  assert.equal(value?.findings.length, 10);
  assert.equal(value?.found, MAX_QUOTATIONS + 7);
  assert.equal(value?.stopped?.kind, 'quotations');
  assert.match(value!.stopped!.reason, /only the first 10 of 10,007 quotations were checked \(the limit is 10 per draft\)/);
});

test('an interrupted quotation is never split by the quotation limit', async () => {
  const draft = '“We will,” she said, “rebuild the town together.” “Another one here.”';
  const value = await checkDraftWithinLimits(index, draft, 'plaintext', {}, { maxCharacters: 1000, maxQuotations: 1 });
  assert.deepEqual(value?.findings.map((f) => f.quotation.text), [], 'the group of two does not fit in a limit of one');
  const two = await checkDraftWithinLimits(index, draft, 'plaintext', {}, { maxCharacters: 1000, maxQuotations: 2 });
  assert.deepEqual(two?.findings.map((f) => f.quotation.text), ['We will,', 'rebuild the town together.']);
});

// The command line: limits show in every output format, and a draft checked in part is never a pass.

test('CLI: a draft over the size limit is not checked: exit 2, the reason in text, JSON and SARIF', (t) => {
  const dir = project(t, { 'sources/afp.txt': SOURCE, 'huge.md': `“${VERBATIM}”\n\n${'filler words here. '.repeat(60_000)}` });
  const started = performance.now();
  const text = runCli(['check', '--sources', 'sources', 'huge.md'], { cwd: dir });
  assert.ok(performance.now() - started < 15000);
  assert.equal(text.status, 2, text.stderr);
  assert.match(text.stdout, /huge\.md {2}not checked: too large to check \(1,140,0\d\d characters; the limit is 1,000,000\)/);
  assert.match(text.stderr, /could not be checked/);
  const json = JSON.parse(runCli(['check', '--format', 'json', '--sources', 'sources', 'huge.md'], { cwd: dir }).stdout);
  assert.match(json.results[0].skipped, /too large to check/);
  const sarif = JSON.parse(runCli(['check', '--format', 'sarif', '--sources', 'sources', 'huge.md'], { cwd: dir }).stdout);
  const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
  assert.ok(notes.some((n: { level: string; message: { text: string } }) => n.level === 'error' && /too large to check/.test(n.message.text)));
});

test('CLI: a single 100,000-word quotation is listed as not checked and the run fails', (t) => {
  const words = Array.from({ length: 100_000 }, (_, i) => WORDS[i % WORDS.length]).join(' ');
  const dir = project(t, { 'sources/afp.txt': SOURCE, 'long.txt': `She said “${words}”.\n` });
  const result = runCli(['check', '--format', 'json', '--sources', 'sources', 'long.txt'], { cwd: dir });
  assert.equal(result.status, 1, result.stderr);
  const [quote] = JSON.parse(result.stdout).results[0].quotes;
  assert.equal(quote.code, 'quote.unchecked');
  assert.match(quote.limit, /too long to check/);
});

test('CLI: past the quotation limit the draft is checked in part, which is said everywhere and exits 1', (t) => {
  const count = MAX_QUOTATIONS + 25;
  const dir = project(t, { 'sources/afp.txt': SOURCE, 'many.txt': Array.from({ length: count }, () => `“${VERBATIM}”`).join('\n') });
  const started = performance.now();
  const json = runCli(['check', '--format', 'json', '--sources', 'sources', 'many.txt'], { cwd: dir });
  assert.ok(performance.now() - started < 30000);
  // Every checked quotation is verbatim, yet the run is no pass: 25 quotations were not checked.
  assert.equal(json.status, 1, json.stderr);
  const report = JSON.parse(json.stdout);
  assert.equal(report.results[0].quotes.length, MAX_QUOTATIONS);
  assert.ok(report.results[0].quotes.every((q: { verdict: string }) => q.verdict === 'verbatim'));
  assert.equal(report.results[0].limit, `only the first 10,000 of ${count.toLocaleString('en-US')} quotations were checked (the limit is 10,000 per draft)`);
  const text = runCli(['check', '--sources', 'sources', 'many.txt'], { cwd: dir });
  assert.equal(text.status, 1);
  assert.match(text.stdout, /^many\.txt:1:1 {2}stopped short: only the first 10,000 of 10,025 quotations were checked/m);
  const sarif = JSON.parse(runCli(['check', '--format', 'sarif', '--sources', 'sources', 'many.txt'], { cwd: dir }).stdout);
  const top = sarif.runs[0].results.find((r: { ruleId: string; locations: { physicalLocation: { region?: { startLine: number } } }[] }) =>
    r.ruleId === 'quote.unchecked' && r.locations[0]!.physicalLocation.region?.startLine === 1);
  assert.ok(top, 'a SARIF result at the top of the draft says it was checked in part');
});

// The cost of aligning a quotation must not grow with the size of the sources beyond the index look-up. Every
// ellipsis lets the quotation skip up to maxEllipsisWords source words, so a quotation with an ellipsis between every
// word could be aligned against a stretch of (words × 60) source words, and against a large source the alignment
// matrix would grow with it (1,990 such words against a 3 MB source once took about 50 s and gigabytes).
test('a quotation with an ellipsis between every word is checked in bounded time against a large source', async () => {
  const big = new SourceIndex();
  big.set({ id: '/sources/big.txt', text: SOURCE.repeat(Math.ceil(3_000_000 / SOURCE.length)), meta: {} });
  const quotation = Array.from({ length: 1000 }, (_, i) => WORDS[(i * 7) % WORDS.length]).join(' … ');
  const { value, ms } = await timed(() => checkDraftWithinLimits(big, `He said “${quotation}”.`, 'plaintext', {}));
  assert.equal(value?.findings.length, 1);
  assert.ok(ms < 4000, `${Math.round(ms)} ms for one quotation of 1,000 words`);
});
