// Measures how well the quotation finder agrees with LitBank's hand-marked dialogue quotations
// (precision, recall and F1, exact spans and overlapping spans), and lists the disagreements.
//
// Usage: npm run eval:extraction [-- --all] [--errors <n>] [--errors-file <path>]
// --all scores every quotation found, mentions included; --errors sets how many of each kind of error are
// listed (20 by default); --errors-file writes every disagreement to a file instead.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findQuotations } from '../../server/src/core/extract/index.js';
import { codePointToUtf16, score, type Span, type Score } from './extractionScore.js';

const litbank = resolve(__dirname, '../../../shared/data/litbank');

interface GoldRow {
  book: string;
  orig_start: number;
  orig_end: number;
  orig_text: string;
}

function parseArgs(argv: string[]): { errors: number; errorsFile: string | null; all: boolean } {
  let all = false;
  let errors = 20;
  let errorsFile: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--errors') errors = Number(argv[++i]);
    else if (argv[i] === '--errors-file') errorsFile = argv[++i];
    else if (argv[i] === '--all') all = true;
    else {
      console.error(`Unknown option ${argv[i]}; use --all, --errors <n> or --errors-file <path>.`);
      process.exit(2);
    }
  }
  return { errors, errorsFile, all };
}

function line(name: string, s: Score): string {
  const pct = (x: number): string => x.toFixed(4);
  return `${name.padEnd(28)} precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}  ` +
    `(correct ${s.tp}, predicted ${s.tp + s.fp}, gold ${s.tp + s.fn})`;
}

function context(text: string, span: Span): string {
  const before = text.slice(Math.max(0, span.start - 40), span.start);
  const inside = text.slice(span.start, span.end);
  const after = text.slice(span.end, span.end + 40);
  const shown = inside.length > 240 ? `${inside.slice(0, 120)} … ${inside.slice(-120)}` : inside;
  return JSON.stringify(`${before}[[${shown}]]${after}`);
}

function main(): void {
  const { errors, errorsFile, all } = parseArgs(process.argv.slice(2));
  const goldFile = join(litbank, 'quotes-aligned.jsonl');
  if (!existsSync(goldFile)) {
    console.log(`SKIPPED: LitBank data not found at ${litbank}; quotation finding was not measured.`);
    return;
  }
  const byBook = new Map<string, GoldRow[]>();
  for (const row of readFileSync(goldFile, 'utf8').split('\n')) {
    if (row.trim() === '') continue;
    const gold = JSON.parse(row) as GoldRow;
    byBook.set(gold.book, [...(byBook.get(gold.book) ?? []), gold]);
  }
  const totals = { exact: { tp: 0, fp: 0, fn: 0 }, overlap: { tp: 0, fp: 0, fn: 0 } };
  // LitBank marks dialogue only; the other measure counts mentions (scare quotes, titles) as predictions too.
  const everything = { tp: 0, fp: 0, fn: 0 };
  const report: string[] = [];
  let elapsed = 0;
  let chars = 0;
  for (const [book, rows] of [...byBook].sort()) {
    const text = readFileSync(join(litbank, 'original', `${book}.txt`), 'utf8');
    const toUtf16 = codePointToUtf16(text);
    const gold = rows.map((r) => ({ start: toUtf16(r.orig_start), end: toUtf16(r.orig_end) }));
    const limit = Math.max(...gold.map((g) => g.end));
    const t0 = performance.now();
    const found = findQuotations(text, 'plaintext');
    elapsed += performance.now() - t0;
    chars += text.length;
    const spans = (list: typeof found): Span[] => list
      .map((q) => ({ start: q.open.start, end: q.close === null ? q.end : q.close.end }))
      .filter((p) => p.start < limit);
    const predicted = spans(all ? found : found.filter((q) => q.kind !== 'mention'));
    const result = score(text, gold, predicted);
    const unfiltered = score(text, gold, spans(found)).exact;
    everything.tp += unfiltered.tp;
    everything.fp += unfiltered.fp.length;
    everything.fn += unfiltered.fn.length;
    for (const kind of ['exact', 'overlap'] as const) {
      totals[kind].tp += result[kind].tp;
      totals[kind].fp += result[kind].fp.length;
      totals[kind].fn += result[kind].fn.length;
    }
    for (const span of result.exact.fp) report.push(`FP ${book} ${context(text, span)}`);
    for (const span of result.exact.fn) report.push(`FN ${book} ${context(text, span)}`);
  }
  const finish = (c: { tp: number; fp: number; fn: number }): Score => {
    const precision = c.tp / Math.max(1, c.tp + c.fp);
    const recall = c.tp / Math.max(1, c.tp + c.fn);
    return { ...c, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
  };
  const scored = all ? 'every quotation found' : "quotations found as speech (kind !== 'mention')";
  console.log(`LitBank quotation finding: ${byBook.size} books with gold, ${totals.exact.tp + totals.exact.fn} gold quotations; scoring ${scored}.`);
  console.log(line('exact', finish(totals.exact)));
  console.log(line('overlap', finish(totals.overlap)));
  console.log(line('exact, mentions counted too', finish(everything)));
  console.log(`findQuotations read ${(chars / 1e6).toFixed(1)} M characters (whole books) in ${elapsed.toFixed(0)} ms.`);
  if (errorsFile !== null) {
    writeFileSync(errorsFile, `${report.join('\n')}\n`);
    console.log(`All ${report.length} exact-span disagreements written to ${errorsFile}.`);
  } else if (errors > 0 && report.length > 0) {
    const fps = report.filter((r) => r.startsWith('FP')).slice(0, errors);
    const fns = report.filter((r) => r.startsWith('FN')).slice(0, errors);
    console.log(`\nFirst ${fps.length} false positives and ${fns.length} false negatives (exact spans, [[…]] marks the span):`);
    for (const r of [...fps, ...fns]) console.log(r);
  }
}

main();
