// The narrator's words set inside a quotation, as French, Spanish, Portuguese, Italian and Catalan writing set them:
// « Nous n’augmenterons pas les impôts, a-t-elle déclaré, mais… » and «No vamos a subir —afirmó la ministra—, pero…».
// They are the writer's words, not the speaker's: a draft's are not compared, and a source's are left out at no cost.
import { AUXILIARIES_ELSEWHERE, SPEECH_PARTICIPLES_ELSEWHERE, SPEECH_VERBS_ELSEWHERE } from './speechVerbsElsewhere.js';
import type { Span } from './types.js';

const VERBS = new Set(SPEECH_VERBS_ELSEWHERE);
const AUXILIARIES = new Set(AUXILIARIES_ELSEWHERE);
const PARTICIPLES = new Set(SPEECH_PARTICIPLES_ELSEWHERE);

/** "según ella", "selon lui", "segundo o ministro", "secondo il ministro": an incise with no verb. */
const ACCORDING_TO = new Set(['según', 'selon', 'segundo', 'secondo', 'segons']);

/** A pronoun set after the verb with a hyphen, as French writes the incise: "dit-il", "ajoute-t-elle", "a-t-il". */
const INVERTED = /^(\p{L}+)-(?:t-)?(?:il|elle|ils|elles|on)$/u;

const MAX_WORDS = 10;

/**
 * True when `clause`, without its delimiters, is a narrator's incise: a verb of saying first, the speaker after. The
 * verb may stand alone between dashes (“—afirmó—”), not between commas, where a lone verb may be the speaker's own.
 */
export function isIncise(clause: string, dashed: boolean): boolean {
  const words = clause.trim().toLowerCase().replace(/'/g, '’').split(/\s+/u).filter((w) => w.length > 0);
  if (words.length === 0 || words.length > MAX_WORDS) return false;
  const first = INVERTED.exec(words[0]);
  const verb = first ? first[1] : words[0];
  if (ACCORDING_TO.has(verb)) return !first && words.length > 1 && words.length <= 5;
  if (AUXILIARIES.has(verb)) return words.length > 1 && PARTICIPLES.has(words[1].replace(/[,.;:]+$/u, ''));
  if (!VERBS.has(verb)) return false;
  if (first !== null || dashed) return true;
  // Between commas, the speaker follows the verb: "dijo la ministra", "ajoute M. Dupont", "afirmó Sánchez".
  const subject = clause.trim().split(/\s+/u)[1] ?? '';
  return SUBJECT_STARTS.has(subject.toLowerCase().split('’')[0]) || /^\p{Lu}/u.test(subject);
}

/** Words a speaker named after the verb starts with: articles, pronouns and possessives of these languages. */
const SUBJECT_STARTS = new Set([
  'el', 'la', 'los', 'las', 'le', 'les', 'l', 'o', 'os', 'a', 'as', 'il', 'lo', 'gli', 'i', 'un', 'una', 'une', 'uno',
  'um', 'uma', 'él', 'ella', 'ellos', 'ellas', 'elle', 'lui', 'ele', 'ela', 'eles', 'lei', 'en', 'na', 'su', 'sus',
  'son', 'sa', 'ses', 'seu', 'sua',
]);

/** A comma or a dash, and the word after it. */
const AFTER_DELIMITER = /[,—―–][ \t]*(\p{L}+)/gu;

/** Whether a word that may open an incise stands after a comma or a dash in `text`. */
function mayOpenIncise(text: string): boolean {
  for (const m of text.matchAll(AFTER_DELIMITER)) {
    const word = m[1]!.toLowerCase();
    // "s" is where "s’exclame" stops being letters.
    if (VERBS.has(word) || AUXILIARIES.has(word) || ACCORDING_TO.has(word) || word === 's') return true;
  }
  return false;
}

/** Dashes that set an incise off: the Spanish raya and its kin, and the spaced en dash of Italian and Portuguese. */
const DASH = /[—―–]/u;

/**
 * The incises in text[from, to), the inside of a quotation: each span covers the incise with its opening delimiter
 * (`—afirmó la ministra—`, `– ha detto la ministra –`, `, a-t-elle déclaré`), so that blanking it leaves the speaker's
 * words as they run on. Dashes either touch the incise, as Spanish sets the raya ("año —dijo—, pero"), or stand apart
 * from it by spaces on both sides, as Italian sets them; an incise between spaced dashes or commas must name its
 * speaker after the verb ("– ha detto la ministra –"), since English sets the speaker's own asides so.
 */
export function incisesIn(text: string, from: number, to: number): Span[] {
  const found: Span[] = [];
  // Most quotations hold no comma or dash followed by a verb of saying, or a word that stands for one.
  if (!mayOpenIncise(text.slice(from, to))) return found;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    const dash = DASH.test(c);
    if (c !== ',' && !dash) continue;
    // A dash opens an incise after a space (or where the quotation starts); "cards—dice" opens none.
    if (dash && i > from && !/\s/u.test(text[i - 1]!)) continue;
    const touching = dash && /\p{L}/u.test(text[i + 1] ?? '');
    if (dash && !touching && !/[ \t]/u.test(text[i + 1] ?? '')) continue;
    let j = i + 1;
    while (j < to && text[j] !== ',' && !DASH.test(text[j]!) && !/[.;:!?«»“”"]/u.test(text[j]!)) j++;
    const closes = dash
      ? j < to && DASH.test(text[j]!) && /\s/u.test(text[j - 1]!) !== touching
      : j < to && /[,.;:!?]/u.test(text[j]!);
    if (!closes && !(dash && j === to)) continue;
    if (!isIncise(text.slice(i + 1, j), touching)) continue;
    found.push({ start: i, end: dash && closes ? j + 1 : j });
    i = j - 1;
  }
  return found;
}

/**
 * True when text[start, end), the words a passage of a source has and a quotation leaves out, is an incise of that
 * source, set off by dashes (touching it or spaced, as in `incisesIn`) or commas.
 */
export function isInciseAt(text: string, start: number, end: number): boolean {
  let before = start - 1;
  while (before >= 0 && /\s/u.test(text[before]!)) before--;
  let after = end;
  while (after < text.length && /\s/u.test(text[after]!)) after++;
  if (before < 0 || after >= text.length) return false;
  const touching = DASH.test(text[before]!) && before === start - 1 && DASH.test(text[after]!) && after === end;
  const spaced = DASH.test(text[before]!) && before < start - 1 && DASH.test(text[after]!) && after > end;
  const commas = text[before] === ',' && /[,.;:!?]/u.test(text[after]!);
  return (touching || spaced || commas) && isIncise(text.slice(start, end), touching);
}
