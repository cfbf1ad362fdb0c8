import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import '../property/seed.js';
import { findSpeaker } from '../../server/src/core/attribution.js';
import { fileOffset, fileSpan, parseSource } from '../../server/src/core/sources/index.js';

// Markup-heavy strings: fragments of tags, entities, quotation marks and line ends mixed with any text.
const fragment = fc.oneof(
  fc.string(),
  fc.constantFrom('<p>', '</p>', '<div>', '<br>', '<script>', '</script>', '<b>', '</i>', '&amp;', '&rdquo;', '&#x1F600;',
    '&copy', '&', '<', '>', '“', '”', '"', '\r\n', '\r', '\n\n', '---\n', ' said ', ' Ross ', ', he said', '<!--', '-->'),
);
const markup = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

test('every parsed source maps each text offset into its file content, in order', () => {
  fc.assert(
    fc.property(markup, fc.constantFrom('a.html', 'a.md', 'a.txt'), (content, name) => {
      const doc = parseSource('id', name, content);
      const length = doc.file ? doc.file.content.length : doc.text.length;
      let previous = -1;
      for (let t = 0; t <= doc.text.length; t++) {
        const f = fileOffset(doc, t);
        assert.ok(f >= 0 && f <= length, `offset ${t} maps inside the file`);
        assert.ok(f >= previous, 'offsets keep their order');
        previous = f;
      }
      for (const segment of doc.file?.segments ?? []) {
        assert.ok(segment.file + segment.length <= length && segment.text + segment.length <= doc.text.length);
      }
      const span = fileSpan(doc, { start: 0, end: doc.text.length });
      assert.ok(span.start <= span.end && span.end <= length);
    }),
    { numRuns: 300 },
  );
});

test('findSpeaker never throws and gives a name that is in the text (in capitals or not), or null', () => {
  fc.assert(
    fc.property(markup, fc.nat(), fc.nat(), (text, a, b) => {
      const start = text.length === 0 ? 0 : a % (text.length + 1);
      const end = Math.min(text.length, start + (b % 50));
      const name = findSpeaker(text, { start, end });
      // A transcript's label in capitals ("OKONKWO:") gives the name as prose writes it ("Okonkwo").
      if (name !== null) assert.ok(text.replace(/\s+/g, ' ').toLowerCase().includes(name.split(' ')[0]!.toLowerCase()), `"${name}" comes from the text`);
    }),
    { numRuns: 500 },
  );
});
