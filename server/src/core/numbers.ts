// Reads the number a few words write, in figures or in words, so that a quotation whose numbers follow a house style
// ("241", "2.5 million") is not taken for a change of a source that spells them out ("two hundred and forty-one").
import { textSlice } from './sourceText.js';
import type { SourceDocument } from './types.js';
import { splitWords } from './words.js';

// Maps, not objects: a word such as "constructor" must find nothing.
const UNITS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
    eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
    nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  }),
);
const SCALES: ReadonlyMap<string, number> = new Map(
  Object.entries({
    thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
    // Millions and billions as other newsrooms write them: "1 Million", "un million", "3,5 millones", "2 mln",
    // "45 Mrd.", "1,2 miliardi".
    millions: 1e6, millionen: 1e6, millón: 1e6, millon: 1e6, millones: 1e6, milhão: 1e6, milhões: 1e6,
    milione: 1e6, milioni: 1e6, miljoen: 1e6, miljoenen: 1e6, milion: 1e6, miliony: 1e6, milionów: 1e6, mln: 1e6,
    mio: 1e6, milliard: 1e9, milliards: 1e9, milliarde: 1e9, milliarden: 1e9, mrd: 1e9, miliardo: 1e9, miliardi: 1e9,
    miljard: 1e9, miljarden: 1e9, miliard: 1e9, miliardy: 1e9, miliardów: 1e9, mld: 1e9, bln: 1e9,
    tausend: 1e3, duizend: 1e3, mille: 1e3, mil: 1e3,
  }),
);

/** Number words of other newsrooms' languages, read as the English ones are ("zehn", "tien", "dix", "diez"). */
const UNITS_ELSEWHERE: ReadonlyMap<string, number> = new Map(
  Object.entries({
    // German
    null: 0, eins: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11,
    zwölf: 12, zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
    // Dutch
    nul: 0, twee: 2, drie: 3, vijf: 5, zes: 6, zeven: 7, negen: 9, tien: 10, twaalf: 12, twintig: 20, dertig: 30,
    veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90,
    // French
    deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, douze: 12, vingt: 20, trente: 30,
    quarante: 40, cinquante: 50, soixante: 60,
    // Spanish, Portuguese, Italian
    dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, doce: 12, veinte: 20,
    treinta: 30, cuarenta: 40, cincuenta: 50, dois: 2, três: 3, quatro: 4, sete: 7, oito: 8, dez: 10, vinte: 20,
    trinta: 30, quarenta: 40, due: 2, tre: 3, quattro: 4, sei: 6, sette: 7, otto: 8, nove: 9, dieci: 10, dodici: 12,
    venti: 20, trenta: 30, quaranta: 40, cinquanta: 50,
  }),
);

/** Hundreds in those languages, which multiply as "hundred" does. */
const HUNDREDS = new Set(['hundred', 'hundert', 'honderd', 'cent', 'cien', 'cem', 'cento']);

/**
 * The number words a German or Dutch compound is made of ("vierhunderttausend": vier, hundert, tausend), or null
 * when it is not one.
 */
function compoundNumber(word: string): string[] | null {
  if (word.length < 7 || !/(?:hundert|honderd|tausend|duizend)$/.test(word)) return null;
  const parts: string[] = [];
  let rest = word;
  while (rest !== '') {
    const next = ['hundert', 'honderd', 'tausend', 'duizend', ...UNITS_ELSEWHERE.keys()]
      .filter((part) => rest.startsWith(part))
      .sort((a, b) => b.length - a.length)[0];
    if (next === undefined) return null;
    parts.push(next);
    rest = rest.slice(next.length);
  }
  return parts;
}

/** Words for "a" and "one" before a scale ("a million", "un million", "eine Million"). */
const ONE_BEFORE_SCALE = new Set(['a', 'un', 'une', 'ein', 'eine', 'einer', 'uno', 'una', 'um', 'uma', 'een', 'jeden']);

/** Figures as writers write them: 241, 2,500, 3.5 (a thousands separator only between groups of three). */
const FIGURES = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Scales written as a letter or two after figures, as newspapers write money: £5.2m, $3bn, 40k. */
const SUFFIXES: ReadonlyMap<string, number> = new Map(Object.entries({ k: 1e3, m: 1e6, bn: 1e9, tn: 1e12 }));
const SUFFIXED = /^((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(k|m|bn|tn)$/;

/**
 * The number that `text` writes and nothing else, or null: figures (`241`, `2,500`, `3.5`), words (`two hundred and
 * forty-one`, `a hundred`), or figures with a scale (`3.5 million`).
 */
export function numberIn(text: string): number | null {
  // A space between groups of three figures is a thousands separator, as French and others write it (1 000 000), and
  // so are points between two groups or more (1.000.000): a single point may be a decimal one.
  const joined = text
    .replace(/(\d)[ \u00a0\u202f](?=\d{3}(?!\d))/g, '$1')
    .replace(/\b\d{1,3}(?:\.\d{3}){2,}\b/g, (figures) => figures.replace(/\./g, ''));
  const words = joined.toLowerCase().replace(/[‐‑–-]/g, ' ').replace(/\.$/, '').trim().split(/\s+/).flatMap((word) => compoundNumber(word) ?? [word]);
  if (words.length === 0 || words[0] === '') return null;
  // A decimal comma before a scale, as most of Europe writes one: "3,5 Millionen" (a thousands comma has three
  // figures). "3,5 milioni di posti": the word that joins a scale to what it counts is no part of the number.
  if (words.length > 2 && /^(?:di|de|of)$/.test(words[words.length - 1]!) && SCALES.has(words[words.length - 2]!)) words.pop();
  const decimal = /^(\d+),(\d{1,2})$/.exec(words[0]!);
  if (decimal && words.length === 2 && SCALES.has(words[1]!.replace(/\.$/, ''))) {
    return Number(`${decimal[1]}.${decimal[2]}`) * SCALES.get(words[1]!.replace(/\.$/, ''))!;
  }
  const suffixed = SUFFIXED.exec(words[0]!);
  if (suffixed && words.length === 1) return Number(suffixed[1]!.replace(/,/g, '')) * SUFFIXES.get(suffixed[2]!)!;
  if (FIGURES.test(words[0]!)) {
    const value = Number(words[0]!.replace(/,/g, ''));
    if (words.length === 1) return value;
    const scale = words.length === 2 ? SCALES.get(words[1]!) : undefined;
    return scale === undefined ? null : value * scale;
  }
  return numberInWords(words);
}

/** The number written in words, read the usual English way; null when a word is not part of one. */
function numberInWords(words: string[]): number | null {
  let total = 0;
  let group = 0;
  // Whether the last word read was a number word, so that "and" and "a" stand only where English puts them.
  let seen = false;
  for (const [n, word] of words.entries()) {
    if (word === 'and') {
      if (!seen || n === words.length - 1) return null;
      continue;
    }
    if (ONE_BEFORE_SCALE.has(word)) {
      // "a hundred", "a million": "a" only opens a number, before a scale.
      const next = words[n + 1];
      if (n !== 0 || next === undefined || (!HUNDREDS.has(next) && !SCALES.has(next))) return null;
      group = 1;
      continue;
    }
    const unit = UNITS.get(word) ?? UNITS_ELSEWHERE.get(word);
    const scale = SCALES.get(word);
    if (unit !== undefined) {
      group += unit;
    } else if (HUNDREDS.has(word)) {
      group = (group === 0 ? 1 : group) * 100;
    } else if (scale !== undefined) {
      total += (group === 0 ? 1 : group) * scale;
      group = 0;
    } else {
      return null;
    }
    seen = true;
  }
  return seen ? total + group : null;
}

/** How far around a stretch of a source `sameNumberAround` reads for the rest of a number. */
const FIGURES_REACH = 32;

/**
 * The span of `text` that holds [start, end) and the figures on either side of it: "3,500" for the "500" of it.
 */
export function wholeFigures(text: string, start: number, end: number): { start: number; end: number } {
  const isFigure = (at: number): boolean => /\d/.test(text[at] ?? '');
  // A comma or a point between figures belongs to the number, and so does a space before a group of three (1 000 000).
  const inNumber = (at: number): boolean =>
    isFigure(at) ||
    (/[.,]/.test(text[at] ?? '') && isFigure(at - 1) && isFigure(at + 1)) ||
    (/[ \u00a0\u202f]/.test(text[at] ?? '') && isFigure(at - 1) && /^\d{3}(?!\d)/.test(text.slice(at + 1, at + 5)));
  let from = start;
  let to = end;
  while (from > 0 && inNumber(from - 1)) from--;
  while (to < text.length && inNumber(to)) to++;
  return { start: from, end: to };
}

/**
 * The stretch of `text` that holds text[start, end) and the figures on either side of it, with a scale word after
 * them: a change inside a number ("500,000" of "3,500,000") is read with the whole number ("3,500,000").
 */
export function figuresAround(text: string, start: number, end: number): string {
  const isFigure = (at: number): boolean => /\d/.test(text[at] ?? '');
  let { start: from, end: to } = wholeFigures(text, start, end);
  const scale = /^\s+(?:thousand|million|billion|trillion)\b/i.exec(text.slice(to, to + 12));
  if (scale && isFigure(to - 1)) to += scale[0].length;
  // A scale word read with the figures before it: "million" of "5 million" stands for 5,000,000.
  const before = /(?:^|[^\d.,])((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s+)$/.exec(text.slice(Math.max(0, from - 24), from));
  if (before && /^(?:thousand|million|billion|trillion)\b/i.test(text.slice(from, to))) from -= before[1]!.length;
  return text.slice(from, to);
}

/** Words that make numbers with others: "twenty-three", "two hundred and forty-one". */
const NUMBER_WORD = /^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|and|a)$/i;

/**
 * text[start, end) with the number words joined to it on either side by a hyphen or a space: "three" of
 * "Twenty-three volumes" is "Twenty-three".
 */
export function numberWordsAround(text: string, start: number, end: number): string {
  const span = numberWordsSpan(text, start, end);
  return text.slice(span.start, span.end);
}

/** Where `numberWordsAround` starts and ends. */
export function numberWordsSpan(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  let to = end;
  for (;;) {
    const before = /([A-Za-z]+)[ \t-]$/.exec(text.slice(Math.max(0, from - 12), from));
    if (!before || !NUMBER_WORD.test(before[1]!)) break;
    from -= before[0].length;
  }
  for (;;) {
    const after = /^[ \t-]([A-Za-z]+)/.exec(text.slice(to, to + 12));
    // A scale word after the number is read with it elsewhere (`figuresAround`), and often both wordings share it.
    if (!after || !NUMBER_WORD.test(after[1]!) || /^(?:and|a|thousand|million|billion|trillion)$/i.test(after[1]!)) break;
    to += after[0].length;
  }
  return { start: from, end: to };
}

/**
 * A source passage widened over the number words its start cuts: a quotation that writes "23 volumes" is matched from
 * "three" of "Twenty-three volumes", and the passage reported starts at "Twenty".
 */
export function wholeNumberAtStart(doc: SourceDocument, span: { start: number; end: number }): { start: number; end: number } {
  const from = Math.max(0, span.start - FIGURES_REACH);
  const window = textSlice(doc, from, span.end);
  const head = /^[A-Za-z]+/.exec(window.slice(span.start - from))?.[0] ?? '';
  if (!NUMBER_WORD.test(head)) return span;
  return { start: from + numberWordsSpan(window, span.start - from, span.start - from + head.length).start, end: span.end };
}

/**
 * The span with the whole of what it cuts at either end: the rest of a number it ends inside ("25,000" of
 * "25,000,000"), and the brackets it opens or closes ("(b" of "subsection (b)", "T]he" of "[T]he"), so that a passage
 * shown or put in a draft is never cut inside either.
 */
export function wholeAtEnds(doc: SourceDocument, span: { start: number; end: number }): { start: number; end: number } {
  const from = Math.max(0, span.start - FIGURES_REACH);
  const window = textSlice(doc, from, span.end + FIGURES_REACH);
  let start = span.start - from;
  let end = span.end - from;
  if (/\d/.test(window[end - 1] ?? '') && /^(?:[.,]\d|\d)/.test(window.slice(end))) end = wholeFigures(window, start, end).end;
  for (const [open, close] of [['(', ')'], ['[', ']']] as const) {
    const count = (mark: string) => window.slice(start, end).split(mark).length - 1;
    while (count(open) > count(close) && window[end] === close) end++;
    while (count(close) > count(open) && window[start - 1] === open) start--;
  }
  return { start: from + start, end: from + end };
}

/** The word for "percent" as newsrooms write it, its parts joined ("pour cent", "por ciento", "Prozent", "proc."). */
const PERCENT_WORDS = new Set([
  'percent', 'pourcent', 'prozent', 'porciento', 'porcento', 'percento', 'procent', 'proc', 'pct', 'procenta',
  'procento', 'prosent', 'prosenttia', 'prosentti',
]);

/** True when two wordings, their words joined, both say "percent" (the sign % is read as the word). */
export function samePercent(a: string, b: string): boolean {
  return PERCENT_WORDS.has(a) && PERCENT_WORDS.has(b);
}

/** True when two wordings write the same number, one of them in figures or both in words. */
export function sameNumber(a: string, b: string): boolean {
  const first = readings(a);
  return first.length > 0 && readings(b).some((value) => first.includes(value));
}

/**
 * The numbers a wording may write: one, or two where a point stands before one group of three figures, a decimal
 * point in English and a thousands separator in most of Europe ("100.000" against "honderdduizend").
 */
function readings(text: string): number[] {
  const values = [numberIn(text), /\b\d{1,3}\.\d{3}\b/.test(text) ? numberIn(text.replace(/\b(\d{1,3})\.(\d{3})\b/, '$1$2')) : null];
  return values.filter((value): value is number => value !== null);
}

/**
 * True when draft[draftStart, draftEnd) and the source's [sourceStart, sourceEnd) write the same number, the one in
 * figures and the other in words or both in figures, read whole: a number in figures where the source spells it out,
 * or the other way round, is the house style, not a change. The two are also read as they stand, for a number before
 * a scale word both share ("five" and "5" of "five million" and "5 million").
 */
export function sameNumberAround(
  draft: string,
  draftStart: number,
  draftEnd: number,
  doc: SourceDocument,
  sourceStart: number,
  sourceEnd: number,
): boolean {
  const from = Math.max(0, sourceStart - FIGURES_REACH);
  const window = textSlice(doc, from, sourceEnd + FIGURES_REACH);
  const sourceWords = figuresAround(window, sourceStart - from, sourceEnd - from);
  const draftFigures = figuresAround(draft, draftStart, draftEnd);
  if (sameNumber(draftFigures, sourceWords)) return true;
  // A number in words that the passage cuts ("three" of "Twenty-three" at a quotation's start), read whole.
  if (sameNumber(draftFigures, numberWordsAround(window, sourceStart - from, sourceEnd - from))) return true;
  return sameNumber(draft.slice(draftStart, draftEnd), textSlice(doc, sourceStart, sourceEnd)) && sharedScaleAfter();

  /** True when the same scale word follows both: the numbers before it are then the same number. */
  function sharedScaleAfter(): boolean {
    const scaleOf = (text: string): string | undefined => /^\s+(thousand|million|billion|trillion)\b/i.exec(text)?.[1]?.toLowerCase();
    const inDraft = scaleOf(draft.slice(draftEnd, draftEnd + 12));
    return inDraft !== undefined && inDraft === scaleOf(textSlice(doc, sourceEnd, sourceEnd + 12));
  }
}

/** How many characters after a passage `numberAtEnd` is given: a number in words and the words after it. */
export const NUMBER_REACH = 240;

/** Figures at the start of a text, with a scale word after them. */
const LEADING_FIGURES = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:thousand|million|billion|trillion)\b)?/i;

/** The number a text starts with, in figures or in words, and how many characters it takes; null when none. */
function leadingNumber(text: string): { value: number; length: number } | null {
  const figures = LEADING_FIGURES.exec(text);
  if (figures) return { value: numberIn(figures[0])!, length: figures[0].length };
  // The longest run of words from the start that reads as a number.
  let best: { value: number; length: number } | null = null;
  for (const word of text.matchAll(/[A-Za-z]+/g)) {
    const end = word.index! + word[0].length;
    if (/[^A-Za-z\s‐‑–-]/.test(text.slice(0, end))) break;
    const value = numberIn(text.slice(0, end));
    if (value !== null) best = { value, length: end };
    else if (best !== null && word[0].toLowerCase() !== 'and') break;
  }
  return best;
}

/**
 * How many words of `sourceAfter` (the text right after a passage) the draft's last words `draftRest` stand for, when
 * both start with the same number, written differently, and the draft's words after the number are the source's
 * next words; 0 otherwise.
 */
export function numberAtEnd(draftRest: string, sourceAfter: string): number {
  const inDraft = leadingNumber(draftRest);
  const inSource = leadingNumber(sourceAfter);
  if (!inDraft || !inSource || inDraft.value !== inSource.value) return 0;
  const draftWords = splitWords(draftRest.slice(inDraft.length)).folded;
  const sourceWords = splitWords(sourceAfter.slice(inSource.length)).folded;
  if (draftWords.some((word, n) => word !== sourceWords[n])) return 0;
  return splitWords(sourceAfter.slice(0, inSource.length)).folded.length + draftWords.length;
}
