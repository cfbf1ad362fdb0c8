// Prints the benchmark's figures as readable tables, with the ratios to the naive peers and the targets met or not.
import type { IndexResult } from './jobs/index.js';
import type { LspResult } from './jobs/lsp.js';
import type { NaiveResult } from './jobs/naive.js';
import type { CliRun, FloorRun, RipgrepRun } from './tools.js';

/** A measurement: its value, or why there is none (a failure or a skip, said in one line). */
export type Measured<T> =
  | { ok: true; value: T; peakMiB: number | null; wallMs: number }
  | { ok: false; error: string; peakMiB: number | null; wallMs: number };

/** One generated corpus size: skipped with a reason, or measured. */
export interface ScaleRow {
  megabytes: number;
  skipped?: string;
  files?: number;
  bytes?: number;
  dir?: string;
  index?: Measured<IndexResult>;
  lsp?: Measured<LspResult>;
}

/** Everything a run measured; also the shape of the JSON file. */
export interface BenchResults {
  version: 1;
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; freeGiB: number; node: string; platform: string; loadAverage: number };
  /** The commit the bundles were built from, and how many server files had uncommitted changes. */
  build: { commit: string; modifiedServerFiles: number; builtAt: string };
  corpus: { name: string; dir: string; files: number; bytes: number; note: string | null };
  draft: { file: string; words: number; quotations: number; exact: number; altered: number };
  options: { sizes: number[]; edits: number; naive: number; quick: boolean };
  real: { index: Measured<IndexResult>; cliCold: CliRun; floor: Measured<FloorRun>; cliWarm: CliRun; lsp: Measured<LspResult> };
  peers: { stringSimilarity: Measured<NaiveResult>; ripgrep: Measured<RipgrepRun> };
  scaling: ScaleRow[];
  /** The speed and memory targets, read off the figures above by `targets`. */
  targets: Target[];
  totalSeconds: number;
}

/** A target with the figure measured for it; `met` is null when that figure was not measured. */
export interface Target {
  target: string;
  measured: string;
  met: boolean | null;
}

/** Milliseconds as "12.3 ms", "845 ms" or "12.3 s". */
export function ms(value: number): string {
  if (value < 10) return `${value.toFixed(1)} ms`;
  if (value < 1000) return `${value.toFixed(0)} ms`;
  return `${(value / 1000).toFixed(value < 100_000 ? 1 : 0)} s`;
}

const mib = (value: number | null | undefined): string => (value == null ? '?' : `${value.toFixed(0)} MiB`);
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const times = (ratio: number): string => `${ratio >= 100 ? ratio.toFixed(0) : ratio.toFixed(1)}x`;

/** Lays out rows as columns padded to their widest cell, the first column left-aligned. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  return rows
    .map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd())
    .join('\n');
}

const right = (score: { right: number; total: number } | null | undefined): string => (score ? `${score.right}/${score.total}` : '?');

/** The naive draft time: reading and splitting once, then every quotation at the measured mean. */
export function naiveDraftMs(result: NaiveResult, quotations: number): number {
  const mean = result.quotes.reduce((sum, q) => sum + q.ms, 0) / result.quotes.length;
  return result.setupMs + mean * quotations;
}

function realSection(r: BenchResults): string {
  const rows: string[][] = [['', 'time', 'rate / detail', 'peak memory', 'verdicts right']];
  const { index, cliCold, cliWarm, lsp } = r.real;
  const megabytes = r.corpus.bytes / 1e6;
  if (index.ok) {
    const v = index.value;
    rows.push(['read the files into strings (the floor)', ms(v.readStringsMs), `${(megabytes / (v.readStringsMs / 1000)).toFixed(0)} MB/s`, '', '']);
    const total = v.indexMs + v.firstLookupMs;
    rows.push([`read, parse and index (${v.workers} worker threads)`, ms(total), `${(megabytes / (total / 1000)).toFixed(1)} MB/s`, '', '']);
    rows.push(['check the draft, index built (first check)', ms(v.firstCheckMs), '', '', '']);
    rows.push(['check the draft, index built (median of 3)', ms(v.checkMs), `${ms(v.checkMs / r.draft.quotations)} per quotation`, '', '']);
    rows.push(['in-process index + check', ms(v.indexMs + v.firstLookupMs + v.firstCheckMs), `held after GC: heap ${mib(v.heldMiB.heap)}, buffers ${mib(v.heldMiB.external)}`, mib(index.peakMiB), right(v.verdicts)]);
  } else rows.push(['in-process index + check', index.error, '', '', '']);
  const cli = (label: string, run: CliRun, detail: string): void => {
    rows.push([label, run.ok ? ms(run.wallMs) : run.error ?? 'failed', detail, mib(run.peakMiB), right(run.verdicts)]);
  };
  cli(`CLI cold (empty cache), median of ${cliCold.runsMs.length}`, cliCold, `${(megabytes / (cliCold.wallMs / 1000)).toFixed(1)} MB/s end to end`);
  const { floor } = r.real;
  if (floor.ok) {
    const v = floor.value;
    rows.push([`bare index of every word, median of ${v.runsMs.words.length} [3]`, ms(v.wordsMs), `${v.words} words hashed and bucketed`, '', '']);
    rows.push(['  and of every pair of words, as Verbatim indexes them', ms(v.pairsMs), cliCold.ok ? `${(v.pairsMs / cliCold.wallMs).toFixed(2)} of CLI cold` : '', '', '']);
  } else rows.push(['bare index of every word', floor.error, '', '', '']);
  cli(`CLI warm (same cache), median of ${cliWarm.runsMs.length}`, cliWarm, cliCold.ok && cliWarm.ok ? `${(cliWarm.wallMs / cliCold.wallMs).toFixed(2)} of cold` : '');
  for (const [label, run] of [['cold', cliCold], ['warm', cliWarm]] as const) {
    if (run.runsMs.length > 1) rows.push([`  each ${label} run`, '', run.runsMs.map(ms).join(', '), '', '']);
  }
  if (lsp.ok) {
    const v = lsp.value;
    rows.push(['server: sources read (indexing progress ends)', ms(v.indexReadyMs), '', '', '']);
    rows.push(['server: first diagnostics after opening the draft', ms(v.firstDiagnosticsMs), '', mib(v.serverPeakMiB), right(v.verdicts)]);
    rows.push(['server started again: persisted index read', ms(v.restart.indexReadyMs), `${(v.restart.indexReadyMs / v.indexReadyMs).toFixed(2)} of the first start`, '', '']);
    rows.push(['server started again: first diagnostics', ms(v.restart.firstDiagnosticsMs), '', mib(v.restart.serverPeakMiB), right(v.restart.verdicts)]);
    rows.push([`server: edit to diagnostics, as typed (${v.debounced.edits} edits) [1]`, `p50 ${ms(v.debounced.p50)}`, `p95 ${ms(v.debounced.p95)}, max ${ms(v.debounced.max)}`, '', '']);
    rows.push([`server: edit to diagnostics, checked at once (${v.immediate.edits} edits) [2]`, `p50 ${ms(v.immediate.p50)}`, `p95 ${ms(v.immediate.p95)}, max ${ms(v.immediate.max)}`, '', '']);
    rows.push([`  of which edits inside a quotation (${v.immediate.quotationEdits.edits})`, `p50 ${ms(v.immediate.quotationEdits.p50)}`, `max ${ms(v.immediate.quotationEdits.max)}`, '', '']);
  } else rows.push(['language server', lsp.error, '', '', '']);
  const notes = !lsp.ok ? [] : [
    '[1] as an editor sends edits: a draft whose last check took under 30 ms is checked at once, a slower one after a 250 ms pause in typing (QUICK_CHECK_MS and EDIT_DELAY_MS in server/src/lsp/service.ts)',
    '[2] each change followed at once by a hover request, which makes the server check the new text without any pause: the server\'s own work',
  ];
  if (floor.ok) {
    notes.push('[3] the least any index of every word costs here (scripts/bench/floor.cjs): Node and a thread a core started, the files read as bytes, each word hashed, the hashes sorted into buckets and written; no dictionary, no offsets, no check');
  }
  return `Verbatim on ${r.corpus.name} (${mb(r.corpus.bytes)}, ${r.corpus.files} files)\n${table(rows)}${notes.length > 0 ? `\n${notes.join('\n')}` : ''}`;
}

function peersSection(r: BenchResults): string {
  const rows: string[][] = [['peer on the same draft', 'time', 'result', 'peak memory', 'Verbatim faster by']];
  const { index, cliCold, cliWarm } = r.real;
  const n = r.draft.quotations;
  const naive = r.peers.stringSimilarity;
  if (naive.ok) {
    const v = naive.value;
    const draftMs = naiveDraftMs(v, n);
    const perQuote = (draftMs - v.setupMs) / n;
    const rightCount = v.quotes.filter((q) => q.verdict === q.expected).length;
    const ratios = [
      cliCold.ok ? `${times(draftMs / cliCold.wallMs)} vs CLI cold` : '',
      cliWarm.ok ? `${times(draftMs / cliWarm.wallMs)} vs CLI warm` : '',
      index.ok ? `${times(perQuote / (index.value.checkMs / n))} per quotation, index built` : '',
    ].filter(Boolean);
    rows.push([
      `string-similarity findBestMatch, ${v.sentences} sentences`,
      `${ms(draftMs)} EXTRAPOLATED`,
      `from ${v.quotes.length} measured (${ms(perQuote)} each); ${rightCount}/${v.quotes.length} right`,
      mib(naive.peakMiB),
      ratios[0] ?? '',
    ]);
    for (const ratio of ratios.slice(1)) rows.push(['', '', '', '', ratio]);
  } else rows.push(['string-similarity findBestMatch', naive.error, '', '', '']);
  const rg = r.peers.ripgrep;
  if (rg.ok) {
    const v = rg.value;
    rows.push([
      `rg -F once per quotation (${v.version}), median of ${v.runsMs.length}`,
      ms(v.ms),
      `found ${v.found.verbatim} of ${v.of.verbatim} exact, ${v.found.altered} of ${v.of.altered} altered`,
      '',
      cliCold.ok ? `${times(v.ms / cliCold.wallMs)} vs CLI cold` : '',
    ]);
    if (cliWarm.ok) rows.push(['', '', '', '', `${times(v.ms / cliWarm.wallMs)} vs CLI warm`]);
  } else rows.push(['rg -F once per quotation', rg.error, '', '', '']);
  return table(rows);
}

function scalingSection(r: BenchResults): string {
  const rows: string[][] = [[
    'corpus', 'files', 'index', 'MB/s', 'peak', 'check draft', 'right', 'server ready', 'ready again', 'first diag.', 'edit p50/p95 at once', 'as typed p50/p95', 'server peak',
  ]];
  const row = (name: string, files: number, bytes: number, index: Measured<IndexResult> | undefined, lsp: Measured<LspResult> | undefined): void => {
    const cells = [name, String(files)];
    if (index?.ok) {
      const v = index.value;
      const seconds = (v.indexMs + v.firstLookupMs) / 1000;
      cells.push(ms(v.indexMs + v.firstLookupMs), (bytes / 1e6 / seconds).toFixed(1), mib(index.peakMiB), ms(v.checkMs), right(v.verdicts));
    } else cells.push(index ? `failed: ${index.error}` : '', '', '', '', '');
    if (lsp?.ok) {
      const v = lsp.value;
      cells.push(ms(v.indexReadyMs), ms(v.restart.indexReadyMs), ms(v.firstDiagnosticsMs), `${ms(v.immediate.p50)} / ${ms(v.immediate.p95)}`, `${ms(v.debounced.p50)} / ${ms(v.debounced.p95)}`, mib(v.serverPeakMiB));
    } else cells.push(lsp ? `failed: ${lsp.error}` : '', '', '', '', '', '');
    rows.push(cells);
  };
  row(`real ${mb(r.corpus.bytes)}`, r.corpus.files, r.corpus.bytes, r.real.index, r.real.lsp);
  const skipped: string[] = [];
  for (const size of r.scaling) {
    if (size.skipped) skipped.push(`  ${size.megabytes} MB: ${size.skipped}`);
    else row(`generated ${mb(size.bytes!)}`, size.files!, size.bytes!, size.index, size.lsp);
  }
  return `Scaling (generated corpora: exact excerpts around the quotations plus real paragraphs with 20% of words replaced)\n${table(rows)}${skipped.length > 0 ? `\n${skipped.join('\n')}` : ''}`;
}

/** The speed and memory targets, each with the measured figure and whether it is met. */
export function targets(r: BenchResults): Target[] {
  const list: Target[] = [];
  const { index, cliCold, cliWarm, lsp } = r.real;
  const add = (target: string, measured: string | null, met: boolean | null): void => void list.push({ target, measured: measured ?? 'not measured', met: measured === null ? null : met });
  const allRight = [index.ok ? index.value.verdicts : null, cliCold.verdicts, cliWarm.verdicts, lsp.ok ? lsp.value.verdicts : null, lsp.ok ? lsp.value.restart.verdicts : null];
  add('all 50 verdicts right (in-process, CLI cold and warm, server, server again)', allRight.map(right).join(', '), allRight.every((s) => s !== null && s.right === s.total));
  const rg = r.peers.ripgrep;
  add('CLI cold faster than the rg -F loop', rg.ok && cliCold.ok ? `${ms(cliCold.wallMs)} vs ${ms(rg.value.ms)}` : null, rg.ok && cliCold.ok ? cliCold.wallMs < rg.value.ms : null);
  add('CLI warm under half of cold', cliCold.ok && cliWarm.ok ? `${ms(cliWarm.wallMs)} vs ${ms(cliCold.wallMs)}` : null, cliCold.ok && cliWarm.ok ? cliWarm.wallMs < cliCold.wallMs / 2 : null);
  const peak = Math.max(cliCold.peakMiB ?? 0, cliWarm.peakMiB ?? 0);
  add('CLI peak memory under 600 MB', cliCold.peakMiB !== null ? `${(peak * 1.048576).toFixed(0)} MB` : null, peak * 1.048576 < 600);
  add('edit to diagnostics p95 within 20 ms (checked at once)', lsp.ok ? ms(lsp.value.immediate.p95) : null, lsp.ok ? lsp.value.immediate.p95 <= 20 : null);
  const gb = r.scaling.find((s) => s.megabytes === 1000 && !s.skipped);
  const gbIndex = gb?.index?.ok ? gb.index.value : null;
  add('1 GB indexes in under 60 s', gbIndex ? ms(gbIndex.indexMs + gbIndex.firstLookupMs) : null, gbIndex ? gbIndex.indexMs + gbIndex.firstLookupMs < 60_000 : null);
  const gbPeak = gb?.index?.peakMiB ?? null;
  add('1 GB memory under 3 GB', gbPeak !== null ? `${((gbPeak * 1.048576) / 1000).toFixed(2)} GB` : null, gbPeak !== null ? gbPeak * 1.048576 < 3000 : null);
  const gbLsp = gb?.lsp?.ok ? gb.lsp.value : null;
  add('1 GB edit latency under 50 ms (p95, checked at once)', gbLsp ? ms(gbLsp.immediate.p95) : null, gbLsp ? gbLsp.immediate.p95 < 50 : null);
  const naive = r.peers.stringSimilarity;
  const draftMs = naive.ok ? naiveDraftMs(naive.value, r.draft.quotations) : null;
  add('string-similarity at least 1,000x slower (extrapolated draft vs CLI warm)', draftMs !== null && cliWarm.ok ? times(draftMs / cliWarm.wallMs) : null, draftMs !== null && cliWarm.ok ? draftMs / cliWarm.wallMs >= 1000 : null);
  return list;
}

/** Prints the whole report to stdout. */
export function printReport(r: BenchResults): void {
  const m = r.machine;
  const out: string[] = [];
  out.push('');
  out.push(`Verbatim benchmark, ${r.date}: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB.toFixed(1)} GiB, Node ${m.node}, load average ${m.loadAverage.toFixed(2)} at start`);
  out.push(`Build: commit ${r.build.commit}${r.build.modifiedServerFiles > 0 ? ` with ${r.build.modifiedServerFiles} modified server files` : ''}, bundles built ${r.build.builtAt}`);
  if (r.corpus.note) out.push(`NOTE: ${r.corpus.note}`);
  out.push(`Draft: ${r.draft.words} words, ${r.draft.quotations} quotations (${r.draft.exact} exact, ${r.draft.altered} with words changed), ${r.draft.file}`);
  out.push('');
  out.push(realSection(r));
  out.push('');
  out.push(peersSection(r));
  out.push('');
  out.push(scalingSection(r));
  out.push('');
  const rows = [['target', 'measured', '']];
  for (const t of r.targets) rows.push([t.target, t.measured, t.met === null ? 'not measured' : t.met ? 'met' : 'NOT MET']);
  out.push(table(rows));
  out.push('');
  out.push(`Total ${ms(r.totalSeconds * 1000)}.`);
  process.stdout.write(`${out.join('\n')}\n`);
}
