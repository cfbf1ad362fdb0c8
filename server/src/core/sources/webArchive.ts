// Reads a web page saved as one file (.mhtml, .mht, as browsers save "Webpage, Single File"): the page's visible text
// and metadata, with the address it was saved from.
import type { SourceDocument } from '../types.js';
import type { EmailMessage } from './email.js';
import { parseHtmlSource } from './html.js';

/**
 * Reads a saved web page from its decoded parts: the text is the visible text of its page, the metadata the page's
 * own (its title, site, author, date of publication, canonical address), the address it was saved from filling in a
 * missing one and its title (the file's subject) a missing title. The day it was saved is not the page's date.
 * Throws an Error when it holds no page.
 */
export function parseWebArchiveSource(id: string, fileName: string, archive: EmailMessage): SourceDocument {
  if (!archive.html) throw new Error('it holds no web page');
  const page = parseHtmlSource(id, fileName, archive.html);
  const meta = { ...page.meta };
  const subject = archive.subject?.replace(/\s+/g, ' ').trim();
  if (!meta.title && subject) meta.title = subject;
  if (!meta.url && archive.location) meta.url = archive.location;
  return { id, text: page.text.replace(/\s+$/, ''), meta };
}
