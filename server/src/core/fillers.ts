// Hesitation sounds in a transcript ("the budget is, um, basically balanced"), which writers leave out of a quotation
// as a matter of course: a quotation that drops one set off from the words around it changes none of them.
import { SourceIndex, type IndexedSource } from './sourceIndex.js';
import { textSlice } from './sourceText.js';

/** How far around a word the marks that set it off are looked for. */
const REACH = 6;

/**
 * True when word `word` of the source is one of `fillers` (folded words) and set off on both sides: by a comma, a
 * dash or an ellipsis, or by the start or end of its sentence ("we, um, will", "Uh… yes", "so — er — no"). A word
 * run into its neighbours is a word of the sentence, as "um" is in German ("um acht Uhr") and "mm" after a number.
 */
export function isSetOffFiller(source: IndexedSource, word: number, folded: string, fillers: ReadonlySet<string>): boolean {
  if (!fillers.has(folded)) return false;
  const start = SourceIndex.wordStart(source, word);
  const end = SourceIndex.wordEnd(source, word);
  const before = textSlice(source.doc, Math.max(0, start - REACH), start).trimEnd();
  const after = textSlice(source.doc, end, end + REACH).trimStart();
  return (before === '' || /[,;:.!?…—–(-]$/u.test(before)) && (after === '' || /^[,;:.!?…—–)-]/u.test(after));
}
