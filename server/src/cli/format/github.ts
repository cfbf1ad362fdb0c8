// Prints the report of a check as GitHub Actions workflow commands, which GitHub shows as annotations on the lines of
// the drafts in a pull request.
import { QUOTE_CODES, type QuoteCode, type QuoteReport, type Report } from '../report.js';
import { misattributedMessage, quoteMessage } from './messages.js';

type Level = 'error' | 'warning' | 'notice';

/** The level and title of each code's annotation; verbatim quotations get none. */
const ANNOTATIONS: Record<Exclude<QuoteCode, typeof QUOTE_CODES.verbatim>, { level: Level; title: string }> = {
  [QUOTE_CODES.altered]: { level: 'warning', title: 'Quotation differs from its source' },
  [QUOTE_CODES.unsourced]: { level: 'notice', title: 'Quotation found in no source' },
  [QUOTE_CODES.unsourcedShort]: { level: 'notice', title: 'Short quotation not quoted by any source' },
  [QUOTE_CODES.unchecked]: { level: 'warning', title: 'Quotation not checked' },
  [QUOTE_CODES.misattributed]: { level: 'warning', title: 'Quotation given to another person than its source' },
};

/**
 * The report as workflow commands, one line each: a quotation that is not verbatim or was not checked, a quotation
 * given to another person, every source or draft that could be read or checked only in part, or not at all, and every
 * draft whose comments switch quotations off.
 */
export function formatGithub(report: Report): string {
  const lines: string[] = [];
  const at = (file: string, title: string, line?: string) => ({ file, ...(line ? { line } : {}), title });
  for (const skip of report.sources.skipped) {
    lines.push(command('warning', at(skip.file, 'Source skipped'), `${skip.reason}.`));
  }
  for (const part of report.sources.partial ?? []) {
    lines.push(command('warning', at(part.file, 'Source read in part'), `${part.reason}.`));
  }
  for (const draft of report.results) {
    if (draft.skipped !== undefined) {
      lines.push(command('error', at(draft.file, 'Draft not checked'), `${draft.skipped}.`));
    }
    if (draft.limit !== undefined) {
      const message = `${draft.limit}; split it to check the rest.`;
      lines.push(command('error', at(draft.file, 'Draft checked only in part', '1'), message));
    }
    if (draft.disabled) {
      const count = `${draft.disabled} ${draft.disabled === 1 ? 'quotation is' : 'quotations are'}`;
      const message = `${count} left out by verbatim-disable comments and not checked.`;
      lines.push(command('notice', at(draft.file, 'Quotations switched off'), message));
    }
    for (const quote of draft.quotes) {
      if (quote.misattributed) {
        const { level, title } = ANNOTATIONS[QUOTE_CODES.misattributed];
        const message = misattributedMessage(quote, quote.misattributed);
        lines.push(command(level, { ...where(draft.file, quote), title }, message));
      }
      if (quote.code === QUOTE_CODES.verbatim) continue;
      const { level, title } = ANNOTATIONS[quote.code];
      lines.push(command(level, { ...where(draft.file, quote), title }, quoteMessage(quote)));
    }
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** Where a quotation stands, as the 1-based lines and columns that annotations take. */
function where(file: string, quote: QuoteReport): Record<string, string> {
  return {
    file,
    line: String(quote.start.line + 1),
    endLine: String(quote.end.line + 1),
    col: String(quote.start.character + 1),
    endColumn: String(quote.end.character + 1),
  };
}

/** One workflow command, its properties and message escaped as GitHub reads them. */
function command(level: Level, properties: Record<string, string>, message: string): string {
  const list = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(value)}`);
  return `::${level} ${list.join(',')}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
