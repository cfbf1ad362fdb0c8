// Reads an email message (.eml), as statements reach a newsroom: its text, with its subject as the title and the day
// it was sent.
import type { SourceDocument, SourceMeta } from '../types.js';
import { normaliseDate } from './dates.js';
import { parseHtmlSource } from './html.js';
import { sourceMetaFromText } from './meta.js';

/** The parts of an email message that are read, as a MIME parser gives them, decoded. */
export interface EmailMessage {
  subject?: string;
  /** When it was sent, as the parser gives it (an ISO date and time, or the header as written). */
  date?: string;
  /** The plain-text body, and the HTML body, either of which may be missing. */
  text?: string;
  html?: string;
  /** The address a saved web page was saved from (its Snapshot-Content-Location). */
  location?: string;
  /** The files attached to it, as the reader unpacked them (inline pictures left out). */
  attachments?: Attachment[];
}

/** A file attached to a message: the name and the type the message gives it, and its content. */
export interface Attachment {
  name: string | null;
  type: string;
  bytes: Uint8Array;
}

/** What was read of a file attached to a message: its text, or why it has none. */
export interface AttachedText {
  name: string;
  text?: string;
  problem?: string;
}

/**
 * Reads an email message from its decoded parts. The text is the plain-text body (the `>` that quote a message replied
 * to left out), else the visible text of the HTML body, followed by the text of each file attached to it (a press
 * release sent as a PDF, say) after a line that names it, or that line saying why the file was not read. The subject is
 * the title and the day it was sent the date, over what the text says itself (a dateline, a byline); the sender is not
 * taken for the author: a statement is often sent by a press office for someone else. Throws an Error when the message
 * has no text, attachments included.
 */
export function parseEmailSource(
  id: string,
  fileName: string,
  message: EmailMessage,
  attached: readonly AttachedText[] = [],
): SourceDocument {
  // The marks that quote a message replied to (`> `, `>> `) are no words of it: a quotation runs on across them.
  const plain = message.text?.trim() ? message.text.replace(/^[ \t]*(?:>[ \t]?)+/gm, '') : '';
  const body = (plain || (message.html ? parseHtmlSource(id, fileName, message.html).text : '')).replace(/\s+$/, '');
  if (body.trim() === '' && !attached.some((file) => file.text?.trim())) throw new Error('the message has no text');
  const parts = body.trim() === '' ? [] : [body];
  for (const file of attached) {
    const read = file.text?.trim() ? file.text.replace(/\s+$/, '') : null;
    if (read !== null) parts.push(`(attached file ${file.name})\n\n${read}`);
    else parts.push(`(attached file ${file.name}, not read: ${file.problem ?? 'it has no text'})`);
  }
  const text = parts.join('\n\n');
  const meta: SourceMeta = sourceMetaFromText(text, fileName);
  const subject = message.subject?.replace(/\s+/g, ' ').trim();
  if (subject) meta.title = subject;
  const sent = message.date ? normaliseDate(message.date.slice(0, 10)) ?? normaliseDate(message.date) : undefined;
  if (sent) meta.date = sent;
  return { id, text, meta };
}
