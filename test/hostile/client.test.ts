// The extension's policy for a language server that keeps dying: a few crashes are restarted, repeated crashes
// stop the restarts and tell the writer, and crashes spread out in time never add up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

/** The parts of client/src/crashes.ts under test. */
interface CrashPolicy {
  stopped(): { restart: boolean; message: string };
  reset(): void;
}
type CrashPolicyClass = new (maxRestarts: number, windowMs: number, now: () => number) => CrashPolicy;

// The client's sources belong to another TypeScript project than the tests, so the module is loaded at run time.
const { CrashPolicy } = require(join(__dirname, '..', '..', 'client', 'src', 'crashes.ts')) as { CrashPolicy: CrashPolicyClass };

test('the server is restarted after a crash, up to four times in three minutes, then the writer is told', () => {
  let now = 0;
  const policy = new CrashPolicy(4, 180_000, () => now);
  for (let i = 1; i <= 4; i++) {
    now += 1000;
    const decision = policy.stopped();
    assert.equal(decision.restart, true);
    assert.match(decision.message, new RegExp(`restarting it \\(${i} of 4 restarts in 3 minutes\\)`));
  }
  now += 1000;
  const last = policy.stopped();
  assert.equal(last.restart, false);
  assert.match(last.message, /stopped unexpectedly 5 times in 3 minutes and will not be started again, so quotations are not being checked/);
});

test('crashes far apart are each restarted', () => {
  let now = 0;
  const policy = new CrashPolicy(4, 180_000, () => now);
  for (let i = 0; i < 20; i++) {
    now += 60_000;
    assert.equal(policy.stopped().restart, true, `crash ${i + 1}, a minute after the previous one`);
  }
});

test('a deliberate restart forgets earlier crashes', () => {
  let now = 0;
  const policy = new CrashPolicy(1, 180_000, () => now);
  assert.equal(policy.stopped().restart, true);
  policy.reset();
  now += 10;
  assert.equal(policy.stopped().restart, true);
  now += 10;
  assert.equal(policy.stopped().restart, false);
});
