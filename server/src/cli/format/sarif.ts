// Prints the report of a check as SARIF 2.1.0, for code-scanning tools in continuous integration.
import { isAbsolute, resolve } from 'node:path';
import { pathToUri } from '../../convert.js';
import { QUOTE_CODES, type QuoteCode, type QuoteReport, type Report } from '../report.js';
import { misattributedMessage, quoteMessage } from './messages.js';

type Level = 'none' | 'note' | 'warning' | 'error';

/** The rules, one per diagnostic code, with the level each reports at. */
const RULES: { id: QuoteCode; name: string; short: string; full: string; level: Level }[] = [
  {
    id: QUOTE_CODES.altered,
    name: 'AlteredQuotation',
    short: 'Quotation differs from its source',
    full: 'A source holds the same statement in other words; the message gives the source wording and the changes.',
    level: 'warning',
  },
  {
    id: QUOTE_CODES.unsourced,
    name: 'UnsourcedQuotation',
    short: 'Quotation found in no source',
    full: 'No source holds this quotation, word for word or in other words.',
    level: 'note',
  },
  {
    id: QUOTE_CODES.unsourcedShort,
    name: 'UnsourcedShortQuotation',
    short: 'Short quotation not quoted by any source',
    full: 'A short quotation counts as sourced only where a source has the same words inside its own quotation marks.',
    level: 'note',
  },
  {
    id: QUOTE_CODES.unchecked,
    name: 'UncheckedQuotation',
    short: 'Quotation not checked',
    full: 'The check stopped short for this quotation (it is too long to align, for example); it was not verified.',
    level: 'warning',
  },
  {
    id: QUOTE_CODES.misattributed,
    name: 'MisattributedQuotation',
    short: 'Quotation given to another person than its source',
    full: 'The draft names someone else as the speaker of words its source gives to a named person.',
    level: 'warning',
  },
  {
    id: QUOTE_CODES.verbatim,
    name: 'VerbatimQuotation',
    short: 'Quotation matches its source word for word',
    full: 'A source holds the quotation word for word; verbatim quotations are not reported as results.',
    level: 'none',
  },
];

/** The base every relative artifact URI is resolved against: the folder the check ran in. */
const BASE_ID = 'SRCROOT';

/** The report as a SARIF 2.1.0 log; verbatim quotations are not results, quotations not checked are warnings. */
export function formatSarif(given: Report, context: { cwd: string; version: string }): string {
  const report = outsideAbsolute(given, context.cwd);
  const results: object[] = [];
  for (const draft of report.results) {
    if (draft.skipped !== undefined) results.push(uncheckedDraftResult(draft.file, `The draft could not be checked: ${draft.skipped}.`, 'error'));
    if (draft.limit !== undefined) results.push(uncheckedDraftResult(draft.file, `The draft was checked only in part: ${draft.limit}; split it to check the rest.`));
    for (const quote of draft.quotes) {
      if (quote.misattributed) results.push(misattributedResult(draft.file, quote, quote.misattributed));
      if (quote.verdict === 'verbatim' && quote.limit === undefined) continue;
      results.push(resultOf(draft.file, quote));
    }
  }
  const notifications = [
    ...report.sources.skipped.map((skip) => ({
      level: 'warning',
      message: { text: `Source skipped: ${skip.reason}.` },
      locations: [{ physicalLocation: { artifactLocation: artifact(skip.file) } }],
    })),
    ...(report.sources.partial ?? []).map((part) => ({
      level: 'warning',
      message: { text: `Source read in part: ${part.reason}.` },
      locations: [{ physicalLocation: { artifactLocation: artifact(part.file) } }],
    })),
    ...report.results
      .filter((draft) => draft.skipped !== undefined)
      .map((draft) => ({
        level: 'error',
        message: { text: `Draft not checked: ${draft.skipped}.` },
        locations: [{ physicalLocation: { artifactLocation: artifact(draft.file) } }],
      })),
    ...report.results
      .filter((draft) => draft.disabled)
      .map((draft) => ({
        level: 'note',
        message: { text: `Quotations left out by verbatim-disable comments, not checked: ${draft.disabled}.` },
        locations: [{ physicalLocation: { artifactLocation: artifact(draft.file) } }],
      })),
    ...report.results
      .filter((draft) => draft.limit !== undefined)
      .map((draft) => ({
        level: 'error',
        message: { text: `Draft checked only in part: ${draft.limit}.` },
        locations: [{ physicalLocation: { artifactLocation: artifact(draft.file) } }],
      })),
  ];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Verbatim',
            version: context.version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.name,
              shortDescription: { text: rule.short },
              fullDescription: { text: rule.full },
              defaultConfiguration: { level: rule.level },
            })),
          },
        },
        originalUriBaseIds: { [BASE_ID]: { uri: `${pathToUri(context.cwd).replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        // A draft that could not be checked is a failure of the run, whatever the others gave.
        invocations: [{ executionSuccessful: report.results.every((draft) => draft.skipped === undefined), toolExecutionNotifications: notifications }],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A result at the top of a draft checked only in part, so that code scanning shows it where the draft is. */
/** A result at the top of a draft that was not checked, or only in part: code scanning shows results, not notifications. */
function uncheckedDraftResult(file: string, text: string, level?: Level): object {
  const rule = RULES.findIndex((candidate) => candidate.id === QUOTE_CODES.unchecked);
  return {
    ruleId: QUOTE_CODES.unchecked,
    ruleIndex: rule,
    level: level ?? RULES[rule].level,
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: artifact(file), region: { startLine: 1, startColumn: 1 } } }],
  };
}

function resultOf(file: string, quote: QuoteReport): object {
  const rule = RULES.findIndex((candidate) => candidate.id === quote.code);
  const result: Record<string, unknown> = {
    ruleId: quote.code,
    ruleIndex: rule,
    level: RULES[rule].level,
    message: { text: quoteMessage(quote) },
    locations: [{ physicalLocation: location(file, quote.start, quote.end, quote.text) }],
  };
  if (quote.source) {
    const about = [quote.source.title, quote.source.date, quote.source.speaker].filter(Boolean).join(', ');
    result.relatedLocations = [
      {
        id: 1,
        physicalLocation: location(quote.source.file, quote.source.start, quote.source.end, quote.source.text),
        message: { text: about ? `Source passage (${about})` : 'Source passage' },
      },
    ];
  }
  return result;
}

/** A result on a quotation the draft gives to another person than its source does. */
function misattributedResult(file: string, quote: QuoteReport, speakers: { draft: string; source: string }): object {
  const result = resultOf(file, quote) as Record<string, unknown>;
  const rule = RULES.findIndex((candidate) => candidate.id === QUOTE_CODES.misattributed);
  return {
    ...result,
    ruleId: QUOTE_CODES.misattributed,
    ruleIndex: rule,
    level: RULES[rule].level,
    message: { text: misattributedMessage(quote, speakers) },
  };
}

function location(
  file: string,
  start: { line: number; character: number },
  end: { line: number; character: number },
  snippet: string,
): object {
  return {
    artifactLocation: artifact(file),
    region: {
      startLine: start.line + 1,
      startColumn: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      snippet: { text: snippet },
    },
  };
}

/**
 * The report with every path outside the base folder ("../wire/a.txt") made absolute: a URI relative to the base may
 * not lead out of it, so such files are given as file URIs.
 */
function outsideAbsolute(report: Report, cwd: string): Report {
  const file = (path: string): string => (path.startsWith('../') ? resolve(cwd, path) : path);
  const listed = (entries: { file: string; reason: string }[]) => entries.map((entry) => ({ ...entry, file: file(entry.file) }));
  const sources: Report['sources'] = { ...report.sources, skipped: listed(report.sources.skipped) };
  if (report.sources.partial) sources.partial = listed(report.sources.partial);
  const results = report.results.map((draft) => ({
    ...draft,
    file: file(draft.file),
    quotes: draft.quotes.map((quote) => (quote.source ? { ...quote, source: { ...quote.source, file: file(quote.source.file) } } : quote)),
  }));
  return { ...report, sources, results };
}

/** A relative path stays relative to the base folder; an absolute one becomes a file URI. */
function artifact(file: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(file)) return { uri: pathToUri(file) };
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: BASE_ID };
}
