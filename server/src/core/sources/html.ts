// Reads an HTML source: its visible text, with a map from every stretch of it back to the HTML, and its metadata.
import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes as T } from 'parse5';
import type { SourceDocument, SourceMeta } from '../types.js';
import { normaliseDate } from './dates.js';
import { sourceMetaFromText } from './meta.js';
import { TextBuilder } from './textBuilder.js';

/** Elements whose content is never shown as text on the page. */
const HIDDEN = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'audio', 'video',
]);

/**
 * How books and some pages mark a reference to a note, and the link back from the note (`epub:type` in e-books,
 * DPUB-ARIA roles on the web). Their marks are left out, so that a note's number never joins the word it follows
 * ("May,”1"); the notes themselves are read where they stand.
 */
const NOTE_MARK_TYPES = new Set(['noteref', 'backlink', 'referrer']);
const NOTE_MARK_ROLES = new Set(['doc-noteref', 'doc-backlink']);

/**
 * True for an element that marks a reference to a note, or the way back from one: marked so, or, as most pages write
 * a footnote's mark, a superscript or a link to a place on the page that shows a number or a sign alone
 * (`<sup><a href="#n1">1</a></sup>`, `<a href="#fn2"><sup>[2]</sup></a>`).
 */
function isNoteMark(element: T.Element): boolean {
  const marked = element.attrs.some(
    (a) =>
      (a.name === 'epub:type' && a.value.split(/\s+/).some((type) => NOTE_MARK_TYPES.has(type))) ||
      (a.name === 'role' && NOTE_MARK_ROLES.has(a.value.trim())),
  );
  if (marked) return true;
  // A printed book's page number, as Project Gutenberg keeps it in the text (`<span class="pagenum">[Pg 88]</span>`).
  if (element.attrs.some((a) => a.name === 'class' && /\bpage-?num(?:ber)?\b/i.test(a.value))) return true;
  if (element.tagName !== 'sup' && element.tagName !== 'a') return false;
  return NOTE_SIGN.test(elementText(element)) && linksWithinPage(element);
}

/** What a footnote's mark shows: a number, a letter or a sign, maybe in brackets. */
const NOTE_SIGN = /^[[(]?(?:\d{1,3}|[a-z]|[*†‡§¶])[\])]?$/i;

/** True when the element is, or holds, a link to a place on the same page (href="#…"). */
function linksWithinPage(element: T.Element): boolean {
  const stack: T.Node[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('tagName' in node)) continue;
    if (node.tagName === 'a' && node.attrs.some((a) => a.name === 'href' && a.value.startsWith('#'))) return true;
    stack.push(...node.childNodes);
  }
  return false;
}

/** Elements that stand on lines of their own, so their text is a paragraph. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * Parses an HTML source. The text is what a reader sees: scripts, styles, the head and hidden elements are left
 * out, entities are decoded, white space is collapsed as a browser does (except in `pre`), and block elements
 * are separated by blank lines. Segments map every stretch of the text back to its offset in `content`. The
 * metadata comes from og:title or the title element, og:site_name, the author meta tag,
 * article:published_time (or a date meta tag) and the canonical link; a dateline in the text and the file
 * name fill the rest.
 */
export function parseHtmlSource(id: string, fileName: string, content: string): SourceDocument {
  const document = parse(content, { sourceCodeLocationInfo: true });
  const builder = new TextBuilder(content);
  const head: T.Element[] = [];
  let firstHeading: string | undefined;
  // An explicit stack instead of recursion, so that absurdly deep markup cannot exhaust the call stack.
  const stack: { node: T.Node; exit: boolean }[] = [{ node: document, exit: false }];
  let preDepth = 0;
  let quoteDepth = 0;
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (node.nodeName === '#text') {
      const text = node as T.TextNode;
      builder.append(text.value, text.sourceCodeLocation?.startOffset ?? null, preDepth > 0);
      continue;
    }
    if (!('childNodes' in node)) continue;
    const tag = 'tagName' in node ? node.tagName : '';
    if (exit) {
      if (tag === 'pre') preDepth--;
      // A browser draws the marks of a <q>, double outside and single inside: the page's reader sees them.
      if (tag === 'q') builder.append(--quoteDepth % 2 === 0 ? '”' : '’', null, false);
      if (BLOCKS.has(tag)) builder.blockBreak();
      continue;
    }
    if (tag === 'head') head.push(node as T.Element);
    if (HIDDEN.has(tag) || ('attrs' in node && (node.attrs.some((a) => a.name === 'hidden') || isNoteMark(node)))) continue;
    if (tag === 'br') {
      builder.lineBreak();
      continue;
    }
    if (tag === 'h1' && firstHeading === undefined) firstHeading = elementText(node as T.Element);
    if (tag === 'pre') preDepth++;
    if (tag === 'q') builder.append(quoteDepth++ % 2 === 0 ? '“' : '‘', null, false);
    if (BLOCKS.has(tag)) builder.blockBreak();
    stack.push({ node, exit: true });
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push({ node: node.childNodes[i]!, exit: false });
  }
  const { text, segments } = builder.finish();
  const fromHead = headMeta(head);
  if (!fromHead.title && firstHeading) fromHead.title = firstHeading;
  const meta: SourceMeta = { ...sourceMetaFromText(text, fileName), ...fromHead };
  return { id, text, meta, file: { content, segments } };
}

/** Metadata from the title, meta and link elements of the head. */
function headMeta(heads: T.Element[]): SourceMeta {
  const found: Record<string, string> = {};
  const stack: T.Node[] = [...heads];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('tagName' in node)) continue;
    const attr = (name: string): string | undefined => node.attrs.find((a) => a.name === name)?.value.trim();
    if (node.tagName === 'title') found['title'] ??= elementText(node);
    if (node.tagName === 'meta') {
      const key = (attr('property') ?? attr('name') ?? attr('itemprop'))?.toLowerCase();
      const value = attr('content');
      if (key && value) found[key] ??= value;
    }
    if (node.tagName === 'link' && attr('rel')?.toLowerCase().split(/\s+/).includes('canonical')) {
      const href = attr('href');
      if (href) found['canonical'] ??= href;
    }
    stack.push(...node.childNodes);
  }
  const meta: SourceMeta = {};
  const title = found['og:title'] ?? found['twitter:title'] ?? found['title'];
  if (title) meta.title = title;
  const outlet = found['og:site_name'] ?? found['application-name'];
  if (outlet) meta.outlet = outlet;
  const author = [found['author'], found['article:author'], found['byl']].find((a) => a && !/^https?:/i.test(a));
  if (author) meta.author = author.replace(/^By\s+/i, '');
  const date = ['article:published_time', 'datepublished', 'date', 'pubdate', 'publish-date', 'dc.date',
    'dc.date.issued', 'parsely-pub-date', 'sailthru.date', 'og:published_time']
    .map((key) => normaliseDate(found[key]))
    .find((d) => d);
  if (date) meta.date = date;
  const url = found['canonical'] ?? found['og:url'];
  if (url) meta.url = url;
  return meta;
}

/** The text inside an element, white space collapsed. */
function elementText(element: T.Element): string {
  let text = '';
  const stack: T.Node[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeName === '#text') text += (node as T.TextNode).value;
    else if ('childNodes' in node) for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return text.replace(/\s+/g, ' ').trim();
}
