// Reads a Markdown source: YAML front matter gives what the source is, the body is the text quotations match.
import { parse as parseYaml } from 'yaml';
import type { SourceDocument, SourceMeta } from '../types.js';
import { normaliseDate } from './dates.js';
import { sourceMetaFromText } from './meta.js';

/** A front matter block: `---` on the first line, YAML, then `---` or `...` on a line of its own. */
const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Front matter keys read for each field, in order of preference. */
const FIELDS: Record<keyof SourceMeta, string[]> = {
  title: ['title', 'headline'],
  outlet: ['outlet', 'publication', 'source', 'site', 'site_name', 'publisher'],
  author: ['author', 'authors', 'byline'],
  date: ['date', 'published', 'published_at', 'publishedAt', 'pubDate'],
  url: ['url', 'link', 'canonical', 'canonical_url', 'permalink'],
};

/**
 * Parses a Markdown source. The front matter fields title, outlet (or publication, source, site), author, date
 * (normalised to YYYY-MM-DD) and url fill `meta`; a dateline, byline or headline in the body and the file name
 * fill what the front matter leaves out. The text is the body, mapped back to the file by one segment. Front
 * matter that is not valid YAML is kept as part of the text.
 */
export function parseMarkdownSource(id: string, fileName: string, content: string): SourceDocument {
  const block = FRONT_MATTER.exec(content);
  const fields = block ? readFrontMatter(block[1] ?? '') : null;
  if (!block || !fields) return { id, text: content, meta: sourceMetaFromText(content, fileName) };
  const bodyStart = block[0].length;
  const text = content.slice(bodyStart);
  const meta: SourceMeta = { ...sourceMetaFromText(text, fileName), ...metaFromFields(fields) };
  return { id, text, meta, file: { content, segments: [{ text: 0, file: bodyStart, length: text.length }] } };
}

/** The front matter as a plain object, or null when it is not valid YAML or not a mapping. */
function readFrontMatter(yaml: string): Record<string, unknown> | null {
  if (yaml.trim() === '') return {};
  try {
    const value: unknown = parseYaml(yaml);
    if (value === null || value === undefined) return {};
    return typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function metaFromFields(fields: Record<string, unknown>): SourceMeta {
  const meta: SourceMeta = {};
  for (const field of Object.keys(FIELDS) as (keyof SourceMeta)[]) {
    for (const key of FIELDS[field]) {
      const value = field === 'date' ? normaliseDate(fields[key]) : fieldText(fields[key]);
      if (value) {
        meta[field] = value;
        break;
      }
    }
  }
  return meta;
}

/** A front matter value as display text: strings and numbers as they are, lists joined, names of objects. */
function fieldText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(fieldText).filter((part): part is string => Boolean(part));
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  if (value && typeof value === 'object' && 'name' in value) return fieldText((value as { name: unknown }).name);
  return undefined;
}
