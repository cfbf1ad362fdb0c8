// Scores the speakers the checker reads from the sources for the quotations of the news evaluation, against hand
// labels: <story>/speakers.txt has, for every label of labels.txt that expects verbatim or altered and in the same
// order, a `[draft file]` line before each draft's, then `quotation as in labels.txt | speaker | reason`, the speaker
// being who the sources say spoke the words, `-` when they do not say. A speaker given is right when it names the
// same person or body as the label (see `sameSpeaker`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { labelRows } from './labelRows.js';

/** Who the sources say spoke one labelled quotation. */
export interface SpeakerLabel {
  draft: string;
  quote: string;
  /** Null when the sources do not say. */
  speaker: string | null;
  reason: string;
}

/** One labelled quotation with the speaker the checker gave (null: none; undefined: it found no source passage). */
export interface SpeakerOutcome {
  story: string;
  label: SpeakerLabel;
  got: string | null | undefined;
}

/** A story's speaker labels, or null when it has none; malformed lines are reported and skipped. */
export function readSpeakerLabels(dir: string, story: string, problems: string[]): SpeakerLabel[] | null {
  const file = join(dir, 'speakers.txt');
  if (!existsSync(file)) return null;
  const labels: SpeakerLabel[] = [];
  for (const { draft, fields, text, line } of labelRows(readFileSync(file, 'utf8'))) {
    if (!draft || fields.length < 2 || fields[0] === '' || fields[1] === '') {
      problems.push(`${story}/speakers.txt:${line}: not a speaker line: ${text.slice(0, 80)}`);
      continue;
    }
    const speaker = fields[1] === '-' ? null : fields[1]!;
    labels.push({ draft, quote: fields[0]!, speaker, reason: fields.slice(2).join(' | ') });
  }
  return labels;
}

/** The words of a name, folded: lower case, one kind of hyphen, without possessives, punctuation and articles. */
function nameWords(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/[‐‑]/g, '-')
    .split(/\s+/)
    .map((word) => word.replace(/[’']s$/, '').replace(/[^\p{L}\p{N}-]/gu, ''))
    .filter((word) => word !== '' && word !== 'the' && word !== 'a' && word !== 'an');
}

/**
 * Whether the speaker given names the labelled one: the same last word ("Wilbur Ross" and "Ross"), or every word of
 * the label among its words ("a Nimbus spokesperson" for Nimbus, "Ingrid Solberg of the Norwegian Refugee Council"
 * for Ingrid Solberg).
 */
export function sameSpeaker(label: string, got: string): boolean {
  const want = nameWords(label);
  const given = nameWords(got);
  if (want.length === 0 || given.length === 0) return false;
  return want[want.length - 1] === given[given.length - 1] || want.every((word) => given.includes(word));
}

/** Lines of the speaker report: counts, precision and recall, then every speaker given wrongly or missed. */
export function speakerReport(outcomes: SpeakerOutcome[]): string[] {
  const matched = outcomes.filter((o) => o.got !== undefined);
  const labelled = matched.filter((o) => o.label.speaker !== null);
  const given = matched.filter((o) => o.got !== null);
  const right = given.filter((o) => o.label.speaker !== null && sameSpeaker(o.label.speaker, o.got!));
  const wrong = given.filter((o) => !right.includes(o));
  const missed = labelled.filter((o) => o.got === null);
  const rightlyNone = matched.filter((o) => o.label.speaker === null && o.got === null);
  const ratio = (part: number, whole: number) => (whole === 0 ? '  -  ' : (part / whole).toFixed(3));
  const lines = [
    `Speakers: ${outcomes.length} labelled quotations (${outcomes.length - matched.length} with no source passage found, not counted); ` +
      `${labelled.length} of the rest have a speaker in the sources`,
    `speaker   precision ${ratio(right.length, given.length)}  recall ${ratio(right.length, labelled.length)}  ` +
      `(${right.length} right, ${wrong.length} wrong, ${missed.length} missed; ${rightlyNone.length} rightly given none)`,
  ];
  for (const o of wrong) lines.push(`- wrong: ${o.story}/${o.label.draft}: “${o.label.quote}”: got ${o.got}, the sources say ${o.label.speaker ?? 'nobody'} (${o.label.reason})`);
  for (const o of missed) lines.push(`- missed: ${o.story}/${o.label.draft}: “${o.label.quote}”: the sources say ${o.label.speaker} (${o.label.reason})`);
  return lines;
}
