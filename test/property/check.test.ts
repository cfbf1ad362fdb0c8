// Properties of checking whole drafts against a small index: checkDraft never throws on random drafts, every finding
// points at the quotation it judges and at a passage inside its source, and a verbatim excerpt is verified.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import './seed.js';
import { checkDraft } from '../../server/src/core/check.js';
import { SourceIndex } from '../../server/src/core/sourceIndex.js';
import type { Finding, SourceDocument } from '../../server/src/core/types.js';
import { format, hostileText } from './arbitraries.js';

const SOURCES: SourceDocument[] = [
  {
    id: '/sources/afp.txt',
    text:
      'Washington (AFP) - The United States “cannot and will not tolerate the brutal suppression of ethnic minorities ' +
      'within China,” Commerce Secretary Wilbur Ross said.\r\nBeijing said it was firmly opposed.\n\nA spokesman said the ' +
      'accusations were “groundless” and “a pretext to interfere in China’s internal affairs.”\n',
    meta: { outlet: 'AFP', date: '2019-10-09' },
  },
  {
    id: '/sources/odd.md',
    text: 'Ｆｕｌｌ-width words, ﬁne ligatures, e\u0301tude, a soft\u00ADhyphen, 😀 and “quoted words here” — then a lone \uD800 surrogate.',
    meta: {},
  },
];

function indexOf(sources: SourceDocument[]): SourceIndex {
  const index = new SourceIndex();
  for (const source of sources) index.set(source);
  return index;
}

const index = indexOf(SOURCES);
const sourceWords = SOURCES.flatMap((s) => s.text.split(/\s+/)).filter(Boolean);

/** Drafts made of source words, hostile pieces and quotation marks, so that some quotations nearly match. */
const draft = fc
  .array(fc.oneof(fc.constantFrom(...sourceWords), fc.constantFrom('“', '”', '"', '…', '[', ']', '\n\n'), hostileText(4)), { maxLength: 80 })
  .map((parts) => parts.join(' '));

/** Asserts what the editor and the CLI rely on when they turn a finding into a diagnostic or a report entry. */
function assertSound(text: string, findings: Finding[]): void {
  for (const finding of findings) {
    const q = finding.quotation;
    assert.equal(text.slice(q.start, q.end), q.text, 'the quotation is where it says');
    assert.ok(finding.similarity >= 0 && finding.similarity <= 1, `similarity ${finding.similarity}`);
    assert.ok(['verbatim', 'altered', 'unsourced'].includes(finding.verdict));
    if (finding.verdict === 'verbatim') assert.deepEqual(finding.changes, [], 'a verbatim quotation has no changes');
    if (finding.verdict === 'unsourced') assert.equal(finding.source, null, 'an unsourced quotation names no source');
    if (finding.verdict !== 'unsourced') assert.ok(finding.source, 'a sourced verdict names its source');
    if (finding.source) {
      const doc = SOURCES.find((s) => s.id === finding.source!.id);
      assert.ok(doc, 'the source is one of the indexed ones');
      const { start, end, text: wording } = finding.source;
      assert.ok(0 <= start && start <= end && end <= doc.text.length, `source span [${start}, ${end}) inside the source`);
      assert.equal(doc.text.slice(start, end), wording, 'the source wording is what the span covers');
    }
  }
}

test('checkDraft never throws on random drafts and its findings point inside the draft and the sources', () => {
  fc.assert(
    fc.property(draft, format, (text, draftFormat) => {
      assertSound(text, checkDraft(index, text, draftFormat));
    }),
    { numRuns: 400 },
  );
});

test('checkDraft with extreme options never throws', () => {
  const options = fc.record({
    shortQuoteMaxWords: fc.integer({ min: 0, max: 50 }),
    alteredThreshold: fc.double({ min: 0, max: 1, noNaN: true }),
    maxEllipsisWords: fc.integer({ min: 0, max: 200 }),
    maxQuoteWords: fc.integer({ min: 1, max: 40 }),
    ignore: fc.array(fc.constantFrom('groundless', 'cannot and will not', '', '“'), { maxLength: 3 }),
  });
  fc.assert(
    fc.property(draft, format, options, (text, draftFormat, given) => {
      const findings = checkDraft(index, text, draftFormat, given);
      assertSound(text, findings);
      // A quotation too long to align is still reported, marked as not checked.
      for (const finding of findings) if (finding.limit !== undefined) assert.equal(finding.verdict, 'unsourced');
    }),
    { numRuns: 200 },
  );
});

test('an excerpt of a source quoted word for word is verbatim, whatever the marks and surroundings', () => {
  const clean = SOURCES[0]!.text.replace(/[“”()]/g, ' ').split(/\s+/).filter((w) => /^[A-Za-z][A-Za-z’,.]*$/.test(w));
  fc.assert(
    fc.property(fc.nat(), fc.integer({ min: 4, max: 12 }), fc.constantFrom(['“', '”'], ['"', '"'], ['«', '»']), fc.string({ maxLength: 10 }), (a, length, [open, close], noise) => {
      const start = a % (clean.length - length);
      const excerpt = clean.slice(start, start + length).join(' ').replace(/[,.]$/, '');
      const text = `${noise.replace(/["“”«»'‘’`\[\]\\]/g, '')}\n\nShe said ${open}${excerpt}${close} yesterday.`;
      const findings = checkDraft(index, text, 'plaintext');
      const mine = findings.find((f) => f.quotation.text === excerpt);
      assert.ok(mine, `the quotation ${JSON.stringify(excerpt)} is found`);
      assert.equal(mine.verdict, 'verbatim', `${JSON.stringify(excerpt)} is verbatim, got ${mine.verdict} ${JSON.stringify(mine.changes)}`);
      assert.equal(mine.source?.id, '/sources/afp.txt');
    }),
    { numRuns: 300 },
  );
});
