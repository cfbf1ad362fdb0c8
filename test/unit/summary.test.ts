// Tests of the summary: counting findings by verdict and the wording shared by the CLI and the editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addSummaries, allVerbatim, formatSummary, summarize } from '../../server/src/core/summary.js';
import type { Finding, Verdict } from '../../server/src/core/types.js';

function finding(verdict: Verdict, extra: Partial<Finding> = {}): Finding {
  return {
    quotation: { text: 'x', start: 0, end: 1, open: { start: 0, end: 0 }, close: null, group: 0 },
    verdict,
    short: false,
    similarity: verdict === 'verbatim' ? 1 : 0,
    source: null,
    changes: [],
    ...extra,
  };
}

test('counts each verdict', () => {
  const findings = [
    finding('verbatim'),
    ...Array.from({ length: 5 }, () => finding('altered')),
    ...Array.from({ length: 13 }, () => finding('unsourced')),
  ];
  const summary = summarize(findings);
  assert.deepEqual(summary, { total: 19, verbatim: 1, altered: 5, unsourced: 13, notChecked: 0 });
  assert.equal(formatSummary(summary), '19 quotations: 1 verbatim, 5 altered, 13 unsourced');
  assert.equal(allVerbatim(summary), false);
});

test('a finding whose check stopped short is not checked, whatever its verdict says', () => {
  const summary = summarize([finding('verbatim'), finding('verbatim', { limit: 'quotation longer than 2000 words' })]);
  assert.deepEqual(summary, { total: 2, verbatim: 1, altered: 0, unsourced: 0, notChecked: 1 });
  assert.equal(formatSummary(summary), '2 quotations: 1 verbatim, 0 altered, 0 unsourced, 1 not checked');
  assert.equal(allVerbatim(summary), false);
});

test('one quotation is singular, none is said plainly', () => {
  assert.equal(formatSummary(summarize([finding('verbatim')])), '1 quotation: 1 verbatim, 0 altered, 0 unsourced');
  assert.equal(formatSummary(summarize([])), 'No quotations found.');
  assert.equal(allVerbatim(summarize([])), true);
});

test('summaries add up across drafts', () => {
  const total = addSummaries(summarize([finding('altered')]), summarize([finding('unsourced', { short: true }), finding('verbatim')]));
  assert.deepEqual(total, { total: 3, verbatim: 1, altered: 1, unsourced: 1, notChecked: 0 });
});
