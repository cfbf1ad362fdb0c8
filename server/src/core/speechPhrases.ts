// Reads the speaker phrase around a speech verb ("US Secretary of Commerce Wilbur Ross said", "said launch director
// Pierre-Yves Garnier", "…, according to the US Federal Register"): the words of the sentence, not where it stands.
import {
  SPEECH_PARTICIPLES, SPEECH_VERBS, bare, describingWords, hasPersonTitle, isBetweenWord, isCapitalised, isConnector,
  isDeterminer, isPersonalPronoun, isPhraseWord, looksLikePerson, readSpeakerPhrase, type SpeakerPhrase,
} from './sources/names.js';

/** How many words may stand between a speech verb and the quotation it introduces. */
const MAX_INTRO_WORDS = 24;

/** A speech verb as prose writes it after a speaker: in lower case ("United States" is no verb). */
export function isSpeechVerb(word: string): boolean {
  const b = bare(word).replace(/\.$/, '');
  return /^\p{Ll}/u.test(b) && SPEECH_VERBS.has(b);
}

/**
 * The words of text[from, to) with their offsets; parentheses ("Geng Shuang (耿爽)") are left out, and a dash between
 * words ends the word before it ("Connecticut--Mr. Waymarsh" is "Connecticut--", "Mr.", "Waymarsh").
 */
export function wordsIn(text: string, from: number, to: number): { word: string; at: number }[] {
  const slice = text.slice(from, to).replace(/\([^()\n]*\)/g, (m) => ' '.repeat(m.length));
  return [...slice.matchAll(/\S+?(?:--|—|–)(?=\S)|\S+/gu)].map((m) => ({ word: m[0], at: from + m.index }));
}

/**
 * The words without an age set off by commas after a name: "Villanueva, 61, told" reads as "Villanueva told", or, with
 * `keepComma`, as "Villanueva, told" (the name still ends its clause).
 */
export function withoutAges(words: { word: string; at: number }[], keepComma = false): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const next = words[i + 1]?.word ?? '';
    if (/,$/.test(words[i]!.word) && /^\d{1,3},$/.test(next) && isCapitalised(words[i]!.word)) {
      out.push(keepComma ? words[i]! : { word: words[i]!.word.slice(0, -1), at: words[i]!.at });
      i++;
    } else {
      out.push(words[i]!);
    }
  }
  return out;
}

/** Whether a word ends a clause: punctuation after it, but not the full stop of an initial or a title ("Mr."). */
export function endsClause(word: string): boolean {
  return /[,;:!?.—–)]$/.test(word) && !/^\p{Lu}\.$/u.test(word) && !/^(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen)\.$/.test(word);
}

/** The speaker phrase just before a speech verb: "US Secretary of Commerce Wilbur Ross [also] said". */
function phraseBefore(words: { word: string }[], verb: number): SpeakerPhrase {
  let i = verb - 1;
  while (i >= 0 && isBetweenWord(words[i]!.word) && !endsClause(words[i]!.word)) i--;
  if (i >= 0 && /,$/.test(words[i]!.word)) return appositiveBefore(words, i);
  if (i < 0 || endsClause(words[i]!.word)) return null;
  // "he" is a pronoun on its own, but a name in "Vice Premier Liu He said"; not after an initial or a court
  // transcript's "A." ("A.   He said, “…”").
  const beforePronoun = words[i - 1]?.word ?? '';
  if (isPersonalPronoun(words[i]!.word) && (i === 0 || endsClause(beforePronoun) || !isPhraseWord(beforePronoun) || /^\p{Lu}\.$/u.test(beforePronoun))) {
    return { pronoun: bare(words[i]!.word) };
  }
  const phrase: string[] = [];
  // One lower-case head noun may end the phrase ("the Federal Register update said").
  if (!isPhraseWord(words[i]!.word) && /^\p{Ll}+$/u.test(bare(words[i]!.word)) && i > 0 && isCapitalised(words[i - 1]!.word)) {
    phrase.unshift(words[i]!.word);
    i--;
  }
  for (;;) {
    while (i >= 0 && isPhraseWord(words[i]!.word) && !endsClause(words[i]!.word)) {
      phrase.unshift(words[i]!.word);
      // "the" begins the phrase, except inside an office ("Secretary of the Treasury").
      if (isDeterminer(words[i]!.word) && bare(words[i - 1]?.word ?? '').toLowerCase() !== 'of') return readPhrase(phrase);
      i--;
    }
    // "the Department for Culture, Media and Sport said": a comma between the names of a list that "and" ends.
    const listed = phrase.some((w) => w === 'and') && isCapitalised(phrase[0] ?? '');
    if (!listed || i < 0 || !/^\p{Lu}[\p{L}-]*,$/u.test(words[i]!.word)) return readPhrase(phrase);
    phrase.unshift(words[i]!.word);
    i--;
  }
}

function readPhrase(phrase: string[]): SpeakerPhrase {
  return phrase.length > 0 ? readSpeakerPhrase(phrase.join(' ')) : null;
}

/**
 * A person's name set off by commas, ending with the word at `last` (its closing comma): "Ghana's ambassador, Abena
 * Owusu-Ansah, said"; or the name before a description so set off: "Maria Delgado, general secretary of the union,
 * said". Null when the words there are no name.
 */
function appositiveBefore(words: { word: string }[], last: number): SpeakerPhrase {
  let i = last;
  while (i >= 0 && isPhraseWord(words[i]!.word) && (i === last || !endsClause(words[i]!.word))) i--;
  if (i < 0 || i === last || !/,$/.test(words[i]!.word)) return null;
  // A description of the person set off after the name ("Maria Delgado, general secretary of the union, said"): the
  // name is the speaker, not the body the description names.
  if (/^\p{Ll}/u.test(words[i + 1]!.word)) return nameEndingAt(words, i);
  // The same with an office written in capitals: "Raymond Castell, Regional Secretary of the Northern Nurses' Union,
  // said" is Raymond Castell, whose office is of the union.
  const setOff = words.slice(i + 1, last + 1).map((w) => w.word);
  const of = setOff.findIndex((w) => bare(w).toLowerCase() === 'of');
  if (of > 0 && hasPersonTitle(setOff.slice(0, of).map(bare))) {
    const person = nameEndingAt(words, i);
    if (person) return person;
  }
  const read = readSpeakerPhrase(words.slice(i + 1, last + 1).map((w) => w.word).join(' '));
  return read && 'name' in read && looksLikePerson(read.name) ? read : null;
}

/** The person's name whose last word, followed by a comma, is words[last]; null when the words there are no name. */
function nameEndingAt(words: { word: string }[], last: number): SpeakerPhrase {
  let i = last;
  while (i > 0 && isPhraseWord(words[i - 1]!.word) && !endsClause(words[i - 1]!.word)) i--;
  const read = readSpeakerPhrase(words.slice(i, last + 1).map((w) => w.word).join(' '));
  return read && 'name' in read && looksLikePerson(read.name) ? read : null;
}

/** The last word of the capitalised run that starts at `from`, where a name set off there ends. */
function nameEnd(words: { word: string }[], from: number): number {
  let i = from;
  while (i + 1 < words.length && i - from < 4 && isCapitalised(words[i]!.word) && !endsClause(words[i]!.word)) i++;
  return i;
}

/** The speaker phrase just after a speech verb or "according to": "said Foreign Ministry spokesman Geng Shuang". */
function phraseAfter(words: { word: string }[], from: number): SpeakerPhrase {
  // "said the authority’s chief engineer, Rashid Qureshi": an office set off before its holder's name.
  for (let c = from; c < Math.min(words.length - 1, from + 6); c++) {
    if (!/,$/.test(words[c]!.word)) continue;
    const holder = hasPersonTitle([bare(words[c]!.word)]) ? nameEndingAt(words, nameEnd(words, c + 1)) : null;
    if (holder) return holder;
    break;
  }
  const phrase: string[] = [];
  for (let i = from; i < words.length && phrase.length < 14; i++) {
    const word = words[i]!.word;
    if (phrase.length === 0 && isPersonalPronoun(word) && !isCapitalised(words[i + 1]?.word ?? '')) {
      return { pronoun: bare(word) };
    }

    if (!isPhraseWord(word)) {
      // "said lead author Dr Katharina Feuerstein": lower-case words describe the person named after them.
      const described = describingWords(words, i);
      if (described === 0) break;
      phrase.push(...words.slice(i, i + described).map((w) => w.word));
      i += described - 1;
      continue;
    }
    phrase.push(word);
    if (endsClause(word)) break;
  }
  // Small words left at the end ("Katharina Feuerstein of the" before a lower-case "university") join nothing.
  while (phrase.length > 0 && isConnector(phrase[phrase.length - 1]!)) phrase.pop();
  return phrase.length > 0 ? readSpeakerPhrase(phrase.join(' ')) : null;
}

/** A speech verb close before a quotation: "Geng Shuang said: “", "Ross said in a statement that “". */
export function introSpeaker(text: string, from: number, to: number): SpeakerPhrase {
  const words = withoutAges(wordsIn(text, from, to));
  for (let i = words.length - 1; i >= 0 && i >= words.length - MAX_INTRO_WORDS; i--) {
    const word = words[i]!.word;
    if (i < words.length - 1 && /[;!?]$/.test(word)) return null;
    const k = bare(word).toLowerCase();
    if (k === 'according' && bare(words[i + 1]?.word ?? '').toLowerCase() === 'to') return phraseAfter(words, i + 2);
    // "In the words of Peter Dunmore, the council should “…”".
    if (k === 'words' && bare(words[i + 1]?.word ?? '').toLowerCase() === 'of' && bare(words[i - 1]?.word ?? '').toLowerCase() === 'the') {
      return phraseAfter(words, i + 2);
    }
    // "Aldridge put it memorably: “…”" says as "said" does.
    const putIt = k === 'put' && /^it$/i.test(bare(words[i + 1]?.word ?? ''));
    // After "to" a verb is no one's saying yet; after an article or a possessive, it describes a noun ("the added
    // time").
    const previous = bare(words[i - 1]?.word ?? '').toLowerCase();
    if ((!isSpeechVerb(word) && !putIt) || previous === 'to' || NOUN_MARKERS.has(previous)) continue;
    const before = phraseBefore(words, i);
    if (before) return before;
    const cleft = cleftSpeaker(words, i);
    if (cleft) return cleft;
    // A subject right before the verb that names no one ("what the judge called “…”") is the speaker, unnamed.
    let j = i - 1;
    while (j >= 0 && isBetweenWord(words[j]!.word) && !endsClause(words[j]!.word)) j--;
    if (j >= 0 && !endsClause(words[j]!.word) && !/^(?:and|but|then)$/i.test(bare(words[j]!.word))) return null;
    // "Ross, who spoke on Tuesday, said “…”", "Ross visited the plant and said “…”": the subject of the sentence.
    return clauseSubject(words.slice(0, i)) ?? (i === 0 ? phraseAfter(words, i + 1) : null);
  }
  return null;
}

/** Words after which a verb of saying is an adjective of the noun after it: "the added time", "his stated aim". */
const NOUN_MARKERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** "It was Councillor Peter Dunmore who said “…”": the name the sentence puts before "who" and the verb at `verb`. */
function cleftSpeaker(words: { word: string }[], verb: number): SpeakerPhrase {
  if (bare(words[verb - 1]?.word ?? '').toLowerCase() !== 'who') return null;
  let i = verb - 2;
  while (i >= 0 && isPhraseWord(words[i]!.word) && !endsClause(words[i]!.word) && bare(words[i]!.word).toLowerCase() !== 'was') i--;
  if (i < 0 || !/^(?:was|is)$/i.test(bare(words[i]!.word)) || !/^it$/i.test(bare(words[i - 1]?.word ?? ''))) return null;
  const read = readSpeakerPhrase(words.slice(i + 1, verb - 1).map((w) => w.word).join(' '));
  return read && 'name' in read && looksLikePerson(read.name) ? read : null;
}

/**
 * "Ross announced the move, saying that his country “…”": the subject of the clause that holds the participle;
 * "…, with John Sullivan denouncing “…”": the name right before it.
 */
export function participleSpeaker(text: string, from: number, to: number): SpeakerPhrase {
  const words = wordsIn(text, from, to);
  const i = words.findIndex((w) => SPEECH_PARTICIPLES.has(w.word.replace(/[,:]$/, '')));
  if (i <= 0) return null;
  if (!endsClause(words[i - 1]!.word)) {
    const before = phraseBefore(words, i);
    if (before) return before;
  }
  return clauseSubject(words.slice(0, i));
}

/** The subject at the start of a clause, after a leading adverbial ("On Monday, the White House announced"). */
function clauseSubject(words: { word: string }[]): SpeakerPhrase {
  // A dateline ("BEIJING (AFP) — China said …") is not part of the sentence.
  const dash = words.findIndex((w, j) => j < 8 && /^(?:—|–|-|--)$/.test(w.word));
  let i = dash >= 0 ? dash + 1 : 0;
  words = words.slice(i);
  i = 0;
  if (words.length > 0 && !isPhraseWord(words[0]!.word)) {
    const comma = words.findIndex((w, j) => j < 6 && /,$/.test(w.word));
    if (comma < 0) return null;
    i = comma + 1;
  }
  if (i < words.length && isPersonalPronoun(words[i]!.word) && !isCapitalised(words[i + 1]?.word ?? '')) {
    return { pronoun: bare(words[i]!.word) };
  }
  const phrase: string[] = [];
  for (; i < words.length; i++) {
    if (!isPhraseWord(words[i]!.word)) {
      // "Three-time Grand Slam champion Lucía Vidal announced …", "Consumer group BEUC welcomed …".
      const described = describingWords(words, i);
      if (described === 0 || phrase.length === 0) break;
      phrase.push(...words.slice(i, i + described).map((w) => w.word));
      i += described - 1;
      continue;
    }
    phrase.push(words[i]!.word);
    if (endsClause(words[i]!.word)) break;
  }
  return phrase.length > 0 ? readSpeakerPhrase(phrase.join(' ')) : null;
}

/** What a quotation may be called when its speaker is named after it: “…,” was the message from Peter Dunmore. */
const SAYINGS = /^(?:was|were|came|is)$/i;
const SAYING_NOUNS = /^(?:message|verdict|view|response|reply|warning|word|words|answer|reaction|plea|promise)$/i;

/** An attribution right after a closing mark: “…,” Ross said / “…,” said Ross / “…,” he told reporters. */
export function trailingSpeaker(text: string, from: number, to: number): SpeakerPhrase {
  const words = withoutAges(wordsIn(text, from, to).filter((w) => !/^[,—–-]+$/.test(w.word)));
  if (words.length === 0) return null;
  if (isSpeechVerb(words[0]!.word)) return phraseAfter(words, 1);
  // « … », a déclaré Emmanuel Macron; «…», ha dicho Sánchez.
  if (isBetweenWord(words[0]!.word) && isSpeechVerb(words[1]?.word ?? '')) return phraseAfter(words, 2);
  // “…,” was the message from Peter Dunmore.
  const noun = SAYINGS.test(bare(words[0]!.word)) ? (/^the$/i.test(bare(words[1]?.word ?? '')) ? 2 : 1) : -1;
  if (noun > 0 && SAYING_NOUNS.test(bare(words[noun]?.word ?? '')) && /^from$/i.test(bare(words[noun + 1]?.word ?? ''))) {
    return phraseAfter(words, noun + 2);
  }
  for (let i = 1; i < words.length && i <= 16; i++) {
    if (isSpeechVerb(words[i]!.word)) return phraseBefore(words, i);
    if (endsClause(words[i - 1]!.word)) return describedBefore(words, i);
  }
  return null;
}

/**
 * Whether the words of text[from, to), after a quotation, say that the narrator spoke it: “…,” I answered / “…,” said
 * I / “…,” I asked again. A first-person narrator has no name the text gives, and the quotation is not the words of
 * whoever spoke before.
 */
export function narratorAfter(text: string, from: number, to: number): boolean {
  const words = wordsIn(text, from, to)
    .filter((w) => !/^[,—–-]+$/.test(w.word))
    .map((w) => bare(w.word));
  // "I answered that it was May" reports the narrator's reply to the quotation, in the narrator's words.
  if (/^that$/i.test(words[2] ?? '')) return false;
  if (isFirstPerson(words[0]) && isSpeechVerb(words[1] ?? '')) return true;
  return isSpeechVerb(words[0] ?? '') && isFirstPerson(words[1]);
}

/**
 * Whether text[from, to), before a quotation, ends by saying that the narrator speaks it: I said, “…” / I asked him:
 * “…”.
 */
export function narratorBefore(text: string, from: number, to: number): boolean {
  const words = wordsIn(text, from, to).map((w) => bare(w.word));
  const n = words.length - (/^(?:him|her|them|again)$/i.test(words[words.length - 1] ?? '') ? 1 : 0);
  return n >= 2 && isFirstPerson(words[n - 2]) && isSpeechVerb(words[n - 1]!);
}

/**
 * The words with which text[from, to), after a quotation, gives it to someone the text describes without a name, at
 * most three after the article or possessive, in lower case: “…?” asked a gentleman / “…,” said his wife / “…,” the old
 * man replied give ["gentleman"], ["wife"], ["old", "man"]; null when the words name someone or no one.
 */
export function describedAfter(text: string, from: number, to: number): string[] | null {
  const words = wordsIn(text, from, to)
    .filter((w) => !/^[,—–-]+$/.test(w.word))
    .map((w) => w.word);
  const describes = (word: string | undefined) => /^(?:the|a|an|his|her|my|their|our|your)$/i.test(bare(word ?? ''));
  const plain = (word: string) => bare(word).toLowerCase().replace(/[.,;:!?]+$/, '');
  if (isSpeechVerb(words[0] ?? '') && describes(words[1])) {
    const phrase: string[] = [];
    for (let i = 2; i < words.length && i < 5; i++) {
      phrase.push(plain(words[i]!));
      if (endsClause(words[i]!)) break;
    }
    return phrase.length > 0 ? phrase : null;
  }
  if (!describes(words[0])) return null;
  for (let i = 1; i < words.length && i <= 4; i++) {
    if (isSpeechVerb(words[i]!)) return i > 1 ? words.slice(1, i).map(plain) : null;
    if (endsClause(words[i]!)) return null;
  }
  return null;
}

function isFirstPerson(word: string | undefined): boolean {
  return word === 'I' || word === 'we' || word === 'We';
}

/** How many words at most a description set off by commas between a speaker's name and the speech verb may have. */
const MAX_DESCRIPTION_WORDS = 20;

/**
 * The name that opens `words` when a description set off by commas stands between it and the speech verb: “…,”
 * Teresa Lualua of Samoa, the lead negotiator for the island states, told the plenary. `after` is the word after
 * the name's comma. Null when the words are not so.
 */
function describedBefore(words: { word: string }[], after: number): SpeakerPhrase {
  if (!/,$/.test(words[after - 1]!.word) || !/^\p{Ll}/u.test(words[after]?.word ?? '')) return null;
  const name = readSpeakerPhrase(words.slice(0, after).map((w) => w.word).join(' '));
  if (!name || !('name' in name) || !looksLikePerson(name.name)) return null;
  for (let i = after; i < words.length && i < after + MAX_DESCRIPTION_WORDS; i++) {
    if (!endsClause(words[i]!.word)) continue;
    return /,$/.test(words[i]!.word) && isSpeechVerb(words[i + 1]?.word ?? '') ? name : null;
  }
  return null;
}

/** How far after a quotation's closing mark a citation in parentheses may open. */
const CITATION_REACH = 3;

/**
 * The author a citation in parentheses right after a quotation names, as academic writing gives one: “…” (McLuhan,
 * 1964, p. 7), “…” (Smith and Jones 2019: 4), “…” (Lee et al., 2020). Null when no citation with a year follows.
 */
export function citedAuthor(text: string, from: number, to: number): string | null {
  const citation = /^[\s,.;:!?]*\(([^()\n]{2,120})\)/u.exec(text.slice(from, Math.min(to, from + CITATION_REACH + 122)));
  if (!citation || citation[0].indexOf('(') > CITATION_REACH) return null;
  const name = `\\p{Lu}[\\p{L}\\p{M}'’-]+(?:[ \\t]+\\p{Lu}[\\p{L}\\p{M}'’-]+)?`;
  const authors = new RegExp(`^(${name}(?:[ \\t]+(?:and|&)[ \\t]+${name})?)(?:[ \\t]+et[ \\t]+al\\.?)?,?[ \\t]+\\d{4}[a-z]?\\b`, 'u');
  const m = authors.exec(citation[1]!.trim());
  if (!m) return null;
  const first = m[1]!.split(/[ \t]+(?:and|&)[ \t]+/)[0]!;
  const read = readSpeakerPhrase(first);
  return read && 'name' in read && looksLikePerson(read.name) ? m[1]!.replace(/\s+/g, ' ') : null;
}

/**
 * The person a dash names after a quotation, as press releases, testimonials and epigraphs attribute one: “…” —
 * Jane Doe, Chief Executive Officer (on the same line or the next). Null when no dash and name follow.
 */
export function dashedSpeaker(text: string, from: number, to: number): string | null {
  const line = /^[ \t]*\n?[ \t]*(?:—|―|–|--)[ \t]*([^\n,;(„“”"«»]{2,80})/u.exec(text.slice(from, Math.min(to, from + 120)));
  if (!line) return null;
  // "„…” – powiedział premier Donald Tusk.": a speech verb after the dash, as Polish and Czech attribute, is read as
  // any attribution after a quotation is; the dash names no one itself.
  if (isSpeechVerb(line[1]!.trim().split(/\s+/)[0]!)) return null;
  // The name ends with its sentence ("— Jane Doe. The company …"), not at an initial or a title ("Dr. Jane Doe").
  const sentence = /(?<!\b(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Prof|Jr|Sr))[.!?](?=\s)/u.exec(line[1]!);
  const read = readSpeakerPhrase((sentence ? line[1]!.slice(0, sentence.index) : line[1]!).trim());
  return read && 'name' in read && looksLikePerson(read.name) ? read.name : null;
}

/** "…, according to the US Federal Register": a named source in the rest of the sentence. */
export function accordingTo(text: string, from: number, to: number): string | null {
  const words = wordsIn(text, from, to);
  for (let i = 0; i + 1 < words.length; i++) {
    if (bare(words[i]!.word).toLowerCase() !== 'according' || bare(words[i + 1]!.word).toLowerCase() !== 'to') continue;
    // The named source may sit inside a longer phrase ("an update to the US Federal Register set to be ...").
    const rest = words.slice(i + 2);
    const cut = rest.findIndex((w, j) => j > 0 && (endsClause(rest[j - 1]!.word) || !isPhraseWord(w.word) && !/^\p{Ll}/u.test(w.word)));
    const phrase = (cut < 0 ? rest : rest.slice(0, cut)).map((w) => w.word);
    let end = phrase.length;
    while (end > 0 && !isCapitalised(phrase[end - 1]!)) end--;
    let start = end;
    while (start > 0 && isPhraseWord(phrase[start - 1]!)) start--;
    // A document named by no name of its own ("the bank's English-language summary") is the source as written.
    const read = readSpeakerPhrase(phrase.slice(start, end).join(' ')) ?? readSpeakerPhrase(phrase.join(' '));
    return read && 'name' in read ? read.name : null;
  }
  return null;
}
