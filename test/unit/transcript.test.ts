import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDraft } from '../../server/src/core/check.js';
import { SourceIndex } from '../../server/src/core/sourceIndex.js';
import { MAX_TURN_PARAGRAPHS, turnsWithin } from '../../server/src/core/transcript.js';
import { speaker } from './speakerOf.js';

// The shapes of test/eval/news: an interview with times and capitals, a hard-wrapped press conference whose turns
// run over paragraphs, a Markdown briefing with bold labels and an affiliation, a Hansard extract in HTML's text.
const INTERVIEW = [
  'INTERVIEW TRANSCRIPT\nSubject: Mayor Grace Okonkwo, Riverton\nInterviewer: D. Hale\nDate: 2024-01-08',
  '[00:00:12] HALE: Mayor, how bad is it this morning?',
  "[00:00:15] OKONKWO: It's the worst I've seen. The river peaked at 6.8 metres overnight.",
  '[00:00:41] HALE: Were the defences adequate?',
  "[00:00:44] OKONKWO: Look, I'm not going to stand here and say the defences failed.",
].join('\n\n');

const CONFERENCE = [
  'MINISTRY OF FOREIGN AFFAIRS\nTranscript of the joint press conference, Geneva, 6 June 2024',
  'Foreign Minister Henrik Aalto: Good afternoon. We have had two days of frank and, at\ntimes, difficult discussions.',
  'The framework removes tariffs on agricultural machinery and medical equip-\nment within three years.',
  'Minister Sofia Lindqvist: Let me add only this. Nobody at this table got every-\nthing they wanted.',
  'Question (Nordic Broadcasting): Minister Aalto, is the fishing dispute a deal-\nbreaker?',
  'Foreign Minister Henrik Aalto: No. It is a serious disagreement between friends.',
].join('\n\n');

test('an interview transcript: the label of the turn, in capitals after a time, names the speaker', () => {
  // The header gives the names in full, which the labels shorten.
  assert.equal(speaker(INTERVIEW, "It's the worst I've seen"), 'Grace Okonkwo');
  assert.equal(speaker(INTERVIEW, 'The river peaked'), 'Grace Okonkwo');
  assert.equal(speaker(INTERVIEW, 'Were the defences adequate'), 'D. Hale');
  assert.equal(speaker(INTERVIEW, 'say the defences failed'), 'Grace Okonkwo');
  // The header names people, but its lines open no turn.
  assert.equal(speaker(INTERVIEW, 'Grace Okonkwo, Riverton'), null);
  assert.equal(speaker(INTERVIEW, 'D. Hale'), null);
});

test('a press conference: a turn runs over its paragraphs and hard-wrapped lines, titles are dropped', () => {
  assert.equal(speaker(CONFERENCE, 'frank and, at\ntimes, difficult'), 'Henrik Aalto');
  assert.equal(speaker(CONFERENCE, 'within three years'), 'Henrik Aalto');
  assert.equal(speaker(CONFERENCE, 'Nobody at this table'), 'Sofia Lindqvist');
  assert.equal(speaker(CONFERENCE, 'serious disagreement'), 'Henrik Aalto');
  // A question from the floor is a role, not a person.
  assert.equal(speaker(CONFERENCE, 'is the fishing dispute'), null);
});

test('bold Markdown labels with an affiliation, and an office with its holder in brackets', () => {
  const briefing = [
    '**Battalion Chief Ray Delgado, Cal Fire:** Thank you all for being here.',
    'This fire is moving faster than anything I have seen in 30 years of firefighting.',
    '**Sheriff Linda Torres:** We knocked on every door we could reach.',
  ].join('\n\n');
  assert.equal(speaker(briefing, 'moving faster than anything'), 'Ray Delgado');
  assert.equal(speaker(briefing, 'every door we could reach'), 'Linda Torres');
  const hansard = [
    'The Minister for Housing (Ms Claire Donnelly):',
    'I beg to move, That the Bill be now read a Second time.',
    'Mr Oliver Penrose (Harwich North) (Con):',
    'Landlords will sell up.',
  ].join('\n\n');
  assert.equal(speaker(hansard, 'I beg to move'), 'Claire Donnelly');
  assert.equal(speaker(hansard, 'Landlords will sell up'), 'Oliver Penrose');
  // The record of a plenary: a country or an office, then the person speaking, with a title and more after a comma.
  const plenary = [
    'Speakers: Esther Kariuki (Kenya), President; Teresa Lualua (Samoa); Simeona Tafua (Tuvalu).',
    'THE PRESIDENT (Ms Kariuki, Kenya): I now propose that the plenary adopt the decision. It is so decided.',
    'SAMOA (Ms Lualua, on behalf of the Alliance of Small Island States): This is not the deal we wanted.',
    'TUVALU (Mr Tafua): I will only add one sentence.',
  ].join('\n\n');
  assert.equal(speaker(plenary, 'It is so decided'), 'Esther Kariuki');
  assert.equal(speaker(plenary, 'not the deal we wanted'), 'Teresa Lualua');
  assert.equal(speaker(plenary, 'only add one sentence'), 'Simeona Tafua');
});

test('a name and a time alone on a line, and a transcript with a turn a line', () => {
  const exported = 'Jane Porter  0:03\nWe will not cut a single library.\n\nSpeaker 2  0:15\nAnd the bridge?\n\nJane Porter  0:18\nIt will be finished.';
  assert.equal(speaker(exported, 'a single library'), 'Jane Porter');
  assert.equal(speaker(exported, 'And the bridge'), null);
  assert.equal(speaker(exported, 'It will be finished'), 'Jane Porter');
  const lines = 'PORTER: We will not cut a single library.\nQ: And the bridge?\nPORTER: It will be finished by the spring.\n';
  assert.equal(speaker(lines, 'a single library'), 'Porter');
  assert.equal(speaker(lines, 'And the bridge'), null);
  assert.equal(speaker(lines, 'finished by the spring'), 'Porter');
  assert.equal(speaker('MS O’BRIEN-SMITH: Fine.\n\nQ: Really?', 'Fine'), 'O’Brien-Smith');
  // An office with no holder named keeps its article, as prose would write it.
  assert.equal(speaker('THE PRESIDENT: Thank you.\n\nQ: Sir?\n\nMR. SMITH: Objection.', 'Thank you'), 'the President');
  assert.equal(speaker('THE PRESIDENT: Thank you.\n\nQ: Sir?\n\nMR. SMITH: Objection.', 'Objection'), 'Smith');
});

test('words in quotation marks inside a turn keep the attribution the prose gives them', () => {
  const text = 'PORTER: As Ross told us, “the money is gone.”\n\nQ: Is it?';
  assert.equal(speaker(text, 'the money is gone'), 'Ross');
});

test('a turn ends after MAX_TURN_PARAGRAPHS paragraphs, and at a heading', () => {
  const paragraphs = Array.from({ length: MAX_TURN_PARAGRAPHS + 2 }, (_, n) => `Paragraph number ${n} of the speech.`);
  const text = ['Q: Go on.', 'PORTER: Thank you.', ...paragraphs].join('\n\n');
  assert.equal(speaker(text, 'Paragraph number 0 '), 'Porter');
  assert.equal(speaker(text, `Paragraph number ${MAX_TURN_PARAGRAPHS - 1} `), 'Porter');
  assert.equal(speaker(text, `Paragraph number ${MAX_TURN_PARAGRAPHS + 1} `), null);
  assert.equal(speaker('Q: Go on.\n\nPORTER: Thank you.\n\nChapter 2: The vote\n\nThe council met.', 'The council met'), null);
});

test('prose that looks like a label here and there has no turns', () => {
  // One label-like line only.
  assert.equal(speaker('Ross: the man who bought the mills.\n\nHe bought them in 2019.', 'He bought them'), null);
  assert.equal(speaker('Ross: the man who bought the mills.', 'the man who bought'), null);
  // Letters, headers, headings and the points of an argument.
  assert.equal(speaker('Dear Judy:\n\nThe asylum is quiet.\n\nDear Gordon:\n\nNothing new.', 'The asylum is quiet'), null);
  const release = 'Media contact: Jane Doe\nDate: 9 October 2019\n\nThe company will close the plant.';
  assert.equal(speaker(release, 'close the plant'), null);
  assert.equal(speaker('Chapter I: The Start\n\nIt was cold.\n\nChapter II: The End\n\nIt was warm.', 'It was warm'), null);
  assert.equal(speaker('Thirdly: the whale is large.\n\nMoreover: it is old.', 'it is old'), null);
  // A name and a colon inside a hard-wrapped paragraph, or after "However,", opens no turn.
  const wrapped = 'the mayor told the\nCouncil: we will build it\nand Ross said nothing.\n\nPORTER: Yes.\n\nQ: No.';
  assert.equal(speaker(wrapped, 'we will build it'), null);
  assert.equal(speaker('However, the mayor said: we will build it.\n\nQ: When?\n\nA: Soon.', 'we will build it'), null);
});

test('a court transcript: questions are the examining lawyer’s, answers the witness’s, the court the judge’s', () => {
  const transcript = [
    'BEFORE:   The Honorable Elena Marsh, Judge',
    '              GARY VOSS, having been previously sworn,\n        resumed the stand and testified further as follows:',
    'BY MR. DALTON:',
    '     Q.   Mr. Voss, do you stand\nby that?\n     A.   I stand by what I said. The alarm was\nconnected.\n     Q.   Who changed the threshold?\n' +
      '          MS. OCHOA:  Objection. Argumentative.\n          THE COURT:  Sustained. Rephrase, Mr. Dalton.\n     A.   I do not know who\nchanged it.',
  ].join('\n\n');
  assert.equal(speaker(transcript, 'do you stand'), 'Dalton');
  assert.equal(speaker(transcript, 'I stand by what I said'), 'Gary Voss');
  // A hard-wrapped answer goes on on lines of its own.
  assert.equal(speaker(transcript, 'connected.'), 'Gary Voss');
  assert.equal(speaker(transcript, 'Who changed the threshold'), 'Dalton');
  assert.equal(speaker(transcript, 'Objection'), 'Ochoa');
  assert.equal(speaker(transcript, 'Sustained'), 'Elena Marsh');
  assert.equal(speaker(transcript, 'changed it.'), 'Gary Voss');
  // Without a judge named, the court is the Court; without a witness named, an answer is nobody's.
  const bare = '     Q.   Were you there?\n     A.   I was.\n          THE COURT:  Go on.';
  assert.equal(speaker(bare, 'I was'), null);
  assert.equal(speaker(bare, 'Go on'), 'the Court');
});

test('a passage that runs into another turn joins the words of more than one speaker, and a finding says whose', () => {
  const interview = [
    'INTERVIEWER: Councillor Whitlow says the council ignored three warnings about the barrier.',
    "OKAFOR: That's simply not true. We had one report, in 2019, and we acted on it.",
    'INTERVIEWER: So the council did nothing wrong?',
    "OKAFOR: I regret that we didn't shout louder.",
  ].join('\n\n');
  const from = (words: string) => interview.indexOf(words);
  const to = (words: string) => interview.indexOf(words) + words.length;
  assert.deepEqual(turnsWithin(interview, from('So the council'), to('shout louder')), ['Okafor']);
  assert.deepEqual(turnsWithin(interview, from('ignored three'), to('not true')), ['Okafor']);
  assert.deepEqual(turnsWithin(interview, from('Councillor Whitlow'), to("didn't shout")), ['Okafor', 'Interviewer', 'Okafor']);
  assert.deepEqual(turnsWithin(interview, from('We had one'), to('acted on it')), []);
  // A text with one line that looks like a label is no transcript: no turns.
  const memo = 'The council met.\n\nNOTE: minutes follow.\n\nNothing was decided.';
  assert.deepEqual(turnsWithin(memo, 0, memo.length), []);

  const index = new SourceIndex();
  index.set({ id: 'interview.txt', text: interview, meta: {} });
  const [joined] = checkDraft(index, 'Okafor said: “So the council did nothing wrong? I regret that we didn’t shout louder.”', 'plaintext');
  assert.equal(joined.verdict, 'altered');
  assert.deepEqual(joined.source?.turns, ['Okafor']);
  const [own] = checkDraft(index, 'Okafor said: “I regret that we didn’t shout louder.”', 'plaintext');
  assert.equal(own.verdict, 'verbatim');
  assert.equal(own.source?.turns, undefined);
});

test('the fields and decisions of minutes are no speakers, and an officer who reported is', () => {
  const minutes = [
    'HARWICK TOWN COUNCIL\nMinutes of the Extraordinary Meeting of Full Council',
    'Present: Mayor Cllr H. Okafor (Chair), Cllr J. Whitlow\nOfficers: Mr D. Hale (Chief Executive), Ms L. Park (Head of Finance)',
    '1. Flood Relief Fund\nThe Head of Finance, Ms Lucy Park, reported that the fund stood at £5.2 million "following a contribution".',
    'RESOLVED: that the Council establishes the Flood Relief Fund with an initial budget of £5.2 million.',
  ].join('\n\n');
  assert.equal(speaker(minutes, 'following a contribution'), 'Lucy Park');
  assert.equal(speaker(minutes, 'with an initial budget'), null);
});

test('the roles of interviews in other languages are labels that name no one', () => {
  for (const [question, answer] of [['Frage', 'Antwort'], ['Pregunta', 'Respuesta'], ['Domanda', 'Risposta'], ['Vraag', 'Antwoord'], ['Pytanie', 'Odpowiedź']]) {
    const interview = `${question}: Wird die Rente sicher sein?\n\n${answer}: Die Rente ist sicher.\n\n${question}: Und morgen?\n\n${answer}: Auch.`;
    assert.equal(speaker(interview, 'Die Rente ist sicher'), null, answer);
  }
});

test('local offices, placeholder labels and a witness quoting someone are read as transcripts mean them', () => {
  const council = 'Councilmember Samuel Oyelaran: We are punishing the people who followed the rules.\n\n' +
    'Councilmember David Feld: Point of order.\n';
  assert.equal(speaker(council, 'We are punishing'), 'Samuel Oyelaran');
  const rev = 'Jane Okafor (00:04):\nWe break ground in March.\n\nMale Speaker (00:34):\nThe permits were the problem all along.\n';
  assert.equal(speaker(rev, 'The permits'), null, 'a placeholder names nobody');
  const court = 'Q.   Did he threaten anyone?\nA.   He said, "Somebody is going to pay for this."\nQ.   What did you do then?\n';
  assert.notEqual(speaker(court, 'Somebody is going'), 'A. He');
});

test('a Hansard label titled Sir opens a turn, as the letter’s “Sir:” does not', () => {
  const hansard = 'Michelle Donelan: I give way.\n\nSir Jeremy Wright: Does my right hon. Friend accept that the duty was systemic?\n\n' +
    'Michelle Donelan: My right hon. and learned Friend makes an important point.\n';
  assert.equal(speaker(hansard, 'the duty was systemic'), 'Jeremy Wright');
});

test('a label’s surname takes the full name that a list of those present gives in capitals', () => {
  const court = 'MS. RACHEL TORRES, Deputy District Attorney\nMR. PAUL ABERNATHY, for the defendant\n\n' +
    'MS. TORRES: The State calls Linda Chu.\nMR. ABERNATHY: Objection.\n';
  assert.equal(speaker(court, 'The State calls'), 'Rachel Torres');
});

test('interview research: line numbers in the margin, participants by number, I and R as roles', () => {
  const numbered = '1   I: How do you manage the workload?\n2   P03: You triage. Constantly. I remember one night I didn\'t sit\n' +
    '3   down for eleven hours and my legs were shaking.\n4   I: Did anyone notice?\n5   P03: No.\n';
  assert.equal(speaker(numbered, 'down for eleven'), 'P03');
  assert.equal(speaker(numbered, 'Did anyone notice'), null);
  const participants = 'Interviewer: Was there support?\n\nParticipant 3: They did pizza on a Friday.\n\nR: Not really.\n\nParticipant 6: Never.\n';
  assert.equal(speaker(participants, 'They did pizza'), 'Participant 3');
  assert.equal(speaker(participants, 'Not really'), null);
});
