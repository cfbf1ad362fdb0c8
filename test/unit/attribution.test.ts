import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorSpeaking, findSpeaker } from '../../server/src/core/attribution.js';
import { AFP } from './afpWire.js';
import { speaker } from './speakerOf.js';

test('AFP: a title before the name is dropped (US Secretary of Commerce Wilbur Ross, saying that …)', () => {
  assert.equal(speaker(AFP, 'cannot and will not tolerate'), 'Wilbur Ross');
  assert.equal(speaker(AFP, 'brutal suppression'), 'Wilbur Ross');
});

test('AFP: “…,” spokesman Geng Shuang (耿爽) said, for the quotation and the single-quoted words inside it', () => {
  assert.equal(speaker(AFP, 'There is no such thing'), 'Geng Shuang');
  assert.equal(speaker(AFP, 'human rights issues'), 'Geng Shuang');
});

test('AFP: a second quotation in the same paragraph keeps the speaker of the first', () => {
  assert.equal(speaker(AFP, 'These accusations are nothing more'), 'Geng Shuang');
});

test('AFP: a subject that is a country or a document is named as written', () => {
  assert.equal(speaker(AFP, 'groundless'), 'China');
  assert.equal(speaker(AFP, 'strong dissatisfaction'), 'Beijing');
  assert.equal(speaker(AFP, 'These entities have been implicated'), 'the Federal Register update');
});

test('AFP: reported speech attributed with “according to …” and “X announced that …”', () => {
  assert.equal(speaker(AFP, 'Megvii Technology Ltd'), 'US Federal Register');
  assert.equal(speaker(AFP, 'talks between the two countries'), 'White House');
});

test('“…,” Ross said and “…,” said Ross, with curly and straight marks', () => {
  assert.equal(speaker('“We will rebuild,” Ross said.', 'We will rebuild'), 'Ross');
  assert.equal(speaker('“We will rebuild,” said Ross, who visited on Monday.', 'rebuild'), 'Ross');
  assert.equal(speaker('"We will rebuild," Ross said on Tuesday.', 'We will'), 'Ross');
  assert.equal(speaker('“We will rebuild,” Ross told reporters.', 'rebuild'), 'Ross');
  assert.equal(speaker('“We will rebuild,” Ross also said later.', 'rebuild'), 'Ross');
});

test('Geng Shuang said: “…” and Foreign Ministry spokesman Geng Shuang said “…”', () => {
  assert.equal(speaker('Geng Shuang said: “The claims are groundless.”', 'groundless'), 'Geng Shuang');
  assert.equal(speaker('Foreign Ministry spokesman Geng Shuang said “the claims are groundless.”', 'claims'), 'Geng Shuang');
  assert.equal(speaker('At a briefing, Geng Shuang told reporters: “The claims are groundless.”', 'claims'), 'Geng Shuang');
});

test('titles before names are dropped', () => {
  assert.equal(speaker('US Secretary of the Treasury Steven Mnuchin said: “Talks will resume.”', 'Talks'), 'Steven Mnuchin');
  assert.equal(speaker('“Talks will resume,” Chinese Vice Premier Liu He said.', 'Talks'), 'Liu He');
  assert.equal(speaker('“Talks will resume,” said US Trade Representative Robert Lighthizer.', 'Talks'), 'Robert Lighthizer');
  assert.equal(speaker('“It is done,” Mr. Ross said.', 'done'), 'Ross');
  assert.equal(speaker('“It is done,” Minister of Foreign Affairs Wang Yi said.', 'done'), 'Wang Yi');
  assert.equal(speaker('Nineteen-year-old Ellie Brandt said: “I did not expect to play.”', 'expect'), 'Ellie Brandt');
  // A dash between words ends the word before it: the name after it is read whole, and no name runs on into it.
  assert.equal(speaker('“We won,” said the coach--Mr. Alan Reed--after the match.', 'We won'), 'Alan Reed');
  const dashed = 'She asked about Mr. Waymarsh of Milrose Connecticut--Mr. Waymarsh the lawyer.\n\n“Oh yes,” he said.';
  assert.equal(speaker(dashed, 'Oh yes'), null);
  // A role before a name, capitalised as a sentence opens with it, is no part of the name.
  const resident = 'Resident Linda Park, whose house burned in 2018, left early. “I learned my lesson,” Park said.';
  assert.equal(speaker(resident, 'I learned'), 'Linda Park');
  assert.equal(speaker('“I just hit it,” Substitute Kai Osei told reporters.', 'I just hit'), 'Kai Osei');
  // Hyphenated offices are titles; the body a full name is "of" is no part of it, unless an office follows.
  assert.equal(speaker('“We will rebuild,” said UN Secretary-General António Reis.', 'We will'), 'António Reis');
  assert.equal(speaker('“It is too small,” said Hannah Lindqvist of the advocacy group Climate Finance Watch.', 'too small'), 'Hannah Lindqvist');
  assert.equal(speaker('“It is too small,” said Ingrid Solberg of the Norwegian Refugee Council.', 'too small'), 'Ingrid Solberg');
  assert.equal(speaker('“We will,” said Islamic Republic of Iran spokesman Ali Bahadori.', 'We will'), 'Ali Bahadori');
  assert.equal(speaker('“I fear nothing,” said Joan of Arc.', 'I fear'), 'Joan of Arc');
  // British police ranks and councillors, abbreviated.
  assert.equal(speaker('“Come forward,” DCI Rachel Onslow said.', 'Come forward'), 'Rachel Onslow');
  assert.equal(speaker('“It is a shameful day,” said Cllr Priya Lal.', 'shameful day'), 'Priya Lal');
});

test('an adverb that opens a sentence is no name, and names with endings like an adverb’s still are', () => {
  assert.equal(speaker('Happily, the door was strong.\n\n“It will hold,” he said.', 'It will hold'), null);
  assert.equal(speaker('Habitually obedient, I came.\n\n“It will hold,” he said.', 'It will hold'), null);
  assert.equal(speaker('Suddenly Holmes stood up. “It will hold,” he said.', 'It will hold'), 'Holmes');
  assert.equal(speaker('Emily said: “It will hold.”', 'It will hold'), 'Emily');
  assert.equal(speaker('“It will hold,” Donnelly said.', 'It will hold'), 'Donnelly');
});

test('reported speech: X said in a statement that …, X told reporters …, …, according to X', () => {
  const statement = 'US Trade Secretary Wilbur Ross said in a statement that the United States cannot tolerate repression.';
  assert.equal(speaker(statement, 'cannot tolerate repression'), 'Wilbur Ross');
  assert.equal(speaker('Ross told reporters that the talks would resume on Thursday.', 'talks would resume'), 'Ross');
  assert.equal(speaker('The plant will close next year, according to Jane Smith, a union official.', 'plant will close'), 'Jane Smith');
  assert.equal(speaker('The plant will close next year, Smith said.', 'will close'), 'Smith');
  assert.equal(speaker('BEIJING, Oct 9 (Reuters) - China on Wednesday said the charges were “groundless”.', 'groundless'), 'China');
  // A long sentence of reported speech that ends in a quotation.
  const long = 'Voss said the threshold on the alarm was raised in May 2023 after six or seven false alarms in a single month left operators “getting called out at night”.';
  assert.equal(speaker(long, 'getting called out'), 'Voss');
  // A document that has no name of its own is the source as the text names it.
  const summary = 'Wold-Hansen spoke first.\n\n“The board decided to wait,” according to the bank’s English-language summary.';
  assert.equal(speaker(summary, 'The board decided'), 'the bank’s English-language summary');
});

test('“…,” he said resolves to the one person named in the paragraph before', () => {
  const draft = [
    '“None of these ‘human rights issues’ claimed by the United States exist,” Foreign Ministry spokesman Geng Shuang said Tuesday.',
    '“These accusations are just an excuse used by the United States to deliberately interfere in China’s internal affairs,” he said.',
  ].join('\n\n');
  assert.equal(speaker(draft, 'These accusations are just an excuse'), 'Geng Shuang');
  const sameParagraph = 'Mayor Jane Doe visited the site on Monday. “We will,” she said, “rebuild.”';
  assert.equal(speaker(sameParagraph, 'We will'), 'Jane Doe');
  assert.equal(speaker(sameParagraph, 'rebuild'), 'Jane Doe');
});

test('a pronoun after a paragraph whose subject is someone unnamed (“The clergyman explained …”) is not resolved', () => {
  const tess = '“Daze my eyes,” said Durbeyfield.\n\nThe clergyman explained that it had died out of knowledge.\n\n“At first I resolved not to disturb you,” said he.';
  assert.equal(speaker(tess, 'At first I resolved'), null);
  // A woman described does not stand in the way of "he".
  const woman = '“Daze my eyes,” said Durbeyfield.\n\nThe woman explained that it had died out.\n\n“At first I resolved not to disturb you,” said he.';
  assert.equal(speaker(woman, 'At first I resolved'), 'Durbeyfield');
});

test('a pronoun that could stand for two people, or for nobody named, gives null', () => {
  assert.equal(speaker('Ross met Vice Premier Liu He on Monday.\n\n“We made progress,” he said.', 'progress'), null);
  assert.equal(speaker('“We made progress,” she said.', 'progress'), null);
  assert.equal(speaker('The talks ended late.\n\n“We made progress,” he said.', 'progress'), null);
});

test('"she said" paragraphs in a row carry the pronoun back to the person named before them', () => {
  const paragraphs = [
    '“It is the worst I have seen,” Mayor Grace Okonkwo told this paper.',
    '“The whole street is a lake,” she said.',
    '“The defences did what they were built to do,” she said.',
    '“They did what they were built to do,” she repeated.',
    'An opposition councillor misquoted her on social media.',
    '“We need the grant this week,” she said. “People are sleeping in the leisure centre.”',
  ];
  const draft = paragraphs.join('\n\n');
  assert.equal(speaker(draft, 'We need the grant'), 'Grace Okonkwo');
  assert.equal(speaker(draft, 'People are sleeping'), 'Grace Okonkwo');
  // Paragraphs that give no quotation to "she" still count: four of them leave the pronoun unresolved.
  const quiet = ['The river rose overnight.', 'The rain stopped at noon.', 'The council met at six.'];
  const far = [paragraphs[0], ...quiet, '“We need the grant this week,” she said.'].join('\n\n');
  assert.equal(speaker(far, 'We need the grant'), null);
  // A chain stops at the first paragraph that names anyone: there, another person.
  const other = [paragraphs[0], paragraphs[1], 'Councillor Joanne Pryce spoke next.', '“We need the grant,” she said.'].join('\n\n');
  assert.equal(speaker(other, 'We need the grant'), 'Joanne Pryce');
  // "he said" paragraphs carry no "she".
  const mixed = [paragraphs[0], '“Nobody came,” he said.', '“Nobody,” he said.', '“Nobody at all,” he said.', '“We need the grant,” she said.'];
  assert.equal(speaker(mixed.join('\n\n'), 'We need the grant'), null);
});

test('a name set off by commas after a lower-case word is that word’s object, not a speaker', () => {
  const draft = 'Health Minister Helen Marchetti, visiting Bramley, said the hospitals had to merge.\n\n“It is the only way,” she said.';
  assert.equal(speaker(draft, 'the only way'), 'Helen Marchetti');
});

test('“…,” X, a description set off by commas, told …: the name before the description is the speaker', () => {
  const draft = '“This is not the deal we wanted,” Teresa Lualua, the lead negotiator for the island states, told the plenary.';
  assert.equal(speaker(draft, 'This is not the deal'), 'Teresa Lualua');
  const long = '“It did not fail because of the storm,” Dr. Ingrid Halvorsen, chair of the panel appointed by the state, told the committee.';
  assert.equal(speaker(long, 'did not fail'), 'Ingrid Halvorsen');
  // A clause that is no description, or no speech verb after it, gives no speaker.
  assert.equal(speaker('“We lost,” Teresa Lualua, the lead negotiator, left the hall.', 'We lost'), null);
  assert.equal(speaker('“We lost,” Teresa Lualua, Tuvalu and Fiji told the plenary.', 'We lost'), null);
});

test('a name set off before a description that opens with a possessive is a person a pronoun can stand for', () => {
  const draft = 'Lorraine Pike, Daniel’s mother, listened from the front row.\n\n“Nobody said sorry,” she said afterward.';
  assert.equal(speaker(draft, 'Nobody said sorry'), 'Lorraine Pike');
});

test('“…,” he answered after a quotation paragraph of someone else is not that person’s, nor another “he”’s', () => {
  const after = (line: string) => `Basil sat by the easel.\n\n“It is your best work, Basil,” said Lord Henry.\n\n${line}`;
  assert.equal(speaker(after('“I shall not send it anywhere,” he answered.'), 'I shall not'), null);
  // "said" goes on in the same person's words; a reply to a line "he" spoke is another man's.
  assert.equal(speaker(after('“I shall not send it anywhere,” he said.'), 'I shall not'), 'Henry');
  const pronouns = 'Lord Henry sat down.\n\n“It is your best work,” he said.\n\n“I shall not send it anywhere,” he replied.';
  assert.equal(speaker(pronouns, 'I shall not'), null);
  // Nor after a paragraph that tells what Lord Henry does, then quotes him.
  const told = 'Lord Henry raised his eyebrows. “Not send it anywhere? Why?”\n\n“You will laugh at me,” he replied.';
  assert.equal(speaker(told, 'You will laugh'), null);
  assert.equal(speaker(told.replace('he replied', 'he said'), 'You will laugh'), 'Henry');
});

test('academic writing: a citation after the quotation, a year after the name, and a citation’s "p." in the sentence', () => {
  assert.equal(speaker('“The medium is the message” (McLuhan, 1964, p. 7).', 'The medium'), 'McLuhan');
  assert.equal(speaker('“We are what we repeatedly do” (Will Durant 1926: 61).', 'We are what'), 'Will Durant');
  assert.equal(speaker('“Trust is earned” (Smith and Jones, 2019).', 'Trust is earned'), 'Smith and Jones');
  assert.equal(speaker('“Trust is earned” (Lee et al., 2020).', 'Trust is earned'), 'Lee');
  assert.equal(speaker('“Culture is public,” Clifford Geertz (1973, p. 12) insists.', 'Culture is public'), 'Clifford Geertz');
  assert.equal(speaker('As Mary Douglas (1966) argues, “dirt is disorder”.', 'dirt is'), 'Mary Douglas');
  // A parenthesis that names no one with a year is no citation.
  assert.equal(speaker('“Trust is earned” (see below).', 'Trust is earned'), null);
  assert.equal(speaker('“Trust is earned” (2019).', 'Trust is earned'), null);
});

test('a dash after the quotation names the speaker, as press releases, testimonials and epigraphs do', () => {
  const release = '"This partnership puts power in 400 classrooms."\n— Jane Doe, Chief Executive Officer, Widgets Inc.';
  assert.equal(speaker(release, 'This partnership'), 'Jane Doe');
  assert.equal(speaker('"The pilot cut costs by 60 percent" -- Maria Gomez, principal', 'The pilot'), 'Maria Gomez');
  // A dash that sets off the narrator's words names no one.
  assert.equal(speaker('“I know,” — she hesitated — “but not yet.”', 'I know'), null);
});

test('a label before a colon names the speaker of the quotation after it: an office, or a full name', () => {
  const headline = 'Riverton mayor: “We asked for the upgrade in 2019”\n\nMayor Grace Okonkwo said the town had waited.';
  assert.equal(speaker(headline, 'We asked'), 'Grace Okonkwo');
  const markdown = '# Health minister: hospitals “cannot go on competing”\n\nHealth Minister Helen Marchetti spoke in Bramley.';
  assert.equal(speaker(markdown, 'cannot go on'), 'Helen Marchetti');
  assert.equal(speaker('Grace Okonkwo: “We asked for the upgrade.”', 'We asked'), 'Grace Okonkwo');
  // Words between the label and the quotation only in a headline; a label that names no one, or a transcript's, is not read.
  assert.equal(speaker('Some text.\n\nRiverton mayor: the town “waited”\n\nMayor Grace Okonkwo spoke.', 'waited'), null);
  assert.equal(speaker('Her message to residents: “Stay out of the water.”', 'Stay out'), null);
  assert.equal(speaker('Note: “Stay out of the water.”', 'Stay out'), null);
  const two = 'Negotiator: deal “not the deal we wanted”\n\nAnn Lee, the lead negotiator, and Tuvalu’s negotiator, Simeona Tafua, spoke.';
  assert.equal(speaker(two, 'not the deal'), null);
});

test('a quotation right after a sentence of what "she" does is hers', () => {
  const feature = 'For forty years, Agnes MacLeod kept the light.\n\nAsked whether she misses it, she laughs. “Every single day.”';
  assert.equal(speaker(feature, 'Every single day'), 'Agnes MacLeod');
  // Not after a sentence whose subject is someone else.
  assert.equal(speaker('Agnes MacLeod kept the light.\n\nThe board shut it in 1998. “Every single day.”', 'Every single day'), null);
});

test('a pronoun after a quotation in a paragraph naming two people is the speaker of the sentence before it', () => {
  const draft = 'In a statement, Pelton said it regretted the leak. Whitford said the company had not waited. “We replaced every alarm,” he said.';
  assert.equal(speaker(draft, 'We replaced'), 'Whitford');
  // Not when that speaker is named as someone "he" cannot stand for.
  const woman = 'Dalton said Voss was wrong. Mrs Holloway said the company had waited. “We replaced every alarm,” he said.';
  assert.equal(speaker(woman, 'We replaced'), null);
});

test('words that describe a person between "said" and the name: the name is still a person a pronoun can stand for', () => {
  const draft = 'A survey was published. “We expected a bad result,” said lead author Katharina Feuerstein.\n\n“Two years did this,” she said.';
  assert.equal(speaker(draft, 'Two years'), 'Katharina Feuerstein');
});

test('a name set off by a comma before "who" is a person a pronoun can stand for, unless an article comes before it', () => {
  const draft = 'For Reza Tavakoli, who lost his mother, the anger is raw. "For two days we dug with our hands," he said.';
  assert.equal(speaker(draft, 'For two days'), 'Reza Tavakoli');
  const common = 'She was given to the care of an Ayah, who kept her out of sight.\n\n"Why did you come?" she said.';
  assert.equal(speaker(common, 'Why did you come'), null);
});

test('a quotation that runs over paragraphs, or a quotation paragraph after an attributed one, keeps its speaker', () => {
  const open = 'Sullivan said: “In Xinjiang, the government prohibits praying.\n\n“It is a systematic campaign.”';
  assert.equal(speaker(open, 'systematic campaign'), 'Sullivan');
  const closed = [
    '“In Xinjiang, the Chinese government prohibits Muslims from praying and reading the Koran,” Sullivan said.',
    '“It is a systematic campaign by the CPC to prevent its citizens from exercising their right to religious freedom.”',
  ].join('\n\n');
  assert.equal(speaker(closed, 'systematic campaign'), 'Sullivan');
  const participle = 'At the meeting, US Deputy Secretary of State John Sullivan spoke, denouncing China’s “appalling crackdown.”';
  assert.equal(speaker(participle, 'appalling crackdown'), 'John Sullivan');
});

test('quotations nobody is named for give null', () => {
  assert.equal(speaker('“It is over,” a spokesman said.', 'over'), null);
  assert.equal(speaker('The sign read “closed for repairs” all week.', 'closed'), null);
  assert.equal(speaker('Nothing here.\n\n“Unattributed words.”', 'Unattributed'), null);
  assert.equal(speaker('The narration went on.\n\nIt was “fine,” they said.', 'fine'), null);
});

test('lower-case words that describe the person before a name: said launch director X, champion X, group X', () => {
  assert.equal(speaker('“We lost the vehicle,” said launch director Pierre-Yves Garnier.', 'lost the vehicle'), 'Pierre-Yves Garnier');
  assert.equal(speaker('“It is gone,” said lead author Dr Katharina Feuerstein of the university.', 'It is gone'), 'Katharina Feuerstein');
  assert.equal(speaker('Three-time Grand Slam champion Lucía Vidal retired, saying her body could “no longer keep up”.', 'no longer'), 'Lucía Vidal');
  assert.equal(speaker('Consumer group BEUC welcomed the decision, calling it “long overdue”.', 'long overdue'), 'BEUC');
  // A description that runs into "of" names no one: the subject here is not who spoke.
  assert.equal(speaker('A former officer of Halvorsen Bank was jailed for what the judge called “a betrayal” of trust.', 'a betrayal'), null);
});

test('a one-word name is given in the fullest form the source used for it before', () => {
  const story = 'Three-time champion Lucía Vidal retired on Friday.\n\n“I am done,” Vidal said.';
  assert.equal(speaker(story, 'I am done'), 'Lucía Vidal');
  // Titles are dropped, words that open a sentence are no part of the name, and a name given once stays as it is.
  assert.equal(speaker('Judge Eleanor Price sat.\n\n“Stand up,” Price said.', 'Stand up'), 'Eleanor Price');
  assert.equal(speaker('Then Vidal left.\n\n“I am done,” Vidal said.', 'I am done'), 'Vidal');
  assert.equal(speaker('“I am done,” Vidal said.', 'I am done'), 'Vidal');
  // The nearest full mention wins: two people of one family.
  const family = 'Ann Smith spoke first. Later John Smith arrived.\n\n“We are ready,” Smith said.';
  assert.equal(speaker(family, 'We are ready'), 'John Smith');
  // A title near the passage picks the full form of that sex: Mr. Pett is Peter, Mrs. Pett is Nesta.
  const petts = 'Mr. Peter Pett read. Mrs. Nesta Ford Pett wrote. The name Nesta Ford Pett was known.\n\n';
  assert.equal(speaker(`${petts}“What are you eating?” demanded Mr. Pett.`, 'What are you'), 'Peter Pett');
  assert.equal(speaker(`${petts}“What are you eating?” demanded Mrs. Pett.`, 'What are you'), 'Nesta Ford Pett');
});

test('a line after two quotation paragraphs of two speakers is a turn of a dialogue, whose speaker is not given', () => {
  const dialogue = '“Will you send it?” asked Basil.\n\n“No,” said Henry.\n\n“Why not?”';
  assert.equal(speaker(dialogue, 'Why not'), null);
  // One speaker going on, as news copy writes it, keeps the speaker.
  assert.equal(speaker('The mayor spoke.\n\n“We will rebuild,” Hill said.\n\n“It will take years.”', 'It will take'), 'Hill');
  assert.equal(speaker('“We start today,” Hill said.\n\n“We will rebuild,” Hill said.\n\n“It will take years.”', 'It will take'), 'Hill');
});

test('a name after "told" is whom the words were said to, not who said them', () => {
  const text = 'Feuerstein spoke first. The lead author later told Reuters about the survey.\n\n“I have spent 20 years here,” she said.';
  assert.equal(speaker(text, 'I have spent'), 'Feuerstein');
  // After "asked", fiction puts the speaker: “Why?” asked Elizabeth.
  assert.equal(speaker('“Why not?” asked Elizabeth.', 'Why not'), 'Elizabeth');
});

test('"he" stands for no one a title names a woman, "she" for no one a title names a man', () => {
  assert.equal(speaker('Mrs. Hall set the table.\n\n“I have some luggage,” he said.', 'some luggage'), null);
  assert.equal(speaker('Mrs. Hall and Mr. Teddy Henfrey talked.\n\n“I have some luggage,” he said.', 'some luggage'), 'Teddy Henfrey');
  assert.equal(speaker('Mrs. Hall set the table while Mr. Teddy Henfrey talked.\n\n“Come in,” she said.', 'Come in'), 'Hall');
  // Without titles, two people leave the pronoun unclear.
  assert.equal(speaker('Ann Hall and Teddy Henfrey talked.\n\n“Come in,” she said.', 'Come in'), null);
});

test('a name before a description set off by commas speaks, and the body the description names is no person', () => {
  const draft = 'Maria Delgado, general secretary of the Dockers’ Union, said the strike would last “as long as it takes”.\n\n“We did not want this,” she said.';
  assert.equal(speaker(draft, 'as long as it takes'), 'Maria Delgado');
  assert.equal(speaker(draft, 'We did not want this'), 'Maria Delgado');
});

test('a name set off by commas: an appositive, and an age after a name', () => {
  assert.equal(speaker('Ghana’s ambassador, Abena Owusu-Ansah, said the text was “the minimum we owe them”.', 'the minimum'), 'Abena Owusu-Ansah');
  assert.equal(speaker('“Tonight we won,” Villanueva, 61, told supporters.', 'Tonight we won'), 'Villanueva');
  assert.equal(speaker('Villanueva, 61, said: “Tonight we won.”', 'Tonight we won'), 'Villanueva');
});

test('the names of a list in a speaker’s name, and an age after the name a pronoun stands for', () => {
  const dcms = 'A spokesperson for the Department for Culture, Media and Sport said it was “ready to help”.';
  assert.equal(speaker(dcms, 'ready to help'), 'Department for Culture Media and Sport');
  const attorney = 'The attorney, Peter Dalton, 61, told reporters the company was to blame.\n\n“It was allowed to happen,” he said.';
  assert.equal(speaker(attorney, 'It was allowed'), 'Peter Dalton');
  const chair = 'Joanne Pryce, 41, who chairs the campaign, told reporters they were angry.\n\n“They made up their minds,” she said.';
  assert.equal(speaker(chair, 'They made up'), 'Joanne Pryce');
});

test('a quotation right after a sentence of reported speech goes on in its speaker’s words', () => {
  assert.equal(speaker('Sheriff Linda Torres said deputies had gone door to door. “We knocked on every door.”', 'We knocked'), 'Linda Torres');
  const bank = 'Ida Wold-Hansen chairs the board.\n\nShe said the board had discussed a cut. “A cut was on the table, yes.”';
  assert.equal(speaker(bank, 'A cut was on the table'), 'Ida Wold-Hansen');
  // A sentence that reports no speech leaves the quotation unattributed.
  assert.equal(speaker('The fire spread overnight. “We knocked on every door.”', 'We knocked'), null);
});

test('a passage that runs on over the reporter’s words has the attribution of the quotation it starts in', () => {
  const text = 'Lenoir rejected the claim. “We enforce the law alike,” she said. “Nationality plays no role.”';
  assert.equal(speaker(text, 'We enforce the law alike,” she said. “Nationality'), 'Lenoir');
});

test('a speech or a statement by its title is its author’s words, when the author is a person', () => {
  assert.equal(authorSpeaking({ title: 'Victory speech, Plaza Mayor', author: 'Teresa Villanueva' }), 'Teresa Villanueva');
  assert.equal(authorSpeaking({ title: 'Nurses strike: statement from the RCN Scottish secretary', author: 'Fiona McLeod' }), 'Fiona McLeod');
  assert.equal(authorSpeaking({ title: 'Remarks by the Governor', author: 'Gov. Jane Doe' }), 'Jane Doe');
  assert.equal(authorSpeaking({ title: 'The stolen brooches: a message from our Director', author: 'Tobias Wren' }), 'Tobias Wren');
  assert.equal(authorSpeaking({ title: 'A note from the editor', author: 'Ann Lee' }), 'Ann Lee');
  // A story about a speech is the reporter's, and a byline that is no person's names nobody.
  assert.equal(authorSpeaking({ title: 'Biden’s speech draws crowds', author: 'Ben Blanchard' }), null);
  assert.equal(authorSpeaking({ title: 'Statement on the launch anomaly', author: 'Staff reporter' }), null);
  assert.equal(authorSpeaking({ title: 'Statement on the launch anomaly' }), null);
});

test('words that open a sentence and name no one are no speakers', () => {
  // "No one …" is no person for "he" to stand for; the man named before is.
  const marlow = 'Marlow sat apart.\n\nNo one took the trouble to grunt; and presently he said, “I was thinking.”';
  assert.equal(speaker(marlow, 'I was thinking'), 'Marlow');
  assert.equal(speaker('Accustomed as I was to it, he said nothing.\n\nHe said: “Show the book.”', 'Show the book'), null);
  assert.equal(speaker('Nevertheless, he went home.\n\n“Ma, I’ve enlisted,” he said.', 'I’ve enlisted'), null);
  assert.equal(speaker('Down, down, down she fell.\n\n“I wonder how far,” she said.', 'I wonder'), null);
  assert.equal(speaker('Your parents, Ma’am, will be told.\n\n“He did his duty,” she said.', 'He did his duty'), null);
  // A word the paragraph also writes in lower case is a common word that opens a sentence, not a name.
  assert.equal(speaker('Mrs. Hall came in. Chirk, chirk, chirk, it went.\n\n“That girl!” she said.', 'That girl'), 'Hall');
  // A name in the possessive belongs to the noun after it: the face is no person "he" stands for.
  assert.equal(speaker('John Linden’s face lit up. “You believe it?” he said.', 'You believe it'), null);
  assert.equal(speaker('“You believe it?” John Linden’s niece said.', 'You believe it'), 'John Linden’s niece');
  // A full stop after the name is the sentence's.
  assert.equal(speaker('“Good night,” said Durbeyfield. He went in.', 'Good night'), 'Durbeyfield');
  // An adverb before a comma is no subject, but it opens the sentence: the name after it is the subject; so is a name
  // before a description or "who".
  const outside = 'Outside, Joanne Pryce was close to tears.\n\n“This is a shameful day,” she said.';
  assert.equal(speaker(outside, 'shameful day'), 'Joanne Pryce');
  const party = 'For the Conservatives, Oliver Penrose was scornful.\n\n“I call it a cap,” he said.';
  assert.equal(speaker(party, 'I call it'), 'Oliver Penrose');
  // A name set off after a title is its holder, whatever words come before the title.
  const envoy = 'The European Union’s chief negotiator, Markus Bergmann, defended it. “It is a firm commitment,” he said.';
  assert.equal(speaker(envoy, 'firm commitment'), 'Markus Bergmann');
  // A verb in the past after a name is no part of it.
  const rejected = 'Commissioner Marguerite Lenoir spoke.\n\nLenoir rejected claims that Brussels targets US firms: “We enforce the law.”';
  assert.equal(speaker(rejected, 'We enforce'), 'Marguerite Lenoir');
  // A name with a figure in it is a thing's, no one "he" could stand for.
  const rocket = 'Europe’s Vela-2 rocket exploded, launch director Pierre-Yves Garnier said.\n\n“It is a hard day,” he said.';
  assert.equal(speaker(rocket, 'hard day'), 'Pierre-Yves Garnier');
  // So does an adverb such as "Then" without a comma.
  const then = 'Voss left the stand.\n\nThen Dalton turned to the family. “Did anyone call them?” he asked.';
  assert.equal(speaker(then, 'Did anyone'), 'Dalton');
  // A longer clause before the comma is no opening phrase: the name after it may be an object.
  const clause = 'When the vote was finally counted late at night, Pryce was close to tears. Lal said: “Good.” “No,” she said.';
  assert.notEqual(speaker(clause, 'No'), 'Pryce');
  const chair = 'Joanne Pryce, who chairs the campaign, was close to tears.\n\n“This is a shameful day,” she said.';
  assert.equal(speaker(chair, 'shameful day'), 'Joanne Pryce');
  // A subject set off by a comma is still the one "she" stands for.
  const runoff = 'Villanueva, a former labour minister, has promised a rise. She said companies would “pay their share.”';
  assert.equal(speaker(runoff, 'pay their share'), 'Villanueva');
});

test('"she" stands for the person a dateline’s sentence names, not for the place after "president of"', () => {
  const text =
    'SANTA LUCIA DEL MAR -- Teresa Villanueva was elected president of Costa Verde on Sunday.\n\n' +
    '"We will govern for everyone," she told the crowd.';
  assert.equal(speaker(text, 'We will govern'), 'Teresa Villanueva');
  // Without the person, the place is still no one "she" could stand for.
  assert.equal(speaker('The votes were counted in the republic of Costa Verde on Sunday.\n\n"We will govern," she said.', 'We will govern'), null);
});

test('single quotation marks are read as quotation marks, apostrophes are not', () => {
  const courier = "Health Secretary Alan Drummond insisted the offer was 'fair'. 'My\ndoor is open. It has always been open,' he said.";
  assert.equal(speaker(courier, 'door is open'), 'Alan Drummond');
  assert.equal(speaker('‘We won’t give up,’ said Fiona McLeod. ‘The nurses’ pay has fallen.’', 'We won’t give up'), 'Fiona McLeod');
  assert.equal(speaker("'It's not over,' said Ann Lee, who runs the Joneses' shop.", "It's not over"), 'Ann Lee');
  // A title before the name: "Rovers boss Gareth Lyle" is one person, not "Rovers" and Gareth Lyle.
  assert.equal(speaker('Rovers boss Gareth Lyle called it "a mystery". "We\'re hurting," he said.', "We're hurting"), 'Gareth Lyle');
});

test('"the governor of New York" and "The Mayor" are offices, whose holder speaks, not the place', () => {
  const storm =
    'The governor of New York said on Monday that the state would "spend whatever it takes" to repair the coastline. ' +
    'Governor Kathy Marlowe spoke in Albany.';
  assert.equal(speaker(storm, 'spend whatever it takes'), 'Kathy Marlowe');
  assert.equal(speaker('The chief executive of Harwick Water said the firm was "deeply sorry".', 'deeply sorry'), null);
  const minutes =
    'Mayor Helen Okafor opened the meeting.\n\nThe Mayor replied that she would welcome an inquiry "once the ' +
    'immediate emergency is over".';
  assert.equal(speaker(minutes, 'once the immediate'), 'Helen Okafor');
});

test('"the judge" is the one person the text names as judge before (or else soon after), and no one when it names none or two', () => {
  const court = 'Martin Ashdown hid losses, Judge\nEleanor Price said.\n\n“You were the one person,” the judge\ntold him.';
  assert.equal(speaker(court, 'You were'), 'Eleanor Price');
  const quake = 'Interior Minister Farid Rostami visited the valley.\n\nThe interior minister said the toll was “certain to rise”.';
  assert.equal(speaker(quake, 'certain to rise'), 'Farid Rostami');
  assert.equal(speaker('“We will appeal,” the judge said.', 'We will appeal'), null);
  const mayor = 'Mayor Grace Okonkwo toured the town.\n\nRiverton\'s mayor demanded the money “this week, not next month”.';
  assert.equal(speaker(mayor, 'this week'), 'Grace Okonkwo');
  // Verbs of news copy that introduce words as they do "said".
  assert.equal(speaker('President Laleh Moradi toured the valley.\n\n“We will rebuild,” she repeated.', 'We will rebuild'), 'Laleh Moradi');
  assert.equal(speaker('Gallery director Tobias Wren cautioned against “drawing conclusions”.', 'drawing conclusions'), 'Tobias Wren');
  const two = 'Judge Ann Lee and Judge Tom Hale sat together.\n\n“We will appeal,” the judge said.';
  assert.equal(speaker(two, 'We will appeal'), null);
  // A name set off beside the office holds it too.
  const agent = 'Lentini’s spokesman, Lorenzo Castellani, was furious.\n\n“The chairman forgets,” the spokesman said.';
  assert.equal(speaker(agent, 'The chairman forgets'), 'Lorenzo Castellani');
  const lead = 'Teresa Lualua of Samoa, the lead negotiator for the island states, spoke last.\n\n“We will not block it,” the negotiator said.';
  assert.equal(speaker(lead, 'We will not block'), 'Teresa Lualua');
  assert.equal(speaker('Ann Lee, the minister’s adviser, spoke.\n\n“No,” the minister said.', 'No'), null);
  assert.equal(speaker('Nevertheless, the minister stayed.\n\n“No,” the minister said.', 'No'), null);
  // Named by the office only after the quotation, soon after it.
  const after = '“This was a cold betrayal,” the judge said.\n\nJudge Eleanor Price sentenced Marsh to six years.';
  assert.equal(speaker(after, 'cold betrayal'), 'Eleanor Price');
  assert.equal(speaker(`“This was a cold betrayal,” the judge said.\n\n${'The court rose. '.repeat(300)}Judge Eleanor Price left.`, 'cold betrayal'), null);
  assert.equal(speaker(`${two}\n\nJudge Eleanor Price left.`, 'We will appeal'), null);
});

test('findSpeaker never throws and accepts spans at the edges', () => {
  assert.equal(findSpeaker('', { start: 0, end: 0 }), null);
  assert.equal(findSpeaker('“', { start: 0, end: 1 }), null);
  assert.equal(findSpeaker('said', { start: 10, end: 20 }), null);
});
