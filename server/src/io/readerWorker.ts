// The thread that reads files with asynchronous readers for the sources' loader, which sleeps until it answers (see
// `readerThread.ts`): it answers a PDF's bytes with the runs of text of its pages, a Word 97-2003 document's with the
// text of its parts, an email's with its subject, date, bodies and attached files, or any with why it could not read
// them.
import { workerData } from 'node:worker_threads';
import type { DocParts } from '../core/sources/doc.js';
import type { EmailMessage } from '../core/sources/email.js';
import type { PdfPage, PdfTextRun } from '../core/sources/pdf.js';
import type { ReadAnswer, ReaderThreadData, ReadRequest } from './readerThread.js';

const { port, signal } = workerData as ReaderThreadData;

/** Answers the file the loader waits for, and wakes it. */
function answer(reply: ReadAnswer): void {
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

const failed = (error: unknown): ReadAnswer => ({ error: error instanceof Error ? error.message : String(error) });

port.on('message', ({ kind, bytes }: ReadRequest) => {
  const reading: Promise<ReadAnswer> =
    kind === 'pdf'
      ? readPdf(bytes).then((pages) => ({ pages }))
      : kind === 'doc'
        ? readDoc(bytes).then((doc) => ({ doc }))
        : readEmail(bytes, kind === 'email').then((email) => ({ email }));
  reading.then(answer, (error: unknown) => answer(failed(error)));
});

// The loader reads one file at a time: an error that escapes the reading of it is that file's answer, so that the
// loader is never left waiting until its time runs out.
process.on('uncaughtException', (error) => answer(failed(error)));

async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  // PDF.js as unpdf builds it, for any JavaScript runtime: it reads text with no native module and parses in this
  // thread, which is already apart from the loader's. It is loaded here, so that a failure to load it is an answer
  // too, and the loader is never left waiting.
  const { getDocumentProxy } = await import('unpdf');
  let pdf;
  try {
    pdf = await getDocumentProxy(bytes, { disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  } catch (error) {
    if ((error as Error).name === 'PasswordException') throw new Error('the PDF is password-protected');
    throw new Error(`the PDF is damaged: ${(error as Error).message}`);
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const runs: PdfTextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        runs.push({ text: item.str, x: item.transform[4], y: item.transform[5], height: item.height, endsLine: item.hasEOL });
      }
      pages.push(runs);
      page.cleanup();
    }
    return pages;
  } finally {
    await pdf.loadingTask.destroy();
  }
}

async function readDoc(bytes: Uint8Array): Promise<DocParts> {
  const { default: WordExtractor } = await import('word-extractor');
  let document;
  try {
    document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    throw new Error(`not a Word 97-2003 document, or a damaged one (${(error as Error).message.replace(/\.$/, '')})`);
  }
  // The reader turns curly quotation marks and dashes into straight ones unless told not to: the source's own
  // characters are kept, as for every other format.
  const asWritten = { filterUnicode: false } as const;
  const parts = document as unknown as Record<'getBody' | 'getFootnotes' | 'getEndnotes', (options: typeof asWritten) => string>;
  return {
    body: parts.getBody(asWritten),
    textboxes: document.getTextboxes({ includeHeadersAndFooters: false, includeBody: true }),
    footnotes: parts.getFootnotes(asWritten),
    endnotes: parts.getEndnotes(asWritten),
  };
}

/** The message in `bytes`, with its attached files when `withFiles` (a saved web page's pictures are of no use). */
async function readEmail(bytes: Uint8Array, withFiles: boolean): Promise<EmailMessage> {
  const { default: PostalMime } = await import('postal-mime');
  const email = await PostalMime.parse(bytes);
  const location = email.headers.find((header) => header.key === 'snapshot-content-location')?.value.trim();
  const attachments = (withFiles ? email.attachments : [])
    // Pictures shown in the HTML body (a logo in a signature) are part of the message, not files sent with it.
    .filter((file) => !(file.mimeType.startsWith('image/') && (file.related || file.contentId || file.disposition === 'inline')))
    .map((file) => ({ name: file.filename, type: file.mimeType, bytes: new Uint8Array(file.content as ArrayBuffer) }));
  return {
    subject: email.subject,
    date: email.date,
    text: email.text,
    html: email.html,
    ...(location ? { location } : {}),
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}
