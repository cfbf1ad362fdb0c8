// Word lists and phrase rules for reading who a source names as a speaker ("US Secretary of Commerce Wilbur Ross").
import {
  AUXILIARIES_ELSEWHERE, NAME_ENDS_ELSEWHERE, SPEECH_PARTICIPLES_ELSEWHERE, SPEECH_VERBS_ELSEWHERE,
} from '../speechVerbsElsewhere.js';

/** Verbs that introduce speech, in the forms prose uses around a quotation. */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'declared', 'declares', 'wrote',
  'writes', 'noted', 'notes', 'remarked', 'asked', 'asks', 'replied', 'replies', 'answered', 'continued',
  'argued', 'argues', 'claimed', 'claims', 'announced', 'announces', 'warned', 'warns', 'urged', 'stressed',
  'emphasised', 'emphasized', 'commented', 'recalled', 'acknowledged', 'admitted', 'conceded', 'responded',
  'tweeted', 'posted', 'concluded', 'insisted', 'insists', 'explained', 'explains', 'observed', 'maintained',
  'countered', 'confirmed', 'denied', 'complained', 'expressed', 'called', 'described', 'predicted', 'vowed',
  'pledged', 'promised', 'testified', 'shouted', 'whispered', 'exclaimed', 'cried', 'murmured', 'joked',
  'repeated', 'reiterated', 'cautioned', 'revealed', 'appealed', 'dismissed', 'reminded', 'demanded', 'retorted',
  'quipped', 'pleaded', 'protested', 'suggested', 'agreed', 'reported', 'informed',
  // Verbs of scholarly and reflective prose: "Aldridge observes that …", "Lindqvist remembered that …".
  'observes', 'contends', 'contended', 'asserts', 'asserted', 'maintains', 'concedes', 'acknowledges', 'remembered',
  'remembers', 'confessed', 'confesses', 'recounted', 'recounts', 'reflected', 'reflects', 'mused', 'muses',
  // The literary present of criticism ("As Elizabeth retorts, “…”") and the tags of fiction ("returned Estella").
  'cries', 'exclaims', 'answers', 'protests', 'remarks', 'admits', 'confides', 'murmurs', 'snaps', 'retorts',
  'responds', 'continues', 'whispers', 'shouts', 'concludes', 'declares', 'demands', 'pleads', 'laments', 'jokes',
  'returned', 'rejoined', 'resumed', 'pursued', 'muttered', 'interposed', 'faltered', 'stammered', 'sighed',
  'drawled', 'snapped', 'growled', 'sneered', 'gasped', 'interrupted', 'ventured', 'echoed', 'mumbled', 'grumbled',
  'groaned', 'moaned', 'roared', 'screamed', 'shrieked', 'yelled', 'bellowed', 'hissed', 'whimpered', 'sobbed',
  'wailed', 'inquired', 'enquired', 'queried', 'objected', 'persisted', 'begged', 'entreated', 'implored', 'blurted',
  'stuttered', 'thundered', 'barked',
  // Other languages: „…“, sagte Scholz; «…», afirmó Sánchez; Macron a déclaré : « … ».
  ...SPEECH_VERBS_ELSEWHERE, ...SPEECH_PARTICIPLES_ELSEWHERE,
]);

/**
 * Offices that German, Dutch and Scandinavian write as one capitalised word before a name, often compounded
 * ("Bundeskanzler Olaf Scholz", "Finanzministerin", "Polizeichef", "burgemeester"): no part of the name.
 */
const TITLES_ELSEWHERE = new RegExp(
  '^(?:\\p{L}*(?:minister|ministerin|kanzler|kanzlerin|präsident|präsidentin|sprecher|sprecherin|bürgermeister|' +
    'bürgermeisterin|vorsitzende|vorsitzender|direktor|direktorin|staatssekretär|staatssekretärin|abgeordnete|' +
    'abgeordneter|burgemeester|woordvoerder|statsminister)|\\p{L}{3,}(?:chef|chefin|leiter|leiterin))$',
  'u',
);

/** Words of other languages after which no word belongs to a name: "sagte Scholz vor Journalisten". */
const NAME_ENDS = new Set(NAME_ENDS_ELSEWHERE);

/** Participles whose speaker is the subject of their clause ("Ross announced the move, saying that …"). */
export const SPEECH_PARTICIPLES = new Set([
  'saying', 'adding', 'telling', 'noting', 'insisting', 'warning', 'arguing', 'calling', 'describing',
  'declaring', 'stating', 'claiming', 'explaining', 'stressing', 'urging', 'vowing', 'accusing', 'expressing',
  'denouncing', 'condemning', 'criticising', 'criticizing', 'asking', 'replying', 'writing', 'announcing',
]);

/** Words that may stand between a speaker and the speech verb ("Ross also said", "Ross on Tuesday said"). */
const BETWEEN_SPEAKER_AND_VERB = new Set([
  'also', 'has', 'had', 'have', 'was', 'is', 'later', 'earlier', 'then', 'further', 'once', 'previously',
  'recently', 'repeatedly', 'reportedly', 'would', 'will', 'again', 'flatly', 'publicly', 'angrily', 'simply',
  'on', 'last', 'this', 'yesterday', 'today', 'tomorrow', 'late', 'early', 'separately', 'privately', 'had',
  ...AUXILIARIES_ELSEWHERE,
]);

/** Titles that stand before a person's name; the name is what follows the last of them. */
const PERSON_TITLES = new Set([
  'president', 'vice', 'premier', 'prime', 'minister', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson',
  'chairman', 'chairwoman', 'chair', 'chief', 'executive', 'director', 'ambassador', 'senator', 'sen',
  'representative', 'rep', 'congressman', 'congresswoman', 'governor', 'gov', 'mayor', 'general', 'gen',
  'admiral', 'adm', 'colonel', 'col', 'captain', 'capt', 'lieutenant', 'lt', 'sergeant', 'sgt', 'commissioner',
  'councillor', 'councilman', 'councilwoman', 'chancellor', 'king', 'queen', 'prince', 'princess', 'pope',
  'cardinal', 'bishop', 'archbishop', 'rabbi', 'imam', 'reverend', 'rev', 'judge', 'justice', 'attorney',
  'professor', 'prof', 'dr', 'doctor', 'mr', 'mrs', 'ms', 'mx', 'sir', 'dame', 'lord', 'lady', 'deputy',
  'assistant', 'undersecretary', 'envoy', 'official', 'head', 'founder', 'ceo', 'cfo', 'coo', 'cto', 'speaker',
  'leader', 'spokesmen', 'adviser', 'advisor', 'economist', 'analyst', 'lawyer', 'officer', 'commander',
  'inspector', 'detective', 'superintendent', 'dean', 'provost', 'coach', 'manager', 'president-elect', 'emir',
  'sheikh', 'ayatollah', 'sultan', 'sheriff', 'counsel', 'solicitor', 'auditor', 'treasurer', 'trustee', 'delegate',
  'boss', 'negotiator', 'dci', 'dsi', 'det', 'supt', 'insp', 'cllr', 'msgr', 'resident', 'neighbor', 'neighbour',
  'witness', 'eyewitness', 'survivor', 'volunteer', 'homeowner', 'shopkeeper', 'passenger', 'commuter', 'bystander',
  'student', 'teacher', 'voter', 'worker', 'protester', 'protestor', 'secretary-general', 'director-general',
  'attorney-general', 'governor-general', 'vice-president', 'vice-chair', 'vice-chancellor', 'co-founder',
  'editor-in-chief', 'substitute', 'striker', 'midfielder', 'defender', 'goalkeeper', 'winger', 'referee', 'umpire',
  'player', 'rookie', 'skipper', 'quarterback', 'pitcher', 'master', 'engineer', 'scientist', 'researcher', 'curator',
  // The offices of local government that American minutes and transcripts write before a name.
  'councilmember', 'alderman', 'alderwoman', 'alderperson', 'supervisor', 'selectman', 'selectwoman', 'selectperson',
  'assemblymember', 'assemblyman', 'assemblywoman', 'freeholder', 'legislator',
]);

/** Words that name a government department after "Secretary of", "Minister of" and the like. */
const DEPARTMENTS = new Set([
  'the', 'and', 'commerce', 'state', 'defense', 'defence', 'treasury', 'foreign', 'affairs', 'homeland',
  'security', 'health', 'human', 'services', 'justice', 'energy', 'agriculture', 'labor', 'labour', 'education',
  'interior', 'transportation', 'transport', 'housing', 'urban', 'development', 'veterans', 'finance', 'trade',
  'economy', 'industry', 'culture', 'environment', 'home', 'information', 'public', 'national',
]);

/** Lower-case words that may stand inside a speaker's description ("Foreign Ministry spokesman Geng Shuang"). */
const LOWER_DESCRIPTORS = new Set([
  'former', 'acting', 'deputy', 'vice', 'chief', 'senior', 'top', 'foreign', 'state', 'prime', 'general',
  'executive', 'assistant', 'associate', 'national', 'security', 'federal', 'affairs', 'ministry', 'department',
  'interim', 'outgoing', 'incoming', 'then', 'longtime', 'veteran', 'press', 'trade', 'commerce', 'finance',
  'defence', 'defense', 'interior', 'justice', 'health', 'economic', 'communications', 'campaign', 'party',
  'opposition', 'government', 'police', 'military', 'army', 'company', 'white', 'house',
]);

/** Small words that join the parts of a name or an office ("Secretary of the Treasury", "Ursula von der Leyen"). */
const CONNECTORS = new Set([
  'of', 'the', 'and', 'for', 'de', 'da', 'di', 'del', 'van', 'von', 'der', 'den', 'du', 'la', 'le', 'bin', 'ibn',
  'al', 'el', 'y', 'dos', 'das', 'ter', 'zu',
]);

/** Capitalised words that begin sentences or clauses but are never part of a speaker's name. */
const CAPITALISED_STOPS = new Set([
  'but', 'and', 'or', 'so', 'yet', 'then', 'when', 'while', 'after', 'before', 'although', 'though', 'however',
  'meanwhile', 'in', 'on', 'at', 'as', 'if', 'this', 'that', 'these', 'those', 'it', 'its', 'they',
  'we', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'there', 'here', 'what', 'why', 'how', 'where', 'who',
  'last', 'earlier', 'later', 'still', 'also', 'now', 'instead', 'separately', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'june', 'july', 'august',
  'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'yesterday', 'today', 'tomorrow', 'according', 'since', 'because', 'with',
  'without', 'for', 'from', 'to', 'by', 'about', 'under', 'over', 'during', 'amid', 'despite', 'asked',
  // Words that open sentences of fiction as often as of news, and name no one.
  'no', 'not', 'each', 'every', 'all', 'some', 'any', 'such', 'none', 'nobody', 'nothing', 'everyone', 'everybody',
  'someone', 'somebody', 'anyone', 'anybody', 'well', 'yes', 'oh', 'ah', 'upon', 'beyond', 'beside', 'besides',
  'once', 'twice', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'again', 'never',
  'perhaps', 'presently', 'suddenly', 'soon', 'thus', 'therefore', 'hence', 'indeed', 'only', 'even', 'just',
  'another', 'poor', 'like', 'unlike', 'your', 'yours', 'nevertheless', 'nonetheless', 'moreover', 'furthermore',
  'otherwise', 'anyway', 'thanks', 'down', 'up', 'out', 'off', 'away', 'back', 'ma’am', "ma'am",
]);

const PRONOUNS = new Set(['he', 'she']);
const OTHER_PRONOUNS = new Set(['i', 'we', 'you', 'they', 'it', 'one', 'who', 'which', 'that', 'this']);
const DETERMINERS = new Set(['the', 'a', 'an']);

/** A word of a phrase, as written, without surrounding punctuation. */
export function bare(word: string): string {
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '');
}

function key(word: string): string {
  return bare(word).toLowerCase().replace(/\.$/, '');
}

/** Whether a word begins with a capital letter or is written in a script without letter case (Chinese). */
export function isCapitalised(word: string): boolean {
  const w = bare(word);
  return /^\p{Lu}/u.test(w) || /^\p{Lo}/u.test(w);
}

/** Whether a word may be skipped between a speaker and the speech verb. */
export function isBetweenWord(word: string): boolean {
  const k = key(word);
  return BETWEEN_SPEAKER_AND_VERB.has(k) || /^(?:mon|tues|wednes|thurs|fri|satur|sun)day$/.test(k);
}

/** Whether a word is "he" or "she", which name a person mentioned before. */
export function isPersonalPronoun(word: string): boolean {
  return PRONOUNS.has(key(word));
}

/** Whether a word can be part of a speaker phrase at all. */
export function isPhraseWord(word: string): boolean {
  const k = key(word);
  if (k === '') return false;
  if (isCapitalised(word)) return !CAPITALISED_STOPS.has(k) || DETERMINERS.has(k);
  return CONNECTORS.has(k) || PERSON_TITLES.has(k) || LOWER_DESCRIPTORS.has(k) || DETERMINERS.has(k);
}

/**
 * How many lower-case words from `from` describe the person named right after them ("lead author" in "said lead
 * author Dr Katharina Feuerstein", "champion" in "Grand Slam champion Lucía Vidal", "group" in "Consumer group
 * BEUC"): at most three plain words, no function word or speech verb among them, followed by a capitalised word of
 * a name. 0 when the words there are no such description.
 */
export function describingWords(words: { word: string }[], from: number): number {
  for (let n = 0; n < 3 && from + n < words.length; n++) {
    const word = words[from + n]!.word;
    if (n > 0 && isCapitalised(word) && isPhraseWord(word)) return n;
    const k = bare(word);
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(k) || word !== k) return 0;
    if (isGrammarWord(k) || SPEECH_VERBS.has(k) || BETWEEN_SPEAKER_AND_VERB.has(k) || NAME_ENDS.has(k)) return 0;
  }
  const next = words[from + 3]?.word ?? '';
  return isCapitalised(next) && isPhraseWord(next) ? 3 : 0;
}

/** Whether a word is a small word of grammar (a preposition, a determiner, a conjunction), whatever its case. */
export function isGrammarWord(word: string): boolean {
  const k = key(word);
  return [CAPITALISED_STOPS, DETERMINERS, CONNECTORS, OTHER_PRONOUNS, PRONOUNS].some((set) => set.has(k));
}

/** Whether a word is one of the small words that join the parts of a name or an office ("of", "the", "von"). */
export function isConnector(word: string): boolean {
  return CONNECTORS.has(key(word)) || DETERMINERS.has(key(word));
}

/** Whether a word is a pronoun ("he", "they", "who"). */
export function isPronoun(word: string): boolean {
  return PRONOUNS.has(key(word)) || OTHER_PRONOUNS.has(key(word));
}

/** Whether a word is a determiner ("the", "a"), which begins a phrase. */
export function isDeterminer(word: string): boolean {
  return DETERMINERS.has(key(word));
}

/** Result of reading a speaker phrase: a name, a pronoun to resolve, or nothing usable. */
export type SpeakerPhrase = { name: string } | { pronoun: string } | null;

/**
 * Whether a capitalised word is an adverb by its ending ("Happily", "Habitually", "Suddenly"): six letters or more, so
 * that "Emily" and "Lily" are not, with endings that names ("Kelly", "Beverly", "Donnelly") do not have.
 */
export function isAdverb(word: string): boolean {
  return /^\p{Lu}\p{Ll}{2,}(?:ally|ily|ously|fully|ively|ently|antly|edly|ingly|lessly|ately|ibly|ably|enly)$/u.test(word);
}

/**
 * Reads a speaker phrase such as "US Secretary of Commerce Wilbur Ross" (gives "Wilbur Ross"), "Chinese Ministry
 * of Foreign Affairs spokesman Geng Shuang" ("Geng Shuang"), "the Federal Register update" (kept as written, its
 * head word is not a name), "he" (a pronoun to resolve). Phrases without any capitalised word ("a spokesman",
 * "officials") name nobody.
 */
export function readSpeakerPhrase(phrase: string): SpeakerPhrase {
  const words = phrase.replace(/\([^()]*\)/g, ' ').split(/\s+/).map(bare).filter((w) => w !== '');
  if (words.length === 0 || words.length > 14) return null;
  if (words.length === 1 && isPersonalPronoun(words[0]!)) return { pronoun: words[0]! };
  if (words.some((w) => OTHER_PRONOUNS.has(key(w)))) return null;
  // "the judge", "the interior minister": an office, whose holder the text may name elsewhere (see `titleOf`).
  if (titleOf(words.join(' ')) !== null) return { name: words.join(' ') };
  // "the governor of New York", "the chief executive of Harwick Water": the office, not the place or the body.
  const ofPlace = words.indexOf('of');
  if (ofPlace >= 2 && titleOf(words.slice(0, ofPlace).join(' ')) !== null && words.slice(ofPlace + 1).every((w) => isCapitalised(w) || CONNECTORS.has(key(w)))) {
    return { name: words.slice(0, ofPlace).join(' ') };
  }
  if (!words.some((w) => isCapitalised(w) && !DETERMINERS.has(key(w)))) return null;
  const last = words[words.length - 1]!;
  // "John Linden's": the phrase was cut before its head ("John Linden's niece"), who is someone else.
  if (/['’]s$/.test(last)) return null;
  // A verb in the past after a name ("Lenoir rejected"): the phrase ran on past its name.
  if (words.length > 1 && /^\p{Ll}{3,}ed$/u.test(last) && isCapitalised(words[words.length - 2]!)) {
    return readSpeakerPhrase(words.slice(0, -1).join(' '));
  }
  // A full name, then "of" and the body the person is with, where no title follows to name someone else: "Hannah
  // Lindqvist of the advocacy group Climate Finance Watch" is Hannah Lindqvist.
  const body = words.findIndex((w, k) => k >= 2 && key(w) === 'of');
  if (body >= 2 && !words.slice(body).some((w) => PERSON_TITLES.has(key(w)))) {
    const person = words.slice(0, body).join(' ');
    if (words.slice(0, body).every((w) => isCapitalised(w)) && looksLikePerson(person)) return { name: person };
  }
  if (!isCapitalised(last)) {
    // The head is a common noun ("the Federal Register update"): the phrase itself is the attribution,
    // unless it is a bare title after a name ("Ross's spokesman") or a generic description.
    return PERSON_TITLES.has(key(last)) && words.length < 2 ? null : { name: words.join(' ') };
  }
  // The name is the capitalised run at the end, after the last title in it.
  let start = words.length;
  while (start > 0 && (isCapitalised(words[start - 1]!) || CONNECTORS.has(key(words[start - 1]!)))) start--;
  const run = words.slice(start);
  let title = -1;
  run.forEach((w, i) => {
    if (PERSON_TITLES.has(key(w)) || (i < run.length - 1 && TITLES_ELSEWHERE.test(key(w)))) title = i;
  });
  let from = title + 1;
  if (title >= 0 && key(run[from] ?? '') === 'of') {
    from++;
    while (from < run.length - 1 && DEPARTMENTS.has(key(run[from]!))) from++;
  }
  // Small words, possessives ("Samoa's"), adverbs ("Happily") and adjectives joined to a lower-case word
  // ("Nineteen-year-old Ellie Brandt", "English-language") before the name are no part of it; such words alone are no
  // name.
  const modifier = (w: string) => isAdverb(w) || /^\p{Lu}\p{Ll}*-\p{Ll}/u.test(w);
  while (from < run.length && (CONNECTORS.has(key(run[from]!)) || /['’]s$/.test(run[from]!) || modifier(run[from]!))) from++;
  const name = run.slice(from);
  if (name.length === 0 && run.some(modifier)) return null;
  if (name.length === 0) {
    const whole = run.slice(run.findIndex((w) => !CONNECTORS.has(key(w))));
    return whole.length > 0 ? { name: whole.join(' ') } : null;
  }
  // A full name is the person's without the body after "of" ("Ingrid Solberg of the Norwegian Refugee Council");
  // a single name keeps it ("Joan of Arc").
  const of = name.findIndex((word, k) => k >= 2 && key(word) === 'of');
  if (of >= 2) name.splice(of);
  // A sentence's full stop is no part of the name ("said Durbeyfield."), an initial's or "Jr." is.
  const end = name.length - 1;
  if (/^\p{L}[\p{L}'’-]{2,}\.$/u.test(name[end]!) && !/^(?:Jr|Sr|Snr|Jnr)\.$/.test(name[end]!)) name[end] = name[end]!.slice(0, -1);
  return { name: name.join(' ') };
}

/**
 * The office a phrase names without its holder ("the judge" gives "judge", "the interior minister" gives "interior
 * minister", "Riverton's mayor" gives "mayor", "The Mayor" gives "Mayor"): "the" or a possessive, at most two
 * lower-case words, and a title.
 * Null for any other phrase.
 */
export function titleOf(phrase: string): string | null {
  // The title may be capitalised, as minutes write offices ("The Mayor replied").
  const m = /^(?:[Tt]he|\p{Lu}[\p{L}\p{M}.-]*['’]s) ((?:[a-z]+ ){0,2}([a-z]+|[A-Z][a-z]+))$/u.exec(phrase);
  const title = m?.[2]?.toLowerCase();
  return m && PERSON_TITLES.has(title!) && !['mr', 'mrs', 'ms', 'mx', 'dr', 'sir', 'dame', 'lord', 'lady'].includes(title!) ? m[1]! : null;
}

/** What the titles of a name say of a person's sex. */
export type Sex = 'female' | 'male';

const FEMALE_TITLES = new Set([
  'mrs', 'miss', 'ms', 'lady', 'madam', 'madame', 'mme', 'mlle', 'mademoiselle', 'dame', 'queen', 'princess',
  'duchess', 'countess', 'baroness', 'sister', 'aunt', 'mother', 'grandmother', 'frau', 'señora', 'signora',
]);
const MALE_TITLES = new Set([
  'mr', 'mister', 'sir', 'lord', 'king', 'prince', 'duke', 'earl', 'baron', 'father', 'uncle', 'brother',
  'grandfather', 'monsieur', 'herr', 'señor', 'signor',
]);

/**
 * The sex the last title among `words` gives, that of the name it stands before ("Mrs. Hall" a woman, "Sir Henry" a
 * man, "Mrs. Hall and Mr. Teddy Henfrey" a man), or null when no title gives one.
 */
export function sexOfTitles(words: string[]): Sex | null {
  for (let i = words.length - 1; i >= 0; i--) {
    const k = key(words[i]!);
    if (FEMALE_TITLES.has(k)) return 'female';
    if (MALE_TITLES.has(k)) return 'male';
  }
  return null;
}

/** Whether a phrase holds a person's title ("Secretary", "spokesman", "Mr."). */
export function hasPersonTitle(words: string[]): boolean {
  return words.some((w) => PERSON_TITLES.has(key(w)));
}

/** Whether a name looks like a person's (one to four capitalised words, no office words). */
export function looksLikePerson(name: string): boolean {
  const words = name.split(' ');
  // A name with a figure in it is a thing's: "Vela-2", "Boeing 737".
  if (words.length > 4 || /\d/.test(name)) return false;
  return words.every((w) => (isCapitalised(w) || CONNECTORS.has(key(w))) && !DEPARTMENTS.has(key(w))
    && !LOWER_DESCRIPTORS.has(key(w)) && !PERSON_TITLES.has(key(w)));
}

/** The surname-like key of a person's name, so that "Wilbur Ross" and "Ross" count as one person. */
export function personKey(name: string): string {
  return key(name.split(' ').pop() ?? name);
}
