// The command-line checker over a generated hostile sources folder: binaries, NUL bytes, unknown formats, UTF-16 and
// UTF-8 byte order marks, Windows-1252 curly quotes, CRLF and mixed line ends, control characters, an over-limit
// file, a deep tree, a link loop, a broken link and awkward names. Every unreadable file is listed with its reason;
// every quotation from a readable one verifies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CLI, project, runCli } from '../cli/helpers.js';

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = [endian === 'le' ? 0xff : 0xfe, endian === 'le' ? 0xfe : 0xff];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (endian === 'le') bytes.push(code & 0xff, code >> 8);
    else bytes.push(code >> 8, code & 0xff);
  }
  return Uint8Array.from(bytes);
}

function latin(text: string): Uint8Array {
  // “ and ” are 0x93 and 0x94 in Windows-1252; every other character here is below 0x100.
  return Uint8Array.from([...text].map((c) => (c === '“' ? 0x93 : c === '”' ? 0x94 : c.charCodeAt(0))));
}

/** Each readable source, the quotation it holds, and its file relative to the project. */
const READABLE: { file: string; content: string | Uint8Array; quote: string }[] = [
  { file: 'sources/utf16le.txt', content: utf16('The harbour “will reopen within a fortnight,” the port authority said.', 'le'), quote: 'will reopen within a fortnight' },
  { file: 'sources/utf16be.txt', content: utf16('Officials said “the bridge inspection found no structural damage” on Monday.', 'be'), quote: 'the bridge inspection found no structural damage' },
  { file: 'sources/bom8.md', content: '\uFEFF# Notes\n\nThe mayor said “we are rebuilding the library with local timber”.\n', quote: 'we are rebuilding the library with local timber' },
  { file: 'sources/cp1252.txt', content: latin('Le sénateur: the senator called the report “groundless” and “deeply misleading about the budget”.\n'), quote: 'deeply misleading about the budget' },
  { file: 'sources/crlf.txt', content: 'The coach said “the team will\r\ntrain twice a day\r\nuntil the final”.\r\nA mixed\rline end\n', quote: 'the team will train twice a day until the final' },
  { file: 'sources/controls.txt', content: 'The inspector said \u0007“the wiring\u001b was installed without permits” in\u000b March.\n', quote: 'the wiring was installed without permits' },
  { file: `sources/${'d/'.repeat(60)}deep.txt`, content: 'The ranger said “the trail closes at dusk every evening”.\n', quote: 'the trail closes at dusk every evening' },
  { file: 'sources/notes [draft] (v2).txt', content: 'The chef said “every dish uses seasonal produce”.\n', quote: 'every dish uses seasonal produce' },
  { file: 'sources/Zürich Ñandú 报告.md', content: 'The curator said “the exhibition opens to the public in spring”.\n', quote: 'the exhibition opens to the public in spring' },
];

/** A quotation that only the over-limit file holds, at its very end: it must not verify from a truncated read. */
const OVER_LIMIT_QUOTE = 'the reserve fund is entirely depleted';

test('a hostile sources folder: every unreadable file is listed with its reason, every readable quotation verifies', (t) => {
  const files: Record<string, string | Uint8Array> = {
    'verbatim.json': JSON.stringify({ sources: ['sources'], maxSourceFileBytes: 4096 }),
    'sources/photo.txt': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    'sources/nul.txt': Uint8Array.from([0x41, 0x42, 0x00, 0x43, 0x00, 0x00, 0x44, 0x45, 0x46]),
    'sources/report.pdf': '%PDF-1.7\n',
    'sources/minutes.docx': 'PK',
    'sources/minutes.odt': 'PK',
    'sources/book.epub': Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xff]),
    'sources/speech.rtf': '{\\rtf1 {\\b unclosed {{{',
    'sources/letter.rtf': 'Dear editor, not RTF at all.',
    'sources/page.mhtml': 'Subject: nothing\r\n\r\nno page here',
    'sources/forwarded.msg': Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
    'sources/minutes.doc': Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    'sources/minutes.pages': 'PK',
    'sources/captions.vtt': 'WEBVTT\n\nnot a cue\n',
    'sources/README': 'no extension',
    'sources/budget.txt': `${'Filler text about the budget. '.repeat(160)}The treasurer said “${OVER_LIMIT_QUOTE}”.\n`,
  };
  for (const source of READABLE) files[source.file] = source.content;
  const short = 'The senator called it “groundless” on Tuesday.';
  const draft = [
    ...READABLE.map((source) => `Someone said “${source.quote}” today.`),
    short,
    `The treasurer said “${OVER_LIMIT_QUOTE}”.`,
  ].join('\n\n');
  files['draft.md'] = `${draft}\n`;
  const dir = project(t, files);
  symlinkSync('..', join(dir, 'sources', 'd', 'loop'), 'dir');
  symlinkSync('nowhere.txt', join(dir, 'sources', 'gone.txt'));
  mkdirSync(join(dir, 'sources', 'empty folder'));
  writeFileSync(join(dir, 'sources', '.hidden.txt'), 'ignored silently');

  const started = performance.now();
  const run = runCli(['check', '--format', 'json', 'draft.md'], { cwd: dir });
  assert.ok(performance.now() - started < 20000);
  assert.equal(run.status, 1, run.stderr);
  const report = JSON.parse(run.stdout) as {
    sources: { documents: number; skipped: { file: string; reason: string }[] };
    results: { quotes: { text: string; verdict: string; code: string; source: { file: string; text: string } | null }[] }[];
  };

  const reasons = Object.fromEntries(report.sources.skipped.map((s) => [s.file.replace(/^sources\//, ''), s.reason]));
  assert.equal(reasons['photo.txt'], 'binary file (PNG)');
  assert.equal(reasons['nul.txt'], 'binary file (NUL bytes)');
  assert.equal(reasons['report.pdf'], 'could not be parsed (the PDF is damaged: Invalid PDF structure.)');
  assert.equal(reasons['minutes.docx'], 'could not be parsed (the package is damaged: it could not be unpacked)');
  assert.match(reasons['minutes.doc'] ?? '', /^could not be parsed \(not a Word 97-2003 document, or a damaged one \(.+\)\)$/);
  assert.equal(reasons['minutes.pages'], 'unsupported format (.pages)');
  assert.equal(reasons['minutes.odt'], 'could not be parsed (the package is damaged: it could not be unpacked)');
  assert.equal(reasons['book.epub'], 'could not be parsed (the package is damaged: it could not be unpacked)');
  assert.equal(reasons['letter.rtf'], 'could not be parsed (not an RTF document (it does not start with {\\rtf))');
  assert.equal(reasons['page.mhtml'], 'could not be parsed (it holds no web page)');
  assert.match(reasons['forwarded.msg'] ?? '', /^could not be parsed \(not an Outlook message \(.+\)\)$/);
  // An RTF file cut short is read as far as it goes, as a browser reads a page cut short.
  assert.equal(reasons['speech.rtf'], undefined);
  assert.match(reasons['captions.vtt'] ?? '', /^could not be parsed \(expected timestamp at row \d+, but received: "not a cue"\)$/);
  assert.equal(reasons['README'], 'unsupported format (no extension)');
  assert.match(reasons['budget.txt'] ?? '', /^file too large \(\d+(\.\d)? KiB; the limit is 4 KiB\)$/);
  assert.equal(reasons['gone.txt'], 'broken symbolic link');
  assert.match(reasons['d/loop'] ?? '', /^folder already read \(symbolic link to .*sources\)$/);
  assert.ok(!Object.keys(reasons).some((file) => file.includes('hidden')), 'dotfiles are ignored silently');
  assert.equal(report.sources.documents, READABLE.length + 1);

  const quotes = report.results[0]!.quotes;
  for (const source of READABLE) {
    const found = quotes.find((q) => q.text === source.quote);
    assert.ok(found, `the quotation from ${source.file} is found in the draft`);
    assert.equal(found.verdict, 'verbatim', `${source.file}: ${JSON.stringify(found)}`);
    assert.equal(found.source?.file, source.file);
  }
  // Windows-1252 0x93/0x94 became “ and ”, so the source quotes “groundless” itself and the short quotation verifies.
  const groundless = quotes.find((q) => q.text === 'groundless');
  assert.equal(groundless?.verdict, 'verbatim');
  assert.equal(groundless?.source?.file, 'sources/cp1252.txt');
  // The over-limit file was skipped whole, never read in part.
  const overLimit = quotes.find((q) => q.text === OVER_LIMIT_QUOTE);
  assert.equal(overLimit?.verdict, 'unsourced');

  const text = runCli(['check', 'draft.md'], { cwd: dir });
  assert.match(text.stdout, /Skipped 16 sources:/);
  assert.match(text.stdout, /^ {2}sources\/budget\.txt: file too large/m);
});

test('source positions count CRLF and lone CR line ends as the editor does', (t) => {
  const dir = project(t, {
    'sources/mixed.txt': 'First line\r\nSecond line\rThird line\nThe coach said “the team will train twice a day” again.\r\n',
    'draft.txt': 'He said “the team will train twice a day” then.\n',
  });
  const run = runCli(['check', '--format', 'json', '--sources', 'sources', 'draft.txt'], { cwd: dir });
  assert.equal(run.status, 0, run.stderr);
  const [quote] = JSON.parse(run.stdout).results[0].quotes;
  assert.equal(quote.verdict, 'verbatim');
  assert.deepEqual(quote.source.start, { line: 3, character: 16 });
});

// The superuser reads every file, so when the tests run as root the checker is run as the ordinary user nobody.
test('a source the user may not read is listed as permission denied, and the run goes on', (t) => {
  const dir = project(t, {
    'sources/open.txt': 'The warden said “the gates open at nine every morning”.\n',
    'sources/locked.txt': 'The warden said “nobody may read this file”.\n',
    'draft.txt': 'She said “the gates open at nine every morning”.\n',
  });
  chmodSync(join(dir, 'sources', 'locked.txt'), 0o000);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) for (const path of [dir, join(dir, 'sources')]) chmodSync(path, 0o755);
  for (const path of ['sources/open.txt', 'draft.txt']) chmodSync(join(dir, path), 0o644);
  // The bundles are copied next to the project, so that the ordinary user can read them wherever the checkout is.
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const bundle of ['cli.js', 'verbatim.js', 'indexWorker.js']) copyFileSync(join(dirname(CLI), bundle), join(bin, bundle));
  if (asRoot) chmodSync(bin, 0o755);
  const command = asRoot ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath] : [process.execPath];
  const run = spawnSync(command[0]!, [...command.slice(1), join(bin, 'cli.js'), 'check', '--no-cache', '--format', 'json', '--sources', 'sources', 'draft.txt'], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { sources: { documents: number; skipped: { file: string; reason: string }[] } };
  assert.equal(report.sources.documents, 1);
  assert.deepEqual(report.sources.skipped, [{ file: 'sources/locked.txt', reason: 'permission denied' }]);
});
