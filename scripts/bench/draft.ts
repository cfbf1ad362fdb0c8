// Builds the benchmark draft: quotations drawn deterministically from a corpus, half exact and half with words
// changed, set in plain prose with an attribution each, together with the verdict each one must get.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { random } from './random.js';

/** One quotation of the draft and the verdict the checker must give it. */
export interface DraftQuote {
  /** The quotation as written in the draft, without its marks. */
  text: string;
  /** UTF-16 offset of `text` in the draft. */
  offset: number;
  expected: 'verbatim' | 'altered';
  /** The source file it was drawn from, and the passage exactly as the source writes it. */
  file: string;
  original: string;
}

/** The draft text and its quotations in document order. */
export interface BenchDraft {
  text: string;
  words: number;
  quotes: DraftQuote[];
}

/** Words an altered quotation may take in place of one of its own; none is a negation. */
const REPLACEMENTS = ['entirely', 'harbour', 'violet', 'seventeen', 'parliament', 'quietly', 'lantern', 'orchard'];
const NEGATION = /^(not|never|no|nor|cannot|none|nothing|\w+n't)$/i;
/** Common words that are not changed: a changed function word would make a weak test of "altered". */
const FUNCTION_WORDS = new Set(['which', 'their', 'there', 'would', 'could', 'should', 'about', 'after', 'these', 'those', 'where', 'while', 'other', 'might', 'shall', 'every', 'being', 'through', 'before']);
/** Characters a quotation passage may hold: nothing that reads as a mark, a bracket or markup. */
const PLAIN_PASSAGE = /^[A-Za-z0-9 ,.;:!?\-]+$/;
/** Characters a prose sentence may hold: no quotation marks or apostrophes at all, so it never opens a quotation. */
const PLAIN_PROSE = /^[A-Za-z0-9 ,.;:!?\-]+$/;
const PROSE_WORDS_PER_QUOTE = 60;
const MIN_QUOTE_WORDS = 12;
const MAX_QUOTE_WORDS = 40;
/** Excerpts are taken from sentences of this many words or more (and at most the second figure). */
const EXCERPT_SENTENCE_WORDS = 22;
const MAX_EXCERPT_SENTENCE_WORDS = 80;
const MIN_EXCERPT_WORDS = 8;
const MAX_EXCERPT_WORDS = 16;

/** A run of words from inside a sentence, neither its first nor its last word, without trailing , ; or :. */
function excerptOf(sentence: string, next: () => number): string {
  const list = wordsOf(sentence);
  const length = MIN_EXCERPT_WORDS + Math.floor(next() * (MAX_EXCERPT_WORDS - MIN_EXCERPT_WORDS + 1));
  const from = 1 + Math.floor(next() * (list.length - length - 1));
  return list.slice(from, from + length).join(' ').replace(/[,;:]$/, '');
}

/** The sentences of a text with their line breaks folded to spaces: split after . ! ? before a capital. */
function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const flat = paragraph.replace(/\s+/g, ' ').trim();
    if (flat === '') continue;
    for (const sentence of flat.split(/(?<=[.!?])\s+(?=[A-Z])/)) sentences.push(sentence);
  }
  return sentences;
}

const wordsOf = (text: string): string[] => text.split(' ').filter((word) => word !== '');

/** A readable title from a LitBank-style file name: "1023_bleak_house.txt" gives "Bleak House". */
export function titleOf(file: string): string {
  return basename(file)
    .replace(/\.[^.]+$/, '')
    .replace(/^\d+_/, '')
    .split(/[_\s]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** Changes one or two words of a passage so that it is clearly the same statement in other words. */
function alter(passage: string, next: () => number): string | null {
  const list = wordsOf(passage);
  const isContent = (word: string): boolean => {
    const bare = word.replace(/[,.;:!?]$/, '');
    return /^[A-Za-z]{5,}$/.test(bare) && !NEGATION.test(bare) && !FUNCTION_WORDS.has(bare.toLowerCase());
  };
  const content = list.map((word, n) => (n > 0 && isContent(word) ? n : -1)).filter((n) => n >= 0);
  if (content.length === 0) return null;
  const at = content[Math.floor(next() * content.length)]!;
  const trailing = list[at]!.match(/[,.;:!?]$/)?.[0] ?? '';
  const choices = REPLACEMENTS.filter((word) => word !== list[at]!.toLowerCase().replace(/[,.;:!?]$/, ''));
  list[at] = choices[Math.floor(next() * choices.length)]! + trailing;
  // Longer passages lose an inner content word as well, a second kind of change.
  const inner = content.filter((n) => n !== at && n < list.length - 1 && !/[,.;:!?]$/.test(list[n]!));
  if (list.length >= 20 && inner.length > 0) list.splice(inner[Math.floor(next() * inner.length)]!, 1);
  return list.join(' ');
}

/**
 * Draws `count` quotations from `files` (spread over the files, one position each, from a fixed seed) and sets them
 * in about `PROSE_WORDS_PER_QUOTE` words of prose each, taken from sentences of the corpus that hold no marks.
 * Even-numbered quotations are exact, odd-numbered ones have words changed.
 */
export function buildDraft(files: string[], count = 50, seed = 20261122): BenchDraft {
  const next = random(seed);
  const sorted = [...files].sort();
  const quotes: Omit<DraftQuote, 'offset'>[] = [];
  const prose: string[] = [];
  for (let k = 0; k < count; k++) {
    const file = sorted[Math.floor((k * sorted.length) / count) % sorted.length]!;
    const sentences = sentencesOf(readFileSync(file, 'utf8'));
    // Every third quotation is an excerpt from inside a longer sentence, as writers often quote; the others are
    // whole sentences.
    const excerpt = k % 3 === 2;
    const usable = (sentence: string): boolean => {
      const n = wordsOf(sentence).length;
      const [min, max] = excerpt ? [EXCERPT_SENTENCE_WORDS, MAX_EXCERPT_SENTENCE_WORDS] : [MIN_QUOTE_WORDS, MAX_QUOTE_WORDS];
      return n >= min && n <= max && PLAIN_PASSAGE.test(sentence) && /[a-z]{4}/.test(sentence);
    };
    const expected = k % 2 === 0 ? 'verbatim' : 'altered';
    // Start at a random place past the opening pages and take the first usable sentence from there on.
    const start = Math.floor(sentences.length * (0.1 + 0.8 * next()));
    let chosen = -1;
    let passage = '';
    let text: string | null = null;
    for (let i = 0; i < sentences.length && chosen < 0; i++) {
      const at = (start + i) % sentences.length;
      if (!usable(sentences[at]!)) continue;
      passage = excerpt ? excerptOf(sentences[at]!, next) : sentences[at]!;
      text = expected === 'verbatim' ? passage : alter(passage, next);
      if (text !== null) chosen = at;
    }
    if (chosen < 0 || text === null) throw new Error(`No sentence of ${file} can serve as a quotation.`);
    quotes.push({ text, expected, file, original: passage });
    let words = 0;
    const own: string[] = [];
    for (let i = chosen + 7; words < PROSE_WORDS_PER_QUOTE && i < chosen + 400; i++) {
      const sentence = sentences[i % sentences.length]!;
      if (!PLAIN_PROSE.test(sentence)) continue;
      own.push(sentence);
      words += wordsOf(sentence).length;
    }
    prose.push(own.join(' '));
  }

  let text = 'Reading notes\n\n';
  const placed: DraftQuote[] = [];
  quotes.forEach((quote, k) => {
    const [before, after] = splitProse(prose[k]!);
    text += `${before} In ${titleOf(quote.file)}, the narrator puts it this way: \u201c`;
    placed.push({ ...quote, offset: text.length });
    text += `${quote.text}\u201d ${after}\n\n`;
  });
  return { text, words: wordsOf(text.replace(/\s+/g, ' ')).length, quotes: placed };
}

/** Splits prose after the sentence nearest its middle, so that each quotation stands inside a paragraph. */
function splitProse(prose: string): [string, string] {
  const sentences = prose.split(/(?<=[.!?])\s+/);
  const half = Math.max(1, Math.floor(sentences.length / 2));
  return [sentences.slice(0, half).join(' '), sentences.slice(half).join(' ')];
}
