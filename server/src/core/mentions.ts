// Whom prose names around a passage: the people a paragraph mentions outside quotation marks, and the person "he"
// or "she" stands for.
import {
  bare, describingWords, hasPersonTitle, isAdverb, isDeterminer, isGrammarWord, isPhraseWord, isPronoun,
  looksLikePerson, personKey, readSpeakerPhrase, sexOfTitles, type Sex,
} from './sources/names.js';
import { endsClause, isSpeechVerb, withoutAges, wordsIn } from './speechPhrases.js';
import { closesAt, MAX_SCAN, openerAt, paragraphAt, previousParagraphEnd, type Range } from './prose.js';

/** How many earlier paragraphs a quotation without attribution, or a pronoun, may reach back. */
export const MAX_PARAGRAPHS_BACK = 3;

/** Speech verbs whose object is the person spoken to, not the speaker. */
const ADDRESSED = new Set(['told', 'tells', 'urged', 'promised', 'pledged']);

/** How many paragraphs at most a pronoun reaches back over paragraphs that go on about the same "he" or "she". */
const MAX_PRONOUN_CHAIN = 12;

/**
 * Whether a paragraph's words outside quotation marks give a quotation to `pronoun` ("she said", "said she",
 * "she repeated"): a paragraph that goes on in the words of the same "she".
 */
function speaksAs(outside: string, pronoun: string): boolean {
  const words = wordsIn(outside, 0, outside.length);
  for (let i = 0; i < words.length; i++) {
    if (bare(words[i]!.word).toLowerCase() !== pronoun) continue;
    if (isSpeechVerb(words[i + 1]?.word ?? '') || (i > 0 && isSpeechVerb(words[i - 1]!.word))) return true;
  }
  return false;
}

/**
 * The person "he" or "she" stands for: the one person named (as a speaker, after a title, or as the subject of
 * a sentence) outside quotation marks in the nearest paragraph, counting from the pronoun backwards, that names
 * anyone. Two different people there, or someone it describes without a name ("The clergyman explained …"), make
 * the pronoun unclear, and nothing is returned. Paragraphs that name no one and give a quotation to the same pronoun
 * ("“…,” she said.") carry it back over them without counting against MAX_PARAGRAPHS_BACK, up to MAX_PRONOUN_CHAIN
 * paragraphs and 4 MAX_SCAN characters.
 */
export function resolvePronoun(
  text: string,
  at: number,
  paragraph: Range,
  pronoun: string,
  officeSpeaker: (range: Range) => string | null = () => null,
): string | null {
  let range: Range = { start: paragraph.start, end: at };
  const key = pronoun.toLowerCase();
  // "he" stands for no one named as a woman ("Mrs Hall"), "she" for no one named as a man.
  const other = key === 'he' ? 'female' : 'male';
  for (let back = 0, read = 0; back <= MAX_PARAGRAPHS_BACK && read < MAX_PRONOUN_CHAIN; read++) {
    const outside = outsideQuotes(text, range);
    const mentions = personMentions(outside);
    // Someone the paragraph describes without a name ("The clergyman explained …") may be whom it stands for.
    const unnamed = describedPeople(outside).some((sex) => sex !== other);
    if (mentions.length > 0 || unnamed) {
      const names = mentions
        .filter((mention) => mention.sex !== other && !bodyNamed(text, mention.name))
        .map((mention) => mention.name);
      const people = new Set(names.map(personKey));
      const name = names[names.length - 1];
      return people.size === 1 && !unnamed && !onlyOpensSentences(text, name!) ? name! : null;
    }
    // A paragraph that names no one but gives its quotation to an office ("“…,” the judge told him") speaks of the
    // holder of that office, when the source names one.
    const holder = read > 0 ? officeSpeaker(range) : null;
    if (holder !== null) return holder;
    if (range.start === 0) break;
    // The paragraph of the pronoun itself always counts, so that a lone paragraph reaches back as far as before.
    if (read === 0 || !speaksAs(outside, key)) back++;
    else if (range.start < at - 4 * MAX_SCAN) break;
    range = paragraphAt(text, previousParagraphEnd(text, range.start));
  }
  return null;
}

/**
 * Whether a one-word name stands in the text only where a sentence opens, and never as the subject of a verb there:
 * "Tiresome old fool!", "Soft joy crept to her face" and "Flush, colourful cheeks, …" open their sentences with a
 * capital, while a person's name stands within sentences too ("said Cotter", "Joanne Pryce"), or before a verb ("Maria
 * has lived here", "Maria laughs") or a description ("Maria, 34, …", "Maria, a nurse, …"), somewhere in the stretch
 * read.
 */
function onlyOpensSentences(text: string, name: string): boolean {
  if (name.includes(' ')) return false;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (LETTER.test(text[at - 1] ?? '') || LETTER.test(text[at + name.length] ?? '')) continue;
    let before = at - 1;
    while (before >= 0 && /[ \t]/.test(text[before]!)) before--;
    // After a letter, a digit, a comma or a title ("Mr."), within a line, the name is inside its sentence.
    if (before >= 0 && /[\p{L}\p{M}\d,;]/u.test(text[before]!)) return false;
    if (ABBREVIATED_TITLE.test(text.slice(Math.max(0, before - 5), before + 1))) return false;
    if (SUBJECT_OF.test(text.slice(at + name.length, at + name.length + 40))) return false;
  }
  return true;
}

/** A letter or a mark of one: what a name's edges are tested against. */
export const LETTER = /[\p{L}\p{M}]/u;
const ABBREVIATED_TITLE = /\b(?:Mr|Mrs|Ms|Dr|St|Prof|Rev|Capt|Col|Gen|Lt|Sgt)\.$/;

/**
 * Whether a one-word name is the short form of a body's that the text gives in full, and never of a person's:
 * "Brightwave" after "the main sponsor, Brightwave Energy, withdrew" is no one a pronoun may stand for; "Philip" is
 * "Philip Carey" too, wherever "Philip IV" stands.
 */
function bodyNamed(text: string, name: string): boolean {
  if (name.includes(' ')) return false;
  let body = false;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (LETTER.test(text[at - 1] ?? '')) continue;
    const more = FOLLOWING_CAPITALS.exec(text.slice(at + name.length, at + name.length + 60));
    if (!more) continue;
    if (looksLikePerson(`${name} ${more[1]!.replace(/\s+/g, ' ')}`)) return false;
    body = true;
  }
  return body;
}

/** Capitalised words right after a name, on its line: what a fuller form of it adds. */
const FOLLOWING_CAPITALS = /^[ \t]+(\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]*){0,2})/u;
/** Common verbs that do not end in -s or -ed, after a name that is the subject of its sentence. */
const SUBJECT_VERBS = [
  'has', 'had', 'have', 'is', 'was', 'were', 'are', 'will', 'would', 'can', 'could', 'should', 'shall', 'may', 'might',
  'must', 'does', 'did', 'do', 'said', 'told', 'went', 'came', 'took', 'made', 'got', 'gave', 'knew', 'thought', 'felt',
  'left', 'ran', 'sat', 'stood', 'saw', 'began', 'became', 'kept', 'held', 'brought', 'spoke', 'wrote',
];
/** What follows a name that is the subject of its sentence: a verb, or a description set off by a comma. */
const SUBJECT_OF = new RegExp(
  `^(?:,\\s*(?:\\d|(?:a|an|the|who|whose|his|her|their)\\b)|\\s+(?:[a-z]+(?:ed|s)|${SUBJECT_VERBS.join('|')})\\b)`,
);

/** How many words at most a phrase that opens a sentence before its subject may have ("For the Conservatives,"). */
const OPENING_PHRASE_WORDS = 4;

/**
 * Words that open a sentence before its subject without a comma ("Then Dalton turned …", "Later Pryce said …"), besides
 * adverbs ("Suddenly Holmes stood up.").
 */
const OPENING_ADVERBS = new Set(['then', 'later', 'earlier', 'now', 'afterwards', 'meanwhile', 'still', 'finally', 'next', 'but', 'and', 'so', 'yet']);

/**
 * Whether the words before `i` are a short phrase that opens its sentence, set off by a comma, or one of the
 * OPENING_ADVERBS, and nothing else.
 */
function afterOpeningPhrase(words: { word: string }[], i: number): boolean {
  if (i === 0) return false;
  const previous = words[i - 1]!.word;
  const adverb = OPENING_ADVERBS.has(previous.toLowerCase()) || isAdverb(previous);
  if (adverb && (i === 1 || /[.!?]$/.test(words[i - 2]!.word))) return true;
  if (!/,$/.test(previous)) return false;
  for (let k = i - 2; k >= Math.max(-1, i - 1 - OPENING_PHRASE_WORDS); k--) {
    if (k < 0 || /[.!?]$/.test(words[k]!.word)) return true;
    if (/[,;:]$/.test(words[k]!.word)) return false;
  }
  return false;
}

/** The speech verb right before words[i], or before the lower-case words that describe the person named there. */
function speechVerbBefore(words: { word: string }[], i: number): string | null {
  for (let n = 0; n <= 3 && n < i; n++) {
    if (n > 0 && describingWords(words, i - n) !== n) continue;
    const word = words[i - n - 1]!.word;
    if (isSpeechVerb(word)) return word;
  }
  return null;
}

/**
 * The word `back` words before the name a phrase of `run` ends with (1: the word right before it): in the phrase, or
 * `previous`, the word before the phrase; '' further back.
 */
function wordBeforeName(run: string[], name: string, previous: string, back = 1): string {
  const before = run.length - name.split(' ').length - back;
  return bare(before >= 0 ? run[before]! : before === -1 ? previous : '').toLowerCase();
}

/** Words for a person that are no name or title, with the sex they give ("the clergyman", "a woman"). */
const MALE_NOUNS = [
  'man', 'boy', 'gentleman', 'clergyman', 'parson', 'priest', 'vicar', 'fellow', 'lad', 'husband', 'son', 'landlord',
];
const FEMALE_NOUNS = ['woman', 'girl', 'lady', 'wife', 'daughter', 'maid', 'landlady', 'widow'];
const EITHER_NOUNS = ['stranger', 'child', 'visitor', 'servant', 'newcomer', 'youth', 'figure', 'voice'];
const PERSON_NOUNS = new Map<string, Sex | null>([
  ...MALE_NOUNS.map((noun) => [noun, 'male'] as [string, Sex]),
  ...FEMALE_NOUNS.map((noun) => [noun, 'female'] as [string, Sex]),
  ...EITHER_NOUNS.map((noun) => [noun, null] as [string, null]),
]);

/** Words for a person by their family, which a tag may give a speaker by ("said her husband", "said my brother"). */
const KIN_NOUNS = new Set(['mother', 'father', 'brother', 'sister', 'aunt', 'uncle', 'cousin', 'friend', 'companion']);

/** Whether one of `words` is a word for a person that is no name ("the gentleman", "her husband", "an old woman"). */
export function describesPerson(words: readonly string[]): boolean {
  return words.some((word) => PERSON_NOUNS.has(word) || KIN_NOUNS.has(word));
}

/**
 * The sexes of the people a paragraph stretch (outside quotation marks) makes the subject of a sentence without a
 * name: "The clergyman explained …", "An old woman came in …".
 */
function describedPeople(outside: string): (Sex | null)[] {
  const adjective = '(?:(?:old|young|little|elderly|other|tall|short)\\s+)?';
  const subjects = new RegExp(`(?:^|[.!?]['"’”]?\\s+)(?:The|A|An)\\s+${adjective}(\\p{Ll}+)(?=\\s+\\p{Ll})`, 'gu');
  const found: (Sex | null)[] = [];
  for (const m of outside.matchAll(subjects)) {
    const sex = PERSON_NOUNS.get(m[1]!);
    if (sex !== undefined) found.push(sex);
  }
  return found;
}

/**
 * Whether a one-word name is a common word that opens a sentence: the paragraph stretch writes it in lower case too
 * ("Chirk, chirk, chirk, it went", "her ancestry. Ancestry is …").
 */
function writtenInLowerCase(name: string, outside: string): boolean {
  if (name.includes(' ')) return false;
  const lower = name.toLowerCase();
  if (lower === name) return false;
  const escaped = lower.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{M}])${escaped}(?![\\p{L}\\p{M}])`, 'u').test(outside);
}

/** The text of a paragraph stretch with its quoted words blanked out, so that offsets stay those of the text. */
export function outsideQuotes(text: string, range: Range): string {
  let outside = '';
  let closers: string | null = null;
  for (let i = range.start; i < range.end; i++) {
    const ch = text[i]!;
    if (closers !== null) {
      if (closesAt(text, i, closers)) closers = null;
      outside += ' ';
      continue;
    }
    const opens = openerAt(text, i);
    if (opens !== '') closers = opens;
    outside += opens !== '' ? ' ' : ch;
  }
  return outside;
}

/**
 * People named in a paragraph stretch outside quotation marks (see `outsideQuotes`), in order, with the sex their
 * titles give them.
 */
export function personMentions(outside: string): { name: string; sex: Sex | null }[] {
  const names: { name: string; sex: Sex | null }[] = [];
  const words = withoutAges(wordsIn(outside, 0, outside.length), true);
  for (let i = 0; i < words.length; ) {
    if (!isPhraseWord(words[i]!.word) || isDeterminer(words[i]!.word)) {
      i++;
      continue;
    }
    let j = i;
    const run: string[] = [];
    while (j < words.length && isPhraseWord(words[j]!.word)) {
      run.push(words[j]!.word);
      if (endsClause(words[j++]!.word)) break;
    }
    const read = readSpeakerPhrase(run.join(' '));
    const previous = i > 0 ? words[i - 1]!.word : '';
    const before = read && 'name' in read ? wordBeforeName(run, read.name, previous) : '';
    // A name right after "of" (or "of the") is a place or a body ("president of Costa Verde", "secretary of the
    // Dockers' Union"), or someone the phrase is about ("the wife of John Hale"), never the person the phrase names.
    const named = read !== null && 'name' in read ? read.name : null;
    const afterOf =
      before === 'of' || (isDeterminer(before) && named !== null && wordBeforeName(run, named, previous, 2) === 'of');
    if (read && 'name' in read && looksLikePerson(read.name) && !afterOf && !writtenInLowerCase(read.name, outside)) {
      const next = words[j]?.word ?? '';
      // A name counts as a mention of a person when something says it is one: a title, a speech verb next to
      // it, or its place as the subject at the start of a sentence, before its verb or before a description set off
      // by a comma ("Villanueva, a former minister, has …", "Pike, Daniel's mother, …", "Pryce, who chairs …";
      // "Accustomed as I was" and "Outside, Joanne Pryce …" or "Slowly, she …" give no subject).
      const relative = !isPronoun(next) || /^(?:who|whose)\b/.test(next);
      const possessive = /^\p{Lu}[\p{L}\p{M}-]*['’]s$/u.test(next);
      const described = /,$/.test(run[run.length - 1]!) && (/^\p{Ll}/u.test(next) || possessive) && relative;
      // A word before a lower-case office is what the office is of, no one's name ("Harbour master Ingrid Lapointe").
      const subject = described || (/^\p{Ll}/u.test(next) && !isGrammarWord(next) && !hasPersonTitle([next]));
      // After "told", a name is whom the words were said to ("told Reuters"); after "asked", it may be either. Words
      // that describe the person may stand between the verb and the name ("said lead author Katharina Feuerstein").
      const verb = speechVerbBefore(words, i);
      const saidBy = verb !== null && !ADDRESSED.has(bare(verb).toLowerCase());
      // A sentence starts after its full stop, after a dateline's dash ("SANTA LUCIA -- Teresa Villanueva was …") and
      // after a short phrase that opens it ("Outside, Joanne Pryce was …", "For the Conservatives, Oliver Penrose …").
      const opens = i === 0 || /[.!?]$/.test(previous) || /^(?:--|—|–)$/.test(previous) || afterOpeningPhrase(words, i);
      // A name set off after a title is its holder ("The EU's chief negotiator, Markus Bergmann, defended …").
      const titledBefore = /,$/.test(previous) && hasPersonTitle([previous.replace(/,$/, '')]);
      // A name set off by a comma after a lower-case word is that word's object, not the speaker of the verb after it
      // ("Marchetti, visiting Bramley, said …").
      const setOffObject = /,$/.test(run[run.length - 1]!) && /^\p{Ll}/u.test(previous) && !endsClause(previous);
      const speaks = isSpeechVerb(next) && !setOffObject;
      // "who" after a name set off by a comma says it is a person's ("For Reza Tavakoli, who lost his mother, …"; not
      // after "an": "an Ayah, who …" is no name).
      const who = /,$/.test(run[run.length - 1]!) && /^(?:who|whose)\b/.test(next) && !isDeterminer(before);
      const cue = hasPersonTitle(run) || titledBefore || speaks || saidBy || who || (opens && subject);
      if (cue) names.push({ name: read.name, sex: sexOfTitles(run) });
    }
    i = Math.max(j, i + 1);
  }
  return names;
}
