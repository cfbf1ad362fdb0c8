// Unit tests of the quotation finder on plain text: mark styles, apostrophes, groups, paragraphs, straight marks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftFormatOf, findQuotations } from '../../server/src/core/extract/index.js';
import type { DraftFormat, Quotation } from '../../server/src/core/types.js';

/** The quotations of `text` as [text, start, end, group] rows, checked against the offsets they claim. */
function rows(text: string, format: DraftFormat = 'plaintext'): [string, number, number, number][] {
  return findQuotations(text, format).map((q: Quotation) => {
    assert.equal(text.slice(q.start, q.end), q.text, 'text must be the slice its offsets name');
    return [q.text, q.start, q.end, q.group];
  });
}

/** The texts of the quotations of `text`. */
function texts(text: string, format: DraftFormat = 'plaintext'): string[] {
  return rows(text, format).map((r) => r[0]);
}

test('curly double marks', () => {
  const s = 'He said “we will win” and left.';
  const [q] = findQuotations(s, 'plaintext');
  assert.deepEqual([q.text, q.start, q.end], ['we will win', 9, 20]);
  assert.deepEqual(q.open, { start: 8, end: 9 });
  assert.deepEqual(q.close, { start: 20, end: 21 });
});

test('straight double marks', () => {
  assert.deepEqual(rows('"Yes," he said. Then "no."'), [['Yes,', 1, 5, 0], ['no.', 22, 25, 1]]);
});

test('curly and straight single marks', () => {
  assert.deepEqual(rows('‘Quite so,’ she said.'), [['Quite so,', 1, 10, 0]]);
  assert.deepEqual(rows("'Like this,' said he."), [['Like this,', 1, 11, 0]]);
});

test('a single-quoted quotation nested in a double one belongs to the outer one', () => {
  const s = '“None of these ‘human rights issues’ exist,” he said.';
  assert.deepEqual(rows(s), [['None of these ‘human rights issues’ exist,', 1, 43, 0]]);
  assert.deepEqual(texts('"He told me \'never\' twice," she said.'), ["He told me 'never' twice,"]);
});

test('guillemets both ways, single guillemets', () => {
  assert.deepEqual(rows('Il a dit « nous reviendrons » hier.'), [['nous reviendrons', 11, 27, 0]]);
  assert.deepEqual(rows('Er sagte »wir kommen« und ging.'), [['wir kommen', 10, 20, 0]]);
  assert.deepEqual(texts('Elle a dit ‹ oui › enfin.'), ['oui']);
  assert.deepEqual(texts('Han sagde ›ja‹ til sidst.'), ['ja']);
});

test('low-high marks', () => {
  assert.deepEqual(rows('Er sagte „wir kommen“ und ging.'), [['wir kommen', 10, 20, 0]]);
  assert.deepEqual(texts('Sie sagte ‚nein‘ leise.'), ['nein']);
  assert.deepEqual(texts('„Er sagte ‚nein‘ leise“, schrieb sie.'), ['Er sagte ‚nein‘ leise']);
});

test('corner brackets, with white corners nested', () => {
  assert.deepEqual(rows('彼は「行きます」と言った。'), [['行きます', 3, 7, 0]]);
  assert.deepEqual(texts('「『雪国』を読んだ」と言った。'), ['『雪国』を読んだ']);
  assert.deepEqual(texts('『雪国』'), ['雪国']);
});

test('LaTeX-style backtick marks also in plain text', () => {
  assert.deepEqual(rows("He said ``we will'' and `maybe' too."), [['we will', 10, 17, 0], ['maybe', 25, 30, 1]]);
});

test('mixed straight and curly marks make one quotation', () => {
  assert.deepEqual(rows('She said "Hello” and waved.'), [['Hello', 10, 15, 0]]);
  assert.deepEqual(texts('“Hello," she said.'), ['Hello,']);
});

test('apostrophes are not quotation marks', () => {
  assert.deepEqual(texts('I don’t know why rock ’n’ roll was big in the ’80s; ’tis said the Joneses’ house and the dogs\' bones.'), []);
  assert.deepEqual(texts("'Tis true and 'twas so in the '90s."), []);
});

test('a quotation in straight single marks may open with a word a dialect elision also writes', () => {
  assert.deepEqual(texts("Jane has 'as much soul as you,—and full as much heart!' she says."), ['as much soul as you,—and full as much heart!']);
  assert.deepEqual(texts("'E 'as gone,' said Sam."), ["E 'as gone,"]);
  assert.deepEqual(texts("He 'as gone home and won't come."), []);
});

test('apostrophes inside a single-quoted quotation do not close it', () => {
  const s = "'I don't think the Joneses' house is ours,' she said, 'nor rock 'n' roll.'";
  assert.deepEqual(texts(s), ["I don't think the Joneses' house is ours,", "nor rock 'n' roll."]);
  assert.deepEqual(texts('‘We can’t go to the dogs’ home,’ he said.'), ['We can’t go to the dogs’ home,']);
});

test('a quotation that runs on into prose is not cut short at an apostrophe inside it', () => {
  // Every closing candidate here is followed by lower-case prose, so none is sure: a plural possessive or a dropped
  // g inside is passed over, an attribution after one makes it the close, and ’n’ is no mark at all.
  const s = 'Brandt called the plan ‘a waste of the taxpayers’ cash and a bet on the harbour’ on Tuesday.';
  assert.deepEqual(texts(s), ['a waste of the taxpayers’ cash and a bet on the harbour']);
  assert.deepEqual(texts("He called it 'a waste of the taxpayers' money' on Tuesday."), ["a waste of the taxpayers' money"]);
  assert.deepEqual(texts('‘We’re goin’ home now’ she said.'), ['We’re goin’ home now']);
  assert.deepEqual(texts('She called it ‘rock ’n’ roll politics’ at the gala.'), ['rock ’n’ roll politics']);
  assert.deepEqual(texts('Brandt said ‘nobody was shown the councillors’ figures’ on Tuesday.'), ['nobody was shown the councillors’ figures']);
  assert.deepEqual(texts('‘Look at the stars’ said the farmers’ son.'), ['Look at the stars']);
});

test('top-level single quotations in British-style text', () => {
  assert.deepEqual(rows("'Like this', said he, and 'like that'."), [['Like this', 1, 10, 0], ['like that', 27, 36, 1]]);
  assert.deepEqual(texts("'Yes' and 'no' were all he said."), ['Yes', 'no']);
});

test('a quotation interrupted by attribution shares one group; the next has its own', () => {
  const s = '“We will,” she said, “rebuild.” Later she added: “It was hard.”';
  assert.deepEqual(rows(s), [['We will,', 1, 9, 0], ['rebuild.', 22, 30, 0], ['It was hard.', 50, 62, 1]]);
  assert.deepEqual(rows('"Go." He left. "Now."').map((r) => r[3]), [0, 1]);
  // After "she said." a quotation goes on with her statement, unless it has an attribution of its own.
  assert.deepEqual(rows('“We will,” she said. “We must.”').map((r) => r[3]), [0, 0]);
  const two = '“We will rebuild,” Calloway said. “Nobody has seen a figure,” Brandt said.';
  assert.deepEqual(rows(two).map((r) => r[3]), [0, 1]);
  // A comment between the parts (Markdown) does not part them.
  const commented = '“We will,” she said, <!-- a note --> “rebuild.”';
  assert.deepEqual(findQuotations(commented, 'markdown').map((q) => q.group), [0, 0]);
});

test('a quotation over several paragraphs runs from the first opening to the final close', () => {
  const s = '“First paragraph of the speech.\n\n“Second paragraph,” she ended.\n\nNarrative.';
  const [q, ...rest] = findQuotations(s, 'plaintext');
  assert.equal(rest.length, 0);
  assert.equal(q.text, 'First paragraph of the speech.\n\n“Second paragraph,');
  assert.deepEqual(q.open, { start: 0, end: 1 });
  assert.deepEqual(q.close, { start: 51, end: 52 });
});

test('hard-wrapped lines stay inside the quotation', () => {
  const s = 'He said “this line\nwraps onto\nthe next” today.';
  assert.deepEqual(rows(s), [['this line\nwraps onto\nthe next', 9, 38, 0]]);
});

test('an unclosed mark ends at the end of its paragraph', () => {
  const s = '“This is never closed, he said.\n\nA new paragraph with “a closed one” here.\n\nAnd more text.';
  const [a, b] = findQuotations(s, 'plaintext');
  assert.equal(a.text, 'This is never closed, he said.');
  assert.equal(a.close, null);
  assert.equal(a.end, 31);
  assert.equal(b.text, 'a closed one');
  assert.notEqual(b.close, null);
});

test('straight marks are read by their context and pairing', () => {
  assert.deepEqual(texts('"Stop!"—he cried—"now."'), ['Stop!', 'now.']);
  assert.deepEqual(texts('("Really?") she asked; "[sic]" fine.'), ['Really?', '[sic]']);
});

test('seconds of a coordinate and ditto marks in a column are no quotation marks', () => {
  assert.deepEqual(texts('The harbour lies at 51°30\'26"N 0°7\'39"W, near the old pier.'), []);
  assert.deepEqual(texts('Sandbags:\n  Monday ...... 40\n  "      ...... 55\n  "      ...... 60\n\nShe said "enough".'), ['enough']);
});

test('inch and foot marks do not break the rest', () => {
  assert.deepEqual(texts('He is 5\'10" tall and sells 12" records. "Fine," she said.'), ['Fine,']);
  assert.deepEqual(texts('"He is 6\'2" and I am 5\'4"," she said.'), ['He is 6\'2" and I am 5\'4",']);
  assert.deepEqual(texts('"Number 1" and "Number 2" won.'), ['Number 1', 'Number 2']);
});

test('French guillemets: a closing mark before punctuation, an elision before the opening one, quotations nested', () => {
  assert.deepEqual(texts('« Nous n’abandonnerons jamais nos artisans », a conclu le ministre.'), ['Nous n’abandonnerons jamais nos artisans']);
  assert.deepEqual(texts('« L’État ne laissera tomber personne », a promis Dufresne, « et nous tiendrons ».'), ['L’État ne laissera tomber personne', 'et nous tiendrons']);
  assert.deepEqual(texts('Il estime qu’« avec une hausse de 9 %, le chômage reste le problème ».'), ['avec une hausse de 9 %, le chômage reste le problème']);
  assert.deepEqual(texts('Pour Aubry, « le texte évoque « une aide » sans en préciser le montant ».'), ['le texte évoque « une aide » sans en préciser le montant']);
  // German marks point the other way, before and after words.
  assert.deepEqual(texts('Er sagte »so geht es nicht« und ging.'), ['so geht es nicht']);
});

test('quotation text leaves out the spaces French sets inside guillemets', () => {
  const [q] = findQuotations('« Bonjour »', 'plaintext');
  assert.deepEqual([q.text, q.start, q.end], ['Bonjour', 2, 9]);
});

test('dialogue introduced by a dash', () => {
  const s = 'He turned.\n\n—Thanks, old chap, he said. Switch off the current.\n\n--All in!\n\nNarrative.';
  const found = findQuotations(s, 'plaintext');
  assert.deepEqual(found.map((q) => q.text), ['Thanks, old chap,', 'Switch off the current.', 'All in!']);
  assert.deepEqual(found[0].open, { start: 12, end: 13 });
  assert.deepEqual(found[1].open, { start: 40, end: 40 }, 'the part after the attribution has an empty opening span');
  assert.deepEqual(found[2].open, { start: 65, end: 67 });
  assert.deepEqual(found.map((q) => q.group), [0, 0, 1]);
});

test('dialogue introduced by an en dash, as French and Scandinavian typesetting write it, where it is attributed', () => {
  const s = 'The council met.\n\n– We will rebuild the wall before the storm, said Calloway.\n\n– Not one figure, said Brandt.';
  assert.deepEqual(texts(s), ['We will rebuild the wall before the storm,', 'Not one figure,']);
  // The items of a list written with en dashes say nothing: they are no dialogue, and their marks are read as ever.
  assert.deepEqual(texts('To do:\n\n– Buy milk.\n\n– Ask the mayor about “the wall”.'), ['the wall']);
});

test('dialogue in the languages of other newsrooms: their verbs, and an attribution after a dash', () => {
  assert.deepEqual(texts('Stockholm.\n\n– Det är inte värdigt ett land som Sverige, säger Magdalena Andersson.'), [
    'Det är inte värdigt ett land som Sverige,',
  ]);
  assert.deepEqual(texts('Madrid.\n\n—No vamos a subir los impuestos este año —dijo Montero.'), ['No vamos a subir los impuestos este año']);
  const split = texts('Madrid.\n\n—No vamos a subir los impuestos —dijo la ministra—, pero recortaremos el gasto.');
  assert.deepEqual(split, ['No vamos a subir los impuestos', 'pero recortaremos el gasto.']);
});

test('Finnish and Swedish guillemets close with the mark they open with', () => {
  assert.deepEqual(texts('»Emme voi jatkaa velkaantumista», Orpo sanoi. Hän lisäsi: »Suomen talous on käännettävä kasvuun.»'), [
    'Emme voi jatkaa velkaantumista',
    'Suomen talous on käännettävä kasvuun.',
  ]);
  assert.deepEqual(texts('Er sagte »so« und ging.'), ['so']);
});

test('scare quotes and titles are mentions, dialogue is speech', () => {
  const s = 'The so-called “new people” arrived. “Welcome,” she said. He read “Zampa” twice.';
  assert.deepEqual(findQuotations(s, 'plaintext').map((q) => [q.text, q.kind]), [
    ['new people', 'mention'],
    ['Welcome,', 'speech'],
    ['Zampa', 'mention'],
  ]);
});

test('offsets are UTF-16 offsets', () => {
  const s = '😀 “a😀b” done';
  const [q] = findQuotations(s, 'plaintext');
  assert.deepEqual([q.start, q.end, q.text], [4, 8, 'a😀b']);
});

test('draft formats by path or language id', () => {
  assert.equal(draftFormatOf('drafts/a.md'), 'markdown');
  assert.equal(draftFormatOf('A.MARKDOWN'), 'markdown');
  assert.equal(draftFormatOf('markdown'), 'markdown');
  assert.equal(draftFormatOf('notes.txt'), 'plaintext');
  assert.equal(draftFormatOf('plaintext'), 'plaintext');
  assert.equal(draftFormatOf('paper.tex'), 'latex');
  assert.equal(draftFormatOf('latex'), 'latex');
  assert.equal(draftFormatOf('image.png'), null);
  assert.equal(draftFormatOf('dir.md/README'), null);
});

test('a quotation that opens the next paragraph after “she said” is a quotation of its own', () => {
  const text = '“We will hold the line,” she said.\n\n“Nobody will be left behind,” she added.';
  const found = findQuotations(text, 'plaintext');
  assert.deepEqual(found.map((q) => q.text), ['We will hold the line,', 'Nobody will be left behind,']);
  assert.notEqual(found[0].group, found[1].group);
});
