// Reads who a source says spoke a passage: the attribution around its quotation or reported speech.
import type { SourceMeta, Span } from './types.js';
import {
  bare, describingWords, hasPersonTitle, isAdverb, isDeterminer, isGrammarWord, isPhraseWord, isPronoun, looksLikePerson,
  personKey, readSpeakerPhrase, sexOfTitles, titleOf, type Sex, type SpeakerPhrase,
} from './sources/names.js';
import {
  accordingTo, endsClause, introSpeaker, isSpeechVerb, participleSpeaker, trailingSpeaker, wordsIn, withoutAges,
} from './speechPhrases.js';
import { LABEL_EVIDENCE_AFTER, LINE_OF_A_TURN, MAX_LABEL_LENGTH, TURN_REACH, turnSpeaker } from './transcript.js';

export { sourceMetaFromText } from './sources/meta.js';

/** How far around a passage the attribution is looked for, so that huge unbroken texts stay cheap. */
const MAX_SCAN = 4000;
/** How far before a passage the full form of a speaker's one-word name is looked for. */
const FULL_NAME_REACH = 48_000;
/** How many earlier paragraphs a quotation without attribution, or a pronoun, may reach back. */
const MAX_PARAGRAPHS_BACK = 3;
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

/** Speech verbs whose object is the person spoken to, not the speaker. */
const ADDRESSED = new Set(['told', 'tells', 'urged', 'promised', 'pledged']);

/** Opening quotation marks and the marks that close each. */
const CLOSERS: Record<string, string> = { '“': '”"', '„': '“”', '«': '»', '"': '"”', '‟': '”"', '‘': '’\'', "'": "'’" };

/**
 * The marks that close a quotation opened at `i`, or '' when no quotation opens there. A single mark opens one only
 * at the start of a word ('We will', ‘We will’): one inside or after a word is an apostrophe (don't, the Joneses').
 */
function openerAt(text: string, i: number): string {
  const ch = text[i]!;
  const closers = CLOSERS[ch];
  if (closers === undefined) return '';
  if (ch !== "'" && ch !== '‘') return closers;
  const before = i > 0 ? text[i - 1]! : ' ';
  return /[\s([{—–-]/.test(before) && /[\p{L}\p{N}“"…]/u.test(text[i + 1] ?? '') ? closers : '';
}

/** Whether the mark at `i` closes a quotation that `closers` close: a single mark only at the end of a word. */
function closesAt(text: string, i: number, closers: string): boolean {
  const ch = text[i]!;
  if (!closers.includes(ch)) return false;
  if (ch !== "'" && ch !== '’') return true;
  return !/[\p{L}\p{N}]/u.test(text[i + 1] ?? '') && !/\s/.test(i > 0 ? text[i - 1]! : ' ');
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'prof', 'rev',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'inc', 'corp',
  'co', 'ltd', 'vs', 'mt', 'ft', 'adm', 'sgt', 'gov',
]);

interface Range {
  start: number;
  end: number;
}

/** A quotation around the passage: its opening mark, its closing mark (null when left open), and its neighbours. */
interface QuoteAround {
  open: number;
  close: number | null;
  /** Offset just past the closing mark of the quotation before it in the paragraph, if any. */
  previousCloseEnd: number | null;
  /** Opening mark of the quotation before it in the paragraph, if any. */
  previousOpen: number | null;
}

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
  return holders.length === 1 ? holders[0]! : null;
}

/**
 * The people text[from, to) names with this office, each once ("the judge" is "Eleanor Price" where the text says
 * "Judge Eleanor Price").
 */
function holdersOf(text: string, office: string, from: number, to: number): string[] {
  // Any case of the office's letters ("Judge", "judge"), but names in capitals: no case-insensitive flag.
  const title = office.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`).replace(/ /g, '[ \\t\\n]+');
  const found = new Map<string, string>();
  const mentions = new RegExp(`(?<![\\p{L}])${title}[ \\t\\n]+((?:\\p{Lu}[\\p{L}\\p{M}'’.-]*[ \\t\\n]+){0,2}\\p{Lu}[\\p{L}\\p{M}'’-]+)`, 'gu');
  for (const m of text.slice(from, to).matchAll(mentions)) {
    const read = readSpeakerPhrase(m[1]!.replace(/\s+/g, ' '));
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
  const from = Math.max(0, at - FULL_NAME_REACH);
  // The mentions of the name, the nearest first, each with the capitalised words right before it; searched in the
  // stretch alone, so that a long text without the name is not read back to its start.
  const stretch = text.slice(from, at);
  for (let i = stretch.lastIndexOf(name); i >= 0; i = i > 0 ? stretch.lastIndexOf(name, i - 1) : -1) {
    const pos = from + i;
    if (/[\p{L}\p{M}]/u.test(text[pos + name.length] ?? '')) continue;
    const before = /(?:\p{Lu}[\p{L}\p{M}'’.-]*[ \t]+){1,3}$/u.exec(text.slice(Math.max(from, pos - 120), pos));
    if (!before) continue;
    // Words that open a sentence are no part of the name ("Then Vidal said").
    const words = `${before[0]}${name}`.split(/[ \t]+/);
    while (words.length > 1 && (!isPhraseWord(words[0]!) || isDeterminer(words[0]!))) words.shift();
    const read = words.length > 1 ? readSpeakerPhrase(words.join(' ')) : null;
    if (read && 'name' in read && read.name.includes(' ') && read.name.endsWith(name) && looksLikePerson(read.name)) return read.name;
  }
  return name;
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
  if (intro) return resolve(text, intro, quote.open, paragraph);
  if (quote.close !== null) {
    const afterStart = quote.close + 1;
    const afterEnd = Math.min(sentenceEnd(text, afterStart, paragraph.end), nextOpener(text, afterStart, paragraph.end));
    const after = trailingSpeaker(text, afterStart, afterEnd);
    if (after) {
      const name = resolve(text, after, afterStart, paragraph) ?? leadForPronoun(text, paragraph, beforeStart, quote.open, after);
      return name !== null && 'pronoun' in after && answersAnother(text, paragraph, quote.open, afterStart, afterEnd, name) ? null : name;
    }
    const according = accordingTo(text, afterStart, afterEnd);
    if (according) return according;
  }
  const subject = participleSpeaker(text, beforeStart, quote.open);
  if (subject) return resolve(text, subject, quote.open, paragraph);
  const lead = leadSpeaker(text, paragraph, beforeStart, quote.open);
  if (lead) return resolve(text, lead, beforeStart, paragraph);
  if (depth >= MAX_PARAGRAPHS_BACK) return null;
  // A quotation without attribution takes the speaker of the quotation before it in the paragraph, or, when
  // it opens its paragraph, of the quotation it continues (“…\n\n“…”) or of the quotation paragraph before.
  if (quote.previousOpen !== null) return speakerAt(text, quote.previousOpen + 1, quote.previousOpen + 1, depth + 1);
  if (text.slice(paragraph.start, quote.open).trim() !== '' || paragraph.start === 0) return null;
  const previous = paragraphAt(text, previousParagraphEnd(text, paragraph.start));
  const last = lastQuote(text, previous);
  if (!last) return null;
  const opensParagraph = text.slice(previous.start, last.open).trim() === '';
  if (last.close !== null && !opensParagraph) return null;
  const before = speakerAt(text, last.open + 1, last.open + 1, depth + 1);
  if (depth > 0 || last.close === null || before === null || previous.start === 0) return before;
  // After two quotation paragraphs of two speakers, the lines are a dialogue, whose speakers take turns: which of them
  // speaks this one the source does not say. (The earlier paragraph's speaker is read from its own attribution only,
  // which keeps what this reads within SPEAKER_REACH.)
  const earlier = lastQuote(text, paragraphAt(text, previousParagraphEnd(text, previous.start)));
  const first = earlier ? speakerAt(text, earlier.open + 1, earlier.open + 1, MAX_PARAGRAPHS_BACK) : null;
  return first !== null && personKey(first) !== personKey(before) ? null : before;
}

/**
 * The speaker of a quotation that opens its sentence right after a sentence reporting what someone said, with no
 * quotation marks of its own: “She said the board had discussed a cut. “A cut was on the table.”” The quotation goes
 * on in that person's words.
 */
function leadSpeaker(text: string, paragraph: Range, sentence: number, open: number): SpeakerPhrase {
  if (sentence <= paragraph.start || text.slice(sentence, open).trim() !== '') return null;
  const from = sentenceStart(text, sentence - 1, paragraph.start);
  for (let i = from; i < sentence; i++) if (openerAt(text, i) !== '' || '”»’'.includes(text[i]!)) return null;
  return introSpeaker(text, from, sentence);
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
  if (openerAt(text, first) === '') return false;
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
    const after = trailingSpeaker(text, i + 1, afterEnd);
    if (after) return resolve(text, after, i, paragraph);
  }
  return null;
}

function resolve(text: string, phrase: SpeakerPhrase, at: number, paragraph: Range): string | null {
  if (!phrase) return null;
  if ('name' in phrase) return phrase.name;
  return resolvePronoun(text, at, paragraph, phrase.pronoun);
}

/** The paragraph (between blank lines) that holds `pos`, within MAX_SCAN characters either side. */
function paragraphAt(text: string, pos: number): Range {
  const lo = Math.max(0, pos - MAX_SCAN);
  const before = text.slice(lo, pos);
  let start = lo;
  for (const m of before.matchAll(/\n[ \t\r]*\n/g)) start = lo + m.index + m[0].length;
  if (start === lo && lo > 0) {
    const line = text.indexOf('\n', lo);
    start = line >= 0 && line < pos ? line + 1 : lo;
  }
  const hi = Math.min(text.length, pos + MAX_SCAN);
  const m = /\n[ \t\r]*\n/.exec(text.slice(pos, hi));
  return { start, end: m ? pos + m.index : hi };
}

/** The offset just before the blank line that precedes a paragraph starting at `start`. */
function previousParagraphEnd(text: string, start: number): number {
  let i = start - 1;
  while (i > 0 && /\s/.test(text[i]!)) i--;
  return i;
}

/** Walks the quotation marks of a paragraph up to `until`, telling which quotation is open there. */
function scanQuotes(text: string, paragraph: Range, until: number) {
  let open: number | null = null;
  let closers = '';
  let previousOpen: number | null = null;
  let previousCloseEnd: number | null = null;
  for (let i = paragraph.start; i < until; i++) {
    if (open !== null) {
      if (!closesAt(text, i, closers)) continue;
      previousOpen = open;
      previousCloseEnd = i + 1;
      open = null;
    } else {
      closers = openerAt(text, i);
      if (closers !== '') open = i;
    }
  }
  return { open, closers, previousOpen, previousCloseEnd };
}

/** The quotation a passage starting at `start` stands in, or null when it starts outside quotation marks. */
function quoteAround(text: string, paragraph: Range, start: number): QuoteAround | null {
  const state = scanQuotes(text, paragraph, start);
  let open = state.open;
  let closers = state.closers;
  if (open === null && start < text.length && openerAt(text, start) !== '') {
    open = start;
    closers = openerAt(text, start);
  }
  if (open === null) return null;
  let close: number | null = null;
  // The first closing mark after the passage's start: a passage that runs on over the reporter's words into the next
  // quotation (“…,” she said. “…”) has the attribution of the quotation it starts in.
  for (let i = Math.max(start, open + 1); i < paragraph.end; i++) {
    if (closesAt(text, i, closers)) {
      close = i;
      break;
    }
  }
  return { open, close, previousCloseEnd: state.previousCloseEnd, previousOpen: state.previousOpen };
}

/** The last quotation of a paragraph. */
function lastQuote(text: string, paragraph: Range): { open: number; close: number | null } | null {
  const state = scanQuotes(text, paragraph, paragraph.end);
  if (state.open !== null) return { open: state.open, close: null };
  if (state.previousOpen === null) return null;
  return { open: state.previousOpen, close: state.previousCloseEnd! - 1 };
}

function nextOpener(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (openerAt(text, i) !== '') return i;
  return limit;
}

function isAbbreviation(text: string, dot: number): boolean {
  let i = dot;
  while (i > 0 && /\p{L}/u.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot);
  return (word.length === 1 && /\p{Lu}/u.test(word)) || ABBREVIATIONS.has(word.toLowerCase());
}

function isSentenceEnd(text: string, i: number): boolean {
  const ch = text[i]!;
  if (ch !== '.' && ch !== '!' && ch !== '?') return false;
  const next = text[i + 1];
  if (next !== undefined && !/\s/.test(next)) return false;
  return ch !== '.' || !isAbbreviation(text, i);
}

/** The start of the sentence that holds `pos`, not before `limit`. */
function sentenceStart(text: string, pos: number, limit: number): number {
  for (let i = pos - 1; i >= limit; i--) if (isSentenceEnd(text, i)) return i + 1;
  return limit;
}

/** The end of the sentence that holds `pos` (its final punctuation excluded), not after `limit`. */
function sentenceEnd(text: string, pos: number, limit: number): number {
  for (let i = pos; i < limit; i++) if (isSentenceEnd(text, i)) return i;
  return limit;
}

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
 * anyone. Two different people there make the pronoun unclear, and nothing is returned. Paragraphs that name no one
 * and give a quotation to the same pronoun ("“…,” she said.") carry it back over them without counting against
 * MAX_PARAGRAPHS_BACK, up to MAX_PRONOUN_CHAIN paragraphs and 4 MAX_SCAN characters.
 */
function resolvePronoun(text: string, at: number, paragraph: Range, pronoun: string): string | null {
  let range: Range = { start: paragraph.start, end: at };
  const key = pronoun.toLowerCase();
  // "he" stands for no one named as a woman ("Mrs Hall"), "she" for no one named as a man.
  const other = key === 'he' ? 'female' : 'male';
  for (let back = 0, read = 0; back <= MAX_PARAGRAPHS_BACK && read < MAX_PRONOUN_CHAIN; read++) {
    const outside = outsideQuotes(text, range);
    const mentions = personMentions(outside);
    if (mentions.length > 0) {
      const names = mentions.filter((mention) => mention.sex !== other).map((mention) => mention.name);
      const people = new Set(names.map(personKey));
      return people.size === 1 ? names[names.length - 1]! : null;
    }
    if (range.start === 0) break;
    // The paragraph of the pronoun itself always counts, so that a lone paragraph reaches back as far as before.
    if (read === 0 || !speaksAs(outside, key)) back++;
    else if (range.start < at - 4 * MAX_SCAN) break;
    range = paragraphAt(text, previousParagraphEnd(text, range.start));
  }
  return null;
}

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

/** The word right before the name a phrase of `run` ends with: in the phrase, or `previous`, the word before it. */
function wordBeforeName(run: string[], name: string, previous: string): string {
  const before = run.length - name.split(' ').length - 1;
  return bare(before >= 0 ? run[before]! : previous).toLowerCase();
}

/** The text of a paragraph stretch with its quoted words blanked out, so that offsets stay those of the text. */
function outsideQuotes(text: string, range: Range): string {
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
function personMentions(outside: string): { name: string; sex: Sex | null }[] {
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
    // A name right after "of" is a place or a body ("president of Costa Verde", "the people of Ashcombe"), or someone
    // the phrase is about ("the wife of John Hale"), never the person the phrase names.
    if (read && 'name' in read && looksLikePerson(read.name) && before !== 'of') {
      const next = words[j]?.word ?? '';
      // A name counts as a mention of a person when something says it is one: a title, a speech verb next to
      // it, or its place as the subject at the start of a sentence, before its verb or before a description set off
      // by a comma ("Villanueva, a former minister, has …", "Pike, Daniel's mother, …", "Pryce, who chairs …";
      // "Accustomed as I was" and "Outside, Joanne Pryce …" or "Slowly, she …" give no subject).
      const relative = !isPronoun(next) || /^(?:who|whose)\b/.test(next);
      const described = /,$/.test(run[run.length - 1]!) && /^(?:\p{Ll}|\p{Lu}[\p{L}\p{M}-]*['’]s$)/u.test(next) && relative;
      const subject = described || (/^\p{Ll}/u.test(next) && !isGrammarWord(next));
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
