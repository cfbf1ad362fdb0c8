// Measures how often the checker's verdicts are right on news copy: invented wire stories, press releases and
// transcripts as sources, and newspaper rewrites of them as drafts, each quotation labelled by hand with the verdict
// the rules give it. Prints a confusion table, precision and recall per verdict, accuracy by kind of case, and every
// case it got wrong with the source wording, similarity and changes. Always exits 0: it measures, it does not test.
//
// Data: test/eval/news/<story>/sources/ (any source format, read with the real loaders), <story>/drafts/ and
// <story>/labels.txt, which has a `[draft file]` line before the labels of each draft and then one label a line:
//   expected | category | quotation as written in the draft | note
// `#` starts a comment line. A note that says "ambiguous" marks a case where the rules leave room for doubt; such
// cases are counted, and accuracy is also given without them.
//
// Matching a label to a finding: the label's text is searched in the draft with any run of white space standing
// for any other (so a line wrap inside a quotation does not matter). Of its occurrences not yet taken by an earlier
// label, the first one that is exactly the text of a quotation the checker found wins; else the first one that
// overlaps a found quotation (the extent is then reported as differing); else the label counts as "not found".
// "Exactly" ignores white space and punctuation at either end, so a label may leave out a comma before the mark.
//
// Each labelled quotation is also checked on its own (alone in a one-line draft, in the marks the draft gives it),
// so that errors caused by how quotations were found and grouped can be told from errors of the matching itself.
//
// A story's speakers.txt, where there is one, labels who the sources say spoke each quotation labelled verbatim or
// altered (newsSpeakers.ts); the speakers the checker gives are scored against it after the verdicts.
//
// Usage: npm run eval:news [-- --story <part of a story's folder name>] [--all]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { findSpeaker } from '../../server/src/core/attribution.js';
import { checkDraft } from '../../server/src/core/check.js';
import { draftFormatOf } from '../../server/src/core/extract/index.js';
import { SourceIndex } from '../../server/src/core/sourceIndex.js';
import { parseSource } from '../../server/src/core/sources/index.js';
import type { Finding, Verdict } from '../../server/src/core/types.js';
import { decodeSource } from '../../server/src/io/decode.js';
import { labelRows } from './labelRows.js';
import { attributionReport, readAttributionLabels, type AttributionOutcome } from './newsAttributions.js';
import { readSpeakerLabels, speakerReport, type SpeakerOutcome } from './newsSpeakers.js';

/** One hand-labelled quotation of a draft. */
interface Label {
  story: string;
  draft: string;
  expected: Verdict;
  category: string;
  quote: string;
  note: string;
  ambiguous: boolean;
}

/** A label with what the checker said about it. */
interface Outcome {
  label: Label;
  got: Verdict | 'not found';
  finding: Finding | null;
  /** The quotation's text as the checker extracted it, when it is not the label's text. */
  extent: string | null;
  /** The verdict when the quotation is checked alone, outside its draft. */
  alone: Verdict | 'not found';
  /** Who the draft is read to say spoke the quotation; null when it is read to say no one or was not found. */
  drafted: string | null;
}

const root = resolve(__dirname, 'news');
const verdicts: Verdict[] = ['verbatim', 'altered', 'unsourced'];
const columns: Array<Verdict | 'not found'> = [...verdicts, 'not found'];
const argument = (name: string): string | null =>
  process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] ?? null) : null;
const onlyStory = argument('--story');
const showAll = process.argv.includes('--all');

const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim();
const core = (text: string): string => squeeze(text).replace(/^[\s.,;:!?]+|[\s.,;:!?]+$/g, '');

/** Every file under `dir`, recursively, skipping names that start with a dot. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

function readText(path: string): string | null {
  const decoded = decodeSource(readFileSync(path));
  return 'text' in decoded ? decoded.text : null;
}

/** Reads a story's labels.txt; a malformed line is reported and skipped. */
function readLabels(story: string, problems: string[]): Label[] {
  const labels: Label[] = [];
  for (const { draft, fields, text, line } of labelRows(readFileSync(join(root, story, 'labels.txt'), 'utf8'))) {
    const expected = fields[0] as Verdict;
    if (!draft || fields.length < 3 || !verdicts.includes(expected) || fields[2] === '') {
      problems.push(`${story}/labels.txt:${line}: not a label line: ${text.slice(0, 80)}`);
      continue;
    }
    const note = fields.slice(3).join(' | ');
    labels.push({ story, draft, expected, category: fields[1]!, quote: fields[2]!, note, ambiguous: /ambiguous/i.test(note) });
  }
  return labels;
}

/** Offsets where `quote` occurs in `text`, any white space matching any other. */
function occurrences(text: string, quote: string): Array<{ start: number; end: number }> {
  const pattern = squeeze(quote)
    .split(' ')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  return [...text.matchAll(new RegExp(pattern, 'g'))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Pairs each label of one draft with the checker's finding on it, as the header comment describes. */
function matchLabels(
  index: SourceIndex,
  labels: Label[],
  text: string,
  findings: Finding[],
  problems: string[],
): { outcomes: Outcome[]; used: Set<Finding> } {
  const taken = new Set<number>();
  const used = new Set<Finding>();
  const outcomes: Outcome[] = [];
  for (const label of labels) {
    const places = occurrences(text, label.quote).filter((place) => !taken.has(place.start));
    if (places.length === 0) {
      problems.push(`${label.story}/${label.draft}: label not found in the draft: “${label.quote}”`);
      continue;
    }
    const overlapping = (place: { start: number; end: number }) =>
      findings.filter((f) => f.quotation.start < place.end && place.start < f.quotation.end);
    let chosen: { place: { start: number; end: number }; finding: Finding | null } | null = null;
    for (const place of places) {
      const exact = overlapping(place).find((f) => core(f.quotation.text) === core(label.quote));
      if (exact) {
        chosen = { place, finding: exact };
        break;
      }
    }
    if (!chosen) {
      const place = places.find((p) => overlapping(p).length > 0) ?? places[0]!;
      chosen = { place, finding: overlapping(place)[0] ?? null };
    }
    taken.add(chosen.place.start);
    const finding = chosen.finding;
    if (finding) used.add(finding);
    const extent = finding && core(finding.quotation.text) !== core(label.quote) ? finding.quotation.text : null;
    const got = finding ? finding.verdict : 'not found';
    const drafted = finding ? findSpeaker(text, { start: finding.quotation.start, end: finding.quotation.end }) : null;
    outcomes.push({ label, got, finding, extent, alone: checkAlone(index, label.quote, text, finding), drafted });
  }
  return { outcomes, used };
}

/** The verdict on `quote` checked alone, in the marks its finding has in the draft (else curly double marks). */
function checkAlone(index: SourceIndex, quote: string, draft: string, finding: Finding | null): Verdict | 'not found' {
  const open = finding ? draft.slice(finding.quotation.open.start, finding.quotation.open.end) : '“';
  const close = finding?.quotation.close ? draft.slice(finding.quotation.close.start, finding.quotation.close.end) : '”';
  const alone = checkDraft(index, `She said: ${open}${quote}${close}\n`, 'plaintext');
  return alone.length === 0 ? 'not found' : alone[0]!.verdict;
}

/** Checks every draft of one story against an index of its sources. */
function runStory(story: string, problems: string[], unlabelled: string[]): Outcome[] {
  const index = new SourceIndex();
  const storyDir = join(root, story);
  for (const path of filesUnder(join(storyDir, 'sources'))) {
    const text = readText(path);
    if (text === null) {
      problems.push(`${story}: source could not be decoded: ${relative(storyDir, path)}`);
      continue;
    }
    index.set(parseSource(relative(storyDir, path), path, text));
  }
  const labels = readLabels(story, problems);
  const outcomes: Outcome[] = [];
  for (const draft of [...new Set(labels.map((label) => label.draft))]) {
    const path = join(storyDir, 'drafts', draft);
    const text = readText(path);
    if (text === null) {
      problems.push(`${story}: draft could not be read: ${draft}`);
      continue;
    }
    const findings = checkDraft(index, text, draftFormatOf(path) ?? 'plaintext');
    const matched = matchLabels(
      index,
      labels.filter((label) => label.draft === draft),
      text,
      findings,
      problems,
    );
    outcomes.push(...matched.outcomes);
    for (const finding of findings) {
      if (!matched.used.has(finding)) unlabelled.push(`${story}/${draft}: ${finding.verdict}: “${squeeze(finding.quotation.text)}”`);
    }
  }
  return outcomes;
}

function describe(outcome: Outcome): string {
  const { label, got, finding, extent } = outcome;
  const alone = outcome.alone === got ? '' : `; checked alone: ${outcome.alone}`;
  const lines = [`- [${label.category}] ${label.story}/${label.draft}: expected ${label.expected}, got ${got}${alone}${label.ambiguous ? ' (ambiguous)' : ''}`];
  lines.push(`    draft:  “${squeeze(label.quote)}”`);
  if (extent !== null) lines.push(`    extracted as: “${squeeze(extent)}”`);
  if (finding) {
    const where = finding.source ? `${finding.source.id}` : 'no source';
    lines.push(`    source: ${finding.source ? `“${squeeze(finding.source.text)}”` : '(none)'} [${where}]`);
    const changes = finding.changes.map((c) => `${c.draft || '∅'}→${c.source || '∅'}`).join(', ');
    lines.push(`    similarity ${finding.similarity.toFixed(3)}${finding.short ? ', short' : ''}${changes ? `; changes: ${changes}` : ''}`);
  }
  if (label.note) lines.push(`    note:   ${label.note}`);
  return lines.join('\n');
}

function ratio(part: number, whole: number): string {
  return whole === 0 ? '  -  ' : (part / whole).toFixed(3);
}

function report(outcomes: Outcome[], problems: string[], unlabelled: string[], stories: string[]): void {
  const count = (expected: Verdict, got: Verdict | 'not found') =>
    outcomes.filter((o) => o.label.expected === expected && o.got === got).length;
  const wrong = outcomes.filter((o) => o.got !== o.label.expected);
  const clear = outcomes.filter((o) => !o.label.ambiguous);
  console.log(`News verdict evaluation: ${outcomes.length} labelled quotations in ${stories.length} stories`);
  console.log('');
  console.log(`expected \\ got   ${columns.map((c) => c.padStart(11)).join('')}`);
  for (const expected of verdicts) {
    console.log(`${expected.padEnd(16)} ${columns.map((got) => String(count(expected, got)).padStart(11)).join('')}`);
  }
  console.log('');
  for (const verdict of verdicts) {
    const tp = count(verdict, verdict);
    const predicted = outcomes.filter((o) => o.got === verdict).length;
    const actual = outcomes.filter((o) => o.label.expected === verdict).length;
    console.log(`${verdict.padEnd(10)} precision ${ratio(tp, predicted)}  recall ${ratio(tp, actual)}  (${tp} right of ${actual} labelled, ${predicted} given)`);
  }
  console.log('');
  const right = outcomes.length - wrong.length;
  const clearRight = clear.filter((o) => o.got === o.label.expected).length;
  console.log(`accuracy ${ratio(right, outcomes.length)} (${right} of ${outcomes.length})`);
  console.log(`accuracy without the ${outcomes.length - clear.length} cases marked ambiguous ${ratio(clearRight, clear.length)} (${clearRight} of ${clear.length})`);
  const aloneRight = outcomes.filter((o) => o.alone === o.label.expected).length;
  console.log(`accuracy with every quotation checked alone, outside its draft ${ratio(aloneRight, outcomes.length)} (${aloneRight} of ${outcomes.length})`);
  console.log('');
  console.log('errors by category:');
  const categories = [...new Set(outcomes.map((o) => o.label.category))].sort();
  for (const category of categories) {
    const all = outcomes.filter((o) => o.label.category === category);
    const errors = all.filter((o) => o.got !== o.label.expected).length;
    console.log(`  ${category.padEnd(26)} ${String(errors).padStart(3)} of ${String(all.length).padStart(3)}${errors > 0 ? '   <-' : ''}`);
  }
  console.log('');
  console.log('errors by story:');
  for (const story of stories) {
    const all = outcomes.filter((o) => o.label.story === story);
    console.log(`  ${story.padEnd(26)} ${String(all.filter((o) => o.got !== o.label.expected).length).padStart(3)} of ${String(all.length).padStart(3)}`);
  }
  console.log('');
  console.log(wrong.length === 0 ? 'No errors.' : `Errors (${wrong.length}):`);
  for (const outcome of wrong) console.log(describe(outcome));
  const differing = outcomes.filter((o) => o.got === o.label.expected && o.extent !== null);
  if (differing.length > 0) {
    console.log('');
    console.log(`Right verdict, but the quotation was extracted with another extent (${differing.length}):`);
    for (const outcome of differing) console.log(describe(outcome));
  }
  if (showAll) {
    console.log('');
    console.log('All cases:');
    for (const outcome of outcomes) console.log(describe(outcome));
  }
  if (unlabelled.length > 0) {
    console.log('');
    console.log(`Quotations found by the checker that no label names (${unlabelled.length}):`);
    for (const line of unlabelled) console.log(`  ${line}`);
  }
  if (problems.length > 0) {
    console.log('');
    console.log(`PROBLEMS WITH THE EVALUATION DATA (${problems.length}); these labels were not counted:`);
    for (const line of problems) console.log(`  ${line}`);
  }
}

/**
 * Pairs the labels of one of a story's label files (speakers.txt, attributions.txt), in order, with the outcomes of
 * its labels.txt labels that expect a source passage; a label out of place is reported and left out.
 */
function pairWithOutcomes<L extends { draft: string; quote: string }>(
  story: string,
  file: string,
  labels: L[] | null,
  outcomes: Outcome[],
  problems: string[],
): { label: L; outcome: Outcome }[] {
  if (labels === null) return [];
  const sourced = outcomes.filter((o) => o.label.story === story && o.label.expected !== 'unsourced');
  if (labels.length !== sourced.length) problems.push(`${story}/${file}: ${labels.length} labels for ${sourced.length} quotations`);
  const paired: { label: L; outcome: Outcome }[] = [];
  labels.forEach((label, n) => {
    const outcome = sourced[n];
    if (!outcome || outcome.label.draft !== label.draft || squeeze(outcome.label.quote) !== squeeze(label.quote)) {
      problems.push(`${story}/${file}: “${label.quote}” is not the quotation of labels.txt in its place`);
      return;
    }
    paired.push({ label, outcome });
  });
  return paired;
}

/** The speaker labels of a story with the speakers the checker read from the sources. */
function speakerOutcomes(story: string, outcomes: Outcome[], problems: string[]): SpeakerOutcome[] {
  const labels = readSpeakerLabels(join(root, story), story, problems);
  return pairWithOutcomes(story, 'speakers.txt', labels, outcomes, problems).map(({ label, outcome }) => ({
    story,
    label,
    got: outcome.finding?.source ? outcome.finding.source.speaker : undefined,
  }));
}

/** The attribution labels of a story with the speakers the checker read from the draft and from the sources. */
function attributionOutcomes(story: string, outcomes: Outcome[], problems: string[]): AttributionOutcome[] {
  const labels = readAttributionLabels(join(root, story), story, problems);
  return pairWithOutcomes(story, 'attributions.txt', labels, outcomes, problems).map(({ label, outcome }) => ({
    story,
    label,
    drafted: outcome.finding !== null ? outcome.drafted : undefined,
    sourced: outcome.finding?.source ? outcome.finding.source.speaker : undefined,
  }));
}

function main(): void {
  const stories = readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory() && !name.startsWith('.'))
    .filter((name) => onlyStory === null || name.includes(onlyStory))
    .sort();
  const problems: string[] = [];
  const unlabelled: string[] = [];
  const outcomes: Outcome[] = [];
  for (const story of stories) {
    try {
      outcomes.push(...runStory(story, problems, unlabelled));
    } catch (error) {
      problems.push(`${story}: the evaluation failed (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const speakers = stories.flatMap((story) => speakerOutcomes(story, outcomes, problems));
  const attributions = stories.flatMap((story) => attributionOutcomes(story, outcomes, problems));
  report(outcomes, problems, unlabelled, stories);
  console.log('');
  if (speakers.length === 0) console.log('Speakers: NOT MEASURED, no story has a speakers.txt.');
  else for (const line of speakerReport(speakers)) console.log(line);
  console.log('');
  if (attributions.length === 0) console.log('Draft attributions: NOT MEASURED, no story has an attributions.txt.');
  else for (const line of attributionReport(attributions)) console.log(line);
}

main();
