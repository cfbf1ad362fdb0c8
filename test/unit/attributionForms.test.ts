// The forms of attribution of press layouts, scholarly prose, fiction and other languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { speaker } from './speakerOf.js';

test('a name before an office of a body set off in capitals is the speaker, not the body', () => {
  const union = "Raymond Castell, Regional Secretary of the Northern Nurses' Union, said: \"We are calling on the Government.\"";
  assert.equal(speaker(union, 'We are calling'), 'Raymond Castell');
  const trust = "Amara Nwosu, Chief Executive of St Brigid's Hospital Trust, said: \"The ward will reopen.\"";
  assert.equal(speaker(trust, 'The ward'), 'Amara Nwosu');
  const after = "\"Nobody was consulted,\" said Raymond Castell, Regional Secretary of the Northern Nurses' Union.";
  assert.equal(speaker(after, 'Nobody'), 'Raymond Castell');
});

test('a name before a colon in a list item or after "And from" speaks, and "they" are not the person quoted before', () => {
  const list = '* "Every penny will be spent," said Peter Dunmore.\n* Janet Whitlow: "We owe it to the people of Mill Lane."';
  assert.equal(speaker(list, 'We owe'), 'Janet Whitlow');
  const from = '“Every penny will be spent,” said Peter Dunmore. And from Janet Whitlow: “We owe it to Mill Lane.”';
  assert.equal(speaker(from, 'We owe'), 'Janet Whitlow');
  const they = '“Not one patient was harmed,” Raymond Castell said. They “waded through floodwater to reach patients”.';
  assert.equal(speaker(they, 'waded'), null);
  // Without such a subject, a second quotation in the paragraph still takes the speaker of the first.
  assert.equal(speaker('“Not one,” Raymond Castell said. And “never again”.', 'never again'), 'Raymond Castell');
  // A sentence with a subject of its own before a colon: its subject speaks, or someone unknown, not the one before.
  const back = '"We will not abandon them," Reyes said. Council member Tom Hale hit back: "The budget does not allow it."';
  assert.equal(speaker(back, 'The budget'), 'Tom Hale');
  const lines = 'Reyes said "We will not abandon them."\nHale disagreed: "The budget does not allow it."';
  assert.equal(speaker(lines, 'The budget'), null);
  // A subject that names no one may stand for the person quoted before.
  const statement = '“We are devastated,” said director Tobias Wren. The statement went on: “Please bring them home.”';
  assert.equal(speaker(statement, 'Please bring'), 'Tobias Wren');
});

test('a statement laid out with "X said:" on a line of its own and the words in the paragraphs below is X\'s', () => {
  const release = 'Union responds\n\nRaymond Castell said:\n\n"Courage is not a substitute for investment."';
  assert.equal(speaker(release, 'Courage is not'), 'Raymond Castell');
  const council =
    'In a statement, council leader Peter Dunmore said:\n\n"The pumps arrived on Thursday night."\n\n"We will not stop until every street is dry."';
  assert.equal(speaker(council, 'The pumps arrived'), 'Peter Dunmore');
  assert.equal(speaker(council, 'We will not stop'), 'Peter Dunmore');
  // A colon that announces something else names no speaker.
  assert.equal(speaker('The council listed its demands:\n\n"More pumps."', 'More pumps'), null);
});

test('"It was X who said", "in the words of X" and "was the message from X" name the speaker', () => {
  const quote = '“stop pointing fingers and start pumping water.”';
  assert.equal(speaker(`It was Councillor Peter Dunmore who said the council should ${quote}`, 'stop pointing'), 'Peter Dunmore');
  assert.equal(speaker(`It was Peter Dunmore who told colleagues to ${quote}`, 'stop pointing'), 'Peter Dunmore');
  assert.equal(speaker(`In the words of Peter Dunmore, the council should ${quote}`, 'stop pointing'), 'Peter Dunmore');
  assert.equal(speaker('“Stop pointing fingers,” was the message from Peter Dunmore.', 'Stop pointing'), 'Peter Dunmore');
  // Someone unnamed who said it is no one the text names.
  assert.equal(speaker(`It was a neighbour who said the council should ${quote}`, 'stop pointing'), null);
});

test('a name that a hard-wrapped line breaks is read whole', () => {
  const wire = 'The panel met. Its chair, Dr Miriam\nOsei, opened the session.\n\n“Our job is not to find someone to blame,” Dr Osei said.';
  assert.equal(speaker(wire, 'Our job'), 'Miriam Osei');
});

test('a name with a curly apostrophe (O’Rourke) in the sentence before a quotation still gives "he" to its person', () => {
  const farm = 'Shellfish farmer Declan O’Rourke, who keeps mussel lines, said it had cost him dearly. “We lost a lot,” he said.';
  assert.equal(speaker(farm, 'We lost'), 'Declan O’Rourke');
});

test('an author’s own sentence beside a quotation of someone else is not that person’s', () => {
  const paper = 'As Maurice Halbwachs observed, "the past is not preserved but reconstructed." The register, too, is a reconstruction.';
  assert.equal(speaker(paper, 'The register, too'), null);
  assert.equal(speaker(paper, 'the past is not preserved'), 'Maurice Halbwachs');
  const loire = 'More than 40 percent of the hedgerows were grubbed up, and with them went the memory that Ferrand had described.';
  assert.equal(speaker(loire, 'More than 40 percent'), null);
  // An attribution after a comma still names its speaker.
  assert.equal(speaker('The plant will close next year, Ross said.', 'The plant will close'), 'Ross');
  assert.equal(speaker('The plant will close next year, said Wilbur Ross.', 'The plant will close'), 'Wilbur Ross');
});

test('verbs of scholarly prose introduce quotations: observes, remembered, confessed, put it', () => {
  assert.equal(speaker('Thomas Aldridge put it memorably: “The river is the city.”', 'The river'), 'Thomas Aldridge');
  assert.equal(speaker('Paul Lindqvist remembered that “the ice came early”.', 'the ice'), 'Paul Lindqvist');
  assert.equal(speaker('Catherine Ashworth confessed that she had “never worked a day”.', 'never worked'), 'Catherine Ashworth');
  // "put" alone is no speech verb.
  assert.equal(speaker('Thomas Aldridge put the book down. “The river is the city.”', 'The river'), null);
});

test('a name after an office set off by a comma holds it, and a sentence’s full stop is no part of a hyphenated name', () => {
  assert.equal(speaker('“The basin will be dredged,” said the authority’s chief engineer, Rashid Qureshi.', 'The basin'), 'Rashid Qureshi');
  assert.equal(speaker('“No,” said the chief engineer, who was tired.', 'No'), null);
  const officer = 'The clean-up began under the county’s first environmental officer, Desmond Achebe-Lowe. His reports were blunt. “Nothing lives in the basin,” he wrote.';
  assert.equal(speaker(officer, 'Nothing lives'), 'Desmond Achebe-Lowe');
});

test('speakers are read in the languages of European newsrooms, with their offices and prepositions left out', () => {
  const german = 'Berlin (dpa) – „Wir werden die Steuern nicht erhöhen“, sagte Bundeskanzler Olaf Scholz vor Journalisten. ' +
    'Finanzminister Christian Lindner hat gesagt: „Die Lage ist ernst.“';
  assert.equal(speaker(german, 'Wir werden'), 'Olaf Scholz');
  assert.equal(speaker(german, 'Die Lage'), 'Christian Lindner');
  const spanish = 'MADRID (EFE). «No vamos a subir los impuestos», afirmó Pedro Sánchez en rueda de prensa. ' +
    'La vicepresidenta María Jesús Montero añadió: «La recaudación ha crecido».';
  assert.equal(speaker(spanish, 'No vamos'), 'Pedro Sánchez');
  assert.equal(speaker(spanish, 'La recaudación'), 'María Jesús Montero');
  const french = 'PARIS (AFP) - « Nous n’augmenterons pas les impôts », a déclaré Emmanuel Macron devant la presse.';
  assert.equal(speaker(french, 'Nous'), 'Emmanuel Macron');
  const italian = 'ROMA (ANSA) - «Non ci sarà nessuna manovra», ha detto il ministro Giancarlo Giorgetti ai giornalisti.';
  assert.equal(speaker(italian, 'Non ci'), 'Giancarlo Giorgetti');
  const dutch = 'DEN HAAG (ANP) - "We gaan de belastingen niet verhogen", zei premier Dick Schoof maandag.';
  assert.equal(speaker(dutch, 'We gaan'), 'Dick Schoof');
  // A dash before the verb, as Polish attributes, and the next quotation are no part of the name.
  const polish = 'WARSZAWA (PAP) - „Nie podniesiemy podatków” – powiedział premier Donald Tusk. Minister finansów Andrzej ' +
    'Domański dodał: „Deficyt spadnie”.';
  assert.equal(speaker(polish, 'Nie podniesiemy'), 'Donald Tusk');
  assert.equal(speaker(polish, 'Deficyt'), 'Andrzej Domański');
});

test('a full name is not read across the end of the sentence before it', () => {
  const text = 'Die Regierung streitet über den Haushalt. Finanzminister Christian Lindner gab sich kämpferisch. ' +
    '„Wir werden die Steuern nicht erhöhen“, sagte Lindner.';
  assert.equal(speaker(text, 'Wir werden'), 'Christian Lindner');
});

test('the tags of fiction and the literary present of criticism name the speaker', () => {
  const novel = '“But you said to me,” returned Estella, very earnestly, “I have been bent and broken, but into a better shape.”';
  assert.equal(speaker(novel, 'I have been bent'), 'Estella');
  const essay = 'As Caroline Bingley retorts, “Mr. Darcy is not to be laughed at!”';
  assert.equal(speaker(essay, 'Mr. Darcy is not'), 'Caroline Bingley');
  // The verbs of the manner of saying ("drawled", "snapped", "inquired") are tags too.
  const lines = '“Reckon you’re the meanest cuss in these woods,” drawled Jim.\n\n“Nonsense!” snapped Anson.';
  assert.equal(speaker(lines, 'Reckon'), 'Jim');
  assert.equal(speaker(lines, 'Nonsense'), 'Anson');
  assert.equal(speaker('“Is it far?” inquired Mr. Syme.', 'Is it far'), 'Syme');
});

test('a first-person narrator who speaks is named by no one, and does not take the words of the speaker before', () => {
  const lines = '‘It’s a big order,’ said Sir Henry.\n\n‘You are right,’ I answered, ‘it is; but I take it.’';
  assert.equal(speaker(lines, 'You are right'), null);
  assert.equal(speaker(lines, 'it is; but'), null);
  const inverted = '“Where is he?” asked Holmes.\n\n“In the study,” said I, “since noon.”';
  assert.equal(speaker(inverted, 'In the study'), null);
  const before = '“Where is he?” asked Holmes.\n\nI said, “In the study.”';
  assert.equal(speaker(before, 'In the study'), null);
  // The narrator's reply, told in the narrator's words, leaves the quotation to the one who asked.
  const reply = 'Mrs. Hale would not let me go; she asked:\n\n“Do you know what day it is?” I answered that it was May.';
  assert.equal(speaker(reply, 'Do you know'), 'Hale');
});

test('a pronoun is not read as a person the quotation names: speakers seldom name themselves', () => {
  const pride = 'Mary wished to say something sensible.\n\n“While Mary is adjusting her ideas,” he continued, “let us go on.”';
  assert.equal(speaker(pride, 'While Mary'), null);
  const addressed = 'Basil Hallward sat down.\n\nHe said, “Basil, you will not send it anywhere.”';
  assert.equal(speaker(addressed, 'you will not send'), null);
  assert.equal(speaker(addressed.replace('Basil, you', 'You'), 'will not send'), 'Basil Hallward');
  // Unless the speaker says who they are.
  const introduced = 'Mary Lennox stood in the doorway.\n\n“I am Mary Lennox,” she said.';
  assert.equal(speaker(introduced, 'I am Mary'), 'Mary Lennox');
});

test('after a line given to someone unnamed and a line of a named speaker, an untagged line takes no one', () => {
  const lines = '"How much?" asked a gentleman.\n\n"Ten cents," said Dick.\n\n"Ten cents! Isn\'t that a little steep?"';
  assert.equal(speaker(lines, 'Ten cents! Isn'), null);
  // After a named line alone, the untagged line goes on in that speaker's words, as news copy lays it out.
  const copy = 'The mayor spoke first.\n\n"We will rebuild," said Helen Okafor.\n\n"The money is there."';
  assert.equal(speaker(copy, 'The money'), 'Helen Okafor');
});

test('a capitalised word that only ever opens a sentence, and no verb follows, is no one a pronoun stands for', () => {
  const cotter = 'He puffed at his pipe. Tiresome old fool! I soon grew tired of him.\n\n“I have my own theory,” he said.';
  assert.equal(speaker(cotter, 'I have my own'), null);
  const carrie = 'Flush, colourful cheeks, a light moustache, a grey fedora hat.\n\n“I didn’t say that,” she said.';
  assert.equal(speaker(carrie, 'I didn’t say'), null);
  // A first name only ever at a sentence's opening is still a person's where a verb or a description follows it.
  assert.equal(speaker('Maria has lived here for 20 years.\n\n“I love it,” she said.', 'I love it'), 'Maria');
  assert.equal(speaker('Maria, 34, moved here in 2019.\n\n“I love it,” she said.', 'I love it'), 'Maria');
  assert.equal(speaker('Maria laughs at the question.\n\n“I love it,” she said.', 'I love it'), 'Maria');
});

test('a one-word name that the text gives in full as a body’s is no one a pronoun stands for', () => {
  const festival =
    'The main sponsor, Brightwave Energy, withdrew. Costigan said nothing for days.\n\n' +
    'In a long interview, Costigan described four days after Brightwave told her it was pulling out.\n\n' +
    '"We talked to banks," she said.';
  assert.equal(speaker(festival, 'We talked'), 'Costigan');
  // A name that is a person's somewhere ("Philip Carey") stays one, whatever else shares it ("Philip IV").
  const philip = 'Philip Carey read of Philip IV all night.\n\nLater Philip told Emma it was done.\n\n"It is done," he said.';
  assert.equal(speaker(philip, 'It is done'), 'Philip');
});

test('an office is held by the person a clause after the name gives it to ("who runs both as chief executive")', () => {
  const hospital =
    'Dr Sunil Mehra, who already runs both hospitals as joint chief executive, rejected the claims.\n\n' +
    "Over time, the chief executive promised, patients would see 'shorter waits'.";
  assert.equal(speaker(hospital, 'shorter waits'), 'Sunil Mehra');
  // A clause that gives the office to no one does not: "who met the chief executive".
  const met = 'Dr Sunil Mehra, who met the chief executive, left.\n\nThe chief executive promised \'shorter waits\'.';
  assert.equal(speaker(met, 'shorter waits'), null);
});

test('a verb of saying after an article or a possessive describes a noun, and is no one’s saying', () => {
  const match = 'Rovers boss Gareth Lyle called the added time "a mystery" and said his team had been refused "a penalty".';
  assert.equal(speaker(match, 'a mystery'), 'Gareth Lyle');
  assert.equal(speaker(match, 'a penalty'), 'Gareth Lyle');
  assert.equal(speaker('Lyle said his stated aim was "survival".', 'survival'), 'Lyle');
});

test('a pronoun after a paragraph that gives its quotation to an office stands for the office’s holder', () => {
  const court =
    'Martin Ashdown hid the losses, Judge Eleanor Price said.\n\n' +
    '“You were the one person whose job it was to say no,” the judge told him.\n\n“You chose silence,” she said.';
  assert.equal(speaker(court, 'You chose silence'), 'Eleanor Price');
});

test('a line tagged with a person the text does not name is theirs, not the speaker of the line before', () => {
  const street = '"Ten cents," said Dick.\n\n"Ten cents! Isn\'t that steep?" asked the gentleman, surveying his boots.';
  assert.equal(speaker(street, 'Ten cents! Isn'), null);
  assert.equal(speaker('“She was ten years older,” said her husband.', 'She was ten'), null);
  // A body the text named before may be what a description stands for: "the agency" is ESA.
  const agency = 'ESA promised that Vela-2 "will fly again". The inquiry will be "independent", the agency said.';
  assert.equal(speaker(agency, 'independent'), 'ESA');
});
