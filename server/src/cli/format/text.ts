// Prints the report of a check for people: findings grouped by draft, with sources, changes and a summary line.
import { turnsNote } from '../../core/sourceMatch.js';
import { formatSummary, formatSummaryWithSpeakers, summarize, type Summary } from '../../core/summary.js';
import type { Finding } from '../../core/types.js';
import { oneLine } from '../../core/words.js';
import type { QuoteReport, Report } from '../report.js';

/** Longest quotation shown on a finding's first line before it is cut with an ellipsis. */
const MAX_QUOTE_CHARS = 100;

const STYLES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;
type Style = keyof typeof STYLES;

/** Applies terminal styles, or nothing when colour is off. */
type Paint = (style: Style, text: string) => string;

/** The text report; `findings` gives each draft's findings (null when it was skipped) for its summary. */
export function formatText(
  report: Report,
  findings: (Finding[] | null)[],
  summary: Summary,
  options: { color: boolean },
): string {
  const paint: Paint = options.color
    ? (style, text) => `\u001b[${STYLES[style][0]}m${text}\u001b[${STYLES[style][1]}m`
    : (_style, text) => text;
  const lines: string[] = [];
  report.results.forEach((result, i) => {
    if (i > 0) lines.push('');
    if (result.skipped !== undefined) {
      lines.push(`${paint('bold', result.file)}  ${paint('red', 'not checked')}: ${result.skipped}`);
      return;
    }
    const leftOut = result.disabled ? `; ${result.disabled} left out by verbatim-disable comments` : '';
    const counts = `(${formatSummary(summarize(findings[i] ?? []))}${leftOut})`;
    lines.push(`${paint('bold', result.file)}  ${paint('dim', counts)}`);
    if (result.limit !== undefined) lines.push(`${result.file}:1:1  ${paint('red', 'stopped short')}: ${result.limit}`);
    for (const quote of result.quotes) lines.push(...formatQuote(result.file, quote, paint));
  });
  const { skipped, partial = [], documents } = report.sources;
  lines.push('');
  if (skipped.length > 0) {
    lines.push(paint('yellow', `Skipped ${skipped.length} ${skipped.length === 1 ? 'source' : 'sources'}:`));
    for (const skip of skipped) lines.push(`  ${skip.file}: ${skip.reason}`);
  }
  if (partial.length > 0) {
    const files = new Set(partial.map((part) => part.file)).size;
    lines.push(paint('yellow', `Read ${files} ${files === 1 ? 'source' : 'sources'} in part:`));
    for (const part of partial) lines.push(`  ${part.file}: ${part.reason}`);
  }
  const draftCount = report.results.length;
  const notChecked = report.results.filter((result) => result.skipped !== undefined).length;
  const against = `against ${documents} ${documents === 1 ? 'source' : 'sources'}`;
  lines.push(
    notChecked === 0
      ? paint('dim', `Checked ${draftCount} ${draftCount === 1 ? 'draft' : 'drafts'} ${against}.`)
      : paint('red', `Checked ${draftCount - notChecked} of ${draftCount} ${draftCount === 1 ? 'draft' : 'drafts'} ${against}; ${notChecked} could not be checked.`),
  );
  const wrong = report.results.reduce((count, result) => count + result.quotes.filter((quote) => quote.misattributed).length, 0);
  lines.push(paint('bold', formatSummaryWithSpeakers(summary, wrong)));
  return `${lines.join('\n')}\n`;
}

function formatQuote(file: string, quote: QuoteReport, paint: Paint): string[] {
  const where = `${file}:${quote.start.line + 1}:${quote.start.character + 1}`;
  const lines = [`${where}  ${verdictLabel(quote, paint)}  ${quoted(quote.text, MAX_QUOTE_CHARS)}`];
  if (quote.limit !== undefined) lines.push(`    ${paint('red', 'not checked')}: ${quote.limit}`);
  const source = quote.source;
  if (source) {
    const about = [source.title, source.date, source.speaker].filter((part): part is string => Boolean(part));
    const page = source.page === undefined ? '' : ` (page ${source.page})`;
    const at = `${source.file}:${source.start.line + 1}:${source.start.character + 1}${page}`;
    lines.push(`    ${paint('dim', 'source ')} ${paint('cyan', at)}${about.length > 0 ? `  ${about.join(', ')}` : ''}`);
    if (quote.verdict !== 'verbatim') lines.push(`    ${paint('dim', 'says   ')} ${quoted(source.text, Infinity)}`);
    if (source.turns) lines.push(`    ${paint('dim', 'turns  ')} ${paint('red', turnsNote(source.turns))}`);
  }
  if (quote.misattributed) {
    const { draft, source: speaker } = quote.misattributed;
    lines.push(`    ${paint('dim', 'speaker')} ${paint('red', `the draft gives these words to ${draft}; the source, to ${speaker}`)}`);
  }
  if (quote.changes.length > 0) {
    lines.push(`    ${paint('dim', 'changes')} ${quote.changes.map((change) => formatChange(change, paint)).join(', ')}`);
  }
  return lines;
}

function verdictLabel(quote: QuoteReport, paint: Paint): string {
  if (quote.limit !== undefined) return paint('red', 'not checked');
  if (quote.verdict === 'verbatim') return paint('green', 'verbatim');
  if (quote.verdict === 'altered') return paint('yellow', 'altered');
  return quote.short ? paint('dim', 'unsourced (short)') : paint('red', 'unsourced');
}

/**
 * One change in the writer's terms: `draft → source` for a substitution, `+ words` for words the draft added,
 * `− words` for words of the source the draft left out.
 */
function formatChange(change: { draft: string; source: string }, paint: Paint): string {
  // Each side on one line: a change may span a line break of the draft or the source.
  const draft = oneLine(change.draft);
  const source = oneLine(change.source);
  if (source === '') return paint('red', `+ ${draft}`);
  if (draft === '') return paint('green', `− ${source}`);
  return `${paint('red', draft)} → ${paint('green', source)}`;
}

/** The text between curly quotation marks on one line, cut to `max` characters. */
function quoted(text: string, max: number): string {
  const flat = oneLine(text);
  return `“${flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat}”`;
}
