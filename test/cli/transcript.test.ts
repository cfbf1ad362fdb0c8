import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { project, runCli } from './helpers.js';

// A long answer: the label of the turn stands thousands of words before the words quoted, in another stretch of the
// file than theirs when the source is read back from the persisted index.
const filler = Array.from({ length: 3000 }, (_, n) => ['the', 'river', 'rose', 'over', 'the', 'banks'][n % 6]).join(' ');
const TRANSCRIPT = [
  'INTERVIEW TRANSCRIPT\nSubject: Mayor Grace Okonkwo\nDate: 2024-01-08',
  '[00:00:12] HALE: Mayor, how bad is it this morning?',
  `[00:00:15] OKONKWO: It is the worst I have seen. ${filler}. We asked for the upgrade in 2019 and we are still waiting.`,
  '[00:01:10] HALE: What do you need from the government?',
  '[00:01:13] OKONKWO: Money and pumps, this week and not next month.',
].join('\n\n');

const DRAFT = [
  'The mayor said: “It is the worst I have seen.”',
  'She added: “We asked for the upgrade in 2019 and we are still waiting.”',
  'The interviewer asked: “What do you need from the government?”',
  'Her answer: “Money and pumps, this week and not next month.”',
].join('\n\n');

test('a quotation from a transcript is attributed to the speaker of its turn, from the persisted index too', (t) => {
  const dir = project(t, { 'sources/interview.txt': TRANSCRIPT, 'draft.md': DRAFT });
  const home = mkdtempSync(join(tmpdir(), 'verbatim-transcript-'));
  t.after(() => rmSync(home, { recursive: true, force: true }));
  const speakers = () => {
    const run = runCli(['check', '--format', 'json', '--sources', 'sources', 'draft.md'], { cwd: dir, env: { XDG_CACHE_HOME: home } });
    assert.equal(run.stderr, '');
    const quotes = JSON.parse(run.stdout).results[0].quotes as { verdict: string; source: { speaker: string | null } }[];
    assert.deepEqual(quotes.map((quote) => quote.verdict), ['verbatim', 'verbatim', 'verbatim', 'verbatim']);
    return quotes.map((quote) => quote.source.speaker);
  };
  // The interviewer's label is a name here ("HALE"), so the question is Hale's; the header names the mayor in full.
  const expected = ['Grace Okonkwo', 'Grace Okonkwo', 'Hale', 'Grace Okonkwo'];
  assert.deepEqual(speakers(), expected, 'indexed anew');
  assert.deepEqual(speakers(), expected, 'read back from the persisted index');
});

test('a quotation that joins a question and its answer is reported with the turns its source passage joins', (t) => {
  const interview = 'INTERVIEWER: So the council did nothing wrong?\n\nOKAFOR: I regret that we didn’t shout louder.\n';
  const draft = '“So the council did nothing wrong? I regret that we didn’t shout louder,” Okafor said.\n';
  const dir = project(t, { 'sources/interview.txt': interview, 'draft.md': draft });
  const text = runCli(['check', '--no-color', '--sources', 'sources', 'draft.md'], { cwd: dir });
  assert.equal(text.status, 1);
  assert.match(text.stdout, /^ {4}turns {3}the source passage joins the words of more than one speaker: Okafor's turn begins inside it$/m);
  const json = JSON.parse(runCli(['check', '--format', 'json', '--sources', 'sources', 'draft.md'], { cwd: dir }).stdout);
  assert.deepEqual(json.results[0].quotes[0].source.turns, ['Okafor']);
  const sarif = JSON.parse(runCli(['check', '--format', 'sarif', '--sources', 'sources', 'draft.md'], { cwd: dir }).stdout);
  assert.match(sarif.runs[0].results[0].message.text, /Beware: the source passage joins the words of more than one speaker/);
});
