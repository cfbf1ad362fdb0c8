// Reads the files attached to an email message with the readers of sources, so that a statement sent as a PDF or a
// Word document is a source as much as the message that brought it.
import { basename } from 'node:path';
import type { AttachedText, Attachment } from '../core/sources/email.js';
import { sourceFormat } from '../core/sources/index.js';

/** The extensions of the types of attached files that are sources, for attachments that come without a name. */
const EXTENSIONS: ReadonlyMap<string, string> = new Map([
  ['application/pdf', '.pdf'],
  ['application/msword', '.doc'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.docx'],
  ['application/vnd.oasis.opendocument.text', '.odt'],
  ['application/rtf', '.rtf'],
  ['text/rtf', '.rtf'],
  ['text/plain', '.txt'],
  ['text/html', '.html'],
  ['message/rfc822', '.eml'],
  ['application/vnd.ms-outlook', '.msg'],
]);

/**
 * How deep attachments are read: the files attached to a message, and to a message attached to it (a forward with the
 * original message attached), but not deeper.
 */
export const MAX_ATTACHMENT_DEPTH = 2;

/** The name an attached file is shown and read by: its own, without folders, else one made from its type. */
function attachmentName({ name, type }: Attachment): string {
  const own = name ? basename(name.replace(/\\/g, '/')).trim() : '';
  if (own !== '') return own;
  return `attachment${EXTENSIONS.get(type.toLowerCase()) ?? ''}`;
}

/**
 * What each attached file gives: its text, read by `read` (the reader of sources of its format), or why it was not
 * read. `depth` is how deep the message itself is attached (0 for a source file).
 */
export function attachedTexts(
  attachments: readonly Attachment[],
  depth: number,
  read: (name: string, bytes: Uint8Array, depth: number) => { text: string } | { skip: string },
): AttachedText[] {
  return attachments.map((attachment) => {
    const name = attachmentName(attachment);
    if (sourceFormat(name) === null) return { name, problem: 'its format is not read' };
    if (depth + 1 > MAX_ATTACHMENT_DEPTH) {
      return { name, problem: `it is attached more than ${MAX_ATTACHMENT_DEPTH} messages deep` };
    }
    const done = read(name, attachment.bytes, depth + 1);
    return 'text' in done ? { name, text: done.text } : { name, problem: done.skip };
  });
}
