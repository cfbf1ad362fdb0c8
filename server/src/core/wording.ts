// Gives a quotation its source's wording where its changes stand, as an editor would correct it: the changed words
// replaced, left-out words put back and added ones taken out, and everything else the writer wrote inside the marks
// (punctuation, emphasis, links, notes, an incise, an ellipsis) left as it is.
import type { DraftFormat, Quotation, WordingEdit } from './types.js';
import { oneLine } from './words.js';

/** Characters that would be read as markup where a source's words go into a draft of each format. */
const SPECIAL: Record<DraftFormat, RegExp | null> = {
  plaintext: null,
  markdown: /[\\`*_[\]<>]/g,
  latex: /[\\%$&#_{}]/g,
};

/** Source words as the draft's format must write them to read as they are. */
function escaped(text: string, format: DraftFormat): string {
  const special = SPECIAL[format];
  const words = oneLine(text);
  if (special === null) return words;
  if (format === 'latex') return words.replace(special, (c) => (c === '\\' ? '\\textbackslash{}' : `\\${c}`));
  return words.replace(special, (c) => `\\${c}`);
}

/**
 * The quotation's text, draft[quotation.start, quotation.end), with `edits` (offsets from the quotation's start) made:
 * words put in are set apart by a space, a word taken out goes with the space before it, and words are escaped for
 * the draft's format. Null when an edit falls outside the quotation.
 */
export function withSourceWording(draft: string, quotation: Quotation, edits: readonly WordingEdit[], format: DraftFormat): string | null {
  let text = draft.slice(quotation.start, quotation.end);
  const length = text.length;
  // A draft typeset with curly apostrophes or marks gets curly apostrophes in the words put in, as it writes them.
  const curly = /[’“”‘]/u.test(draft.slice(quotation.open.start, quotation.close?.end ?? quotation.end));
  if (edits.some((edit) => edit.start < 0 || edit.end > length || edit.end < edit.start)) return null;
  // From the last to the first, so that each edit's offsets still hold.
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    const words = curly ? escaped(edit.text, format).replace(/(?<=\p{L})'(?=\p{L})/gu, '’') : escaped(edit.text, format);
    if (edit.start === edit.end) {
      if (words === '') continue;
      text = edit.start === 0 ? `${words} ${text}` : `${text.slice(0, edit.start)} ${words}${text.slice(edit.start)}`;
    } else if (words === '') {
      const before = /[ \t]+$/u.exec(text.slice(0, edit.start))?.[0].length ?? 0;
      const after = before === 0 ? (/^[ \t]+/u.exec(text.slice(edit.end))?.[0].length ?? 0) : 0;
      text = text.slice(0, edit.start - before) + text.slice(edit.end + after);
    } else {
      text = text.slice(0, edit.start) + words + text.slice(edit.end);
    }
  }
  return text;
}
