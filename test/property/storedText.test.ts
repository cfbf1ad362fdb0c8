// Properties of texts kept on disk and read a stretch at a time: in every encoding, any stretch and any position read
// back are what the whole text gives; and who a source says spoke a passage is read from the stretch around it alike.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import './seed.js';
import { piece } from './arbitraries.js';
import { findSpeaker, SPEAKER_REACH } from '../../server/src/core/attribution.js';
import { turnSpeaker } from '../../server/src/core/transcript.js';
import { Tokenizer } from '../../server/src/core/tokenizer.js';
import { LineIndex } from '../../server/src/convert.js';
import { decodeSource } from '../../server/src/io/decode.js';
import { layoutOf, StoredTextFile, type ChunkStore } from '../../server/src/io/storedText.js';

/**
 * Long texts of hostile pieces between runs of plain words, long enough for many chunks (of 64 marks of 32 words):
 * a run of pieces is repeated with runs of words of different lengths between.
 */
const longText = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.integer({ min: 20, max: 120 }), fc.nat(60))
  .map(([parts, runs, words]) => {
    const out: string[] = [];
    for (let k = 0; k < runs; k++) out.push(parts.join(''), ' the river rises'.repeat(words + k));
    return out.join(' ');
  });

/** Ways a file holds a text: the bytes written for it. */
const writers: Record<string, (text: string) => Uint8Array> = {
  'utf-8': (text) => new TextEncoder().encode(text),
  'utf-8 with a BOM': (text) => Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
  'utf-16le with a BOM': (text) => Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]),
  'utf-16be with a BOM': (text) => Uint8Array.from([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]),
  // Bytes of Windows-1252 text: letters, spaces, line ends, curly quotes (0x93, 0x94), a dash (0x97) and é (0xe9)
  // alone, which is no UTF-8.
  'windows-1252': (text) =>
    Uint8Array.from(text, (ch) => {
      const code = ch.charCodeAt(0);
      return [0x93, 0x94, 0x97, 0xe9, 0x0d, 0x0a, 0x20][code % 12] ?? 0x61 + (code % 26);
    }),
};

function memoryStore(): ChunkStore & { reads: number } {
  const chunks = new Map<string, string>();
  return {
    reads: 0,
    chunk(path, n, read) {
      const key = `${n} ${path}`;
      if (!chunks.has(key)) {
        this.reads++;
        chunks.set(key, read());
      }
      return chunks.get(key)!;
    },
  };
}

test('a text kept on disk gives every stretch and every position as the whole text does, in every encoding', () => {
  const folder = mkdtempSync(join(tmpdir(), 'verbatim-stored-'));
  let mostChunks = 0;
  try {
    fc.assert(
      fc.property(
        longText,
        fc.constantFrom(...Object.keys(writers)),
        fc.array(fc.tuple(fc.nat(), fc.nat(5000)), { minLength: 1, maxLength: 40 }),
        (written, how, cuts) => {
          const bytes = writers[how](written.replace(/\0/g, ' '));
          const decoded = decodeSource(bytes, true);
          fc.pre('text' in decoded && decoded.encoding !== undefined);
          if (!('text' in decoded) || !decoded.encoding) return;
          const { text } = decoded;
          const file = join(folder, 'source.txt');
          writeFileSync(file, bytes);
          const { marks } = new Tokenizer().add(text);
          const store = memoryStore();
          let verified = 0;
          const stored = new StoredTextFile(file, text.length, marks, layoutOf(text, marks, decoded.encoding, bytes.length), store, () => verified++);
          const lines = new LineIndex(text);
          for (const [at, length] of cuts) {
            const from = at % (text.length + 2);
            assert.equal(stored.slice(from, from + length), text.slice(from, from + length), `${how}: [${from}, ${from + length})`);
            assert.deepEqual(stored.positionAt(from), lines.positionAt(from), `${how}: position of ${from}`);
          }
          assert.deepEqual(stored.positionAt(text.length + 5), lines.positionAt(text.length + 5));
          assert.equal(stored.slice(-5, 3), text.slice(0, 3));
          assert.ok(verified <= 1, 'the file is checked once, before it is first read');
          mostChunks = Math.max(mostChunks, store.reads);
        },
      ),
      { numRuns: 40 },
    );
    assert.ok(mostChunks > 3, `stretches across chunks were read (at most ${mostChunks} chunks of one text)`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a text kept on disk refuses a file that changed under it', () => {
  const folder = mkdtempSync(join(tmpdir(), 'verbatim-stored-'));
  try {
    const file = join(folder, 'source.txt');
    const text = 'The river is rising. “We will close the bridge,” the mayor said.\n'.repeat(2000);
    writeFileSync(file, text);
    const { marks } = new Tokenizer().add(text);
    const layout = layoutOf(text, marks, { name: 'utf-8', skip: 0 }, Buffer.byteLength(text));
    const refuse = () => {
      throw new Error('The source changed after it was indexed; index the sources again.');
    };
    assert.throws(() => new StoredTextFile(file, text.length, marks, layout, memoryStore(), refuse).slice(0, 10), /changed after it was indexed/);
    // Cut short behind the stamp's back: the stretch no longer decodes to as many characters as the index knows.
    writeFileSync(file, text.slice(0, 60_000));
    const stored = new StoredTextFile(file, text.length, marks, layout, memoryStore(), () => {});
    assert.equal(stored.slice(0, 10), text.slice(0, 10), 'the first chunk is still there');
    assert.throws(() => stored.slice(text.length - 10, text.length), /changed after it was indexed/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

/**
 * Long prose in paragraphs of up to a few thousand characters: quotations with and without attribution, quotations
 * that go on in the next paragraph, pronouns that stand for a person named paragraphs before, transcript turns,
 * hostile pieces.
 */
const SENTENCES = [
  '“We will rebuild the bridge,” Mayor Anne Hill said.',
  'He said: “The river is rising fast.”',
  '“It is not safe,” said the engineer.',
  'According to the Federal Register, the plan was approved.',
  'Engineer John Sullivan told reporters the work would start in spring.',
  '“And then what?”',
  '“The water came in the night',
  'Ross announced the move, saying that “nothing is decided.”',
  // Transcripts: labels open a paragraph when they come first in one.
  '[00:01:10] HALE: What do you need?',
  'OKONKWO: Money and pumps.',
  'Minister Sofia Lindqvist: Let me add only this.',
  '**Sheriff Linda Torres:** We knocked on every door.',
  'Q: And then?',
  'Chapter 2: The flood',
  // A court transcript: its roles are named by lines before them.
  'BY MR. DALTON:',
  'GARY VOSS, having been previously sworn, resumed the stand.',
  '     Q.   Were you there?',
  '     A.   I was there all night.',
  '          THE COURT:  Sustained.',
  'BEFORE: The Honorable Elena Marsh, Judge',
];
const paragraph = fc
  .tuple(fc.array(fc.constantFrom(...SENTENCES), { maxLength: 3 }), fc.nat(700), fc.array(piece, { maxLength: 3 }), fc.constantFrom(...SENTENCES))
  .map(([lead, filler, pieces, last]) => [...lead, ' the river rose and fell'.repeat(filler), ...pieces, last].join(' '));
const prose = fc
  .tuple(fc.array(paragraph, { minLength: 5, maxLength: 30 }), fc.integer({ min: 2, max: 12 }))
  .map(([paragraphs, times]) => Array.from({ length: times }, () => paragraphs.join('\n\n')).join('\n\n'));

test('who a source says spoke a passage is read from the stretch around it as from the whole text', () => {
  let partial = 0;
  let turns = 0;
  fc.assert(
    fc.property(prose, fc.array(fc.tuple(fc.nat(), fc.nat(300)), { minLength: 1, maxLength: 40 }), (text, spans) => {
      // Passages inside quotations mostly, where the speaker may be carried over from quotations before.
      const opens = [...text.matchAll(/“/g)].map((m) => m.index! + 1);
      for (const [at, length] of spans) {
        const start = at % 4 === 0 ? at % (text.length + 1) : opens[at % opens.length];
        const span = { start, end: Math.min(text.length, start + length) };
        const from = Math.max(0, span.start - SPEAKER_REACH.before);
        const window = text.slice(from, span.end + SPEAKER_REACH.after);
        if (window.length < text.length) partial++;
        if (window.length < text.length && turnSpeaker(text, span.start) !== null) turns++;
        assert.equal(findSpeaker(window, { start: span.start - from, end: span.end - from }), findSpeaker(text, span));
      }
    }),
    { numRuns: 30 },
  );
  assert.ok(partial > 100, `spans read from a stretch shorter than the text: ${partial}`);
  assert.ok(turns > 20, `spans in a transcript's turn read from a stretch shorter than the text: ${turns}`);
});
