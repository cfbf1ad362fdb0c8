// Reads who a source says spoke a passage: the attribution around its quotation or reported speech.
import type { SourceMeta, Span } from './types.js';
import {
  bare, isCapitalised, isDeterminer, isGrammarWord, isPhraseWord, looksLikePerson, personKey, readSpeakerPhrase,
  sexOfTitles, titleOf, type Sex, type SpeakerPhrase,
} from './sources/names.js';
import {
  accordingTo, citedAuthor, dashedSpeaker, describedAfter, endsClause, introSpeaker, isSpeechVerb, narratorAfter,
  narratorBefore, participleSpeaker, trailingSpeaker, wordsIn,
} from './speechPhrases.js';
import { describesPerson, LETTER, MAX_PARAGRAPHS_BACK, outsideQuotes, personMentions, resolvePronoun } from './mentions.js';
import {
  lastQuote, MAX_SCAN, nextOpener, openerAt, paragraphAt, previousParagraphEnd, quoteAround, sentenceEnd, sentenceStart,
  type Range,
} from './prose.js';
import { titleCase } from './courtRoles.js';
import { LABEL_EVIDENCE_AFTER, LINE_OF_A_TURN, MAX_LABEL_LENGTH, TURN_REACH, turnSpeaker } from './transcript.js';

export { sourceMetaFromText } from './sources/meta.js';

/** How far before a passage the full form of a speaker's one-word name is looked for. */
const FULL_NAME_REACH = 48_000;
/**
 * How far before and after a passage `findSpeaker` may read, whitespace between paragraphs aside: it reads the
 * paragraph around the passage (MAX_SCAN either side), goes back MAX_PARAGRAPHS_BACK times to an earlier quotation
 * (each time at most two MAX_SCAN: to its paragraph's start, then across the paragraph before), reads the paragraph
 * around the last one, and resolves a pronoun across up to MAX_PARAGRAPHS_BACK + 1 paragraphs before that, after
 * paragraphs that give quotations to the same pronoun up to 4 MAX_SCAN back (see `resolvePronoun`). In a
 * transcript, it reads back TURN_REACH to the label of the passage's turn, and LABEL_EVIDENCE_AFTER on, for labels
 * (a label reads MAX_LABEL_LENGTH from its line start at most, and the line before it, LINE_OF_A_TURN at most). It
 * looks FULL_NAME_REACH back for the full form of a one-word name or the holder of an office, and MAX_SCAN on for the
 * holder of an office named by it only after the passage. Given
 * the stretch of a text this much around the passage, with room for long runs of blank lines, it finds what it would
 * in the whole text.
 */
export const SPEAKER_REACH = {
  before: Math.max(16 * MAX_SCAN, TURN_REACH + LINE_OF_A_TURN, FULL_NAME_REACH),
  after: Math.max(2 * MAX_SCAN, LABEL_EVIDENCE_AFTER + MAX_LABEL_LENGTH),
};

/**
 * Who the source says spoke the words in text[span.start, span.end), a passage inside a quotation or reported
 * speech; null when the source does not say or the reading would be a guess. Reads “…,” Ross said / said Ross /
 * Geng Shuang said: “…” / Foreign Ministry spokesman Geng Shuang said “…” / …, according to X / X said in a
 * statement that … / X told reporters; strips titles (US Secretary of Commerce Wilbur Ross gives "Wilbur Ross");
 * resolves "he" or "she" to the one person the nearest earlier paragraph names; and carries a speaker over to a
 * quotation that continues in the next paragraph. Words outside quotation marks in a transcript are the words of
 * the speaker whose turn holds them (see `turnSpeaker`). The name is returned as the source writes it, except that
 * a transcript's label in capitals is written as prose writes names ("OKONKWO:" gives "Okonkwo").
 */
export function findSpeaker(text: string, span: Span): string | null {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  const name = speakerAt(text, start, end, 0);
  if (name === null) return null;
  const office = titleOf(name);
  if (office === null) return fullName(text, name, start);
  // The holder is named before, or, when no one is, soon after ("the judge said …" before "Judge Eleanor Price …").
  const before = holdersOf(text, office, Math.max(0, start - FULL_NAME_REACH), start);
  const holders = before.length > 0 ? before : holdersOf(text, office, end, Math.min(text.length, end + MAX_SCAN));
  if (holders.length === 1) return holders[0]!;
  // An office written as a name ("THE PRESIDENT:", "The Mayor replied") whose holder the text does not name is the
  // speaker as the text calls them, with its article as prose writes it; one in lower case ("the judge") names no one.
  return /^[Tt]he \p{Lu}/u.test(name) ? name.replace(/^The /, 'the ') : null;
}

/**
 * The people text[from, to) names with this office, each once ("the judge" is "Eleanor Price" where the text says
 * "Judge Eleanor Price").
 */
function holdersOf(text: string, office: string, from: number, to: number): string[] {
  // Any case of the office's letters ("Judge", "judge"), but names in capitals: no case-insensitive flag.
  const title = office.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`).replace(/ /g, '[ \\t\\n]+');
  const name = `\\p{Lu}[\\p{L}\\p{M}'’-]+`;
  // The office before the name, or set off before it ("Judge Eleanor Price", "Lentini's spokesman, Lorenzo
  // Castellani"), or a full name set off before the office ("Teresa Lualua of Samoa, the lead negotiator for …").
  const before = `(?<![\\p{L}])${title},?[ \\t\\n]+((?:\\p{Lu}[\\p{L}\\p{M}'’.-]*[ \\t\\n]+){0,2}${name})`;
  // … or after "who … as" ("Dr Sunil Mehra, who already runs both hospitals as joint chief executive").
  const role = `(?:(?:the[ \\t\\n]+)?|who[ \\t\\n]+(?:[\\p{L}'’-]+[ \\t\\n]+){1,8}?as[ \\t\\n]+(?:(?:the|a|an)[ \\t\\n]+)?)`;
  const after = `(${name}(?:[ \\t\\n]+${name}){1,2})(?:[ \\t\\n]+of[ \\t\\n]+${name})?,[ \\t\\n]+${role}(?:[\\p{Ll}-]+[ \\t\\n]+){0,2}${title}(?![\\p{L}'’])`;
  const found = new Map<string, string>();
  for (const m of text.slice(from, to).matchAll(new RegExp(`${before}|${after}`, 'gu'))) {
    const words = (m[1] ?? m[2])!.split(/\s+/);
    // Words that open a sentence ("However, the mayor …") are no name.
    if (!words.every(isPhraseWord)) continue;
    const read = readSpeakerPhrase(words.join(' '));
    if (read && 'name' in read && looksLikePerson(read.name)) found.set(personKey(read.name), read.name);
  }
  return [...found.values()];
}

/**
 * The fullest form the text gives a one-word name before `at`, within FULL_NAME_REACH: "Vidal" is "Lucía Vidal" where
 * the source named her so, "Okonkwo" is "Grace Okonkwo" where a transcript's header did. Titles are dropped.
 */
function fullName(text: string, name: string, at: number): string {
  if (!/^\p{Lu}[\p{L}\p{M}'’-]+$/u.test(name) || at < name.length) return name;
  // "Mr. Pett" is not "Nesta Ford Pett", whom the text calls Mrs. Pett: where a title near the passage gives the name a
  // sex, a full form titled so is taken first ("Mr. Peter Pett"), and one titled as the other sex never.
  const sex = titledSexNear(text, name, at);
  const full = (accept: (titled: Sex | null) => boolean) =>
    fullFormBefore(text, name, at, accept) ??
    // A transcript's list of those present names people in capitals ("MS. RACHEL TORRES, Deputy District Attorney").
    (/\p{Ll}/u.test(name) && text.slice(Math.max(0, at - CAPITALS_REACH), at).includes(name.toUpperCase())
      ? caseOf(fullFormBefore(text, name.toUpperCase(), at, accept))
      : null);
  if (sex === null) return full(() => true) ?? name;
  return full((titled) => titled === sex) ?? full((titled) => titled === null) ?? name;
}

/** How far before a passage a name written in capitals (a transcript's label) is looked for. */
const CAPITALS_REACH = 2_000;

/** A name found in capitals, as prose writes it. */
function caseOf(name: string | null): string | null {
  return name === null ? null : titleCase(name);
}

/**
 * The nearest full form of a one-word name before `at`, within FULL_NAME_REACH, whose title's sex (null without one)
 * `accept` takes; null when there is none.
 */
function fullFormBefore(text: string, name: string, at: number, accept: (sex: Sex | null) => boolean): string | null {
  const from = Math.max(0, at - FULL_NAME_REACH);
  // The mentions of the name, the nearest first, each with the capitalised words right before it; searched in the
  // stretch alone, so that a long text without the name is not read back to its start.
  const stretch = text.slice(from, at);
  for (let i = stretch.lastIndexOf(name); i >= 0; i = i > 0 ? stretch.lastIndexOf(name, i - 1) : -1) {
    const pos = from + i;
    if (/[\p{L}\p{M}]/u.test(text[pos + name.length] ?? '')) continue;
    // A hard-wrapped line may break a name ("Dr Miriam⏎Osei"); a blank line ends it.
    const before = /(?:\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \t]+|[ \t]*\r?\n[ \t]*)){1,3}$/u.exec(text.slice(Math.max(from, pos - 120), pos));
    if (!before) continue;
    // Words that open a sentence are no part of the name ("Then Vidal said").
    let words = `${before[0]}${name}`.split(/\s+/);
    // A sentence ends before the name ("…über den Haushalt. Finanzminister Christian Lindner"), an initial does not.
    for (let k = words.length - 2; k >= 0; k--) {
      if (endsClause(words[k]!)) {
        words = words.slice(k + 1);
        break;
      }
    }
    while (words.length > 1 && (!isPhraseWord(words[0]!) || isDeterminer(words[0]!))) words.shift();
    const read = words.length > 1 ? readSpeakerPhrase(words.join(' ')) : null;
    if (!read || !('name' in read) || !read.name.includes(' ') || !read.name.endsWith(name) || !looksLikePerson(read.name)) continue;
    if (accept(sexOfTitles(words))) return read.name;
  }
  return null;
}

/**
 * The sex that a title gives the name where the text titles it nearest to `at`, within MAX_SCAN either side ("Mr.
 * Pett" in "demanded Mr. Pett"); null when no title there gives one.
 */
function titledSexNear(text: string, name: string, at: number): Sex | null {
  const from = Math.max(0, at - MAX_SCAN);
  const titled = new RegExp(`(\\p{Lu}\\p{L}*\\.?)[ \\t\\n]+${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}])`, 'gu');
  let nearest: { distance: number; sex: Sex } | null = null;
  for (const m of text.slice(from, Math.min(text.length, at + MAX_SCAN)).matchAll(titled)) {
    const sex = sexOfTitles([m[1]!]);
    const distance = Math.abs(from + m.index - at);
    if (sex !== null && (nearest === null || distance < nearest.distance)) nearest = { distance, sex };
  }
  return nearest?.sex ?? null;
}

// A title that says a source is its author's own words: "Victory speech, Plaza Mayor", "Opening statement",
// "Statement from the RCN Scottish secretary", "Remarks by the Governor", "A message from our Director". "Biden's
// speech draws crowds" is a story about a speech, not the speech.
const OWN_WORDS = /^(?:[\p{L}-]+\s)?(?:speech|statement|remarks|address|testimony|letter|sermon|lecture|eulogy)\b|\b(?:speech|statement|remarks|address|testimony|letter|message|note)\s+(?:from|by|of|to|at|before)\b/iu;

/**
 * Who speaks the words of a source that is its author's own (a speech, a statement, remarks, by its title) where
 * nothing in the text says otherwise: the author from its front matter or byline, when a person.
 */
export function authorSpeaking(meta: SourceMeta): string | null {
  if (!meta.author || !OWN_WORDS.test(meta.title ?? '')) return null;
  const read = readSpeakerPhrase(meta.author);
  return read && 'name' in read && looksLikePerson(read.name) ? read.name : null;
}

function speakerAt(text: string, start: number, end: number, depth: number): string | null {
  const paragraph = paragraphAt(text, start);
  const quote = quoteAround(text, paragraph, start);
  // Words outside quotation marks in a transcript are the words of the speaker whose turn holds them.
  if (!quote) return turnSpeaker(text, start) ?? reportedSpeaker(text, paragraph, start, end);

  const beforeStart = Math.max(
    paragraph.start,
    quote.previousCloseEnd ?? paragraph.start,
    sentenceStart(text, quote.open, paragraph.start),
  );
  const intro = introSpeaker(text, beforeStart, quote.open);
  if (intro) return notNamedInside(text, quote, intro, resolve(text, intro, quote.open, paragraph));
  // The narrator speaks (“…,” I answered): no name, and not the speaker of the quotation before.
  if (narratorBefore(text, beforeStart, quote.open)) return null;
  if (quote.close !== null) {
    const cited = citedAuthor(text, quote.close + 1, paragraph.end) ?? dashedSpeaker(text, quote.close + 1, paragraph.end);
    if (cited) return cited;
    const afterStart = quote.close + 1;
    const afterEnd = Math.min(sentenceEnd(text, afterStart, paragraph.end), nextOpener(text, afterStart, paragraph.end));
    const after = trailingSpeaker(text, afterStart, afterEnd);
    // The narrator (“…,” I answered) or someone the text does not name (“…?” asked the gentleman) speaks: no name, and
    // not the speaker of the quotation before.
    if (!after && (narratorAfter(text, afterStart, afterEnd) || describesPerson(describedAfter(text, afterStart, afterEnd) ?? []))) {
      return null;
    }
    if (after) {
      const read = resolve(text, after, afterStart, paragraph) ?? leadForPronoun(text, paragraph, beforeStart, quote.open, after);
      const name = notNamedInside(text, quote, after, read);
      return name !== null && 'pronoun' in after && answersAnother(text, paragraph, quote.open, afterStart, afterEnd, name) ? null : name;
    }
    const according = accordingTo(text, afterStart, afterEnd);
    if (according) return according;
  }
  const subject = participleSpeaker(text, beforeStart, quote.open);
  if (subject) return resolve(text, subject, quote.open, paragraph);
  const lead = leadSpeaker(text, paragraph, beforeStart, quote.open);
  if (lead) return resolve(text, lead, beforeStart, paragraph);
  const label = labelSpeaker(text, paragraph, quote.open);
  if (label) return label;
  const labelled = sentenceLabel(text, beforeStart, quote.open);
  if (labelled !== undefined) return labelled;
  if (depth >= MAX_PARAGRAPHS_BACK) return null;
  // A sentence whose subject is "they" or "we" quotes them, not the person quoted before ("…,” Castell said. They
  // “waded through floodwater”).
  if (/^(?:they|we)\b/i.test(text.slice(beforeStart, quote.open).trim())) return null;
  // A quotation without attribution takes the speaker of the quotation before it in the paragraph, or, when
  // it opens its paragraph, of the quotation it continues (“…\n\n“…”) or of the quotation paragraph before.
  if (quote.previousOpen !== null) return speakerAt(text, quote.previousOpen + 1, quote.previousOpen + 1, depth + 1);
  if (text.slice(paragraph.start, quote.open).trim() !== '' || paragraph.start === 0) return null;
  const previous = paragraphAt(text, previousParagraphEnd(text, paragraph.start));
  // A statement laid out as press releases lay them out: "Raymond Castell said:" on its own, the words below.
  if (text.slice(previous.start, previous.end).trimEnd().endsWith(':')) {
    const colon = text.lastIndexOf(':', previous.end);
    const announced = introSpeaker(text, sentenceStart(text, colon, previous.start), colon + 1);
    if (announced) return resolve(text, announced, colon, previous);
  }
  const last = lastQuote(text, previous);
  if (!last) return null;
  const opensParagraph = text.slice(previous.start, last.open).trim() === '';
  if (last.close !== null && !opensParagraph) return null;
  const before = speakerAt(text, last.open + 1, last.open + 1, depth + 1);
  if (depth > 0 || last.close === null || before === null || previous.start === 0) return before;
  // After two quotation paragraphs of two speakers, the lines are a dialogue, whose speakers take turns: which of them
  // speaks this one the source does not say. (The earlier paragraph's speaker is read from its own attribution only,
  // which keeps what this reads within SPEAKER_REACH.)
  const earlierParagraph = paragraphAt(text, previousParagraphEnd(text, previous.start));
  const earlier = lastQuote(text, earlierParagraph);
  if (!earlier) return before;
  const first = speakerAt(text, earlier.open + 1, earlier.open + 1, MAX_PARAGRAPHS_BACK);
  if (first !== null) return personKey(first) !== personKey(before) ? null : before;
  // The earlier line is given to someone the text does not name (“How much?” asked a gentleman): a dialogue too.
  if (earlier.close === null) return before;
  const tagEnd = Math.min(
    sentenceEnd(text, earlier.close + 1, earlierParagraph.end),
    nextOpener(text, earlier.close + 1, earlierParagraph.end),
  );
  return describesPerson(describedAfter(text, earlier.close + 1, tagEnd) ?? []) ? null : before;
}

/**
 * The speaker of a quotation that opens its sentence right after a sentence reporting what someone said, with no
 * quotation marks of its own: “She said the board had discussed a cut. “A cut was on the table.”” The quotation goes
 * on in that person's words. After a sentence of what "he" or "she" does ("Asked whether she misses it, she laughs.
 * “Every single day.”"), the words are theirs.
 */
function leadSpeaker(text: string, paragraph: Range, sentence: number, open: number): SpeakerPhrase {
  if (sentence <= paragraph.start || text.slice(sentence, open).trim() !== '') return null;
  const from = sentenceStart(text, sentence - 1, paragraph.start);
  // A sentence with a quotation of its own is no lead; the apostrophe of a name (O’Rourke, D’Arcy) is no closing mark.
  for (let i = from; i < sentence; i++) {
    const inName = text[i] === '’' && /\p{Lu}/u.test(text[i - 1] ?? '') && /\p{Lu}/u.test(text[i + 1] ?? '');
    if (openerAt(text, i) !== '' || ('”»’'.includes(text[i]!) && !inName)) return null;
  }
  const intro = introSpeaker(text, from, sentence);
  if (intro) return intro;
  // A sentence of what "he" or "she" does, and then the quotation: the words are theirs ("She laughs. “…”").
  const beat = /(?:^|[,;]\s+)(he|she)\s+\p{Ll}+/iu.exec(text.slice(from, sentence));
  return beat ? { pronoun: beat[1]!.toLowerCase() } : null;
}

/** How many words at most a label before a colon may have to name a speaker ("Riverton mayor:"). */
const MAX_LABEL_WORDS = 4;

/**
 * The speaker that a line names before a colon and the quotation, with nothing else before it: `Riverton mayor: “…”`
 * gives "the mayor", an office whose holder `findSpeaker` looks up; `Grace Okonkwo: “…”` the name. A label in
 * capitals is a transcript's, read elsewhere; any other label names no one.
 */
function labelSpeaker(text: string, paragraph: Range, open: number): string | null {
  const lineStart = Math.max(paragraph.start, text.lastIndexOf('\n', open - 1) + 1);
  // A list item's marker ("* ", "- ", "2. ") is no part of the label.
  const line = /^[ \t]*(?:(?:[*+-]|\d{1,3}[.)])[ \t]+)?(#{1,6}[ \t]+)?([^\n:“”"«»]{2,60}):([^\n:“”"«»]*)$/.exec(text.slice(lineStart, open));
  // In a headline, words may come between the label and the quotation ("Islands' negotiator: deal “not the deal we
  // wanted”"); elsewhere the quotation follows the colon.
  const headline = line !== null && (line[1] !== undefined || lineStart === 0);
  const label = line !== null && (headline || line[3]!.trim() === '') ? line[2]!.trim() : undefined;
  if (label === undefined || label === label.toUpperCase()) return null;
  const words = label.split(/\s+/);
  if (words.length > MAX_LABEL_WORDS) return null;
  const office = titleOf(`the ${words[words.length - 1]!.toLowerCase()}`);
  if (office !== null) return `the ${office}`;
  const read = readSpeakerPhrase(label);
  return read && 'name' in read && read.name === label && looksLikePerson(read.name) && words.length > 1 ? read.name : null;
}

/**
 * A name before a colon that opens a sentence and introduces a quotation, with at most a few lower-case words between:
 * "And from Janet Whitlow: “…”", "Councillor Tom Hale hit back: “…”". Null when the sentence has that form but names
 * no one by a full name ("Hale disagreed: “…”", "Nurses walk out: “…”"): its subject is not known, but it is not
 * the person quoted before. Undefined when the sentence has no such form.
 */
function sentenceLabel(text: string, sentence: number, open: number): string | null | undefined {
  const m = /^(?:(?:and|but|then)[ \t]+)?(?:from[ \t]+)?(\p{Lu}[^\n:“”"«»,;]{0,60}?)((?:[ \t]+\p{Ll}[\p{Ll}'’-]*){0,3}):[ \t]*$/u.exec(
    text.slice(sentence, open).trim(),
  );
  const words = m?.[1]!.split(/\s+/) ?? [];
  // A subject that names nothing ("The statement went on: “…”", "Her message to residents: “…”") may well stand for
  // the person quoted before.
  if (!m || words.length > MAX_LABEL_WORDS || !words.some((w) => isCapitalised(w) && !isGrammarWord(w))) return undefined;
  const read = readSpeakerPhrase(m[1]!);
  return read && 'name' in read && looksLikePerson(read.name) && read.name.includes(' ') ? read.name : null;
}

/**
 * Whom a pronoun after a quotation stands for when its paragraph names more than one person: the speaker of the
 * sentence right before the quotation, when that sentence reports what someone said ("Whitford said the company had
 * not waited. “…,” he said."), and the text does not name that person as one of the other sex.
 */
function leadForPronoun(text: string, paragraph: Range, sentence: number, open: number, phrase: SpeakerPhrase): string | null {
  if (!phrase || !('pronoun' in phrase)) return null;
  const lead = leadSpeaker(text, paragraph, sentence, open);
  if (!lead || !('name' in lead)) return null;
  const other = phrase.pronoun.toLowerCase() === 'he' ? 'female' : 'male';
  const from = sentenceStart(text, sentence - 1, paragraph.start);
  const named = personMentions(outsideQuotes(text, { start: from, end: sentence }));
  return named.some((mention) => mention.sex === other && personKey(mention.name) === personKey(lead.name)) ? null : lead.name;
}

/** Verbs that say a quotation answers the one before it, spoken by someone else. */
const REPLY_VERBS = new Set(['answered', 'replied', 'returned', 'retorted', 'rejoined', 'responded']);

/**
 * Whether the quotation opened at `open`, which opens its paragraph and is given to a pronoun with a verb of
 * REPLY_VERBS ("“…,” he answered."), answers a quotation paragraph right before it that `name` speaks, or another
 * "he" or "she": a reply is someone else's, so the pronoun cannot stand for `name`. The paragraph before is read from
 * the attribution of the quotation it opens with only.
 */
function answersAnother(text: string, paragraph: Range, open: number, afterStart: number, afterEnd: number, name: string): boolean {
  const verbs = wordsIn(text, afterStart, afterEnd).slice(0, 3);
  if (!verbs.some((w) => REPLY_VERBS.has(bare(w.word).toLowerCase().replace(/[.,;:!?]+$/, '')))) return false;
  if (text.slice(paragraph.start, open).trim() !== '' || paragraph.start === 0) return false;
  const previous = paragraphAt(text, previousParagraphEnd(text, paragraph.start));
  let first = previous.start;
  while (first < previous.end && /\s/.test(text[first]!)) first++;
  if (openerAt(text, first) === '') {
    // A paragraph that tells what someone does, then quotes them ("Lord Henry elevated his eyebrows. “Why?”"): a
    // reply is not theirs either.
    const last = lastQuote(text, previous);
    if (!last) return false;
    const told = personMentions(outsideQuotes(text, { start: previous.start, end: last.open }));
    return told.some((mention) => personKey(mention.name) === personKey(name));
  }
  const close = quoteAround(text, previous, first)?.close ?? null;
  if (close === null) return false;
  const end = Math.min(sentenceEnd(text, close + 1, previous.end), nextOpener(text, close + 1, previous.end));
  const before = trailingSpeaker(text, close + 1, end);
  if (!before) return false;
  return 'pronoun' in before ? true : personKey(before.name) === personKey(name);
}

/** The speaker of a passage outside quotation marks (reported speech) from its sentence. */
function reportedSpeaker(text: string, paragraph: Range, start: number, end: number): string | null {
  const sentence = sentenceStart(text, start, paragraph.start);
  const intro = introSpeaker(text, sentence, start) ?? participleSpeaker(text, sentence, start);
  if (intro) return resolve(text, intro, start, paragraph);
  const afterEnd = sentenceEnd(text, end, paragraph.end);
  const according = accordingTo(text, end, afterEnd);
  if (according) return according;
  // "The plant will close next year, Ross said.": the attribution follows a comma later in the sentence.
  for (let i = end; i < afterEnd; i++) {
    if (text[i] !== ',' && text[i] !== '—') continue;
    // The attribution opens its clause with the speaker or the verb; "…, and with them went the memory that Ferrand
    // had described" is a clause of its own, whoever it names.
    const first = /^\s*([\p{L}'’]+)/u.exec(text.slice(i + 1, i + 40))?.[1] ?? '';
    if (!/^\p{Lu}/u.test(first) && !isSpeechVerb(first) && !/^(?:he|she|they|we|i)$/i.test(first)) continue;
    const after = trailingSpeaker(text, i + 1, afterEnd);
    if (after) return resolve(text, after, i, paragraph);
  }
  return null;
}

/**
 * `name`, read from a pronoun of `phrase`, unless the quotation names that person: speakers seldom name themselves, so
 * a name in the words (“What say you, Mary?”, “While Mary is adjusting her ideas,” he continued) is someone else's,
 * unless the speaker says who they are (“I am Mary Lennox,” she said).
 */
function notNamedInside(
  text: string,
  quote: { open: number; close: number | null },
  phrase: SpeakerPhrase,
  name: string | null,
): string | null {
  if (name === null || !phrase || !('pronoun' in phrase)) return name;
  const words = text.slice(quote.open, quote.close ?? Math.min(text.length, quote.open + MAX_SCAN));
  // The words of the name itself, not an article ("the Mayor") or a particle ("van").
  const parts = name.split(/\s+/).filter((part) => /^\p{Lu}[\p{L}\p{M}'’-]+$/u.test(part) && !isDeterminer(part));
  for (const part of parts) {
    for (let at = words.indexOf(part); at >= 0; at = words.indexOf(part, at + 1)) {
      if (LETTER.test(words[at - 1] ?? '') || LETTER.test(words[at + part.length] ?? '')) continue;
      if (SAYS_WHO.test(words.slice(Math.max(0, at - 40), at))) continue;
      return null;
    }
  }
  return name;
}

/** Words before a name with which speakers say who they are: "I am", "my name is", "it's" (a word or two between). */
const SAYS_WHO = /(?:\bI am|\bI[’']m|\bname is|\bname[’']s|\b[Ii]t[’']s|\b[Tt]his is)(?:\s+\S+){0,2}\s+$/;

/**
 * The holder of the office a paragraph gives its last quotation to (“…,” the judge told him), when the text names
 * one; null for a paragraph whose quotation has no such tag.
 */
function officeSpeaker(text: string, paragraph: Range): string | null {
  let first = paragraph.start;
  while (first < paragraph.end && /\s/.test(text[first]!)) first++;
  const opening = openerAt(text, first) !== '' ? quoteAround(text, paragraph, first) : null;
  for (const quote of [opening, lastQuote(text, paragraph)]) {
    if (!quote || quote.close === null) continue;
    const end = Math.min(sentenceEnd(text, quote.close + 1, paragraph.end), nextOpener(text, quote.close + 1, paragraph.end));
    const tag = trailingSpeaker(text, quote.close + 1, end);
    if (!tag || !('name' in tag) || titleOf(tag.name) === null) continue;
    const holder = findSpeaker(text, { start: quote.open + 1, end: quote.open + 1 });
    return holder !== null && titleOf(holder) === null ? holder : null;
  }
  return null;
}

function resolve(text: string, phrase: SpeakerPhrase, at: number, paragraph: Range): string | null {
  if (!phrase) return null;
  if ('name' in phrase) return phrase.name;
  return resolvePronoun(text, at, paragraph, phrase.pronoun, (range) => officeSpeaker(text, range));
}

