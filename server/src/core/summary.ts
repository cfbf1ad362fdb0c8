// Counts findings by verdict and words the count the same way wherever a summary is shown.
import type { Finding } from './types.js';

/** How many quotations got each verdict; quotations whose check stopped short are counted apart. */
export interface Summary {
  total: number;
  verbatim: number;
  altered: number;
  unsourced: number;
  /** Quotations whose check did not run to the end (a finding with `limit`); never counted as verbatim. */
  notChecked: number;
}

/** Counts `findings` by verdict. */
export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { total: 0, verbatim: 0, altered: 0, unsourced: 0, notChecked: 0 };
  for (const finding of findings) {
    summary.total++;
    if (finding.limit !== undefined) summary.notChecked++;
    else summary[finding.verdict]++;
  }
  return summary;
}

/** Adds two summaries, e.g. those of several drafts. */
export function addSummaries(a: Summary, b: Summary): Summary {
  return {
    total: a.total + b.total,
    verbatim: a.verbatim + b.verbatim,
    altered: a.altered + b.altered,
    unsourced: a.unsourced + b.unsourced,
    notChecked: a.notChecked + b.notChecked,
  };
}

/** True when every quotation was checked and found verbatim (also when there were none). */
export function allVerbatim(summary: Summary): boolean {
  return summary.verbatim === summary.total;
}

/**
 * The summary line with the quotations given to another person than their source's, when there are any (each is
 * counted by its verdict too).
 */
export function formatSummaryWithSpeakers(summary: Summary, misattributed: number): string {
  const given = misattributed === 0 ? '' : `; ${misattributed} given to another person than the source's`;
  return `${formatSummary(summary)}${given}`;
}

/** One line such as `19 quotations: 1 verbatim, 5 altered, 13 unsourced`. */
export function formatSummary(summary: Summary): string {
  if (summary.total === 0) return 'No quotations found.';
  const noun = summary.total === 1 ? 'quotation' : 'quotations';
  const parts = [`${summary.verbatim} verbatim`, `${summary.altered} altered`, `${summary.unsourced} unsourced`];
  if (summary.notChecked > 0) parts.push(`${summary.notChecked} not checked`);
  return `${summary.total} ${noun}: ${parts.join(', ')}`;
}
