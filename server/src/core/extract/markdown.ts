// Reads a Markdown draft with a CommonMark parser to find what is prose: code, front matter, link targets and
// raw HTML are blanked out (offsets kept) and the leaf blocks become the stretches quotations may stand in.
import { decodeHTML } from 'entities';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { directiveIn, type Directive } from './directives.js';
import type { Block } from './pairing.js';
import { Masker, type BlockQuote, type ProseOf } from './mask.js';

/** The parts of an mdast node this reader looks at. */
interface MdNode {
  type: string;
  position?: { start: { offset?: number }; end: { offset?: number } };
  children?: MdNode[];
}

/** Node types whose whole text is never prose. */
const HIDDEN = new Set(['yaml', 'toml', 'code', 'definition', 'image', 'imageReference']);
/** Node types that hold a stretch of prose of their own. */
const LEAF_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Notes a block quote: a quotation when no quotation marks inside it speak for it (see `BlockQuote`), unless it is
 * one of GitHub's alerts (`> [!NOTE]`). The `>` that open its lines are no words of it.
 */
function readBlockQuote(text: string, node: MdNode, range: Block, masker: Masker, found: BlockQuote[]): void {
  const content = contentRange(node);
  if (content === null || /^\[!\w+\]/.test(text.slice(content.start, content.start + 16))) return;
  for (const m of text.slice(content.start, content.end).matchAll(/\n[ \t]*(?:>[ \t]?)+/g)) {
    const at = content.start + (m.index as number) + 1;
    masker.mask(at, at + m[0].length - 1);
  }
  found.push({ open: { start: range.start, end: content.start }, close: { start: content.end, end: content.end }, marked: true });
}

/** From the start of a node's first child to the end of its last; null for a node with none. */
function contentRange(node: MdNode): Block | null {
  const children = node.children ?? [];
  const first = children.length > 0 ? rangeOf(children[0]!) : null;
  const last = children.length > 0 ? rangeOf(children[children.length - 1]!) : null;
  return first && last ? { start: first.start, end: last.end } : null;
}

function rangeOf(node: MdNode): Block | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : { start, end };
}

/** An HTML block that CommonMark runs to the closing tag of its element: code or data, never prose. */
const RAW_TEXT = /^[ \t]*<(?:pre|script|style|textarea)(?:[\s>]|$)/i;

/**
 * Blanks the tags and comments of a piece of raw HTML, keeping the text between them; a comment that is a directive
 * (`<!-- verbatim-disable -->`) is added to `directives`.
 */
function maskHtml(text: string, range: Block, masker: Masker, directives: Directive[]): void {
  const html = text.slice(range.start, range.end);
  const tag = /<!--([\s\S]*?)(?:-->|$)|<[^>]*>?/g;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    const end = range.start + m.index + m[0].length;
    masker.mask(range.start + m.index, end);
    const kind = m[1] !== undefined && m[0].endsWith('-->') ? directiveIn(m[1]) : null;
    if (kind) directives.push({ kind, at: end });
  }
}

const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g;
/** Characters an entity may not be read as: quotation marks and apostrophes, which are looked for where written. */
const MARK_LIKE = /["'`“”„‟‘’‚‛«»‹›]/;

/** Reads the character references in a text node (`&amp;`, `&hellip;`, `&#233;`) as the characters they stand for. */
function replaceEntities(text: string, range: Block, masker: Masker): void {
  const slice = text.slice(range.start, range.end);
  if (!slice.includes('&')) return;
  for (const m of slice.matchAll(ENTITY)) {
    const sign = decodeHTML(m[0]);
    if (sign.length !== 1 || sign === m[0] || MARK_LIKE.test(sign)) continue;
    const start = range.start + (m.index as number);
    masker.replace(start, start + m[0].length, sign);
  }
}

/** A backslash that escapes punctuation (\\" \\*), which shows the punctuation alone. */
const ESCAPE = /\\[!-/:-@[-`{-~]/g;

/** Hides the backslashes of escaped punctuation in a text node: \\"word\\" shows as "word". */
function maskEscapes(text: string, range: Block, masker: Masker): void {
  const slice = text.slice(range.start, range.end);
  if (!slice.includes('\\')) return;
  // Not a space, which would make the mark after it open rather than close: an invisible joiner.
  for (const m of slice.matchAll(ESCAPE)) masker.replace(range.start + (m.index as number), range.start + (m.index as number) + 1, '\u2060');
}

/**
 * Finds the prose of a Markdown draft. Returns `text` with every character that is not prose replaced by a
 * space (line breaks kept), the same for the words of quotations (`prose`, in which code is kept and character
 * references are read), the leaf blocks (paragraphs, headings, HTML blocks) in document order, and the directive
 * comments.
 */
export function readMarkdown(text: string): {
  masked: string;
  proseOf: ProseOf;
  blocks: Block[];
  blockQuotes: BlockQuote[];
  directives: Directive[];
} {
  const tree = fromMarkdown(text, {
    // Tables as GitHub and VS Code's preview read them: each cell is a stretch of prose of its own.
    extensions: [frontmatter(['yaml', 'toml']), gfmTable()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmTableFromMarkdown()],
  }) as MdNode;
  const masker = new Masker(text);
  const blocks: Block[] = [];
  const blockQuotes: BlockQuote[] = [];
  const directives: Directive[] = [];
  // An explicit stack rather than recursion: deeply nested lists or block quotes must not overflow the call stack.
  const stack: { node: MdNode; inBlock: boolean }[] = [{ node: tree, inBlock: false }];
  while (stack.length > 0) {
    const { node, inBlock } = stack.pop() as { node: MdNode; inBlock: boolean };
    const range = rangeOf(node);
    if (range === null) continue;
    if (HIDDEN.has(node.type)) {
      masker.mask(range.start, range.end);
      continue;
    }
    if (node.type === 'inlineCode') {
      // Its marks are code, but a writer may set a quoted word in code: "Run `make` first".
      masker.mask(range.start, range.end, 'marks');
      continue;
    }
    if (node.type === 'text') {
      replaceEntities(text, range, masker);
      maskEscapes(text, range, masker);
    }
    if (node.type === 'html' && RAW_TEXT.test(text.slice(range.start, range.end))) {
      // <pre>, <script>, <style> and <textarea> blocks hold code or data, not prose, up to their closing tag.
      masker.mask(range.start, range.end);
      continue;
    }
    if (node.type === 'html') {
      maskHtml(text, range, masker, directives);
      if (!inBlock) blocks.push(range);
      continue;
    }
    if (node.type === 'link' || node.type === 'linkReference') {
      const children = node.children ?? [];
      const autolink = text[range.start] === '<';
      // Only the link's text is prose; its target, title and brackets are not, and an autolink is all target.
      let from = range.start;
      for (const child of autolink ? [] : children) {
        const inner = rangeOf(child);
        if (inner === null) continue;
        masker.mask(from, inner.start);
        from = inner.end;
      }
      masker.mask(from, range.end);
    }
    if (node.type === 'blockquote') readBlockQuote(text, node, range, masker, blockQuotes);
    const leaf = LEAF_BLOCKS.has(node.type);
    // A table cell's range takes in its pipes: its prose is what its children hold.
    const prose = node.type === 'tableCell' ? contentRange(node) : range;
    if (leaf && prose !== null) blocks.push(prose);
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], inBlock: inBlock || leaf });
  }
  blocks.sort((a, b) => a.start - b.start);
  return { masked: masker.result(), proseOf: (start, end) => masker.proseOf(start, end), blocks, blockQuotes, directives };
}
