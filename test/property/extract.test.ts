// Properties of the quotation finder on arbitrary text: it never throws, every quotation's offsets lie inside the
// text and give back its text, quotations come in document order, and the time it takes is bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import './seed.js';
import { findQuotations } from '../../server/src/core/extract/index.js';
import type { DraftFormat, Quotation } from '../../server/src/core/types.js';
import { format, hostileText, randomMarks } from './arbitraries.js';

/** Asserts everything a caller of findQuotations relies on. */
function assertWellFormed(text: string, quotations: Quotation[]): void {
  let previousOpen = -1;
  let previousGroup = -1;
  for (const q of quotations) {
    const where = `quotation ${JSON.stringify(q.text)} at ${q.start}`;
    assert.ok(Number.isInteger(q.start) && Number.isInteger(q.end), where);
    // Dash dialogue continued after an attribution ("― We will, she said, rebuild.") has no mark of its own: its
    // opening is the empty span where its words begin. Every other quotation opens with a mark.
    assert.ok(0 <= q.open.start && q.open.start <= q.open.end && q.open.end <= q.start, `${where}: opening mark before the text`);
    if (q.open.start === q.open.end) assert.ok(q.group === previousGroup, `${where}: only a continued quotation has no mark`);
    assert.ok(q.start <= q.end && q.end <= text.length, `${where}: text inside the draft`);
    assert.equal(text.slice(q.start, q.end), q.text, `${where}: offsets give back the text`);
    if (q.close) {
      assert.ok(q.end <= q.close.start && q.close.start < q.close.end && q.close.end <= text.length, `${where}: closing mark after the text`);
    }
    assert.ok(q.open.start > previousOpen, `${where}: quotations in document order`);
    previousOpen = q.open.start;
    assert.ok(Number.isInteger(q.group) && q.group >= 0, `${where}: a group number`);
    assert.ok(q.group >= previousGroup, `${where}: groups numbered in document order`);
    previousGroup = q.group;
    assert.ok(q.kind === undefined || q.kind === 'speech' || q.kind === 'mention', `${where}: a known kind`);
  }
}

test('findQuotations never throws on arbitrary Unicode and gives well-formed quotations, in every format', () => {
  fc.assert(
    fc.property(hostileText(), format, (text, draftFormat) => {
      assertWellFormed(text, findQuotations(text, draftFormat));
    }),
    { numRuns: 600 },
  );
});

test('findQuotations gives the same quotations for the same text (no hidden state between calls)', () => {
  fc.assert(
    fc.property(hostileText(30), format, (text, draftFormat) => {
      assert.deepEqual(findQuotations(text, draftFormat), findQuotations(text, draftFormat));
    }),
    { numRuns: 150 },
  );
});

test('a quotation of plain words in curly marks is found with its exact offsets, whatever surrounds it', () => {
  const words = fc.array(fc.constantFrom('we', 'will', 'rebuild', 'the', 'town', 'together'), { minLength: 1, maxLength: 8 });
  const surrounding = fc.string({ unit: 'grapheme-ascii', maxLength: 20 }).map((s) => s.replace(/[^a-z ]/gi, ''));
  fc.assert(
    fc.property(surrounding, words, surrounding, format, (before, said, after, draftFormat) => {
      const inner = said.join(' ');
      const text = `${before} “${inner}” ${after}`;
      const found = findQuotations(text, draftFormat);
      const start = before.length + 2;
      assert.ok(found.some((q) => q.start === start && q.text === inner), `found: ${JSON.stringify(found.map((q) => q.text))}`);
    }),
    { numRuns: 200 },
  );
});

const FORMATS: DraftFormat[] = ['plaintext', 'markdown', 'latex'];
/**
 * Bounds for 200,000 characters of random marks; Markdown pays for a CommonMark parse on top. They are several times
 * the measured times (0.3 s and 2.3 s): they catch work that grows faster than the text, not a busy machine.
 */
const BOUND_MS: Record<DraftFormat, number> = { plaintext: 5000, latex: 5000, markdown: 10_000 };

for (const draftFormat of FORMATS) {
  test(`findQuotations on 200,000 characters of random marks finishes in bounded time (${draftFormat})`, () => {
    const text = randomMarks(200_000, 7);
    const started = performance.now();
    const quotations = findQuotations(text, draftFormat);
    const elapsed = performance.now() - started;
    assertWellFormed(text, quotations);
    assert.ok(elapsed < BOUND_MS[draftFormat], `${Math.round(elapsed)} ms for ${draftFormat}`);
  });
}

test('directive comments only ever leave quotations out: the ones kept are found as they are without the directives', () => {
  const piece = fc.constantFrom(
    'the mayor said', '“we will rebuild”', '“one,” she said, “two”', '``three\'\'', '\n\n', '\n', ' ', '`code`',
    '<!-- verbatim-disable -->', '<!-- verbatim-enable -->', '<!-- verbatim-disable-next: a call -->', '<!-- note -->',
    '% verbatim-disable\n', '% verbatim-enable\n', '% verbatim-disable-next\n', '% note\n', '\\enquote{four}',
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 24 }), format, (pieces, draftFormat) => {
      const text = pieces.join(' ');
      // The same comments, masked as before, but no longer directives.
      const plain = text.replace(/verbatim-(disable|enable)/g, (m) => m.replace('verbatim', 'xxxxxxxx'));
      const kept = findQuotations(text, draftFormat);
      const all = findQuotations(plain, draftFormat);
      assertWellFormed(text, kept);
      let at = 0;
      for (const quotation of kept) {
        while (at < all.length && all[at]!.open.start !== quotation.open.start) at++;
        assert.ok(at < all.length, `${JSON.stringify(quotation.text)} is found without the directives too`);
        assert.deepEqual(quotation, all[at]);
      }
      if (draftFormat === 'plaintext') assert.equal(kept.length, all.length, 'a plain-text draft has no comments');
    }),
    { numRuns: 400 },
  );
});
