// Counts are written as en-US writes them, without loading locale data at start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import './seed.js';
import { formatCount } from '../../server/src/counts.js';

test('a count is grouped by thousands exactly as Intl.NumberFormat en-US groups it', () => {
  const reference = new Intl.NumberFormat('en-US');
  fc.assert(
    fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1000, max: 1000 })), (n) => {
      assert.equal(formatCount(n), reference.format(n));
    }),
  );
  for (const n of [0, 999, 1000, 1_000_000, -1000]) assert.equal(formatCount(n), reference.format(n));
});
