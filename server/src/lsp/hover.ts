// Writes the hover shown over a checked quotation, as a pure function of its diagnostic data.
import { turnsNote } from '../core/sourceMatch.js';
import { oneLine } from '../core/words.js';
import { Commands, type QuoteDiagnosticData } from '../protocol.js';
import { proseDate } from './attribution.js';
import { describeChange, sourceName } from './findings.js';

/** Escapes text so that Markdown shows it literally inside a paragraph. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/** A Markdown link that runs the open-source command on the passage. */
export function openSourceLink(data: QuoteDiagnosticData, label = 'Open source passage'): string {
  if (!data.source) return '';
  const args = encodeURIComponent(JSON.stringify([data.source.uri, data.source.range]));
  return `[${label}](command:${Commands.openSource}?${args} "Open the source at this passage")`;
}

/**
 * The source wording with the words that differ from the quotation in bold. The changes come in text order, so
 * each changed source word is looked for after the previous one.
 */
export function markedSourceWording(data: QuoteDiagnosticData): string {
  const text = oneLine(data.source?.text ?? '');
  let out = '';
  let at = 0;
  for (const change of data.changes) {
    const word = oneLine(change.source);
    if (word === '') continue;
    const found = text.indexOf(word, at);
    if (found < 0) continue;
    out += escapeMarkdown(text.slice(at, found)) + `**${escapeMarkdown(word)}**`;
    at = found + word.length;
  }
  return out + escapeMarkdown(text.slice(at));
}

function sourceLine(data: QuoteDiagnosticData): string {
  const s = data.source;
  if (!s) return '';
  const parts: string[] = [];
  if (s.speaker) parts.push(`Speaker: ${escapeMarkdown(s.speaker)}`);
  if (s.title) parts.push(`*${escapeMarkdown(s.title)}*`);
  if (s.outlet) parts.push(escapeMarkdown(s.outlet));
  if (s.date) parts.push(escapeMarkdown(proseDate(s.date)));
  const file = decodeURIComponent(s.uri.slice(s.uri.lastIndexOf('/') + 1));
  // A page is where a reader of a PDF looks; its text's lines are not.
  parts.push(`\`${file.replace(/`/g, '')}\` ${typeof s.page === 'number' ? `page ${s.page}` : `line ${s.range.start.line + 1}`}`);
  return parts.join(' · ');
}

const percent = (value: number): string => `${Math.round(value * 100)}%`;

/** The hover of one checked quotation, in Markdown. */
export function hoverMarkdown(data: QuoteDiagnosticData): string {
  const speakers = data.misattributed
    ? `**Another speaker:** the draft gives these words to ${escapeMarkdown(data.misattributed.draft)}; the source, to ${escapeMarkdown(data.misattributed.source)}.`
    : '';
  const markdown = hoverBody(data);
  return speakers === '' ? markdown : `${speakers}\n\n${markdown}`;
}

/** The hover of a quotation but for its speaker. */
function hoverBody(data: QuoteDiagnosticData): string {
  const lines: string[] = [];
  if (data.limit !== undefined) {
    lines.push(`**Verbatim: not checked.** ${escapeMarkdown(data.limit)}`);
    return lines.join('\n\n');
  }
  if (data.verdict === 'verbatim') {
    lines.push(data.source ? `**Verbatim: found in ${escapeMarkdown(sourceName(data.source))}**` : '**Verbatim: verified**');
    if (data.source) lines.push(sourceLine(data), openSourceLink(data));
    return lines.filter((line) => line !== '').join('\n\n');
  }
  if (data.verdict === 'unsourced' || !data.source) {
    lines.push('**Verbatim: unsourced.** No source holds this quotation.');
    if (data.source) lines.push(`Closest passage (${percent(data.similarity)} similar): “${markedSourceWording(data)}”`, sourceLine(data), openSourceLink(data));
    return lines.filter((line) => line !== '').join('\n\n');
  }
  lines.push(`**Verbatim: altered quotation** · ${percent(data.similarity)} similar to the source`);
  lines.push(`Source wording: “${markedSourceWording(data)}”`);
  if (data.changes.length > 0) lines.push(`Changes: ${data.changes.map((c) => escapeMarkdown(describeChange(c))).join('; ')}`);
  if (data.source.turns) lines.push(`**Beware:** ${escapeMarkdown(turnsNote(data.source.turns))}.`);
  lines.push(sourceLine(data));
  lines.push(openSourceLink(data));
  return lines.filter((line) => line !== '').join('\n\n');
}
