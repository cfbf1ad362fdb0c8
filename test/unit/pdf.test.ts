import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePdfSource, type PdfPage, type PdfTextRun } from '../../server/src/core/sources/pdf.js';
import { pageAt, sourceFormat } from '../../server/src/core/sources/index.js';
import { documentFromBytes } from '../../server/src/io/sourceBytes.js';
import { makePdf } from '../fixtures/pdf.js';

/** A page of lines, from the top, 14 units apart; an empty line leaves its space empty. */
function page(lines: string[], top = 800): PdfPage {
  const runs: PdfTextRun[] = [];
  lines.forEach((line, n) => {
    if (line !== '') runs.push({ text: line, x: 60, y: top - 14 * n, height: 11, endsLine: true });
  });
  return runs;
}

test('.pdf files are read as PDFs', () => {
  assert.equal(sourceFormat('Report.PDF'), 'pdf');
});

test('a PDF’s runs make lines, a wider gap a paragraph, and a page goes on with the paragraph left open', () => {
  const pages = [
    page(['Flood report', '', 'The council met on Monday. “We will build the', 'walls before the rains,” the mayor said.', '', '“The sup-', 'pression of']),
    page(['debate was regrettable,” said Tom Hale.']),
  ];
  // A line in runs, as PDFs often draw it: the runs share a baseline, only the last ends the line.
  pages[1] = [
    { text: 'debate was ', x: 60, y: 800, height: 11, endsLine: false },
    { text: 'regrettable,” said Tom Hale.', x: 120, y: 800, height: 11, endsLine: true },
  ];
  const doc = parsePdfSource('/s/report.pdf', '/s/report.pdf', pages);
  assert.equal(
    doc.text,
    'Flood report\n\nThe council met on Monday. “We will build the\nwalls before the rains,” the mayor said.\n\n' +
      '“The sup-\npression of\ndebate was regrettable,” said Tom Hale.',
  );
  assert.equal(doc.meta.title, 'Flood report');
  assert.equal(doc.file, undefined);
  // The second page starts with the words it prints, past the line break that joins it to the first.
  assert.deepEqual(doc.pages, [0, doc.text.indexOf('debate was')]);
  assert.equal(pageAt(doc, doc.text.indexOf('pression of')), 1);
  assert.equal(pageAt(doc, doc.text.indexOf('debate was')), 2);
  assert.equal(pageAt({ ...doc, pages: undefined }, 0), null);
});

test('a line indented from the usual left edge opens a paragraph, as books and reports set them', () => {
  const line = (text: string, x: number, n: number): PdfTextRun => ({ text, x, y: 800 - 14 * n, height: 11, endsLine: true });
  const doc = parsePdfSource('/s/report.pdf', '/s/report.pdf', [
    [
      line('The inquiry sat for nine days and heard', 78, 0),
      line('from forty witnesses.', 60, 1),
      line('“We were never told,” said the engineer,', 78, 2),
      line('Amina Yusuf.', 60, 3),
    ],
  ]);
  assert.equal(doc.text, 'The inquiry sat for nine days and heard\nfrom forty witnesses.\n\n“We were never told,” said the engineer,\nAmina Yusuf.');
});

test('running heads, running feet and page numbers are left out; the same words in the body are not', () => {
  const head = 'CITY OF LAGOS PRESS OFFICE';
  const foot = (n: number): PdfTextRun => ({ text: `Page ${n} of 3`, x: 260, y: 30, height: 9, endsLine: true });
  const pages = [
    [...page([head, '', 'The council met on Monday and', 'approved the plan.']), foot(1)],
    [...page([head, '', 'The CITY OF LAGOS PRESS OFFICE said so.']), { text: '- 2 -', x: 260, y: 30, height: 9, endsLine: true }],
    [...page([head, '', 'Work starts in May.']), foot(3)],
  ];
  const doc = parsePdfSource('/s/release.pdf', '/s/release.pdf', pages);
  assert.equal(doc.text, 'The council met on Monday and\napproved the plan.\n\nThe CITY OF LAGOS PRESS OFFICE said so.\n\nWork starts in May.');
});

test('a second column goes on with the sentence the first left open; after a full stop it starts a paragraph', () => {
  const column = (lines: string[], x: number): PdfTextRun[] => lines.map((text, n) => ({ text, x, y: 800 - 14 * n, height: 11, endsLine: true }));
  const doc = parsePdfSource('/s/two.pdf', '/s/two.pdf', [
    [...column(['“We had scheduled the', 'maintenance,” Ms'], 60), ...column(['Lapointe said.', 'The panel rose.'], 320)],
  ]);
  assert.equal(doc.text, '“We had scheduled the\nmaintenance,” Ms\nLapointe said.\nThe panel rose.');
  const ended = parsePdfSource('/s/two.pdf', '/s/two.pdf', [[...column(['The panel met.'], 60), ...column(['Next day.'], 320)]]);
  assert.equal(ended.text, 'The panel met.\n\nNext day.');
});

test('notes at the foot of a page follow the text, so that a sentence the next page goes on with reads whole', () => {
  const note = (text: string, y: number): PdfTextRun => ({ text, x: 60, y, height: 8, endsLine: true });
  const pages = [
    [...page(['Chief engineer Rashid Qureshi said:', '“The programme will cost the']), note('1Written evidence was also submitted', 60), note('by Gwen Albright.', 50), note('2 See the annex.', 40)],
    page(['ratepayers more than the estimate,” he said.', 'The panel rose at four.']),
  ];
  const doc = parsePdfSource('/s/hearing.pdf', '/s/hearing.pdf', pages);
  assert.equal(
    doc.text,
    'Chief engineer Rashid Qureshi said:\n“The programme will cost the\nratepayers more than the estimate,” he said.\nThe panel rose at four.' +
      '\n\nWritten evidence was also submitted\nby Gwen Albright.\n\nSee the annex.',
  );
  // Small lines at a page's foot that open with no number are no notes: a caption stays where it is.
  const captioned = parsePdfSource('/s/c.pdf', '/s/c.pdf', [[...page(['The bridge.']), note('Photograph: council archive', 40)]]);
  assert.match(captioned.text, /^The bridge\.\n+Photograph: council archive$/);
});

test('a note’s mark, small and raised after a word, is left out; small or raised figures alone are kept', () => {
  const line = (y: number, runs: [string, number, number][]): PdfTextRun[] =>
    runs.map(([text, height, rise], n) => ({ text, x: 60 + 40 * n, y: y + rise, height, endsLine: n === runs.length - 1 }));
  const doc = parsePdfSource('/s/report.pdf', '/s/report.pdf', [
    [
      ...line(800, [['The policy was a failure', 11, 0], ['12', 7, 4], [' and “costly,”', 11, 0], ['*', 7, 4], [' she said.', 11, 0]]),
      // A figure set small on the baseline (H₂O) or raised at full size is no note's mark.
      ...line(786, [['Water is H', 11, 0], ['2', 7, -2], ['O and 10', 11, 0], ['6', 11, 4], [' units.', 11, 0]]),
      // The note itself, at the foot of the page, opens with its mark.
      ...line(100, [['12', 7, 4], [' Council minutes, item 4.', 11, 0]]),
    ],
  ]);
  assert.equal(doc.text, 'The policy was a failure and “costly,” she said.\nWater is H2O and 106 units.\n\nCouncil minutes, item 4.');
});

test('a note at the foot of a page that opens with a raised number, as word processors set it, follows the text', () => {
  const line = (y: number, runs: [string, number, number][]): PdfTextRun[] =>
    runs.map(([text, height, rise], n) => ({ text, x: 60 + 40 * n, y: y + rise, height, endsLine: n === runs.length - 1 }));
  const doc = parsePdfSource('/s/opinion.pdf', '/s/opinion.pdf', [
    [
      ...page(['Congress provided an additional equal amount', 'as liquidated damages, which the']),
      ...line(60, [['1', 6, 3], ['We express no view on tractors.', 9, 0]]),
    ],
    page(['court must award.']),
  ]);
  assert.equal(doc.text, 'Congress provided an additional equal amount\nas liquidated damages, which the\ncourt must award.\n\nWe express no view on tractors.');
});

test('a PDF with no text, such as a scan, is refused with the reason', () => {
  assert.throws(() => parsePdfSource('/s/scan.pdf', '/s/scan.pdf', [[], [{ text: ' ', x: 0, y: 0, height: 0, endsLine: true }]]), {
    message: 'it has no text to read (a scanned document needs text recognition first)',
  });
});

test('a PDF file is read with PDF.js; a damaged one and one without text are listed with the reason', async () => {
  const bytes = await makePdf(
    [
      ['Harbour plan approved', '', '“This money protects every home on the east', 'side,” said Mayor Grace Okonkwo.'],
      ['The council voted nine to two.'],
    ],
    { head: 'CITY OF LAGOS - PRESS OFFICE', pageNumbers: true },
  );
  const read = documentFromBytes('/s/release.pdf', bytes);
  assert.ok('document' in read, 'skip' in read ? read.skip : '');
  assert.equal(
    read.document.text,
    'Harbour plan approved\n\n“This money protects every home on the east\nside,” said Mayor Grace Okonkwo.\n\nThe council voted nine to two.',
  );
  assert.equal(read.document.meta.title, 'Harbour plan approved');
  assert.equal(read.document.meta.author, undefined);

  const damaged = documentFromBytes('/s/broken.pdf', new TextEncoder().encode('%PDF-1.7\nnot really'));
  assert.deepEqual(damaged, { skip: 'could not be parsed (the PDF is damaged: Invalid PDF structure.)' });
  const blank = documentFromBytes('/s/scan.pdf', await makePdf([[''], ['']]));
  assert.deepEqual(blank, { skip: 'could not be parsed (it has no text to read (a scanned document needs text recognition first))' });
});
