import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docx, paragraph } from '../fixtures/docx.js';
import { chapter, epub } from '../fixtures/epub.js';
import { odt } from '../fixtures/odt.js';
import { makePdf } from '../fixtures/pdf.js';
import { project, runCli } from './helpers.js';

const VTT = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:04.000',
  '<v Mayor Grace Okonkwo>We will not close the library,',
  'whatever the budget says.',
  '',
  '00:00:04.500 --> 00:00:07.000',
  '<v Tom Hale>That is simply not affordable for this town.',
  '',
].join('\r\n');

const SRT = [
  '1',
  '00:00:01,000 --> 00:00:02,000',
  '>> HALE: Did the levee hold?',
  '',
  '2',
  '00:00:02,500 --> 00:00:05,000',
  '>> OKONKWO: The levee held',
  'through the night.',
  '',
].join('\n');

const RELEASE = docx(
  [
    paragraph('City secures flood funding'),
    paragraph('LAGOS, March 4 (Reuters) - The city has secured new funding for its flood defences.'),
    paragraph('“This money protects every home on the east side,” said Mayor Grace Okonkwo.'),
  ].join(''),
);

/** Council minutes as LibreOffice saves them: a quotation split into spans, a note inside it. */
const MINUTES = odt(
  '<text:h text:outline-level="1">Council minutes, 5 March</text:h>' +
    '<text:p>“The bridge will <text:span text:style-name="T1">reopen</text:span> in May,”<text:note text:note-class="footnote">' +
    '<text:note-citation>1</text:note-citation><text:note-body><text:p>Item 4.</text:p></text:note-body></text:note> said Councillor Ada Mensah.</text:p>',
);

/** A speech as TextEdit saves it: Western code page, a backslash at each line end for a paragraph. */
const SPEECH = [
  '{\\rtf1\\ansi\\ansicpg1252\\cocoartf2761',
  '{\\fonttbl\\f0\\fswiss\\fcharset0 Helvetica;}',
  '\\pard\\tx566\\pardirnatural\\partightenfactor0',
  '',
  '\\f0\\fs24 \\cf0 Governor\\\'92s address\\',
  '\\',
  "\\'93Our schools will stay open all winter,\\'94 said Governor Lena Park.}",
].join('\n');

/** A memoir as an e-book: the quotation is in its second chapter. */
const MEMOIR = epub(
  {
    'one.xhtml': chapter('<h1>Spring</h1><p>The river rose all April.</p>'),
    'two.xhtml': chapter('<h1>Summer</h1><p>“A town is only as safe as its oldest levee,” wrote Harriet Vance.</p>'),
  },
  ['one.xhtml', 'two.xhtml'],
  { metadata: '<dc:title>High Water</dc:title><dc:creator>Harriet Vance</dc:creator>' },
);

/** A report whose quotation runs over a page break, between a page number and the next page's running head. */
const REPORT = makePdf(
  [
    ['Inquiry into the flood', '', 'The inquiry heard from the engineer on Friday.', '“The pumps failed because nobody had tested', 'them since the'],
    ['last flood,” said engineer Amina Yusuf.'],
  ],
  { head: 'FLOOD INQUIRY - DAY 4', pageNumbers: true },
);

/** A statement emailed to the newsroom, as the mail client saved it. */
const STATEMENT = [
  'From: "Press Office" <press@riverton.gov>',
  'Subject: Statement from the mayor',
  'Date: Wed, 5 Mar 2025 09:00:00 +0000',
  'Content-Type: text/plain; charset="utf-8"',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Mayor Grace Okonkwo said: =E2=80=9CThe pumps will be replaced before the wi=',
  'nter.=E2=80=9D',
  '',
].join('\r\n');

const DRAFT = [
  'The mayor said: “We will not close the library, whatever the budget says.”',
  'Hale called it “simply unaffordable for this town.”',
  'She told the station: “The levee held through the night.”',
  'The mayor said “this money protects every house on the east side.”',
  'Yusuf said: “The pumps failed because nobody had tested them since the last flood.”',
  'Okonkwo promised: “The pumps will be replaced before the winter.”',
  'Mensah said: “The bridge will reopen in June.”',
  'Park said: “Our schools will stay open all winter.”',
  'Vance wrote that “a town is only as safe as its newest levee.”',
].join('\n\n');

test('subtitles, Word documents, OpenDocument texts, RTF files, e-books, PDFs and emails are sources: their quotations are checked, located and attributed', async (t) => {
  const dir = project(t, {
    'sources/inquiry.pdf': await REPORT,
    'sources/statement.eml': STATEMENT,
    'sources/scan.pdf': await makePdf([[''], ['']]),
    'sources/council.vtt': VTT,
    'sources/radio.srt': SRT,
    'sources/release.docx': RELEASE,
    'sources/minutes.odt': MINUTES,
    'sources/speech.rtf': SPEECH,
    'sources/memoir.epub': MEMOIR,
    'sources/locked.docx': 'not a package',
    'sources/notes.srt': 'Notes from the meeting, not subtitles.\n',
    'draft.md': DRAFT,
  });
  const home = mkdtempSync(join(tmpdir(), 'verbatim-formats-'));
  t.after(() => rmSync(home, { recursive: true, force: true }));
  const check = () => {
    const run = runCli(['check', '--format', 'json', '--sources', 'sources', 'draft.md'], { cwd: dir, env: { XDG_CACHE_HOME: home } });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    return JSON.parse(run.stdout);
  };
  for (const when of ['indexed anew', 'from the persisted index']) {
    const report = check();
    assert.equal(report.sources.documents, 8, when);
    assert.deepEqual(
      report.sources.skipped.map((skip: { file: string; reason: string }) => [skip.file.split(/[\\/]/).pop(), skip.reason.replace(/\(.*/s, '(…)')]),
      [
        ['locked.docx', 'could not be parsed (…)'],
        ['notes.srt', 'could not be parsed (…)'],
        ['scan.pdf', 'could not be parsed (…)'],
      ],
      when,
    );
    assert.match(report.sources.skipped[0].reason, /not a \.docx package/);
    assert.match(report.sources.skipped[1].reason, /expected timestamp/);
    assert.match(report.sources.skipped[2].reason, /no text to read \(a scanned document needs text recognition first\)/);
    const quotes = report.results[0].quotes as {
      verdict: string;
      changes: { draft: string; source: string }[];
      source: { file: string; text: string; speaker: string | null; start: { line: number; character: number }; page?: number };
    }[];
    const found = quotes.map((quote) => [quote.verdict, quote.source.file.split(/[\\/]/).pop(), quote.source.speaker]);
    assert.deepEqual(
      found,
      [
        ['verbatim', 'council.vtt', 'Grace Okonkwo'],
        ['altered', 'council.vtt', 'Tom Hale'],
        ['verbatim', 'radio.srt', 'Okonkwo'],
        ['altered', 'release.docx', 'Grace Okonkwo'],
        ['verbatim', 'inquiry.pdf', 'Amina Yusuf'],
        ['verbatim', 'statement.eml', 'Grace Okonkwo'],
        ['altered', 'minutes.odt', 'Ada Mensah'],
        ['verbatim', 'speech.rtf', 'Lena Park'],
        ['altered', 'memoir.epub', 'Harriet Vance'],
      ],
      when,
    );
    // A subtitle's location is in its file, where its words stand after the voice tag (0-based line and character).
    assert.deepEqual(quotes[0]!.source.start, { line: 3, character: 23 }, when);
    // The wording is the text's, its cues' lines run on.
    assert.equal(quotes[2]!.source.text, 'The levee held through the night', when);
    assert.deepEqual(quotes[3]!.changes, [{ draft: 'house', source: 'home' }], when);
    // A PDF's passage says its page; other sources have none.
    assert.equal(quotes[4]!.source.page, 1, when);
    assert.equal(quotes[0]!.source.page, undefined, when);
    // A Word document's lines are those of its text: a paragraph and the blank line after it.
    assert.deepEqual(quotes[3]!.source.start, { line: 4, character: 1 }, when);
    // So are an OpenDocument text's, whose wording is its text's up to its closing mark: the spans joined, the note
    // left out.
    assert.deepEqual(quotes[6]!.changes, [{ draft: 'June', source: 'May' }], when);
    assert.equal(quotes[6]!.source.text, 'The bridge will reopen in May,', when);
    assert.deepEqual(quotes[6]!.source.start, { line: 2, character: 1 }, when);
    // An RTF file's are those of the text read from it, its code page decoded.
    assert.deepEqual(quotes[7]!.source.start, { line: 2, character: 1 }, when);
    // An e-book's are those of its chapters' text, one after the other, with its title from its package.
    assert.deepEqual(quotes[8]!.changes, [{ draft: 'newest', source: 'oldest' }], when);
    assert.deepEqual(quotes[8]!.source.start, { line: 6, character: 1 }, when);
    assert.equal(report.results[0].quotes[8].source.title, 'High Water', when);
  }
});

test('verbatim text prints the text read from source files and what was read about them', async (t) => {
  const dir = project(t, { 'sources/inquiry.pdf': await REPORT, 'sources/release.docx': RELEASE, 'sources/scan.pdf': await makePdf([['']]) });
  const run = runCli(['text', 'sources/inquiry.pdf', 'sources/release.docx', 'sources/scan.pdf'], { cwd: dir });
  // One file could not be read: it is said, and the run fails, but the others are printed.
  assert.equal(run.status, 1);
  assert.equal(run.stderr, 'verbatim: sources/scan.pdf could not be read: could not be parsed (it has no text to read (a scanned document needs text recognition first)).\n');
  assert.equal(
    run.stdout,
    [
      '== sources/inquiry.pdf (pdf) ==',
      'title: Inquiry into the flood',
      'pages: 2',
      '',
      'Inquiry into the flood',
      '',
      'The inquiry heard from the engineer on Friday.',
      '“The pumps failed because nobody had tested',
      'them since the',
      'last flood,” said engineer Amina Yusuf.',
      '',
      '== sources/release.docx (docx) ==',
      'title: City secures flood funding',
      'outlet: Reuters',
      '',
      'City secures flood funding',
      '',
      'LAGOS, March 4 (Reuters) - The city has secured new funding for its flood defences.',
      '',
      '“This money protects every home on the east side,” said Mayor Grace Okonkwo.',
      '',
    ].join('\n'),
  );

  const json = runCli(['text', '--format', 'json', 'sources/inquiry.pdf'], { cwd: dir });
  assert.equal(json.status, 0);
  const [entry] = JSON.parse(json.stdout).files as { file: string; format: string; pages: { page: number; line: number }[]; text: string }[];
  assert.deepEqual([entry!.file, entry!.format], ['sources/inquiry.pdf', 'pdf']);
  assert.deepEqual(entry!.pages, [{ page: 1, line: 0 }, { page: 2, line: 5 }]);
  assert.equal(entry!.text.split('\n')[5], 'last flood,” said engineer Amina Yusuf.');

  for (const args of [['text'], ['text', '--sources', 'sources', 'a.pdf'], ['text', '--format', 'sarif', 'sources/inquiry.pdf']]) {
    const bad = runCli(args, { cwd: dir });
    assert.equal(bad.status, 2, args.join(' '));
    assert.match(bad.stderr, /^verbatim: [^\n]+\.\n$/, args.join(' '));
  }
  assert.equal(runCli(['text', 'sources/scan.pdf'], { cwd: dir }).status, 2);
  // A broken configuration is said, not passed over.
  const broken = project(t, { 'verbatim.json': '{ "maxSourceFileBytes": "big" }', 'sources/release.docx': RELEASE });
  const withBroken = runCli(['text', 'sources/release.docx'], { cwd: broken });
  assert.equal(withBroken.status, 2);
  assert.match(withBroken.stderr, /maxSourceFileBytes/);
});

/** An email from the press office, "Flood release", of a plain body and one PDF attached under `name`. */
function emailWithPdf(body: string, name: string, pdf: Uint8Array): string {
  return [
    'From: "Press Office" <press@riverton.gov>',
    'Subject: Flood release',
    'Date: Wed, 5 Mar 2025 09:00:00 +0000',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset="utf-8"',
    '',
    body,
    '--b',
    `Content-Type: application/pdf; name="${name}"`,
    `Content-Disposition: attachment; filename="${name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    ...(Buffer.from(pdf).toString('base64').match(/.{1,76}/g) ?? []),
    '--b--',
    '',
  ].join('\r\n');
}

test('a file attached to an email is a source: a quotation from it is found in the email, in the text read', async (t) => {
  const release = await makePdf([['“The pumps will run day and night,” said engineer Amina Yusuf.']]);
  const message = emailWithPdf('Please find our release attached.', 'release.pdf', release);
  const dir = project(t, { 'sources/release.eml': message, 'draft.md': 'Yusuf said “the pumps will run day and night.”\n' });
  const run = runCli(['check', '--format', 'json', '--sources', 'sources', 'draft.md'], { cwd: dir });
  assert.equal(run.stderr, '');
  assert.equal(run.status, 0);
  const [quote] = JSON.parse(run.stdout).results[0].quotes;
  assert.deepEqual(
    [quote.verdict, quote.source.file, quote.source.speaker, quote.source.title, quote.source.start],
    ['verbatim', 'sources/release.eml', 'Amina Yusuf', 'Flood release', { line: 4, character: 1 }],
  );
});

test('an email whose attached file could not be read is listed as read in part, from the stored index too', async (t) => {
  const message = emailWithPdf('“We will rebuild the levee,” said Mayor Grace Okonkwo.', 'scan.pdf', await makePdf([['']]));
  const dir = project(t, { 'sources/release.eml': message, 'draft.md': 'Okonkwo said “we will rebuild the levee.”\n' });
  const home = mkdtempSync(join(tmpdir(), 'verbatim-partial-'));
  t.after(() => rmSync(home, { recursive: true, force: true }));
  const reason = 'its attached file scan.pdf was not read (could not be parsed (it has no text to read (a scanned document needs text recognition first)))';
  for (const when of ['indexed anew', 'from the persisted index']) {
    const json = runCli(['check', '--format', 'json', '--sources', 'sources', 'draft.md'], { cwd: dir, env: { XDG_CACHE_HOME: home } });
    assert.equal(json.status, 0, when);
    const report = JSON.parse(json.stdout);
    assert.deepEqual(report.sources.skipped, [], when);
    assert.deepEqual(report.sources.partial, [{ file: 'sources/release.eml', reason }], when);
    assert.equal(report.results[0].quotes[0].verdict, 'verbatim', when);
    const text = runCli(['check', '--sources', 'sources', 'draft.md'], { cwd: dir, env: { XDG_CACHE_HOME: home } });
    assert.match(text.stdout, new RegExp(`Read 1 source in part:\\n  sources/release\\.eml: its attached file scan\\.pdf was not read`), when);
  }
  // SARIF says it among the tool's notifications, beside the sources skipped.
  const sarif = JSON.parse(runCli(['check', '--format', 'sarif', '--sources', 'sources', 'draft.md'], { cwd: dir, env: { XDG_CACHE_HOME: home } }).stdout);
  const notices = sarif.runs[0].invocations[0].toolExecutionNotifications as { message: { text: string } }[];
  assert.deepEqual(notices.map((notice) => notice.message.text), [`Source read in part: ${reason}.`]);
  // verbatim text prints the email and says what of it could not be read, without failing.
  const shown = runCli(['text', 'sources/release.eml'], { cwd: dir });
  assert.equal(shown.status, 0);
  assert.equal(shown.stderr, `verbatim: sources/release.eml was read in part: ${reason}.\n`);
  assert.match(shown.stdout, /\(attached file scan\.pdf, not read: /);
});
