// Runs the checker on the example workspace and holds it to the output contract: verdicts, JSON, SARIF, text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, runCli } from './helpers.js';

const DRAFT = 'examples/drafts/observatory.txt';
const SOURCE = 'examples/sources/afp-2019-10-09.txt';
const draftText = readFileSync(join(EXAMPLES, 'drafts', 'observatory.txt'), 'utf8');
const sourceText = readFileSync(join(EXAMPLES, 'sources', 'afp-2019-10-09.txt'), 'utf8');

const ALTERED = [
  'cannot tolerate and will not tolerate the brutal repression',
  'strong dissatisfaction and firm opposition',
  'None of these ‘human rights issues’',
  'These accusations are just an excuse',
  'These entities are involved',
];

function expectedVerdict(text: string): string {
  if (text === 'groundless') return 'verbatim';
  return ALTERED.some((start) => text.startsWith(start)) ? 'altered' : 'unsourced';
}

/** The 0-based line and UTF-16 character of `offset`, counted independently of the code under test. */
function positionIn(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

interface JsonQuote {
  text: string;
  offset: number;
  start: { line: number; character: number };
  end: { line: number; character: number };
  verdict: string;
  similarity: number;
  short: boolean;
  code: string;
  limit?: string;
  changes: { draft: string; source: string }[];
  source: null | {
    file: string;
    text: string;
    offset: number;
    start: { line: number; character: number };
    end: { line: number; character: number };
    speaker: string | null;
    title: string | null;
    date: string | null;
  };
}

function runJson(): { status: number | null; report: any; stderr: string } {
  const { status, stdout, stderr } = runCli(['check', '--sources', 'examples/sources', '--format', 'json', DRAFT]);
  return { status, report: JSON.parse(stdout), stderr };
}

test('json: the 19 quotations of the example with their verdicts, exit code 1', () => {
  const { status, report, stderr } = runJson();
  assert.equal(stderr, '');
  assert.equal(status, 1);
  assert.equal(report.version, 1);
  assert.deepEqual(report.sources, {
    documents: 1,
    bytes: statSync(join(EXAMPLES, 'sources', 'afp-2019-10-09.txt')).size,
    skipped: [],
  });
  assert.equal(report.results.length, 1);
  assert.equal(report.results[0].file, DRAFT);
  const quotes: JsonQuote[] = report.results[0].quotes;
  assert.equal(quotes.length, 19);
  const verdicts = quotes.map((quote) => [quote.text.slice(0, 40), quote.verdict]);
  assert.deepEqual(verdicts, quotes.map((quote) => [quote.text.slice(0, 40), expectedVerdict(quote.text)]));
  assert.ok(quotes.some((quote) => quote.text === 'None of these ‘human rights issues’ claimed by the United States exist,'));
  assert.ok(!quotes.some((quote) => quote.text === 'human rights issues'), 'the nested quotation belongs to its outer one');
});

test('json: draft offsets and positions point at the quotation text', () => {
  const quotes: JsonQuote[] = runJson().report.results[0].quotes;
  for (const quote of quotes) {
    assert.equal(draftText.slice(quote.offset, quote.offset + quote.text.length), quote.text);
    assert.deepEqual(quote.start, positionIn(draftText, quote.offset));
    assert.deepEqual(quote.end, positionIn(draftText, quote.offset + quote.text.length));
    assert.ok(quote.similarity >= 0 && quote.similarity <= 1);
    assert.equal(typeof quote.short, 'boolean');
    assert.ok(Array.isArray(quote.changes));
    assert.equal(quote.limit, undefined, `${quote.text} was checked to the end`);
  }
});

test('json: codes, short quotations and source passages as the source file writes them', () => {
  const quotes: JsonQuote[] = runJson().report.results[0].quotes;
  for (const quote of quotes) {
    const wordCount = quote.text.split(/\s+/).filter(Boolean).length;
    if (quote.verdict === 'verbatim') assert.equal(quote.code, 'quote.verbatim');
    if (quote.verdict === 'altered') assert.equal(quote.code, 'quote.altered');
    if (quote.verdict === 'unsourced') assert.equal(quote.code, quote.short ? 'quote.unsourced-short' : 'quote.unsourced');
    if (wordCount > 3) assert.equal(quote.short, false, quote.text);
    if (quote.verdict === 'unsourced') {
      assert.equal(quote.source, null);
      continue;
    }
    const source = quote.source;
    assert.ok(source, `${quote.text} has a source`);
    assert.equal(source.file, SOURCE);
    assert.equal(sourceText.slice(source.offset, source.offset + source.text.length), source.text);
    assert.deepEqual(source.start, positionIn(sourceText, source.offset));
    assert.deepEqual(source.end, positionIn(sourceText, source.offset + source.text.length));
    assert.equal(source.date, '2019-10-09');
  }
  const groundless = quotes.find((quote) => quote.text === 'groundless');
  assert.ok(groundless?.source);
  assert.equal(groundless.short, true);
  assert.equal(groundless.similarity, 1);
  assert.deepEqual(groundless.changes, []);
  assert.match(groundless.source.text, /^groundless/);

  const ross = quotes.find((quote) => quote.text.startsWith('cannot tolerate'));
  assert.ok(ross?.source);
  assert.match(ross.source.text, /^cannot and will not tolerate the brutal suppression of ethnic minorities within China/);
  assert.match(ross.source.speaker ?? '', /Ross/);
  assert.ok(ross.changes.some((change) => change.draft === 'repression' && change.source === 'suppression'));
  assert.ok(ross.similarity > 0.5 && ross.similarity < 1);

  const opposition = quotes.find((quote) => quote.text === 'strong dissatisfaction and firm opposition');
  assert.equal(opposition?.source?.text, 'strong dissatisfaction and resolute opposition');
  assert.deepEqual(opposition?.changes, [{ draft: 'firm', source: 'resolute' }]);
  assert.equal(opposition?.short, false);
});

test('text: one line per finding with its place, source and changes, then the summary', () => {
  const { status, stdout, stderr } = runCli(['check', '--sources', 'examples/sources', DRAFT]);
  assert.equal(stderr, '');
  assert.equal(status, 1);
  assert.ok(!stdout.includes('\u001b['), 'no colour when stdout is not a terminal');
  const lines = stdout.trimEnd().split('\n');
  assert.equal(lines.at(-1), '19 quotations: 1 verbatim, 5 altered, 13 unsourced');
  assert.equal(lines[0], `${DRAFT}  (19 quotations: 1 verbatim, 5 altered, 13 unsourced)`);
  const findingLines = lines.filter((line) => line.startsWith(`${DRAFT}:`));
  assert.equal(findingLines.length, 19);
  const groundless = draftText.indexOf('groundless');
  const { line, character } = positionIn(draftText, groundless);
  assert.ok(findingLines.includes(`${DRAFT}:${line + 1}:${character + 1}  verbatim  “groundless”`));
  const ross = findingLines.findIndex((entry) => entry.includes('altered  “cannot tolerate and will not tolerate'));
  assert.ok(ross >= 0);
  const rossBlock = lines.slice(lines.indexOf(findingLines[ross]) + 1, lines.indexOf(findingLines[ross + 1]));
  assert.match(rossBlock[0], new RegExp(`^    source  ${SOURCE}:\\d+:\\d+  .*2019-10-09.*Ross`));
  assert.match(rossBlock[1], /^ {4}says {4}“cannot and will not tolerate the brutal suppression of ethnic minorities within China/);
  assert.match(rossBlock[2], /^ {4}changes .*repression → suppression/);
  assert.ok(lines.includes('Checked 1 draft against 1 source.'));
});

test('text: colour only where asked for, and never with --no-color or NO_COLOR', () => {
  const plain = runCli(['check', '--no-color', '--sources', 'examples/sources', DRAFT]);
  assert.ok(!plain.stdout.includes('\u001b['));
  const noColor = runCli(['check', '--sources', 'examples/sources', DRAFT], { env: { NO_COLOR: '1' } });
  assert.ok(!noColor.stdout.includes('\u001b['));
});

test('sarif: a 2.1.0 log with the rules, one result per non-verbatim quotation, and the source as related location', () => {
  const { status, stdout } = runCli(['check', '--sources', 'examples/sources', '--format', 'sarif', DRAFT]);
  assert.equal(status, 1);
  const log = JSON.parse(stdout);
  const json: JsonQuote[] = runJson().report.results[0].quotes;
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'Verbatim');
  assert.equal(run.tool.driver.version, '0.1.0');
  const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
  for (const id of ['quote.altered', 'quote.unsourced', 'quote.unsourced-short']) assert.ok(ruleIds.includes(id), id);
  for (const rule of run.tool.driver.rules) assert.ok(rule.shortDescription.text.length > 0);
  const expected = json.filter((quote) => quote.verdict !== 'verbatim');
  assert.equal(run.results.length, expected.length);
  assert.equal(expected.length, 18);
  run.results.forEach((result: any, i: number) => {
    const quote = expected[i];
    assert.equal(result.ruleId, quote.code);
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    assert.equal(result.level, quote.code === 'quote.altered' ? 'warning' : 'note');
    const location = result.locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uri, DRAFT);
    assert.equal(location.artifactLocation.uriBaseId, 'SRCROOT');
    assert.deepEqual(
      [location.region.startLine, location.region.startColumn, location.region.endLine, location.region.endColumn],
      [quote.start.line + 1, quote.start.character + 1, quote.end.line + 1, quote.end.character + 1],
    );
    if (quote.source) {
      const related = result.relatedLocations[0].physicalLocation;
      assert.equal(related.artifactLocation.uri, SOURCE);
      assert.equal(related.region.startLine, quote.source.start.line + 1);
      assert.equal(related.region.startColumn, quote.source.start.character + 1);
    } else {
      assert.equal(result.relatedLocations, undefined);
    }
  });
  const ross = run.results.find((result: any) => result.message.text.includes('repression → suppression'));
  assert.ok(ross, 'the altered Ross quotation says what changed');
  assert.equal(ross.ruleId, 'quote.altered');
  assert.match(ross.message.text, /cannot and will not tolerate the brutal suppression/);
  assert.ok(run.originalUriBaseIds.SRCROOT.uri.startsWith('file:///'));
  assert.ok(run.originalUriBaseIds.SRCROOT.uri.endsWith('/'));
});

test('without --sources, ./sources of the working folder is used', () => {
  const { status, stdout, stderr } = runCli(['check', '--format', 'json', 'drafts'], { cwd: EXAMPLES });
  assert.equal(stderr, '');
  assert.equal(status, 1);
  const report = JSON.parse(stdout);
  assert.equal(report.sources.documents, 1);
  assert.equal(report.results[0].file, 'drafts/observatory.txt');
  assert.equal(report.results[0].quotes.length, 19);
  const verbatim = report.results[0].quotes.find((quote: JsonQuote) => quote.verdict === 'verbatim');
  assert.equal(verbatim.source.file, 'sources/afp-2019-10-09.txt');
});

test('json: each quotation says whether the draft gives it as speech or mentions it', () => {
  const { report } = runJson();
  const quotes: Array<{ text: string; kind: string }> = report.results[0].quotes;
  const kindOf = (start: string) => quotes.find((quote) => quote.text.startsWith(start))?.kind;
  assert.equal(kindOf('cannot tolerate and will not'), 'speech');
  assert.equal(kindOf('These accusations are just'), 'speech');
  assert.equal(kindOf('groundless'), 'mention');
  assert.ok(quotes.every((quote) => quote.kind === 'speech' || quote.kind === 'mention'));
});
