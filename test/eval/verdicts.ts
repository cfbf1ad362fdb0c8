// Measures how often the checker's verdicts are right on real prose: LitBank's hand-marked dialogue quotations,
// checked against the novels they come from, as written, with typography changed, with words changed, and taken
// from novels that are not among the sources. Prints a confusion table, precision and recall per verdict, how often
// a quotation with one word changed is reported with that change, and the cases it got wrong.
//
// Usage: npm run eval:verdicts [-- --errors <n>]
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkDraft } from '../../server/src/core/check.js';
import { SourceIndex } from '../../server/src/core/sourceIndex.js';
import type { Verdict } from '../../server/src/core/types.js';
import { makeCases, type Case } from './verdictCases.js';

const litbank = resolve(__dirname, '../../../shared/data/litbank');
const errorsToShow = Number(process.argv[process.argv.indexOf('--errors') + 1]) || 15;

if (!existsSync(join(litbank, 'quotes-aligned.jsonl'))) {
  console.log(`SKIPPED: LitBank not found at ${litbank}; no verdicts were evaluated.`);
  process.exit(0);
}

const books = readdirSync(join(litbank, 'original')).filter((name) => name.endsWith('.txt')).sort();
const texts = new Map(books.map((name) => [name.replace(/\.txt$/, ''), readFileSync(join(litbank, 'original', name), 'utf8')]));
// Every tenth book is held out of the sources: quotations from it must come out unsourced.
const heldOut = new Set([...texts.keys()].filter((_, n) => n % 10 === 0));

const started = performance.now();
const index = new SourceIndex();
for (const [book, text] of texts) if (!heldOut.has(book)) index.set({ id: book, text, meta: {} });
const gold = readFileSync(join(litbank, 'quotes-aligned.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { book: string; orig_text: string });
const cases = makeCases(gold, heldOut);

const verdicts: Verdict[] = ['verbatim', 'altered', 'unsourced'];
const table = new Map<string, number>();
const wrong: Array<{ item: Case; got: Verdict; detail: string }> = [];
// Per kind of case with one word changed: how many were found altered, and how many of those reported that change
// and no other.
const changes = new Map<string, { altered: number; exact: number }>();
for (const item of cases) {
  const findings = checkDraft(index, `He said, “${item.quote}” and went on.`, 'plaintext');
  const got: Verdict = findings.length === 0 ? 'unsourced' : findings[0].verdict;
  const key = `${item.expected}>${got}`;
  table.set(key, (table.get(key) ?? 0) + 1);
  if (item.change && got === 'altered') {
    const count = changes.get(item.kind) ?? { altered: 0, exact: 0 };
    const reported = findings[0].changes;
    count.altered++;
    if (reported.length === 1 && reported[0].draft === item.change.draft && reported[0].source === item.change.source) count.exact++;
    changes.set(item.kind, count);
  }
  if (got !== item.expected) {
    const f = findings[0];
    const detail = f?.source ? `similarity ${f.similarity}; source “${f.source.text.slice(0, 120)}”` : `similarity ${f?.similarity ?? 0}`;
    wrong.push({ item, got, detail });
  }
}
const seconds = (performance.now() - started) / 1000;

console.log(`Verdict evaluation: ${cases.length} cases from LitBank (${index.size} novels indexed, ${heldOut.size} held out), ${seconds.toFixed(1)} s`);
console.log('');
console.log(`expected \\ got   ${verdicts.map((v) => v.padStart(10)).join('')}`);
for (const expected of verdicts) {
  console.log(`${expected.padEnd(16)} ${verdicts.map((got) => String(table.get(`${expected}>${got}`) ?? 0).padStart(10)).join('')}`);
}
console.log('');
for (const verdict of verdicts) {
  const tp = table.get(`${verdict}>${verdict}`) ?? 0;
  const predicted = verdicts.reduce((sum, e) => sum + (table.get(`${e}>${verdict}`) ?? 0), 0);
  const actual = verdicts.reduce((sum, g) => sum + (table.get(`${verdict}>${g}`) ?? 0), 0);
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = actual === 0 ? 0 : tp / actual;
  console.log(`${verdict.padEnd(10)} precision ${precision.toFixed(3)}  recall ${recall.toFixed(3)}  (${tp} of ${actual})`);
}
const byKind = new Map<string, [number, number]>();
for (const item of cases) {
  const entry = byKind.get(item.kind) ?? [0, 0];
  entry[1]++;
  byKind.set(item.kind, entry);
}
for (const { item } of wrong) byKind.get(item.kind)![0]++;
console.log('');
console.log('errors by kind of case:');
for (const [kind, [errors, total]] of [...byKind].sort()) console.log(`  ${kind.padEnd(24)} ${errors} of ${total}`);
console.log('');
console.log('the change reported, of the quotations with one word changed that were found altered:');
for (const [kind, { altered, exact }] of [...changes].sort()) {
  console.log(`  ${kind.padEnd(24)} exactly the changed word in ${exact} of ${altered} (${(exact / altered).toFixed(3)})`);
}
const accuracy = 1 - wrong.length / cases.length;
console.log('');
console.log(`accuracy ${accuracy.toFixed(3)} (${cases.length - wrong.length} of ${cases.length})`);
console.log('');
const only = process.argv.includes("--kind") ? process.argv[process.argv.indexOf("--kind") + 1] : null;
for (const { item, got, detail } of wrong.filter((w) => !only || w.item.kind.startsWith(only)).slice(0, errorsToShow)) {
  console.log(`- [${item.kind}] expected ${item.expected}, got ${got}: “${item.quote.slice(0, 140)}” (${detail})`);
}
