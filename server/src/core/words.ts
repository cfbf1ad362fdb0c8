// Splits text into words and folds each word to the form that matching compares, keeping every word's offsets in
// the original text so that a match can always be reported in the writer's or the source's own wording.

/** Words of a text: their folded forms and where each stands in the original. */
export interface Words {
  /** Folded forms: lower case, no diacritics, no invisible characters, one kind of apostrophe. */
  folded: string[];
  /** Offset of each word in the original text. */
  starts: number[];
  /** Offset just past each word in the original text. */
  ends: number[];
}

// Letters, digits and combining marks make words; invisible characters (soft hyphen, zero-width space and joiners,
// word joiner, BOM) may stand inside a word without splitting it; an apostrophe joins two runs of letters (don't,
// O'Brien) but is dropped at a word's edges ('tis, Joneses').
const WORD = /[\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]+(?:['’ʼ‘`′][\p{L}\p{N}\p{M}\u00AD\u200B-\u200D\u2060\uFEFF]+)*/gu;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const APOSTROPHES = /[’ʼ‘`′]/g;
const MARKS = /\p{M}/gu;
const PLAIN = /^[a-z0-9']*$/;

/** Folds one word as written to the form matching compares. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  const cleaned = lower.replace(INVISIBLE, '').replace(APOSTROPHES, "'");
  if (PLAIN.test(cleaned)) return cleaned;
  // Compatibility decomposition turns ligatures and full-width forms into plain letters and splits accents off,
  // so that a source typed without diacritics still matches.
  return cleaned.normalize('NFKD').replace(MARKS, '').replace(INVISIBLE, '');
}

/** Splits text[start, end) into words. */
export function splitWords(text: string, start = 0, end = text.length): Words {
  const words: Words = { folded: [], starts: [], ends: [] };
  WORD.lastIndex = start;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    if (match.index >= end) break;
    const wordEnd = Math.min(match.index + match[0].length, end);
    const folded = foldWord(text.slice(match.index, wordEnd));
    if (folded.length === 0) continue;
    words.folded.push(folded);
    words.starts.push(match.index);
    words.ends.push(wordEnd);
  }
  return words;
}

// Function words carry little of what a statement says; they count for less when similarity is weighed, so that a
// chance run of "there is no" in a novel does not pass for a reworded quotation.
const FUNCTION_WORDS = new Set(
  (
    "a an the and or but nor so yet if then than that this these those there here of in on at to for from by with " +
    "about as into onto over under up down out off is are was were be been being am do does did done have has had " +
    "having will would shall should can could may might must it its it's i me my we us our you your he him his she " +
    "her they them their what which who whom whose when where why how all any some such very just also not no " +
    "only own same too s t don't isn't aren't wasn't weren't i'm we're they're you're he's she's that's there's"
  ).split(' '),
);

/** How much a folded word weighs when similarity is computed: function words count a quarter. */
export function wordWeight(folded: string): number {
  return FUNCTION_WORDS.has(folded) ? 0.25 : 1;
}

const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'neither', 'cannot', 'nothing', 'none', 'nobody', 'nowhere']);

/** True for words that negate a statement: dropping one behind an ellipsis changes what was said. */
export function isNegation(folded: string): boolean {
  return NEGATIONS.has(folded) || folded.endsWith("n't");
}
