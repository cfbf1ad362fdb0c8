import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDraft } from '../../server/src/core/check.js';
import { SourceIndex } from '../../server/src/core/sourceIndex.js';
import type { Finding } from '../../server/src/core/types.js';

function indexOf(...texts: string[]): SourceIndex {
  const index = new SourceIndex();
  texts.forEach((text, n) => index.set({ id: `source-${n}`, text, meta: {} }));
  return index;
}

function only(findings: Finding[]): Finding {
  assert.equal(findings.length, 1, `expected one finding, got ${findings.map((f) => f.quotation.text).join(' | ')}`);
  return findings[0];
}

const WIRE =
  'US Secretary of Commerce Wilbur Ross announced the move on Monday, saying that his country “cannot and will not ' +
  'tolerate the brutal suppression of ethnic minorities within China.” Beijing called the claims “groundless.”';

test('an exact excerpt is verbatim, with the source wording and span', () => {
  const index = indexOf(WIRE);
  const finding = only(checkDraft(index, 'He said the US “will not tolerate the brutal suppression of ethnic minorities”.', 'plaintext'));
  assert.equal(finding.verdict, 'verbatim');
  assert.equal(finding.similarity, 1);
  assert.deepEqual(finding.changes, []);
  assert.equal(finding.source?.text, 'will not tolerate the brutal suppression of ethnic minorities');
  assert.equal(WIRE.slice(finding.source!.start, finding.source!.end), finding.source!.text);
});

test('typography never makes a quotation altered', () => {
  const index = indexOf(WIRE);
  const drafts = [
    'He said the US "Cannot and will not tolerate the brutal suppression of ethnic minorities within China."',
    'He said the US ‘cannot and will not\ntolerate the brutal suppression of ethnic minorities within China’.',
    'He said the US “cannot and will not tolerate the brutal sup-\npression of ethnic minorities within China,” and left.',
    'He said the US “CANNOT and will  not tolerate the brutal suppression of ethnic minorities within China!”',
  ];
  for (const draft of drafts) assert.equal(only(checkDraft(index, draft, 'plaintext')).verdict, 'verbatim', draft);
});

test('numbers in figures or in words, "%" for "percent" and "&" for "and" are house style, not changes', () => {
  const index = indexOf(
    'The governor said inflation was “still well above our two percent target.” The pilot said: “We lost the vehicle ' +
      'at two hundred and forty-one seconds.” Sales rose by “3.5 million units, or 12 per cent,” said Ann Lee. “The ' +
      'budget & the council agree,” she said.',
  );
  const verdict = (draft: string) => only(checkDraft(index, draft, 'plaintext'));
  for (const draft of [
    'He said inflation was “still well above our 2% target.”',
    'She said: “We lost the vehicle at 241 seconds.”',
    'She said: “We lost the vehicle at 241”',
    'Lee said sales rose by “3,500,000 units, or 12%.”',
    'Lee said sales rose by “3.5 million units, or 12 percent.”',
    'She said: “The budget and the council agree.”',
    'Lee said sales rose by “3.5 million units, or twelve per cent,”',
  ]) {
    assert.equal(verdict(draft).verdict, 'verbatim', draft);
  }
  // A different number is a change, whichever way it is written.
  const three = verdict('He said inflation was “still well above our 3% target.”');
  assert.deepEqual([three.verdict, three.changes], ['altered', [{ draft: '3', source: 'two' }]]);
  // A change inside a number is shown with the whole number on both sides.
  const more = verdict('Lee said sales rose by “3.6 million units, or 12%.”');
  assert.deepEqual([more.verdict, more.changes], ['altered', [{ draft: '3.6', source: '3.5' }]]);
  const bare = verdict('He said inflation was “still well above our 2 target.”');
  assert.deepEqual([bare.verdict, bare.changes], ['altered', [{ draft: '2', source: 'two percent' }]]);
});

test('numbers and percentages as other newsrooms write them are house style, not changes', () => {
  const index = indexOf(
    '« Nous débloquerons 1 000 000 d’euros dès aujourd’hui », dit-il. „Der Bund stellt 1.000.000 Euro bereit“, sagte sie. ' +
      '«La inflación cae un 12 %», dijo. „Die Inflation liegt bei 3,5 Prozent“, sagte er.',
  );
  const verdict = (draft: string) => only(checkDraft(index, draft, 'plaintext'));
  for (const draft of [
    'Il a dit : « nous débloquerons un million d’euros dès aujourd’hui ».',
    'Sie sagte: „Der Bund stellt eine Million Euro bereit.“',
    'Sie sagte: „Der Bund stellt 1 Million Euro bereit.“',
    'Dijo: «La inflación cae un 12 por ciento».',
    'Er sagte: „Die Inflation liegt bei 3,5 %.“',
  ]) {
    assert.equal(verdict(draft).verdict, 'verbatim', draft);
  }
  assert.equal(verdict('Sie sagte: „Der Bund stellt 2 Millionen Euro bereit.“').verdict, 'altered');
});

test('a figure that opens a quotation is the number its source spells with a hyphen', () => {
  const index = indexOf('Okafor recalls: “Twenty-three volumes turned up in a basement in Bristol in 1998.”');
  const same = only(checkDraft(index, 'She said: “23 volumes turned up in a basement in Bristol in 1998.”', 'plaintext'));
  assert.equal(same.verdict, 'verbatim');
  assert.equal(same.source?.text, 'Twenty-three volumes turned up in a basement in Bristol in 1998');
  const other = only(checkDraft(index, 'She said: “24 volumes turned up in a basement in Bristol in 1998.”', 'plaintext'));
  assert.deepEqual([other.verdict, other.changes], ['altered', [{ draft: '24', source: 'Twenty-three' }]]);
});

test('a number before a scale word is the same in figures or in words, and a changed figure is shown whole', () => {
  const index = indexOf(
    '“We will spend 5 million on pumps this year,” Helen Okafor said. “The council has two million in reserve,” said ' +
      'Peter Dunmore. “We have had more than 3,000 people displaced and 1,250 homes flooded,” she said.',
  );
  const verdict = (draft: string) => only(checkDraft(index, draft, 'plaintext'));
  for (const draft of [
    'Okafor said: “We will spend five million on pumps this year.”',
    'Okafor said: “We will spend 5,000,000 on pumps this year.”',
    'Dunmore said: “The council has 2 million in reserve.”',
    'Dunmore said: “The council has 2,000,000 in reserve.”',
  ]) {
    assert.equal(verdict(draft).verdict, 'verbatim', draft);
  }
  const six = verdict('Okafor said: “We will spend six million on pumps this year.”');
  assert.deepEqual([six.verdict, six.changes], ['altered', [{ draft: 'six', source: '5' }]]);
  const three = verdict('Dunmore said: “The council has 3 million in reserve.”');
  assert.deepEqual([three.verdict, three.changes], ['altered', [{ draft: '3', source: 'two' }]]);
  const homes = verdict('She said: “We have had more than 3,000 people displaced and 1,350 homes flooded.”');
  assert.deepEqual([homes.verdict, homes.changes], ['altered', [{ draft: '1,350', source: '1,250' }]]);
  const people = verdict('She said: “We have had more than 3,500 people displaced and 1,250 homes flooded.”');
  assert.deepEqual([people.verdict, people.changes], ['altered', [{ draft: '3,500', source: '3,000' }]]);
});

test('a reworded quotation is altered, with the word changes in both wordings', () => {
  const index = indexOf(WIRE);
  const draft = 'Ross said the US “cannot tolerate and will not tolerate the brutal repression of China’s ethnic minorities.”';
  const finding = only(checkDraft(index, draft, 'plaintext'));
  assert.equal(finding.verdict, 'altered');
  assert.ok(finding.similarity > 0.5 && finding.similarity < 1, String(finding.similarity));
  assert.ok(finding.changes.some((c) => c.draft === 'repression' && c.source === 'suppression'), JSON.stringify(finding.changes));
  assert.ok(finding.changes.some((c) => c.draft === 'tolerate' && c.source === ''), JSON.stringify(finding.changes));
  assert.match(finding.source!.text, /^cannot and will not tolerate the brutal suppression of ethnic minorities/);
});

test('an ellipsis stands for omitted words, in order', () => {
  const index = indexOf(WIRE);
  const finding = only(checkDraft(index, 'He said: “cannot and will not tolerate … ethnic minorities within China.”', 'plaintext'));
  assert.equal(finding.verdict, 'verbatim');
  const spaced = only(checkDraft(index, 'He said: “cannot and will not tolerate . . . ethnic minorities within China.”', 'plaintext'));
  assert.equal(spaced.verdict, 'verbatim');
});

test('an ellipsis that drops a negation is altered', () => {
  const index = indexOf(WIRE);
  const finding = only(checkDraft(index, 'He said the US “cannot and will ... tolerate the brutal suppression of ethnic minorities.”', 'plaintext'));
  assert.equal(finding.verdict, 'altered');
  assert.deepEqual(finding.changes, [{ draft: '…', source: 'not' }]);
});

test('square brackets mark an editor’s substitution', () => {
  const index = indexOf(WIRE);
  const finding = only(checkDraft(index, 'He said the US “cannot and will not tolerate the brutal suppression of ethnic minorities within [the People’s Republic].”', 'plaintext'));
  assert.equal(finding.verdict, 'verbatim');
  const inside = only(checkDraft(index, '“[The US] cannot and will not tolerate the brutal suppression of ethnic minorities,” he said.', 'plaintext'));
  assert.equal(inside.verdict, 'verbatim');
});

test('a short quotation is verbatim only inside the source’s own quotation marks', () => {
  const index = indexOf(WIRE);
  assert.equal(only(checkDraft(index, 'China called it “groundless”.', 'plaintext')).verdict, 'verbatim');
  const outside = only(checkDraft(index, 'It was “the move” again.', 'plaintext'));
  assert.equal(outside.verdict, 'unsourced');
  assert.equal(outside.short, true);
  const inner = only(checkDraft(index, 'A “brutal suppression” indeed.', 'plaintext'));
  assert.equal(inner.verdict, 'verbatim');
});

test('a quotation no source holds is unsourced, with no source', () => {
  const index = indexOf(WIRE);
  const finding = only(checkDraft(index, 'She added: “We urge the government to reconsider, based on fairness and justice.”', 'plaintext'));
  assert.equal(finding.verdict, 'unsourced');
  assert.equal(finding.short, false);
  assert.equal(finding.source, null);
});

test('a quotation interrupted by attribution is checked as one statement, each part on its own', () => {
  const index = indexOf(WIRE);
  const findings = checkDraft(index, '“Cannot and will not tolerate,” Ross said, “the brutal suppression of ethnic minorities.”', 'plaintext');
  assert.equal(findings.length, 2);
  assert.deepEqual(findings.map((f) => f.verdict), ['verbatim', 'verbatim']);
  const altered = checkDraft(index, '“Cannot and will not tolerate,” Ross said, “the brutal repression of ethnic minorities.”', 'plaintext');
  assert.deepEqual(altered.map((f) => f.verdict), ['verbatim', 'altered']);
  assert.deepEqual(altered[1].changes, [{ draft: 'repression', source: 'suppression' }]);
});

test('ignored quotations are not reported', () => {
  const index = indexOf(WIRE);
  const draft = 'She added: “We urge the government to reconsider.” and “groundless”';
  const findings = checkDraft(index, draft, 'plaintext', { ignore: ['we URGE the government to reconsider'] });
  assert.deepEqual(findings.map((f) => f.quotation.text), ['groundless']);
});

test('a quotation over the word limit is reported as not checked', () => {
  const index = indexOf(WIRE);
  const long = Array.from({ length: 50 }, (_, n) => `word${n}`).join(' ');
  const finding = only(checkDraft(index, `“${long}”`, 'plaintext', { maxQuoteWords: 20 }));
  assert.equal(finding.verdict, 'unsourced');
  assert.match(finding.limit ?? '', /too long to check: 50 words/);
});

test('the best of several sources is chosen, and a source can be replaced or removed', () => {
  const index = indexOf('Nothing here about it.', WIRE);
  const draft = 'He said “cannot and will not tolerate the brutal suppression”.';
  assert.equal(only(checkDraft(index, draft, 'plaintext')).source?.id, 'source-1');
  index.set({ id: 'source-1', text: 'Something else entirely, said nobody.', meta: {} });
  assert.equal(only(checkDraft(index, draft, 'plaintext')).verdict, 'unsourced');
  index.set({ id: 'source-1', text: WIRE, meta: {} });
  assert.equal(only(checkDraft(index, draft, 'plaintext')).verdict, 'verbatim');
  index.delete('source-1');
  assert.equal(only(checkDraft(index, draft, 'plaintext')).verdict, 'unsourced');
});

test('the example draft gets the expected verdicts', () => {
  const source = readFileSync(join(__dirname, '../../examples/sources/afp-2019-10-09.txt'), 'utf8');
  const draft = readFileSync(join(__dirname, '../../examples/drafts/observatory.txt'), 'utf8');
  const index = new SourceIndex();
  index.set({ id: 'afp', text: source, meta: {} });
  const findings = checkDraft(index, draft, 'plaintext');
  assert.equal(findings.length, 19);
  const verdicts = Object.fromEntries(findings.map((f) => [f.quotation.text.slice(0, 30), f.verdict]));
  const altered = findings.filter((f) => f.verdict === 'altered').map((f) => f.quotation.text.slice(0, 30));
  assert.deepEqual(altered, [
    'cannot tolerate and will not t',
    'strong dissatisfaction and fir',
    'None of these ‘human rights is',
    'These accusations are just an ',
    'These entities are involved in',
  ]);
  assert.deepEqual(findings.filter((f) => f.verdict === 'verbatim').map((f) => f.quotation.text), ['groundless']);
  assert.equal(findings.filter((f) => f.verdict === 'unsourced').length, 13, JSON.stringify(verdicts, null, 1));
  const ross = findings.find((f) => f.quotation.text.startsWith('cannot tolerate'))!;
  assert.equal(ross.source?.text, 'cannot and will not tolerate the brutal suppression of ethnic minorities within China.');
  const opposition = findings.find((f) => f.quotation.text.startsWith('strong'))!;
  assert.deepEqual(opposition.changes, [{ draft: 'firm', source: 'resolute' }]);
});

test('the text of a Markdown link inside a quotation is compared, not taken for an editor’s bracket', () => {
  const index = indexOf(WIRE);
  const linked = only(checkDraft(index, 'He said the US “cannot and will not tolerate the [brutal suppression](https://example.org) of ethnic minorities”.', 'markdown'));
  assert.equal(linked.verdict, 'verbatim');
  const changed = only(checkDraft(index, 'He said the US “cannot and will not tolerate the [brutal repression](https://example.org) of ethnic minorities”.', 'markdown'));
  assert.equal(changed.verdict, 'altered');
  assert.deepEqual(changed.changes, [{ draft: 'repression', source: 'suppression' }]);
  // A link of one word is no letters in an editor's brackets.
  const word = only(checkDraft(index, 'He said the US “cannot and will not tolerate the brutal [repression](https://example.org) of ethnic minorities”.', 'markdown'));
  assert.deepEqual(word.changes, [{ draft: 'repression', source: 'suppression' }]);
});

test('the same quotation in several outlets: the one that has it word for word wins', () => {
  const rewrite = 'Ross said the US "can not and will not tolerate the brutal repression of ethnic minorities within China."';
  const index = indexOf(rewrite, WIRE);
  const finding = only(checkDraft(index, 'Ross: “cannot and will not tolerate the brutal suppression of ethnic minorities within China.”', 'plaintext'));
  assert.equal(finding.verdict, 'verbatim');
  assert.equal(finding.source?.id, 'source-1');
});

test('a quotation that joins two source sentences without an ellipsis is altered, with one is verbatim', () => {
  const source =
    'The minister said: “We will rebuild the bridge by spring. The money is already there. Nobody will be left behind.”';
  const index = indexOf(source);
  assert.equal(only(checkDraft(index, '“We will rebuild the bridge by spring. Nobody will be left behind,” she said.', 'plaintext')).verdict, 'altered');
  assert.equal(only(checkDraft(index, '“We will rebuild the bridge by spring … Nobody will be left behind,” she said.', 'plaintext')).verdict, 'verbatim');
});

test('an editor’s bracket inside a word changes letters, not words', () => {
  const index = indexOf('The statement said: “Nobody will be left to face this alone.”');
  assert.equal(only(checkDraft(index, 'It said “[n]obody will be left to face this alone.”', 'plaintext')).verdict, 'verbatim');
  assert.equal(only(checkDraft(index, 'It said “[N]obody will be left to face this alone.”', 'plaintext')).verdict, 'verbatim');
  const changed = only(checkDraft(index, 'It said “[s]omebody will be left to face this alone.”', 'plaintext'));
  assert.equal(changed.verdict, 'altered');
});

test('a source word hyphenated at a line end matches at the edges of a quotation too', () => {
  const index = indexOf('The minister said: “I will not pretend that we agree on every-\nthing, but we agree on\nthe sup-\npression of smuggling.”');
  assert.equal(only(checkDraft(index, '“I will not pretend that we agree on everything,” she said.', 'plaintext')).verdict, 'verbatim');
  assert.equal(only(checkDraft(index, '“suppression of smuggling”', 'plaintext')).verdict, 'verbatim');
});

test('a changed word at either end of a quotation is reported as a change of that word, not as a word added', () => {
  const index = indexOf('“These entities have been implicated in China’s campaign of repression, mass detention,” it said.');
  const end = only(checkDraft(index, 'It said “implicated in China’s campaign of oppression”.', 'plaintext'));
  assert.deepEqual(end.changes, [{ draft: 'oppression', source: 'repression' }]);
  const start = only(checkDraft(index, 'It said “complicated in China’s campaign of repression”.', 'plaintext'));
  assert.deepEqual(start.changes, [{ draft: 'complicated', source: 'implicated' }]);
  const added = only(checkDraft(index, 'It said “implicated in China’s campaign of repression, mass detention tonight”.', 'plaintext'));
  assert.deepEqual(added.changes, [{ draft: 'tonight', source: '' }]);
});

test('words the writer put at an edge of a quotation where the source statement has others are shown against them', () => {
  const index = indexOf('“This council was warned three times, and three times it chose to do nothing,” she said.');
  const end = only(checkDraft(index, 'She said: “This council was warned three times, and three times it chose to ignore it.”', 'plaintext'));
  assert.deepEqual(end.changes, [{ draft: 'ignore it', source: 'do nothing' }]);
  const wholly = only(checkDraft(index, 'She said: “Frankly, this council was warned three times, and three times it chose to do nothing.”', 'plaintext'));
  assert.deepEqual(wholly.changes, [{ draft: 'Frankly', source: '' }], 'nothing in the statement stands before it');
});

test('letters in brackets are the editor’s, inside a word or at its end, as legal writing marks them', () => {
  const statute = indexOf('The employer shall compensate the employee for each hour worked beyond forty in a workweek, as authorized.');
  const plural = only(checkDraft(statute, 'It "shall compensate the employee[s] for each hour worked beyond forty in a workweek."', 'plaintext'));
  assert.equal(plural.verdict, 'verbatim');
  const dropped = only(checkDraft(statute, 'It "shall compensate[] the employee for each hour worked beyond forty in a workweek."', 'plaintext'));
  assert.equal(dropped.verdict, 'verbatim');
  // Another word with letters in brackets is still another word, shown with its bracket.
  const other = only(checkDraft(statute, 'It "shall pa[y] the employee for each hour worked beyond forty in a workweek."', 'plaintext'));
  assert.deepEqual(other.changes, [{ draft: 'pa[y]', source: 'compensate' }]);
});

test('a negation left out under an editor’s bracket, or at the start of the source sentence, makes the quotation altered', () => {
  const opinion = indexOf('Reliance on advice that does not address the specific facts cannot establish good faith under the statute.');
  const hidden = only(checkDraft(opinion, 'The court held that "[r]eliance on advice that [does] address the specific facts cannot establish good faith."', 'plaintext'));
  assert.equal(hidden.verdict, 'altered');
  assert.deepEqual(hidden.changes, [{ draft: '[does]', source: 'does not' }]);
  const kept = only(checkDraft(opinion, 'The court held that "[r]eliance on advice that [does not] address the specific facts cannot establish good faith."', 'plaintext'));
  assert.equal(kept.verdict, 'verbatim');
  const statute = indexOf('Nothing in this section shall be construed to prohibit an employer from paying a bonus.');
  const nothing = only(checkDraft(statute, 'The statute says "this section shall be construed to prohibit an employer from paying a bonus."', 'plaintext'));
  assert.deepEqual(nothing.changes, [{ draft: '', source: 'Nothing in' }]);
  // A negation the speaker said twice, and the quotation once, is kept.
  const twice = indexOf("It stays with you. I'm not, I'm not a soft person, but there were nights I sat in the car for an hour.");
  assert.equal(only(checkDraft(twice, 'She said: "I\'m not a soft person, but there were nights I sat in the car for an hour."', 'plaintext')).verdict, 'verbatim');
});

test('an ellipsis may leave out a whole sentence that holds a negation, not a negation of a sentence it quotes from', () => {
  const opinion = indexOf('Meridian has made no such showing. The district court did not consider the memorandum. Reliance on such advice cannot establish good faith.');
  const whole = only(checkDraft(opinion, 'The panel wrote: "Meridian has made no such showing. . . . Reliance on such advice cannot establish good faith."', 'plaintext'));
  assert.equal(whole.verdict, 'verbatim');
  const part = only(checkDraft(opinion, 'The panel wrote: "The district court did . . . consider the memorandum."', 'plaintext'));
  assert.equal(part.verdict, 'altered');
});

test('a hesitation the source sets off (“, um,”) may be left out; a word run into its sentence may not', () => {
  const transcript = indexOf('MAYOR HALE: We will not raise taxes this year, uh, and the budget is, um, basically balanced.');
  const clean = only(checkDraft(transcript, 'Hale said: “We will not raise taxes this year, and the budget is basically balanced.”', 'plaintext'));
  assert.equal(clean.verdict, 'verbatim');
  assert.equal(clean.similarity, 1);
  // The setting may count every hesitation left out, as a stricter house style would.
  const strict = only(checkDraft(transcript, 'Hale said: “We will not raise taxes this year, and the budget is basically balanced.”', 'plaintext', { fillers: [] }));
  assert.deepEqual(strict.changes, [{ draft: '', source: 'uh' }, { draft: '', source: 'um' }]);
  // "um" is a word in German, "mm" a unit after a number.
  const german = indexOf('„Wir treffen uns um acht Uhr am Bahnhof und fahren dann gemeinsam los“, sagte sie.');
  const time = only(checkDraft(german, 'Sie sagte: „Wir treffen uns acht Uhr am Bahnhof und fahren dann gemeinsam los.“', 'plaintext'));
  assert.deepEqual(time.changes, [{ draft: '', source: 'um' }]);
});

test('a narrator’s incise inside a quotation is not compared, in the draft or in the source', () => {
  const spanish = indexOf('«No vamos a subir los impuestos este año, pero recortaremos el gasto público», afirmó.');
  const draftIncise = 'La ministra dijo: «No vamos a subir los impuestos este año —afirmó la ministra—, pero recortaremos el gasto público».';
  assert.equal(only(checkDraft(spanish, draftIncise, 'plaintext')).verdict, 'verbatim');
  const dialogue = indexOf('—No vamos a subir los impuestos este año —dijo la ministra—. Pero recortaremos el gasto público.');
  const across = 'La ministra fue clara: «No vamos a subir los impuestos este año. Pero recortaremos el gasto público».';
  assert.equal(only(checkDraft(dialogue, across, 'plaintext')).verdict, 'verbatim');
  const french = indexOf('« Nous n’augmenterons pas les impôts cette année, a affirmé la ministre, mais nous réduirons les dépenses. »');
  const left = only(checkDraft(french, 'Elle a promis : « Nous n’augmenterons pas les impôts cette année, mais nous réduirons les dépenses. »', 'plaintext'));
  assert.equal(left.verdict, 'verbatim');
  const own = only(checkDraft(french, '« Nous n’augmenterons pas les impôts cette année, a-t-elle déclaré, mais nous réduirons les dépenses. »', 'plaintext'));
  assert.equal(own.verdict, 'verbatim');
  // Words changed beside an incise are still changes; an English aside between spaced dashes is the speaker’s.
  const changed = only(checkDraft(spanish, draftIncise.replace('recortaremos', 'aumentaremos'), 'plaintext'));
  assert.deepEqual(changed.changes, [{ draft: 'aumentaremos', source: 'recortaremos' }]);
  const english = indexOf('“We will cut the budget, and we will not raise taxes this year,” she said.');
  const aside = only(checkDraft(english, 'She said: “We will cut the budget — note the changes, said she — and we will not raise taxes this year.”', 'plaintext'));
  assert.equal(aside.verdict, 'altered');
});

test('a quotation that starts right after the negation opening its source sentence is altered: it says the opposite', () => {
  const spanish = indexOf('La ministra dijo: «No vamos a subir los impuestos este año».');
  const dropped = only(checkDraft(spanish, 'La ministra afirmó: «Vamos a subir los impuestos este año».', 'plaintext'));
  assert.equal(dropped.verdict, 'altered');
  assert.deepEqual(dropped.changes, [{ draft: '', source: 'No' }]);
  assert.ok(dropped.similarity < 1);
  const english = indexOf('The report said: “Not one patient was harmed by the delay.”');
  const harmed = only(checkDraft(english, 'The report found that “one patient was harmed by the delay.”', 'plaintext'));
  assert.equal(harmed.verdict, 'altered');
  assert.deepEqual(harmed.changes, [{ draft: '', source: 'Not' }]);
  // The draft keeps the negation outside the quotation, or the source's "No" answers rather than negates.
  const outside = only(checkDraft(english, 'The report said not “one patient was harmed by the delay.”', 'plaintext'));
  assert.equal(outside.verdict, 'verbatim');
  const answer = indexOf('“No, I will stand again next year,” she said.');
  assert.equal(only(checkDraft(answer, 'She said: “I will stand again next year.”', 'plaintext')).verdict, 'verbatim');
  // A negation in the middle of the source sentence is left to the writer's judgement of a partial quotation.
  const middle = indexOf('He said the council would not close the library this winter.');
  assert.equal(only(checkDraft(middle, 'He said the council would “close the library this winter”.', 'plaintext')).verdict, 'verbatim');
});

test('a last word changed into another is reported as that word changed, and the source passage keeps the word', () => {
  const quoted = only(checkDraft(indexOf('The minister said: “We will never surrender the port,” and left.'), 'He said “we will never surrender the harbour” today.', 'plaintext'));
  assert.equal(quoted.verdict, 'altered');
  assert.deepEqual(quoted.changes, [{ draft: 'harbour', source: 'port' }]);
  assert.equal(quoted.source?.text, 'We will never surrender the port,');
  // Reported speech has no quotation marks to widen the passage to: the passage itself must reach the word.
  const reported = only(checkDraft(indexOf('The minister said we will never surrender the port and left.'), 'He said “we will never surrender the harbour” today.', 'plaintext'));
  assert.deepEqual(reported.changes, [{ draft: 'harbour', source: 'port' }]);
  assert.equal(reported.source?.text, 'we will never surrender the port');
});

test('a first word before a sentence or quotation the source starts is a word added, not the word before changed', () => {
  const index = indexOf('Ports were closed, the minister added. “We will fight on the beaches and in the fields.”');
  const finding = only(checkDraft(index, 'He said “today we will fight on the beaches and in the fields” again.', 'plaintext'));
  assert.equal(finding.verdict, 'altered');
  assert.deepEqual(finding.changes, [{ draft: 'today', source: '' }]);
  assert.equal(finding.source?.text, 'We will fight on the beaches and in the fields.');
});

test('a word left out just before the last word is reported as left out, the passage ending on the last word', () => {
  const index = indexOf('The mayor said: “We will rebuild the old stone bridge,” and left.');
  const finding = only(checkDraft(index, 'She said “we will rebuild the old bridge” today.', 'plaintext'));
  assert.equal(finding.verdict, 'altered');
  assert.deepEqual(finding.changes, [{ draft: '', source: 'stone' }]);
  assert.equal(finding.source?.text, 'We will rebuild the old stone bridge,');
});

test('a word left out just after the first word is reported as left out, the passage starting on the first word', () => {
  const index = indexOf('“And mind the tea comes in separate teapots,” she said.');
  const finding = only(checkDraft(index, 'She said “and the tea comes in separate teapots” again.', 'plaintext'));
  assert.deepEqual(finding.changes, [{ draft: '', source: 'mind' }]);
  assert.equal(finding.source?.text, 'And mind the tea comes in separate teapots,');
});

test('the period of a title such as Mr. ends no sentence: a changed name after it is that name changed', () => {
  const index = indexOf('“I am quite sick to death of Mr. Bingley, and so is everyone,” she said.');
  const finding = only(checkDraft(index, 'She said “I am quite sick to death of Mr. Darcy” again.', 'plaintext'));
  assert.deepEqual(finding.changes, [{ draft: 'Darcy', source: 'Bingley' }]);
});

test('words a quotation leaves out of its middle are reported as left out, not the words after them as added', () => {
  const index = indexOf('“I call it what every economist who has looked at it calls it: a cap, and caps shrink supply,” he said.');
  const finding = only(checkDraft(index, 'He said “I call it what every economist calls it: a cap” today.', 'plaintext'));
  assert.equal(finding.verdict, 'altered');
  assert.deepEqual(finding.changes, [{ draft: '', source: 'who has looked at it' }]);
  assert.equal(finding.source?.text, 'I call it what every economist who has looked at it calls it: a cap');
});

test('two neighbouring words written in the other order are one change of both', () => {
  const index = indexOf('“We enforce the law against European, American and Asian companies alike,” she said.');
  const finding = only(checkDraft(index, 'She said “we enforce the law against American, European and Asian companies alike” again.', 'plaintext'));
  assert.deepEqual(finding.changes, [{ draft: 'American, European', source: 'European, American' }]);
});

test('markup inside a quotation is not compared: LaTeX commands, comments and notes, HTML tags, comments and entities', () => {
  const index = indexOf(
    'The mayor said: “We will rebuild the wall before the first storm arrives, whatever it costs to Café Royal & Co.”',
  );
  const verbatim = (draft: string, format: 'latex' | 'markdown'): void => {
    const finding = only(checkDraft(index, draft, format));
    assert.equal(finding.verdict, 'verbatim', `${draft}: ${JSON.stringify(finding.changes)}`);
  };
  verbatim("She said ``We will rebuild the \\emph{wall} before the first storm arrives.''", 'latex');
  verbatim("She said ``We will rebuild the wall % a note\nbefore the first storm arrives.''", 'latex');
  verbatim("She said ``We will rebuild the wall\\footnote{On Tuesday.} before the first storm arrives.''", 'latex');
  // csquotes' marks of an editor's changes: an ellipsis, and words put in as brackets put them in.
  verbatim("She said \\enquote{We will rebuild the wall \\textelp{} whatever it costs to Caf\\'e Royal \\& Co.}", 'latex');
  verbatim('She said \\enquote{\\textins*{w}e will rebuild the \\textins{sea} wall before the first storm arrives.}', 'latex');
  // A quotation inside a footnote keeps its words.
  verbatim("The wall.\\footnote{She said ``We will rebuild the wall before the first storm arrives.''}", 'latex');
  verbatim("She said ``whatever it costs to Caf\\'e Royal \\& Co.''", 'latex');
  verbatim("She said ``whatever it costs to Caf\\'{e} Royal \\& Co.''", 'latex');
  verbatim('She said \\textquote[{\\cite[p.~3]{wire}}]{We will rebuild the wall before the first storm arrives.}', 'latex');
  verbatim('She said "We will rebuild the <span class="hl">wall</span> before the first storm arrives."', 'markdown');
  verbatim('She said "We will rebuild the wall <!-- check --> before the first storm arrives."', 'markdown');
  verbatim('She said "whatever it costs to Caf&eacute; Royal &amp; Co."', 'markdown');
  // A word set in code is still a word of the quotation.
  verbatim('She said "We will rebuild the `wall` before the first storm arrives."', 'markdown');
  // An ellipsis written as a command stands for words left out, as … does.
  const elided = only(checkDraft(index, "She said ``We will rebuild the wall\\ldots{} whatever it costs.''", 'latex'));
  assert.equal(elided.verdict, 'verbatim');
  // A word changed beside markup is still a change, and is shown as the draft writes it.
  const changed = only(checkDraft(index, "She said ``We will rebuild the \\emph{fence} before the first storm arrives.''", 'latex'));
  assert.equal(changed.verdict, 'altered');
  assert.deepEqual(changed.changes.map((c) => [c.draft, c.source]), [['fence', 'wall']]);
});

test('the source passage is never cut inside a number or a bracket it ends or starts in', () => {
  const statute = indexOf('A covered entity may not transfer data except as provided in subsection (b). The fund paid a total of 25,000,000.');
  const paren = only(checkDraft(statute, 'It "may not transfer data except as provided in subsection (c)."', 'plaintext'));
  assert.equal(paren.source?.text, 'may not transfer data except as provided in subsection (b)');
  const number = only(checkDraft(statute, 'It said "the fund paid a total of 2,500,000."', 'plaintext'));
  assert.equal(number.source?.text, 'The fund paid a total of 25,000,000');
  assert.deepEqual(number.changes, [{ draft: '2,500,000', source: '25,000,000' }]);
});

test('a last word changed where the source sentence runs on in one phrase is shown against that phrase', () => {
  const index = indexOf('LONDON - "The president is committed to balancing the public accounts."');
  const finding = only(checkDraft(index, 'He said “the president is committed to balancing the budget”.', 'plaintext'));
  assert.deepEqual(finding.changes, [{ draft: 'budget', source: 'public accounts' }]);
});

test('a letter with an umlaut or a slash written out as typing without it does is typography', () => {
  const index = indexOf('„Das hat Dr. Müller zugesagt“, sagte er. «Det er grønlænderne selv, der bestemmer over deres fremtid», sagde hun.');
  assert.equal(only(checkDraft(index, 'Er sagte: „Das hat Dr. Mueller zugesagt.“', 'plaintext')).verdict, 'verbatim');
  assert.equal(only(checkDraft(index, 'Hun sagde: «Det er groenlaenderne selv, der bestemmer over deres fremtid».', 'plaintext')).verdict, 'verbatim');
  assert.equal(only(checkDraft(index, 'Er sagte: „Das hat Dr. Meller zugesagt.“', 'plaintext')).verdict, 'altered');
});

test('a quotation runs on over a speech tag after a short first fragment of the source', () => {
  const index = indexOf('“Oh!” cried Anne eagerly, “I hope I do justice to all that is felt by you.” Then “And this,” cried Darcy, “is your opinion of me!”');
  assert.equal(only(checkDraft(index, 'Anne: “Oh! I hope I do justice to all that is felt by you.”', 'plaintext')).verdict, 'verbatim');
  assert.equal(only(checkDraft(index, 'Darcy: “And this is your opinion of me!”', 'plaintext')).verdict, 'verbatim');
  assert.deepEqual(only(checkDraft(index, 'Anne: “Oh! I hope I do justice to all that is said by you.”', 'plaintext')).changes, [{ draft: 'said', source: 'felt' }]);
});
