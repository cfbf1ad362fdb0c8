// Finds the quotations of a draft: where each opens and closes, what it says, and which parts belong together.
import type { DraftFormat, Quotation } from '../types.js';
import { findDashDialogue } from './dashes.js';
import { applyDirectives, type Directive } from './directives.js';
import { assignKinds } from './kind.js';
import { readLatex } from './latex.js';
import { readMarkdown } from './markdown.js';
import { scanMarks, type MarkToken } from './marks.js';
import { withBlockQuotes } from './blockQuotes.js';
import { incisesIn } from '../incise.js';
import { paragraphsOf, type BlockQuote, type ProseOf } from './mask.js';
import { assignGroups, pairMarks, type Block } from './pairing.js';

/**
 * Finds every top-level quotation in `text`, in document order. A quotation nested in another belongs to the
 * outer one and is not listed; a quotation left open ends at the end of its paragraph (`close` is null) unless
 * the next paragraph opens again with a mark of the same kind, the convention for a quotation that runs over
 * several paragraphs. Code, front matter, link targets, raw HTML (Markdown) and comments, verbatim text and
 * command names (LaTeX) are never read as prose. Quotations that the writer's directive comments switch off
 * (`<!-- verbatim-disable -->`, `% verbatim-disable-next`; see `applyDirectives`) are left out. Offsets are UTF-16
 * offsets into `text`.
 */
export function findQuotations(text: string, format: DraftFormat): Quotation[] {
  return findQuotationsAndLeftOut(text, format).quotations;
}

/**
 * The quotations `findQuotations` gives, and how many more the draft has that its directive comments leave out, so
 * that a report can say how many the writer switched off.
 */
export function findQuotationsAndLeftOut(
  text: string,
  format: DraftFormat,
): { quotations: Quotation[]; leftOut: number } {
  let masked = text;
  let proseOf: ProseOf | null = null;
  let blocks: Block[];
  let extra: MarkToken[] = [];
  let directives: Directive[] = [];
  let blockQuotes: BlockQuote[] = [];
  if (format === 'markdown') {
    ({ masked, proseOf, blocks, blockQuotes, directives } = readMarkdown(text));
  } else {
    if (format === 'latex') ({ masked, proseOf, marks: extra, blocks: blockQuotes, directives } = readLatex(text));
    blocks = paragraphsOf(masked);
  }
  const dialogue = findDashDialogue(text, masked, blocks);
  const tokens = scanMarks(masked, format === 'latex', extra);
  const paired = pairMarks(text, tokens, dialogue.rest, format === 'latex');
  if (dialogue.quotations.length > 0) {
    paired.push(...dialogue.quotations);
    paired.sort((a, b) => a.open.start - b.open.start);
  }
  const { quotations, added } = withBlockQuotes(text, masked, paired, blockQuotes);
  assignGroups(masked, quotations);
  assignKinds(text, quotations);
  // A block quotation is someone's words, whatever the prose around it.
  for (const quotation of added) quotation.kind = 'speech';
  for (const quotation of quotations) {
    const words = withoutIncises(proseOf ? proseOf(quotation.start, quotation.end) : quotation.text);
    if (words !== quotation.text) quotation.prose = words;
  }
  const kept = applyDirectives(quotations, directives);
  return { quotations: kept, leftOut: quotations.length - kept.length };
}

/** A quotation's words with the narrator's incises in it blanked (« …, a-t-elle déclaré, … »), offsets unchanged. */
function withoutIncises(prose: string): string {
  let result = prose;
  for (const { start, end } of incisesIn(prose, 0, prose.length)) {
    result = result.slice(0, start) + result.slice(start, end).replace(/[^\n]/g, ' ') + result.slice(end);
  }
  return result;
}

const FORMATS: Record<string, DraftFormat> = {
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  mkd: 'markdown',
  txt: 'plaintext',
  text: 'plaintext',
  plaintext: 'plaintext',
  tex: 'latex',
  latex: 'latex',
  ltx: 'latex',
};

/**
 * The draft format of a file path (by its extension: .md/.markdown, .txt, .tex) or of a VS Code language id
 * (markdown, plaintext, latex); null when it is none of them.
 */
export function draftFormatOf(pathOrLanguageId: string): DraftFormat | null {
  const name = pathOrLanguageId.toLowerCase();
  const dot = name.lastIndexOf('.');
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  const key = dot > slash ? name.slice(dot + 1) : name.slice(slash + 1);
  return Object.hasOwn(FORMATS, key) ? FORMATS[key] : null;
}

/** The draft format of a document: from its language id, else from its file name, else plain text. */
export function documentFormat(languageId: string | null, uri: string): DraftFormat {
  return (languageId ? draftFormatOf(languageId) : null) ?? draftFormatOf(uri) ?? 'plaintext';
}
