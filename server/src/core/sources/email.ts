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
}

/**
 * Reads an email message from its decoded parts. The text is the plain-text body, else the visible text of the HTML
 * body. The subject is the title and the day it was sent the date, over what the text says itself (a dateline, a
 * byline); the sender is not taken for the author: a statement is often sent by a press office for someone else.
 * Throws an Error when the message has no text.
 */
export function parseEmailSource(id: string, fileName: string, message: EmailMessage): SourceDocument {
  const plain = message.text?.trim() ? message.text : '';
  const text = (plain || (message.html ? parseHtmlSource(id, fileName, message.html).text : '')).replace(/\s+$/, '');
  if (text.trim() === '') throw new Error('the message has no text');
  const meta: SourceMeta = sourceMetaFromText(text, fileName);
  const subject = message.subject?.replace(/\s+/g, ' ').trim();
  if (subject) meta.title = subject;
  const sent = message.date ? normaliseDate(message.date.slice(0, 10)) ?? normaliseDate(message.date) : undefined;
  if (sent) meta.date = sent;
  return { id, text, meta };
}
