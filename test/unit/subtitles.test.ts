import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSpeaker } from '../../server/src/core/attribution.js';
import { parseSync } from 'subtitle';
import { fileSpan, sourceFormat } from '../../server/src/core/sources/index.js';
import { parseSubtitleSource, subtitleParserInput } from '../../server/src/core/sources/subtitles.js';
import type { SourceDocument } from '../../server/src/core/types.js';

/** The stretch of the file that some words of the document's text come from. */
function inFile(doc: SourceDocument, words: string): string {
  const start = doc.text.indexOf(words);
  assert.ok(start >= 0, `"${words}" is in the text`);
  const span = fileSpan(doc, { start, end: start + words.length });
  return doc.file!.content.slice(span.start, span.end);
}

/** The document of a subtitle file, as the sources' loader reads it. */
function parseSource(id: string, fileName: string, content: string): SourceDocument {
  return parseSubtitleSource(id, fileName, content, parseSync(subtitleParserInput(content)));
}

function speakerOf(doc: SourceDocument, words: string): string | null {
  const start = doc.text.indexOf(words);
  assert.ok(start >= 0, `"${words}" is in the text`);
  return findSpeaker(doc.text, { start, end: start + words.length });
}

const SRT = [
  '1',
  '00:00:01,000 --> 00:00:03,200',
  'We will rebuild this town',
  '',
  '2',
  '00:00:03,300 --> 00:00:06,000',
  'from the ground up, whatever',
  'it takes.',
  '',
  '3',
  '00:00:12,000 --> 00:00:14,000',
  '<i>Nobody</i> doubts that any more.',
  '',
].join('\r\n');

test('.srt and .vtt files are read as subtitles', () => {
  assert.equal(sourceFormat('talk.SRT'), 'subtitles');
  assert.equal(sourceFormat('talk.vtt'), 'subtitles');
});

test('the cues of a SubRip file run on as prose, without numbers or timings, and map back to the file', () => {
  const doc = parseSource('/s/speech.srt', '/s/speech.srt', SRT);
  // A pause of six seconds starts a new paragraph; cues closer together are one.
  assert.equal(doc.text, 'We will rebuild this town from the ground up, whatever it takes.\n\nNobody doubts that any more.');
  assert.equal(inFile(doc, 'this town from the ground'), 'this town\r\n\r\n2\r\n00:00:03,300 --> 00:00:06,000\r\nfrom the ground');
  assert.equal(inFile(doc, 'whatever it takes.'), 'whatever\r\nit takes.');
  assert.equal(inFile(doc, 'Nobody doubts'), 'Nobody</i> doubts');
});

test('WebVTT voices become the labels of transcript turns, so that their words have a speaker', () => {
  const vtt = [
    'WEBVTT - Council meeting, 4 March 2024',
    '',
    'NOTE recorded by the clerk',
    '',
    '1',
    '00:00:01.000 --> 00:00:04.000 align:start',
    '<v Mayor Grace Okonkwo>We will not close the library,',
    'whatever the budget &amp; the council say.',
    '',
    '00:00:04.500 --> 00:00:06.000',
    '<v Mayor Grace Okonkwo>It stays open <c.yellow>on Sundays</c> too.</v>',
    '',
    '00:00:06.500 --> 00:00:09.000',
    '<v.loud Tom Hale>That is simply not affordable for this town.',
    '',
  ].join('\n');
  const doc = parseSource('/s/council.vtt', '/s/council.vtt', vtt);
  assert.equal(
    doc.text,
    'Mayor Grace Okonkwo: We will not close the library, whatever the budget & the council say. It stays open on ' +
      'Sundays too.\n\nTom Hale: That is simply not affordable for this town.',
  );
  assert.equal(doc.meta.title, 'Council meeting, 4 March 2024');
  assert.equal(inFile(doc, 'the budget & the council'), 'the budget &amp; the council');
  // The labels are the reader's own: the words they name start where the file's words do.
  assert.equal(inFile(doc, 'Tom Hale: That'), 'That');
  assert.equal(speakerOf(doc, 'It stays open on Sundays'), 'Grace Okonkwo');
  assert.equal(speakerOf(doc, 'simply not affordable'), 'Tom Hale');
});

test('broadcast captions: ">>" and a label that opens a cue start a new speaker’s paragraph', () => {
  const srt = [
    '1',
    '00:00:01,000 --> 00:00:02,000',
    '>> OKONKWO: The levee held.',
    '',
    '2',
    '00:00:02,100 --> 00:00:03,000',
    '>> HALE: For how long?',
    '',
    '3',
    '00:00:03,100 --> 00:00:05,000',
    '>> OKONKWO: Long enough to evacuate',
    'the east side.',
    '',
  ].join('\n');
  const doc = parseSource('/s/news.srt', '/s/news.srt', srt);
  assert.equal(doc.text, 'OKONKWO: The levee held.\n\nHALE: For how long?\n\nOKONKWO: Long enough to evacuate the east side.');
  assert.equal(speakerOf(doc, 'Long enough to evacuate'), 'Okonkwo');
  assert.equal(speakerOf(doc, 'For how long?'), 'Hale');
});


test('WebVTT style, region and note blocks and header settings are no text, and a file with them is read', () => {
  const vtt = [
    'WEBVTT',
    'Kind: captions',
    'Language: en',
    '',
    'NOTE',
    'Corrected by the web desk.',
    '',
    'STYLE',
    '::cue { color: yellow }',
    '',
    'REGION',
    'id:fred width:40%',
    '',
    '00:00:00.500 --> 00:00:04.000',
    '<v Miriam Osei>Good afternoon.',
    '',
  ].join('\n');
  const doc = parseSource('/s/osei.vtt', 'osei.vtt', vtt);
  assert.equal(doc.text, 'Miriam Osei: Good afternoon.');
  assert.equal(doc.meta.title, undefined);
  assert.equal(inFile(doc, 'Good afternoon.'), 'Good afternoon.');
});

test('sounds described for the deaf are no words, and two dashed lines in one cue are two people, neither named', () => {
  const srt = [
    '1', '00:00:01,000 --> 00:00:03,000', 'VIK: I would not let mine. [laughs] Honestly, (sighs) I would not. ♪',
    '', '2', '00:00:03,100 --> 00:00:05,000', '- Will there be a prosecution?', '- That is not for me to decide.', '',
  ].join('\n');
  const doc = parseSource('/s/vik.srt', 'vik.srt', srt);
  assert.match(doc.text, /I would not let mine\. +Honestly, +I would not\./);
  assert.equal(speakerOf(doc, 'Honestly'), 'Vik');
  assert.equal(speakerOf(doc, 'Will there be'), null);
  assert.equal(speakerOf(doc, 'That is not for me'), null);
  assert.equal(inFile(doc, 'That is not for me to decide.'), 'That is not for me to decide.');
});

test('WebVTT cue identifiers of any text, as Microsoft Teams writes them, are read past', () => {
  const vtt = [
    'WEBVTT',
    '',
    '0a4f5c1e-1b2a-4c8e-9d3f-1/12-0',
    '00:00:03.120 --> 00:00:07.480',
    '<v Priya Natarajan>We saw 412 patients last Saturday.</v>',
    '',
    'intro',
    '00:00:07.600 --> 00:00:09.000',
    '<v Omar Reyes>That is a record.</v>',
    '',
  ].join('\n');
  const doc = parseSource('/s/teams.vtt', 'teams.vtt', vtt);
  assert.equal(doc.text, 'Priya Natarajan: We saw 412 patients last Saturday.\n\nOmar Reyes: That is a record.');
  assert.equal(speakerOf(doc, 'We saw'), 'Priya Natarajan');
  assert.equal(inFile(doc, 'That is a record.'), 'That is a record.');
});

test('YouTube’s rolling captions are read once, their timed words and blank first lines left out', () => {
  const vtt = [
    'WEBVTT', 'Kind: captions', 'Language: en', '',
    '00:00:00.000 --> 00:00:02.560 align:start position:0%', ' ', 'we<00:00:00.320><c> are</c><00:00:00.480><c> not</c><00:00:00.900><c> going</c>', '',
    '00:00:02.560 --> 00:00:02.570 align:start position:0%', 'we are not going', ' ', '',
    '00:00:02.570 --> 00:00:05.120 align:start position:0%', 'we are not going', 'to<00:00:03.000><c> raise</c><00:00:03.400><c> taxes</c>', '',
  ].join('\n');
  const doc = parseSource('/s/yt.vtt', 'yt.vtt', vtt);
  assert.equal(doc.text, 'we are not going to raise taxes');
  assert.equal(inFile(doc, 'raise'), 'raise');
});
