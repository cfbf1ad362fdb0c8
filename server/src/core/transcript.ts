// Reads who speaks a passage of a transcript: the speaker label that opens its turn, as interview and press
// conference transcripts write them ("OKONKWO: …", "[00:00:15] HALE: …", "Foreign Minister Henrik Aalto: …",
// "**Sheriff Linda Torres:** …", or a name and a time on a line of their own with the words on the next lines), and
// the "Q.", "A." and "THE COURT:" of court transcripts, whose holders courtRoles.ts finds.
import { roleHolder, titleCase, type CourtRole } from './courtRoles.js';
import { isPhraseWord, looksLikePerson, readSpeakerPhrase } from './sources/names.js';

/** How far before a passage the label of its turn is looked for: a turn may run over many paragraphs. */
export const TURN_REACH = 48_000;
/** How many paragraphs a turn may run over: past them, the label of a turn is no longer taken for the speaker. */
export const MAX_TURN_PARAGRAPHS = 12;
/** The longest line before a label that is read as a turn of a transcript with a turn a line. */
export const LINE_OF_A_TURN = 8_000;
/** How far after a passage another label is looked for, to tell that the text is a transcript. */
export const LABEL_EVIDENCE_AFTER = 4_000;

/**
 * A label at a line start: the person it names, null for a role such as "Speaker 2"; or a role of a court transcript
 * ("Q.", "A.", "THE COURT:"), whose holder the transcript names elsewhere.
 */
interface Label {
  name: string | null;
  role?: CourtRole;
}

// A time as transcripts stamp turns: "0:03", "00:01:23", "01:23.5", bare or in brackets.
const TIME = String.raw`[[(]?\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?[\])]?`;
const CONNECTOR = String.raw`(?:of|the|and|for|de|da|di|del|van|von|der|den|du|la|le|bin|ibn|al|el|y|dos|das|ter|zu)`;
const FIRST_WORD = String.raw`\p{Lu}[\p{L}\p{M}\d'’.\-]{0,30}`;
const NAME_WORD = String.raw`[\p{Lu}\d][\p{L}\p{M}\d'’.\-]{0,30}`;
/**
 * A label at a line start: a line's number in the margin first or not, a time first or not, Markdown heading or
 * bold marks, the name (up to eight words, capitalised but for the small words of names and offices), an
 * affiliation after a comma (capitalised), up to two brackets (a time, a constituency, a party, or the name of the
 * holder of an office), then a colon (inside or outside the bold marks) with the words after it or on the next
 * line; or, without a colon, a name and a time alone on their line. The name is the second group, the first
 * bracket's words the third.
 */
const LABEL = new RegExp(
  String.raw`[ \t]{0,16}(?:\d{1,5}(?:[ \t]{2,8}|\t))?(?:${TIME}[ \t]{1,8})?(?:#{1,6}[ \t]{1,8})?(\*\*|__)?` +
    String.raw`(${FIRST_WORD}(?:[ \t]${CONNECTOR}){0,2}(?:[ \t]${NAME_WORD}(?:[ \t]${CONNECTOR}){0,2}){0,7})` +
    String.raw`(?:,[ \t]?\p{Lu}(?:[^:\n*_.!?]|\.(?!\s)){0,60}?)?(?:[ \t]{0,8}[[(]([^\])\n]{1,80})[\])])?(?:[ \t]{0,8}[[(][^\])\n]{1,40}[\])])?` +
    String.raw`(?:(?:[ \t]{0,8}${TIME})?[ \t]{0,8}:(?:\*\*|__)?(?=[ \t]|\r?\n|$)|(?:\*\*|__)[ \t]{0,8}:(?=[ \t]|\r?\n|$)|[ \t]{1,8}${TIME}[ \t]{0,8}(?=\r?\n|$))`,
  'uy',
);
/** The most characters LABEL reads from a line start, lookahead included (its parts, each at their longest). */
export const MAX_LABEL_LENGTH = 600;
/** "Q." and "A." of a court transcript: indented, or followed by a wide space. */
const QUESTION_ANSWER = /(?:[ \t]{1,16}([QA])\.[ \t]+|([QA])\.[ \t]{2,})(?=\S)/y;

const words = (list: string): Set<string> => new Set(list.split(' ').map((word) => word.replace(/_/g, ' ')));
/** Labels that name a role and no one: the words are someone's, but the transcript does not say whose. */
const ROLES = words(
  'q a question answer questioner interviewer interviewee respondent moderator host reporter journalist audience ' +
    'audience_member voice voices unknown unidentified unknown_speaker unidentified_speaker unidentified_male ' +
    'unidentified_female crosstalk speaker participant caller narrator operator announcer guest off_camera ' +
    'off-camera male_speaker female_speaker male_voice female_voice crowd crowd_member audience_members i r int iv ' +
    // The same in the languages of other newsrooms' interviews.
    'frage antwort fragesteller interviewer:in pregunta respuesta entrevistador entrevistadora pergunta resposta ' +
    'domanda risposta intervistatore vraag antwoord interviewer réponse reponse intervieweur pytanie odpowiedź ' +
    'odpowiedz dziennikarz dziennikarka',
);
/** Header lines of documents, emails and press releases that look like labels but open no turn. */
const FIELDS = words(
  'from to cc bcc subject re fw fwd date time sent note notes nb ps update updated correction clarification source ' +
    'appearances before reported_by case case_no plaintiff plaintiffs defendant defendants witness_list ' +
    'sources photo photos picture image video audio caption credit credits contact contacts media_contact ' +
    'press_contact media_enquiries tags title headline location place venue summary keywords by byline dateline ' +
    "posted published filed embargo embargoed topic topics agenda attendees present duration recorded recording " +
    "transcript transcribed_by editor's_note editors'_note warning disclaimer copyright related read_more see_also " +
    'ends end url link website email phone tel fax address ' +
    // The fields and decisions of minutes.
    'also_present in_attendance officers apologies absent resolved agreed noted action actions item motion moved ' +
    'seconded carried decision decisions recommendation recommendations minutes',
);
/** First words of headings ("Chapter X: …", "Part Two: …"), across which no turn runs either. */
const HEADINGS = words(
  'chapter part book volume vol section act scene canto stave episode article appendix figure table page step ' +
    'lesson exhibit annex schedule clause',
);
/** First words of the openings of letters ("Dear Judy:", "My dear Sir:"), which are no turns. */
const SALUTATIONS = words('dear dearest my sir sirs madam madame gentlemen ladies hello hi attention attn');
/** Words that open a point of an argument ("Thirdly:", "Moreover:") or a reply ("Yes:"), not a turn. */
const DISCOURSE = words(
  'first second third fourth fifth sixth seventh eighth ninth tenth firstly secondly thirdly fourthly fifthly ' +
    'lastly finally next moreover furthermore besides again therefore thus hence nevertheless nonetheless ' +
    'accordingly consequently namely result conclusion example yes no well now so remember',
);

/**
 * The speaker of a passage that starts at `start`, by the label of its turn: the nearest label that opens a paragraph
 * (or a line, in a transcript with a turn a line) at the start of the passage's line or before it, within TURN_REACH
 * and MAX_TURN_PARAGRAPHS; for a court transcript's role, the one the transcript names as holding it. Null when there
 * is none, when it names a role nobody is named for, when a header field or heading comes first, or when the text has
 * no other label near (see `hasTurns`).
 */
export function turnSpeaker(text: string, start: number): string | null {
  const limit = Math.max(0, start - TURN_REACH);
  let breaks = 0;
  for (let line = lineStart(text, start, limit); line >= 0; line = line > 0 ? lineStart(text, line - 1, limit) : -1) {
    if (isBlank(text, line)) {
      // Blank lines in a row are one break.
      const previous = line > 0 ? lineStart(text, line - 1, limit) : -1;
      if (previous >= 0 && !isBlank(text, previous) && ++breaks > MAX_TURN_PARAGRAPHS) return null;
      continue;
    }
    const label = labelAt(text, line);
    if (label === undefined) continue;
    const name = label?.role ? roleHolder(text, label.role, limit, line) : (label?.name ?? null);
    if (name === null) return null;
    return hasTurns(text, limit, start + LABEL_EVIDENCE_AFTER) ? name : null;
  }
  return null;
}

/** A line that may open a turn: a capital, a time or a bracket first, a colon within a label's length; or Q. and A. */
const MAYBE_TURN = /\n[ \t]*(?:[\p{Lu}[(\d*#>][^\n:]{0,80}:|[QA]\.)/u;

/**
 * The speakers whose turns open inside text[start, end) of a transcript, as their labels name them ("Okafor", "Q",
 * "Interviewer"), in order: a passage that runs into another turn joins the words of more than one speaker. Empty
 * when it stays in one turn, or when the text is no transcript.
 */
export function turnsWithin(text: string, start: number, end: number): string[] {
  // Most passages hold no line that could open a turn: a capital (or a time) and a colon soon after, or a court's Q.
  if (!MAYBE_TURN.test(text.slice(start, end))) return [];
  const turns: string[] = [];
  for (let i = text.indexOf('\n', start); i >= 0 && i + 1 < end; i = text.indexOf('\n', i + 1)) {
    if (!labelAt(text, i + 1) || continuesTurn(text, i + 1)) continue;
    QUESTION_ANSWER.lastIndex = i + 1;
    LABEL.lastIndex = i + 1;
    const asked = QUESTION_ANSWER.exec(text);
    const written = asked ? (asked[1] ?? asked[2]) : LABEL.exec(text)?.[2];
    if (written) turns.push(isUpperCase(written) ? titleCase(written) : written);
  }
  return turns.length > 0 && hasTurns(text, Math.max(0, start - TURN_REACH), end + LABEL_EVIDENCE_AFTER) ? turns : [];
}

/**
 * The labels that open lines of a transcript in text[start, end), and the label of the line `start` is on, each from
 * its line's start to its colon (or the time after a name): no words of anyone's turn. Empty when there are none, or
 * when the text is no transcript.
 */
export function labelsWithin(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const labels: Array<{ start: number; end: number }> = [];
  const first = lineStart(text, start, Math.max(0, start - MAX_LABEL_LENGTH));
  const newline = text.indexOf('\n', start);
  let line = first >= 0 ? first : newline < 0 ? end : newline + 1;
  while (line < end) {
    if (labelAt(text, line)) {
      QUESTION_ANSWER.lastIndex = line;
      LABEL.lastIndex = line;
      const found = QUESTION_ANSWER.exec(text) ?? LABEL.exec(text);
      if (found) labels.push({ start: line, end: line + found[0].length });
    }
    const next = text.indexOf('\n', line);
    if (next < 0) break;
    line = next + 1;
  }
  return labels.length > 0 && hasTurns(text, Math.max(0, start - TURN_REACH), end + LABEL_EVIDENCE_AFTER) ? labels : [];
}

/** Whether a line of text[start, end), or the one `start` is on, may open a turn (see MAYBE_TURN). */
export function mayHoldLabel(text: string, start: number, end: number): boolean {
  return MAYBE_TURN.test(`\n${text.slice(start, end)}`);
}

/**
 * Whether the label at `line` goes on with the speaker of the turn before it, as captions label every cue and some
 * transcripts every block of a turn ("Helen Brandt: The hospital offered…" then "Helen Brandt: over three years").
 */
function continuesTurn(text: string, line: number): boolean {
  const label = labelAt(text, line);
  if (!label || label.role !== undefined || label.name === null || line === 0) return false;
  return turnSpeaker(text, line - 1)?.toLowerCase() === label.name.toLowerCase();
}

/**
 * Whether text[start, end), words a passage of a transcript has and a quotation leaves out, is the label of a turn that
 * goes on with the same speaker (its name, and its time): the speaker's words run on across it.
 */
export function isContinuingLabel(text: string, start: number, end: number): boolean {
  const line = lineStart(text, start, Math.max(0, start - MAX_LABEL_LENGTH));
  if (line <= 0) return false;
  LABEL.lastIndex = line;
  const match = LABEL.exec(text);
  return match !== null && end <= line + match[0].length && continuesTurn(text, line);
}

/** Whether the line at `line` holds nothing but white space. */
function isBlank(text: string, line: number): boolean {
  for (let i = line; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) return true;
    if (code !== 0x20 && code !== 0x09 && code !== 0x0d) return false;
  }
  return true;
}

/**
 * Whether two labels (names or roles) open turns among the lines that start in [from, to): a transcript has turns,
 * while a text with one line that looks like a label is no transcript.
 */
function hasTurns(text: string, from: number, to: number): boolean {
  const end = Math.min(text.length, to);
  const stretch = text.slice(from, end);
  let labels = 0;
  if (from === 0 && labelAt(text, 0)) labels++;
  for (let i = stretch.indexOf('\n'); i >= 0 && from + i + 1 < end; i = stretch.indexOf('\n', i + 1)) {
    if (labelAt(text, from + i + 1) && ++labels === 2) return true;
  }
  return false;
}

/**
 * Where the line that holds `pos` starts, reading back no further than `limit`: -1 when the line starts before it
 * (0 is where the text starts).
 */
function lineStart(text: string, pos: number, limit: number): number {
  // Searched in the stretch alone, so that a text without line breaks is not read back to its start.
  const newline = pos > limit ? text.slice(limit, pos).lastIndexOf('\n') : -1;
  if (newline >= 0) return limit + newline + 1;
  return limit === 0 ? 0 : -1;
}

/**
 * The label at the start of the line at `line`: undefined when there is none, null for a header field ("Subject:",
 * "Date:"), which no turn runs across. A line that opens with a word no name starts with ("However, she said: …")
 * or with a pronoun has no label.
 */
function labelAt(text: string, line: number): Label | null | undefined {
  // Most lines of prose start with a small letter, which no label does.
  if (/\p{Ll}/u.test(text[line] ?? '')) return undefined;
  QUESTION_ANSWER.lastIndex = line;
  const asked = QUESTION_ANSWER.exec(text);
  // The questions and answers of a court transcript run on, hard-wrapped, from one to the next without blank lines.
  if (asked) return { name: null, role: (asked[1] ?? asked[2]) === 'Q' ? 'question' : 'answer' };
  LABEL.lastIndex = line;
  const match = LABEL.exec(text);
  if (!match || !opensParagraph(text, line, match[2]!)) return undefined;
  const written = isUpperCase(match[2]!) ? titleCase(match[2]!) : match[2]!;
  const key = written.toLowerCase().replace(/’/g, "'").replace(/\.$/, '').replace(/^(?:the|a|an) /, '');
  const first = key.split(' ')[0]!;
  if (FIELDS.has(key) || HEADINGS.has(first)) return null;
  if (key === 'court') return { name: null, role: 'court' };
  // "Participant 3", "Respondent 6": the identity of interview research, which quotes them so; "Speaker 2" of an
  // automatic transcript, and other numbered roles, name no one.
  if (/^(?:participant|respondent|interviewee) \d+$/.test(key)) return { name: written };
  if (ROLES.has(key) || ROLES.has(key.replace(/ \d+$/, ''))) return { name: null };
  // "Sir:" opens a letter, "Sir Jeremy Wright:" a turn.
  const salutation = SALUTATIONS.has(first) && !(first === 'sir' && key.includes(' '));
  if (salutation || DISCOURSE.has(key) || !written.split(/[ \t]/).every(isPhraseWord)) return undefined;
  const read = readSpeakerPhrase(written);
  if (!read || !('name' in read)) return undefined;
  // "The Minister for Housing (Ms Claire Donnelly):" names the office, then its holder, and "SAMOA (Ms Lualua, on
  // behalf of …):" a country, then the person speaking for it: a name with a title in the brackets is the speaker's.
  const bracketed = match[3]?.split(',')[0]?.trim() ?? '';
  const titled = /^(?:Mr|Mrs|Ms|Mx|Dr|Sir|Dame|Lord|Lady)\.?[ \t]/.test(bracketed);
  const holder = (!looksLikePerson(read.name) || titled) && bracketed !== '' ? readSpeakerPhrase(bracketed) : null;
  if (holder && 'name' in holder && looksLikePerson(holder.name)) return { name: holder.name };
  // "THE PRESIDENT:", "The Court:": an office whose holder the label leaves unnamed.
  if (/^the[ \t]/i.test(written)) return { name: `the ${written.slice(4)}` };
  return { name: read.name };
}

/**
 * Whether the line at `line` opens a paragraph: the text starts there, a blank line is before it, or the line before
 * opens with a label too (a transcript with a turn a line). A line of hard-wrapped prose that happens to open with
 * "Moreover:" or a name and a colon does not.
 */
function opensParagraph(text: string, line: number, name: string): boolean {
  if (line === 0) return true;
  // A transcript with numbered lines, as qualitative research keeps them: a label opens a turn on any line.
  if (/^[ \t]{0,16}\d{1,5}(?:[ \t]{2,8}|\t)\S/.test(text.slice(line, line + 32))) return true;
  // An indented label in capitals is the colloquy of a court transcript ("          MS. OCHOA:  Objection.").
  if (/^[ \t]{2,}/.test(text.slice(line, line + 2)) && isUpperCase(name)) return true;
  let i = line - 2;
  while (i >= 0 && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09 || text.charCodeAt(i) === 0x0d)) i--;
  if (i < 0 || text.charCodeAt(i) === 0x0a) return true;
  // A line longer than any label with its turn's words is prose.
  const before = lineStart(text, i + 1, Math.max(0, i - LINE_OF_A_TURN));
  if (before < 0) return false;
  LABEL.lastIndex = before;
  QUESTION_ANSWER.lastIndex = before;
  return LABEL.test(text) || QUESTION_ANSWER.test(text);
}

/** Whether a name is written in capitals throughout ("OKONKWO", "JANE PORTER"). */
function isUpperCase(name: string): boolean {
  return /\p{Lu}.*\p{Lu}/su.test(name) && !/\p{Ll}/u.test(name);
}
