// Scores who the drafts of the news evaluation are read to say spoke their quotations, against hand labels:
// <story>/attributions.txt has, for every label of labels.txt that expects verbatim or altered and in the same order,
// a `[draft file]` line before each draft's, then `quotation as in labels.txt | speaker | misattributed | note`, the
// speaker being who the draft says spoke the words (`-` when it does not say), and misattributed `yes` when the draft
// gives them to another person or body than the sources do, `no`, or `unclear`. The same reader of attributions reads
// sources and drafts; this scores it on the drafts' prose. It then counts what a comparison of the draft's speaker with
// the source's would report as misattributed, against the labels.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { otherPerson } from '../../server/src/core/misattribution.js';
import { labelRows } from './labelRows.js';
import { sameSpeaker } from './newsSpeakers.js';

/** Who one draft says spoke one labelled quotation, and whether that is a misattribution. */
export interface AttributionLabel {
  draft: string;
  quote: string;
  /** Null when the draft does not say. */
  speaker: string | null;
  misattributed: 'yes' | 'no' | 'unclear';
  note: string;
}

/** One labelled quotation with the speaker read from the draft and the one read from the source (undefined: none found). */
export interface AttributionOutcome {
  story: string;
  label: AttributionLabel;
  drafted: string | null | undefined;
  sourced: string | null | undefined;
}

/** A story's attribution labels, or null when it has none; malformed lines are reported and skipped. */
export function readAttributionLabels(dir: string, story: string, problems: string[]): AttributionLabel[] | null {
  const file = join(dir, 'attributions.txt');
  if (!existsSync(file)) return null;
  const labels: AttributionLabel[] = [];
  for (const { draft, fields, text, line } of labelRows(readFileSync(file, 'utf8'))) {
    const flag = fields[2];
    if (!draft || fields.length < 3 || fields[0] === '' || fields[1] === '' || (flag !== 'yes' && flag !== 'no' && flag !== 'unclear')) {
      problems.push(`${story}/attributions.txt:${line}: not an attribution line: ${text.slice(0, 80)}`);
      continue;
    }
    labels.push({ draft, quote: fields[0]!, speaker: fields[1] === '-' ? null : fields[1]!, misattributed: flag, note: fields.slice(3).join(' | ') });
  }
  return labels;
}

/** Lines of the report: the drafts' speakers read, then what comparing them with the sources' would flag. */
export function attributionReport(outcomes: AttributionOutcome[]): string[] {
  const read = outcomes.filter((o) => o.drafted !== undefined);
  const labelled = read.filter((o) => o.label.speaker !== null);
  const given = read.filter((o) => o.drafted !== null);
  const right = given.filter((o) => o.label.speaker !== null && sameSpeaker(o.label.speaker, o.drafted!));
  const wrong = given.filter((o) => !right.includes(o));
  const missed = labelled.filter((o) => o.drafted === null);
  const ratio = (part: number, whole: number) => (whole === 0 ? '  -  ' : (part / whole).toFixed(3));
  // A comparison flags a quotation when both sides name someone and neither name is the other.
  const differ = (o: AttributionOutcome) =>
    typeof o.drafted === 'string' && typeof o.sourced === 'string' && !sameSpeaker(o.drafted, o.sourced) && !sameSpeaker(o.sourced, o.drafted);
  const flagged = read.filter(differ);
  const misattributed = read.filter((o) => o.label.misattributed === 'yes');
  const found = flagged.filter((o) => o.label.misattributed === 'yes');
  // What Verbatim reports: the same comparison, made only between people named by name.
  const reported = read.filter((o) => otherPerson(o.drafted ?? null, o.sourced ?? null));
  const reportedRight = reported.filter((o) => o.label.misattributed === 'yes');
  const lines = [
    `Draft attributions: ${outcomes.length} labelled quotations (${outcomes.length - read.length} not found in their draft, not counted); ` +
      `${labelled.length} of the rest are given a speaker by their draft`,
    `draft speaker   precision ${ratio(right.length, given.length)}  recall ${ratio(right.length, labelled.length)}  ` +
      `(${right.length} right, ${wrong.length} wrong, ${missed.length} missed)`,
    `misattribution, were the draft's speaker compared with the source's: ${found.length} of ${misattributed.length} labelled found, ` +
      `${flagged.length - found.length} flagged that are not`,
    `misattribution as Verbatim reports it (people named by name only): precision ${ratio(reportedRight.length, reported.length)}  ` +
      `recall ${ratio(reportedRight.length, misattributed.length)}  (${reportedRight.length} of ${misattributed.length} found, ` +
      `${reported.length - reportedRight.length} reported that are not)`,
  ];
  for (const o of wrong) lines.push(`- wrong: ${o.story}/${o.label.draft}: “${o.label.quote}”: read ${o.drafted}, the draft says ${o.label.speaker ?? 'nobody'} (${o.label.note})`);
  for (const o of missed) lines.push(`- missed: ${o.story}/${o.label.draft}: “${o.label.quote}”: the draft says ${o.label.speaker} (${o.label.note})`);
  for (const o of flagged) {
    const shown = reported.includes(o) ? 'reported' : 'flagged';
    lines.push(`- ${shown}: ${o.story}/${o.label.draft}: “${o.label.quote}”: draft ${o.drafted}, source ${o.sourced} (labelled ${o.label.misattributed})`);
  }
  for (const o of misattributed.filter((m) => !found.includes(m))) {
    lines.push(`- not flagged: ${o.story}/${o.label.draft}: “${o.label.quote}”: draft ${o.drafted ?? 'nobody'}, source ${o.sourced ?? 'nobody'} (${o.label.note})`);
  }
  return lines;
}
