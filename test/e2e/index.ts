// Entry point the extension host loads as `extensionTestsPath`: runs every end-to-end suite next to it with mocha.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** Runs the suites (`*.e2e.js` in this folder, in name order); rejects when any test fails. */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec' });
  const grep = process.env.VERBATIM_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.e2e.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} end-to-end test(s) failed.`)) : resolve()));
  });
}
