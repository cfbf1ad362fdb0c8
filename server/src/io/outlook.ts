// Reads an email message as Outlook saves it (.msg, a compound file of MAPI properties) with @kenjiuno/msgreader: its
// subject, when it was sent and its body. Outlook often keeps a body as RTF alone, with the HTML or plain text it was
// written in wrapped inside: that is unwrapped with rtf-stream-parser, and other RTF read as RTF.
import { decompressRTF } from '@kenjiuno/decompressrtf';
import MsgReader from '@kenjiuno/msgreader';
import { deEncapsulateSync } from 'rtf-stream-parser';
import type { EmailMessage } from '../core/sources/email.js';
import { decode, rtfText } from './rtf.js';

/**
 * The parts of the Outlook message in `bytes` that are read, its attached files included; throws an Error that says
 * why when it cannot be read.
 */
export function outlookMessage(bytes: Uint8Array): EmailMessage {
  let data: ReturnType<MsgReader['getFileData']>;
  let reader: MsgReader;
  try {
    reader = new MsgReader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    data = reader.getFileData();
  } catch {
    throw new Error('not an Outlook message (its compound file is damaged)');
  }
  if (data.error) throw new Error(`not an Outlook message (${asClause(data.error)})`);
  const message: EmailMessage = {};
  if (data.subject) message.subject = data.subject;
  const sent = new Date(data.clientSubmitTime ?? data.messageDeliveryTime ?? data.creationTime ?? Number.NaN);
  if (!Number.isNaN(sent.getTime())) message.date = sent.toISOString();
  const attachments = (data.attachments ?? [])
    // Pictures shown in the body and hidden parts are no files sent with the message.
    .filter((file) => !file.attachmentHidden && !(file.pidContentId && /^image\//.test(file.attachMimeTag ?? '')))
    .map((file) => {
      // A message attached whole (a forward "as attachment") is given as a .msg file of its own.
      const embedded = file.innerMsgContent === true;
      const name = embedded ? embeddedName(file) : (file.fileName ?? null);
      const type = embedded ? 'application/vnd.ms-outlook' : (file.attachMimeTag ?? '');
      try {
        const read = reader.getAttachment(file);
        return { name: embedded ? name : (read.fileName ?? name), type, bytes: read.content };
      } catch {
        // An attachment the message cannot give is named with the reason its reader finds in no bytes.
        return { name, type, bytes: new Uint8Array(0) };
      }
    });
  if (attachments.length > 0) message.attachments = attachments;
  if (data.body?.trim()) message.text = data.body;
  else if (data.bodyHtml) message.html = data.bodyHtml;
  else if (data.html) message.html = new TextDecoder().decode(data.html);
  else if (data.compressedRtf) {
    Object.assign(message, rtfBody(Uint8Array.from(decompressRTF(Array.from(data.compressedRtf)))));
  }
  return message;
}

/** The name of a message attached whole: its display name or subject, as a .msg file. */
function embeddedName(file: ReturnType<MsgReader['getFileData']>): string {
  const shown = (file.fileName || file.innerMsgContentFields?.subject || 'attached message').trim();
  return /\.msg$/i.test(shown) ? shown : `${shown}.msg`;
}

/** A sentence of the reader's ("Unsupported file type!") as part of one of ours: "unsupported file type". */
function asClause(sentence: string): string {
  return sentence.replace(/[.!]+$/, '').replace(/^\p{Lu}(?!\p{Lu})/u, (first) => first.toLowerCase());
}

/** The body kept as RTF: the HTML or text it wraps, else the RTF's own text. */
function rtfBody(rtf: Uint8Array): { text: string } | { html: string } {
  const buffer = Buffer.from(rtf.buffer, rtf.byteOffset, rtf.byteLength);
  let unwrapped: ReturnType<typeof deEncapsulateSync>;
  try {
    unwrapped = deEncapsulateSync(buffer, { mode: 'either', decode, warn: () => undefined });
  } catch {
    // Not wrapped HTML or text: RTF written as RTF.
    return { text: rtfText(rtf) };
  }
  const body = String(unwrapped.text);
  return unwrapped.mode === 'html' ? { html: body } : { text: body };
}
