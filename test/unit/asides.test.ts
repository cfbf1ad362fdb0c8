import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft } from '../../server/src/core/check.js';
import { SourceIndex } from '../../server/src/core/sourceIndex.js';
import type { Finding } from '../../server/src/core/types.js';

function only(source: string, draft: string): Finding {
  const index = new SourceIndex();
  index.set({ id: 'source', text: source, meta: {} });
  const findings = checkDraft(index, draft, 'markdown');
  assert.equal(findings.length, 1);
  return findings[0]!;
}

test('a quotation runs on over the labels of one speaker’s caption cues and transcript blocks', () => {
  const captions = 'WEBVTT\n\nHelen Brandt: The hospital offered a two percent raise\n\nHelen Brandt: over three years.\n\nOmar Reyes: That is not enough.\n';
  const cues = only(captions, '“The hospital offered a two percent raise over three years,” Brandt said.');
  assert.equal(cues.verdict, 'verbatim');
  assert.equal(cues.source?.speaker, 'Helen Brandt');
  assert.equal(cues.source?.turns, undefined, 'one speaker’s turns are no join of speakers');
  const otter = 'Dana Whitcombe  0:31\nThat much is settled.\n\nDana Whitcombe  0:40\nWhat is not settled is the financing.\n\n' +
    'Lee Park  0:52\nRight, and the county will not pay for any of it.\n';
  assert.equal(only(otter, '“That much is settled. What is not settled is the financing,” she said.').verdict, 'verbatim');
  // Another speaker's label inside the passage is a join of speakers, still reported.
  const join = only(otter, '“What is not settled is the financing. Right, and the county will not pay for any of it,” she said.');
  assert.deepEqual(join.source?.turns, ['Lee Park']);
});

test('a transcript’s labels are nobody’s words: draft words taken for one are the writer’s', () => {
  const transcript = 'RUTH DELGADO: I have nine wells and they all need meters.\n\nLENA MARSH: How much?\n\nRUTH DELGADO: Three to four thousand dollars a well.\n';
  const named = only(transcript, '“I have nine wells and they all need meters, Lena,” Delgado said.');
  assert.deepEqual(named.changes, [{ draft: 'Lena', source: '' }]);
  const before = only(transcript, '“Meters cost three to four thousand dollars a well,” Delgado said.');
  assert.deepEqual(before.changes, [{ draft: 'Meters cost', source: '' }]);
  assert.equal(before.source?.text, 'Three to four thousand dollars a well');
});

test('time stamps, star pages, paragraph numbers, note calls and column headings are left out at no cost', () => {
  const sources = [
    '[00:00:11] Ruth Delgado: He is not wrong about the numbers. [00:00:20] He is wrong about who is to blame.',
    'But the ability to decline work is not *1187 the same as an opportunity for profit.',
    'Reliance on such advice cannot establish good faith.\n\n[9] Nor may Meridian escape liability by pointing to it.',
    'It is a regime no legislature enacted and no court has reviewed.[^1] The scale of this private ordering is new.',
    'We will restore the provisions on legal but harmful content,\nColumn 213\nwhich were removed without adequate debate.',
    'An investment that the employer itself finances is not the kind of independent capital2 that marks a business.',
  ];
  const drafts = [
    '“He is not wrong about the numbers. He is wrong about who is to blame,” Delgado said.',
    'The court held that “the ability to decline work is not the same as an opportunity for profit.”',
    'It wrote: “Reliance on such advice cannot establish good faith. Nor may Meridian escape liability by pointing to it.”',
    'She calls it a regime “no legislature enacted and no court has reviewed. The scale of this private ordering is new.”',
    'She promised to “restore the provisions on legal but harmful content, which were removed without adequate debate.”',
    'It is “not the kind of independent capital that marks a business.”',
  ];
  sources.forEach((source, n) => assert.equal(only(source, drafts[n]!).verdict, 'verbatim', drafts[n]));
  // A number that is a word of the sentence is one: "(3)" of a subsection, "Column 213" in a sentence.
  const statute = only('The agency may act under paragraph (3) of this section without notice.', 'It “may act under paragraph of this section without notice.”');
  assert.equal(statute.verdict, 'altered');
});

test('a transcriber’s notes and a transcript’s line numbers are nobody’s words; a gap in what was heard is flagged', () => {
  const transcript = 'Interviewer: Was there any support?\n\nP01: They did pizza on a Friday. [laughs] Which is nice, but it is not going to ' +
    'fix the rota. There was a hub (pause) but nobody had time to go. We lost people [inaudible] and nobody replaced them.\n';
  assert.equal(only(transcript, '“pizza on a Friday. Which is nice, but it is not going to fix the rota,” she said.').verdict, 'verbatim');
  assert.equal(only(transcript, '“a hub but nobody had time to go,” she said.').verdict, 'verbatim');
  assert.deepEqual(only(transcript, '“We lost people and nobody replaced them,” she said.').changes, [{ draft: '', source: 'inaudible' }]);
  const numbered = '1   I: How do you manage the workload?\n2   P03: You triage. Constantly. I remember one night I did not sit\n' +
    '3   down for eleven hours and my legs were shaking.\n';
  assert.equal(only(numbered, '“I did not sit down for eleven hours and my legs were shaking,” she said.').verdict, 'verbatim');
});
