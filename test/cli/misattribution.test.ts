import { test } from 'node:test';
import assert from 'node:assert/strict';
import { project, runCli } from './helpers.js';

const WIRE = '“This is a shameful day for Ashcombe,” said Councillor Priya Lal. Joanne Pryce, who chairs the campaign, said “we will fight on.”\n';
const DRAFT = 'Outside, Joanne Pryce was close to tears. “This is a shameful day for Ashcombe,” she said.\n\nPryce added: “We will fight on.”\n';

test('a quotation the draft gives to another person than its source is reported in every format', (t) => {
  const dir = project(t, { 'sources/wire.txt': WIRE, 'draft.md': DRAFT });
  const json = runCli(['check', '--format', 'json', '--sources', 'sources', 'draft.md'], { cwd: dir });
  assert.equal(json.stderr, '');
  // Both quotations are verbatim: the exit code goes by the verdicts, and the report says who spoke them.
  assert.equal(json.status, 0);
  const quotes = JSON.parse(json.stdout).results[0].quotes as { verdict: string; misattributed?: { draft: string; source: string } }[];
  assert.deepEqual(
    quotes.map((quote) => [quote.verdict, quote.misattributed ?? null]),
    [
      ['verbatim', { draft: 'Joanne Pryce', source: 'Priya Lal' }],
      ['verbatim', null],
    ],
  );

  const text = runCli(['check', '--sources', 'sources', 'draft.md'], { cwd: dir });
  assert.match(text.stdout, /^ {4}speaker the draft gives these words to Joanne Pryce; the source, to Priya Lal$/m);
  assert.match(text.stdout, /^2 quotations: 2 verbatim, 0 altered, 0 unsourced; 1 given to another person than the source's$/m);

  const sarif = JSON.parse(runCli(['check', '--format', 'sarif', '--sources', 'sources', 'draft.md'], { cwd: dir }).stdout);
  const results = sarif.runs[0].results as { ruleId: string; level: string; message: { text: string } }[];
  assert.deepEqual(
    results.map((result) => [result.ruleId, result.level]),
    [['quote.misattributed', 'warning']],
  );
  assert.match(results[0]!.message.text, /gives “This is a shameful day for Ashcombe,” to Joanne Pryce; the source gives these words to Priya Lal\./);
  assert.ok(sarif.runs[0].tool.driver.rules.some((rule: { id: string }) => rule.id === 'quote.misattributed'));
});
