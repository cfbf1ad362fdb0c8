import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docx, paragraph } from '../fixtures/docx.js';
import { odt, odtParagraph } from '../fixtures/odt.js';
import { makePdf } from '../fixtures/pdf.js';
import { project, runCli } from './helpers.js';

const SOURCE = '“The bridge will reopen in May,” said Councillor Ada Mensah. “Not a penny more,” said Councillor Tom Hale.\n';

interface Quote {
  text: string;
  verdict: string;
  offset: number;
  start: { line: number; character: number };
  changes: { draft: string; source: string }[];
}

/** The JSON report of checking `drafts` against the one source, with its exit code. */
function check(dir: string, drafts: string[]): { status: number | null; files: string[]; quotes: Quote[][]; skipped: (string | undefined)[] } {
  const run = runCli(['check', '--format', 'json', '--sources', 'sources', ...drafts], { cwd: dir });
  assert.equal(run.stderr, '');
  const report = JSON.parse(run.stdout) as { results: { file: string; quotes: Quote[]; skipped?: string }[] };
  return {
    status: run.status,
    files: report.results.map((result) => result.file),
    quotes: report.results.map((result) => result.quotes),
    skipped: report.results.map((result) => result.skipped),
  };
}

test('a draft saved by a word processor is checked on the text read from it, located in that text', (t) => {
  const dir = project(t, {
    'sources/minutes.txt': SOURCE,
    'story.docx': docx([paragraph('Bridge to reopen'), paragraph('Mensah said: “The bridge will reopen in June.” Hale said “not a penny more.”')].join('')),
  });
  const { status, quotes } = check(dir, ['story.docx']);
  assert.equal(status, 1);
  assert.deepEqual(
    quotes[0]!.map((quote) => [quote.verdict, quote.text, quote.start]),
    [
      ['altered', 'The bridge will reopen in June.', { line: 2, character: 14 }],
      ['verbatim', 'not a penny more.', { line: 2, character: 58 }],
    ],
  );
  assert.deepEqual(quotes[0]![0]!.changes, [{ draft: 'June', source: 'May' }]);
  // The lines are those `verbatim text` prints: a paragraph, then a blank line.
  const text = runCli(['text', 'story.docx'], { cwd: dir }).stdout.split('\n');
  const body = text.slice(text.indexOf('') + 1);
  assert.equal(body[2]!.slice(14, 14 + 'The bridge'.length), 'The bridge');
});

test('a web page draft is checked on its visible text and located in its markup', (t) => {
  const page = [
    '<!doctype html>',
    '<html><head><title>“Not a penny more,” says Hale</title></head>',
    '<body class="story">',
    '<p class="lead">Mensah said: &ldquo;The bridge will reopen in <em>June</em>.&rdquo;</p>',
    '<p>Hale said &#8220;not a penny more.&#8221; <a href="https://example.org" title="Hale">More</a></p>',
    '</body></html>',
  ].join('\n');
  const dir = project(t, { 'sources/minutes.txt': SOURCE, 'story.html': page });
  const { quotes } = check(dir, ['story.html']);
  // Quotation marks written as character references count, attribute values and the head are not quotations.
  assert.deepEqual(
    quotes[0]!.map((quote) => [quote.verdict, quote.text]),
    [
      ['altered', 'The bridge will reopen in June.'],
      ['verbatim', 'not a penny more.'],
    ],
  );
  assert.equal(quotes[0]![0]!.offset, page.indexOf('The bridge'));
  assert.deepEqual(quotes[0]![0]!.start, { line: 3, character: '<p class="lead">Mensah said: &ldquo;'.length });
  assert.equal(quotes[0]![1]!.offset, page.indexOf('not a penny'));
});

test('a folder of drafts gives its word processor drafts too; a web page or a PDF is checked when named', async (t) => {
  const dir = project(t, {
    'sources/minutes.txt': SOURCE,
    'drafts/a.md': 'She said “the bridge will reopen in May.”',
    'drafts/b.odt': odt(odtParagraph('Hale said “not a penny more.”')),
    'drafts/c.rtf': "{\\rtf1\\ansi\\ansicpg1252 Mensah said \\'93the bridge will reopen in April.\\'94\\par}",
    'drafts/d.html': '<p>Hale: &ldquo;Not a penny more.&rdquo;</p>',
    'drafts/proof.pdf': await makePdf([['Mensah said “the bridge will reopen in May.”']]),
    'drafts/locked.docx': 'not a package',
    'drafts/minutes.doc': readFileSync(join(__dirname, '..', 'fixtures', 'files', 'minutes.doc')),
  });
  const walked = check(dir, ['drafts']);
  assert.deepEqual(walked.files, ['drafts/a.md', 'drafts/b.odt', 'drafts/c.rtf', 'drafts/locked.docx', 'drafts/minutes.doc']);
  assert.deepEqual(
    walked.quotes.map((list) => list.map((quote) => quote.verdict)),
    // The Word 97-2003 minutes hold two quotations of the source and one the source does not have.
    [['verbatim'], ['verbatim'], ['altered'], [], ['verbatim', 'unsourced', 'verbatim']],
  );
  assert.match(walked.skipped[3]!, /^could not be parsed \(not a \.docx package/);
  const named = check(dir, ['drafts/proof.pdf', 'drafts/*.html']);
  assert.equal(named.status, 0);
  assert.deepEqual(
    named.quotes.map((list) => list.map((quote) => [quote.verdict, quote.text])),
    [[['verbatim', 'the bridge will reopen in May.']], [['verbatim', 'Not a penny more.']]],
  );
});
