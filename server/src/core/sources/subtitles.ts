// Reads a subtitle or caption file (SubRip .srt, WebVTT .vtt): the words of its cues as running prose, in paragraphs
// by speaker, with a map from every stretch of it back to the file.
import { decodeHTML } from 'entities';
import type { SourceDocument, SourceMeta } from '../types.js';
import { metaFromFileName } from './meta.js';
import { TextBuilder } from './textBuilder.js';

/** A subtitle file as a parser reads it: its header's text and its cues in order, times in milliseconds. */
export type SubtitleNode = { type: 'header'; data: string } | { type: 'cue'; data: { start: number; end: number; text: string } };

/** A pause between two cues at least this long (in milliseconds) starts a new paragraph. */
const PAUSE_MS = 3000;

/** A WebVTT voice span (`<v Roger Bingham>`, `<v.loud Neil>`): its name. */
const VOICE = /^<v(?:\.[^\s>]*)?[ \t]+([^>]+)>/;
/**
 * What a cue holds that is not speech: tags (`<i>`, `</v>`, `<00:00:05.000>`), SubRip's styling overrides
 * (`{\an8}`), and sounds described for the deaf and hard of hearing (`[laughs]`, `(applause)`, `♪`).
 */
const MARKUP = /<[^>]*>|\{\\[^}]*\}|\[[^\]\n]{1,40}\]|\((?:\p{Ll}[\p{Ll} ]{0,30})\)|♪/gu;
/** Broadcast captions mark a change of speaker with `>>` (and a change of subject with `>>>`). */
const SPEAKER_CHANGE = /^(?:>>>?[ \t]*)+/;
/** A cue that opens with a speaker's label (`JOHN:`, `Dr. Amina Yusuf:`, `- MARIA:`, `[Narrator]`). */
const LABEL_OPENING = /^(?:[-–][ \t]*)?(?:\[[^\]\n]{1,60}\]|\p{Lu}[\p{L}.'’ -]{0,60}:)/u;

/** Appends the words of raw[from, to) of a cue, between its markup, each run from where it stands in the file. */
function appendWords(builder: TextBuilder, raw: string, from: number, to: number, base: number | null): void {
  let at = from;
  for (const markup of raw.slice(0, to).matchAll(MARKUP)) {
    if (markup.index! < from) continue;
    appendRun(builder, raw, at, markup.index!, base);
    at = markup.index! + markup[0].length;
  }
  appendRun(builder, raw, at, to, base);
}

/** Appends raw[from, to) of a cue, with its entities decoded, from `base + from` in the file (when known). */
function appendRun(builder: TextBuilder, raw: string, from: number, to: number, base: number | null): void {
  if (to > from) builder.append(decodeHTML(raw.slice(from, to)), base === null ? null : base + from, false);
}

/**
 * Where the text of a cue, as the parser gives it (its lines joined by line feeds), stands in the file from `cursor`
 * on: from its first line to the end of its last, whatever the line ends between.
 */
function locate(content: string, cue: string, cursor: number): { start: number; end: number } | null {
  // A line of white space alone (as YouTube's captions open cues with) is found anywhere, and is no text.
  const lines = cue.split('\n').filter((line) => line.trim() !== '');
  if (lines.length === 0) return null;
  const start = content.indexOf(lines[0]!, cursor);
  if (start < 0) return null;
  let end = start + lines[0]!.length;
  for (const line of lines.slice(1)) {
    const at = content.indexOf(line, end);
    if (at < 0) return null;
    end = at + line.length;
  }
  return { start, end };
}

/** A line of a cue as it reads, without its markup (YouTube times each word of a line it shows first). */
function spokenLine(line: string): string {
  return decodeHTML(line.replace(MARKUP, '')).replace(/\s+/g, ' ').trim();
}

/** A WebVTT block that holds no cue (a style sheet, a region's settings, a note), with the blank lines after it. */
const VTT_BLOCK = /(?<=\n)(?:STYLE|REGION|NOTE)(?:[ \t][^\r\n]*)?\r?\n(?:[^\r\n]*\S[^\r\n]*\r?\n)*(?:[ \t]*\r?\n)*/g;

/**
 * A WebVTT cue's identifier, the line before its timings: any text, such as the ids Microsoft Teams writes
 * ("0a4f5c1e-1b2a-4c8e-9d3f-1/12-0"), where SubRip has a number.
 */
const VTT_CUE_ID = /(?<=\n)[^\r\n]*\S[^\r\n]*\r?\n(?=[^\r\n]*-->)/g;

/**
 * The text to give a subtitle parser: the file without WebVTT's style, region and note blocks and cue identifiers,
 * which parsers that read cues alone refuse. The cues are found in the file itself afterwards, so nothing else needs
 * to stay in place.
 */
export function subtitleParserInput(content: string): string {
  if (!/^\ufeff?WEBVTT/.test(content)) return content;
  return content.replace(VTT_BLOCK, '').replace(VTT_CUE_ID, (line) => (line.includes('-->') ? line : ''));
}

/** Two or more lines of a cue that each open with a dash: two people speaking (“- Will there be?⏎- Not for me.”). */
const DIALOGUE_LINES = /^[-–][ \t]*\S[^\n]*(?:\n[-–][ \t]*\S[^\n]*)+$/;

/**
 * Reads a subtitle file from its content and the nodes a subtitle parser found in it. The words of consecutive cues
 * run on as one paragraph, as the speech they caption does, so that a quotation that spans cues reads as written; a
 * new paragraph starts where the speaker changes (a WebVTT voice, a `>>`, a cue that opens with a label) or after a
 * pause. A WebVTT voice is written as a transcript label (`Roger Bingham: …`) opening the speaker's paragraph, so
 * that the speaker of the words is known. Timings, cue numbers, settings, notes and markup are left out and entities
 * are decoded. Metadata comes from the WebVTT header's text and the file name.
 */
export function parseSubtitleSource(
  id: string,
  fileName: string,
  content: string,
  nodes: readonly SubtitleNode[],
): SourceDocument {
  const builder = new TextBuilder(content);
  let cursor = 0;
  let voice: string | null = null;
  let lastEnd = -Infinity;
  let first = true;
  let title: string | undefined;
  let previousLine = '';
  for (const node of nodes) {
    if (node.type === 'header') {
      // The text after WEBVTT on its line; the header's other lines are settings (`Kind: captions`).
      title = node.data.split('\n')[0]!.replace(/^\ufeff?WEBVTT[ \t]*(?:-[ \t]*)?/, '').trim() || undefined;
      continue;
    }
    const { start, end } = node.data;
    // Rolling captions (YouTube's) show the line before again above the new one: it is read once.
    const lines = node.data.text.split('\n').filter((line) => line.trim() !== '');
    const repeated = lines.length > 0 && spokenLine(lines[0]!) === previousLine;
    const cue = (repeated ? lines.slice(1) : lines).join('\n');
    if (lines.length > 0) previousLine = spokenLine(lines[lines.length - 1]!);
    if (cue === '') continue;
    const spoken = VOICE.exec(cue)?.[1]?.trim() ?? null;
    const opening = SPEAKER_CHANGE.exec(cue)?.[0] ?? '';
    const changed = opening !== '' || LABEL_OPENING.test(cue.slice(opening.length));
    if (decodeHTML(cue.replace(MARKUP, '')).slice(opening.length).trim() === '') continue;
    const newVoice = spoken !== null && spoken !== voice;
    if (spoken !== null) voice = spoken;
    if (first || newVoice || changed || start - lastEnd >= PAUSE_MS) {
      builder.blockBreak();
      // The label is the reader's, not the file's: it maps to the words that follow it.
      if (voice !== null && (newVoice || !changed)) builder.append(`${voice}: `, null, false);
    } else {
      builder.append(' ', null, false);
    }
    const found = locate(content, cue, cursor);
    const raw = found ? content.slice(found.start, found.end) : cue;
    if (DIALOGUE_LINES.test(raw.replace(/\r/g, ''))) {
      // Each line another person's, whom the cue does not name: a turn of its own, which no one's label covers.
      for (const line of raw.matchAll(/[-–][ \t]*([^\r\n]*)/g)) {
        builder.blockBreak();
        builder.append('Speaker: ', null, false);
        const at = line.index! + line[0].length - line[1]!.length;
        appendWords(builder, raw, at, at + line[1]!.length, found?.start ?? null);
      }
      voice = null;
    } else {
      appendWords(builder, raw, opening.length, raw.length, found?.start ?? null);
    }
    if (found) cursor = found.end;
    lastEnd = end;
    first = false;
  }
  const { text, segments } = builder.finish();
  // A caption's first words are no headline, and a byline or dateline is not captioned: the file's name and header say
  // what is known.
  const meta: SourceMeta = metaFromFileName(fileName);
  if (title) meta.title = title;
  return { id, text, meta, file: { content, segments } };
}
