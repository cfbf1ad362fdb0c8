// Generators of hostile text for the property tests: any Unicode (lone surrogates included) mixed with the marks,
// brackets, ellipses, line ends and markup that the quotation finder and the word splitter react to.
import fc from 'fast-check';

/** Pieces of text that mean something to the finder: quotation marks of every style, brackets, markup. */
export const SPECIAL = [
  '“', '”', '"', "'", '‘', '’', '«', '»', '„', '‚', '‹', '›', '「', '」', '『', '』', '``', "''", '`', '´',
  '[', ']', '(', ')', '…', '...', '. . .', '.', ',', ';', ':', '?', '!',
  '\n', '\n\n', '\r\n', '\r', '\t', ' ', '\u00A0', '\u2028', '—', '–', '-', '― ',
  '\\enquote{', '\\textquote{', '}', '{', '\\', '%', '$', '\\begin{verbatim}', '\\end{verbatim}',
  '```\n', '<!--', '-->', '<p>', '*', '_', '> ', '# ', '---\n', '[link](', 'http://x.y/',
  ' said ', ' he said, ', ', she said. ', 'He said: ', 'don’t', 'O’Brien',
  '\u00AD', '\u200B', '\u200D', '\uFEFF', '\u0301', '\uD800', '\uDC00', '😀', 'ﬁ', 'İ', 'ß', '𝐀',
];

/** One piece of hostile text: a special piece, a word, or any run of Unicode code points. */
export const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 2, arbitrary: fc.constantFrom('we', 'will', 'not', 'tolerate', 'the', 'brutal', 'suppression', 'China', 'said', 'Ross') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
);

/** Hostile text of up to `maxPieces` pieces. */
export function hostileText(maxPieces = 60): fc.Arbitrary<string> {
  return fc.array(piece, { maxLength: maxPieces }).map((parts) => parts.join(''));
}

/** The three draft formats. */
export const format = fc.constantFrom('plaintext' as const, 'markdown' as const, 'latex' as const);

/** A random string of `length` characters drawn from quotation marks, brackets, ellipses and line ends only. */
export function randomMarks(length: number, seed: number): string {
  const marks = ['“', '”', '"', "'", '‘', '’', '«', '»', '„', '‚', '`', '[', ']', '(', ')', '…', '.', '\n', ' ', '-', '—', '{', '}', '\\', 'a'];
  let state = seed >>> 0;
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    // A linear congruential generator: reproducible from the seed, and fast enough for hundreds of thousands.
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out.push(marks[state % marks.length]!);
  }
  return out.join('');
}
