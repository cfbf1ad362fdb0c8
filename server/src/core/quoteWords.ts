// Turns the quotations of one group (a quotation, or one interrupted by attribution) into the words to align, with
// the journalistic conventions read off: an ellipsis or a break between parts lets source words be left out, and
// words in [square brackets] are an editor's and stand for source words that are not compared.
import { isNegation, splitWords, type Words } from './words.js';
import type { Quotation } from './types.js';

/** The comparable words of a quotation group, with where each stands in the draft. */
export interface QuoteWords {
  folded: string[];
  starts: number[];
  ends: number[];
  /** Index, within the group, of the quotation each word belongs to. */
  part: number[];
  /** How many source words may be left out just before each word at no cost. */
  freeSkip: number[];
  /**
   * Where that leave-out is an ellipsis, a break between parts or an editor's bracket, which may not drop a negation:
   * the draft's text that stands for the words left out ("…", "[does]"); '' elsewhere.
   */
  elided: string[];
}

const ELLIPSIS = /\.[\s~]*\.[\s~]*\.|…|\*[ \t\u2060]*\*[ \t\u2060]*\*/;
/** Where a sentence of the quotation ends and the next begins. */
const SENTENCE_BREAK = /[.!?]["”’)\]]*\s/u;

/**
 * The parenthetical that says citations or notes were left out of a quotation, as legal writing puts it after one
 * ("(citation omitted)", "(internal citations and quotation marks omitted)", "(footnotes omitted)"), or null.
 */
function citationsOmitted(draft: string, quotation: Quotation): string | null {
  const after = draft.slice(quotation.close?.end ?? quotation.end, (quotation.close?.end ?? quotation.end) + 80);
  return /^[\s.,;]{0,3}(\((?:internal )?(?:citations?|footnotes?|quotation marks)(?:(?:,| and) (?:internal )?(?:citations?|footnotes?|quotation marks))* omitted\))/iu.exec(after)?.[1] ?? null;
}

/** Source words an editor's bracket may stand for. */
const BRACKET_SKIP = 8;

/** Reads the words of `parts` (quotations of one group, in order) out of the draft, or out of their prose. */
export function quoteWords(draft: string, parts: Quotation[], maxEllipsisWords: number): QuoteWords {
  const result: QuoteWords = { folded: [], starts: [], ends: [], part: [], freeSkip: [], elided: [] };
  parts.forEach((quotation, partIndex) => {
    // Offsets below are within the quotation's prose, which stands at quotation.start in the draft.
    const prose = quotation.prose ?? draft.slice(quotation.start, quotation.end);
    const base = quotation.start;
    const { brackets, targets } = bracketSpans(prose, 0, prose.length);
    const words = joinBracketedLetters(prose, splitWords(prose));
    const citations = citationsOmitted(draft, quotation);
    let previousEnd = 0;
    let pendingBracket = '';
    let first = true;
    for (let w = 0; w < words.folded.length; w++) {
      const start = words.starts[w];
      if (targets.some(([open, close]) => start > open && start < close)) {
        previousEnd = words.ends[w];
        continue;
      }
      const bracket = brackets.find(([open, close]) => start > open && words.ends[w] <= close);
      if (bracket) {
        pendingBracket = prose.slice(bracket[0], bracket[1] + 1);
        previousEnd = words.ends[w];
        continue;
      }
      const between = prose.slice(previousEnd, start);
      let skip = 0;
      let elided = '';
      if (first && partIndex > 0) {
        skip = maxEllipsisWords;
        elided = '…';
      } else if (!first && ELLIPSIS.test(between)) {
        skip = maxEllipsisWords;
        elided = '…';
      } else if (!first && citations !== null && SENTENCE_BREAK.test(between)) {
        // "(citation omitted)" after a quotation: what stood between its sentences in the source is left out.
        skip = maxEllipsisWords;
        elided = citations;
      }
      if (pendingBracket !== '') {
        skip = Math.max(skip, BRACKET_SKIP);
        // Words in brackets stand for the source's; a negation among those they leave out must be among theirs.
        if (!splitWords(pendingBracket).folded.some(isNegation)) elided ||= pendingBracket;
      }
      result.folded.push(words.folded[w]);
      result.starts.push(base + start);
      result.ends.push(base + words.ends[w]);
      result.part.push(partIndex);
      result.freeSkip.push(skip);
      result.elided.push(elided);
      previousEnd = words.ends[w];
      pendingBracket = '';
      first = false;
    }
  });
  return result;
}

/**
 * Joins words that a bracket inside a word split ("[n]obody", "[T]he", "say[s]"): the editor changed letters, not
 * words, and the word is compared whole, brackets left out.
 */
function joinBracketedLetters(draft: string, words: Words): Words {
  const joined: Words = { folded: [], starts: [], ends: [] };
  for (let w = 0; w < words.folded.length; w++) {
    const last = joined.folded.length - 1;
    const between = last >= 0 ? draft.slice(joined.ends[last], words.starts[w]) : '';
    // Only brackets right at the letters join: "[n]obody" (the bracket opened just before the previous word) or
    // "say[s]" (it closes just after this one); "[the] city" stays two words.
    const opensBefore = between === ']' && draft.charAt(joined.starts[last] - 1) === '[';
    const closesAfter = between === '[' && draft.charAt(words.ends[w]) === ']';
    if (opensBefore || closesAfter) {
      joined.folded[last] += words.folded[w];
      joined.ends[last] = words.ends[w];
      continue;
    }
    joined.folded.push(words.folded[w]);
    joined.starts.push(words.starts[w]);
    joined.ends.push(words.ends[w]);
  }
  return joined;
}

/**
 * Pairs of [ and ] offsets inside text[start, end) (an unclosed bracket marks nothing), and the targets of Markdown
 * links ([text](url)), whose words are not the speaker's at all.
 */
function bracketSpans(
  text: string,
  start: number,
  end: number,
): { brackets: Array<[number, number]>; targets: Array<[number, number]> } {
  const brackets: Array<[number, number]> = [];
  const targets: Array<[number, number]> = [];
  let open = -1;
  for (let i = start; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5b) open = i;
    else if (ch === 0x5d && open >= 0) {
      const from = open;
      open = -1;
      // [text](url) and [text][ref] are Markdown links: their text is the writer's own, not an editor's insertion.
      const next = text.charCodeAt(i + 1);
      if (next === 0x28 || next === 0x5b) {
        const close = text.indexOf(next === 0x28 ? ')' : ']', i + 2);
        if (close >= 0 && close < end) {
          targets.push([i + 1, close + 1]);
          i = close;
        }
        continue;
      }
      brackets.push([from, i]);
    }
  }
  return { brackets, targets };
}
