import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { ProgressLine } from '../../server/src/cli/progress.js';

function captured(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  return { stream, text: () => chunks.join('') };
}

test('a progress line is written over in place and wiped when the work is done', async () => {
  const out = captured();
  const line = new ProgressLine(out.stream, { delayMs: 0, intervalMs: 0 });
  line.update('reading sources, 1 of 3 files');
  line.update('reading sources, 2 of 3 files');
  line.done();
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(out.text(), '\r\x1b[Kreading sources, 1 of 3 files\r\x1b[Kreading sources, 2 of 3 files\r\x1b[K');
});

test('quick work shows no progress line at all, and updates come no faster than the interval', async () => {
  const quick = captured();
  const line = new ProgressLine(quick.stream, { delayMs: 60_000, intervalMs: 0 });
  line.update('reading sources, 1 of 3 files');
  line.done();
  const throttled = captured();
  const slow = new ProgressLine(throttled.stream, { delayMs: 0, intervalMs: 60_000 });
  slow.update('first');
  slow.update('second');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(quick.text(), '');
  assert.equal(throttled.text(), '\r\x1b[Kfirst');
});
