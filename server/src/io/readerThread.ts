// Reads what only asynchronous readers read (a PDF's pages with PDF.js, a Word 97-2003 document with word-extractor,
// an email with postal-mime) while the caller waits: the sources' loader, which must give a document at once, has the
// file read on a thread of its own and sleeps until the answer is in.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { DocParts } from '../core/sources/doc.js';
import type { EmailMessage } from '../core/sources/email.js';
import type { PdfPage } from '../core/sources/pdf.js';

/** How long reading one file may take before it is given up. */
export const READ_TIMEOUT_MS = 60_000;

/** What the thread is given: where to answer, and a number it sets to 1 and wakes the caller on once it has. */
export interface ReaderThreadData {
  port: MessagePort;
  signal: Int32Array;
}

/** What the thread reads: the kind of file and its bytes. */
export type ReadRequest = { kind: 'pdf' | 'doc' | 'email' | 'page'; bytes: Uint8Array };

/** The thread's answer to one file. */
export type ReadAnswer = { pages: PdfPage[] } | { doc: DocParts } | { email: EmailMessage } | { error: string };

/** Reading a file took too long: another time, on a machine less busy, it may not. */
export class ReadTimeout extends Error {}

let thread: { worker: Worker; port: MessagePort; signal: Int32Array } | null = null;

/** The runs of text of every page of the PDF in `bytes`; throws an Error that says why when it cannot be read. */
export function pdfPages(bytes: Uint8Array): PdfPage[] {
  const answer = read({ kind: 'pdf', bytes }, 'the PDF');
  if (!('pages' in answer)) throw new Error('the PDF reader gave no pages');
  return answer.pages;
}

/** The text of the parts of the Word 97-2003 document in `bytes`; throws an Error that says why when it cannot be read. */
export function wordDocument(bytes: Uint8Array): DocParts {
  const answer = read({ kind: 'doc', bytes }, 'the Word document');
  if (!('doc' in answer)) throw new Error('the Word document reader gave no text');
  return answer.doc;
}

/** The parts of the email message in `bytes` that are read; throws an Error that says why when it cannot be read. */
export function emailMessage(bytes: Uint8Array): EmailMessage {
  const answer = read({ kind: 'email', bytes }, 'the email');
  if (!('email' in answer)) throw new Error('the email reader gave no message');
  return answer.email;
}

/** The parts of the web page saved as one file in `bytes`, without its pictures and other files. */
export function savedPage(bytes: Uint8Array): EmailMessage {
  const answer = read({ kind: 'page', bytes }, 'the saved page');
  if (!('email' in answer)) throw new Error('the saved page reader gave no page');
  return answer.email;
}

function read(request: ReadRequest, what: string): ReadAnswer {
  // The thread starts with the first file and serves every other one; it never keeps the process alive.
  thread ??= startThread();
  const { worker, port, signal } = thread;
  Atomics.store(signal, 0, 0);
  port.postMessage(request);
  if (Atomics.wait(signal, 0, 0, READ_TIMEOUT_MS) === 'timed-out') {
    // A thread stuck in one file is of no use for the next: the next file starts another.
    thread = null;
    void worker.terminate();
    throw new ReadTimeout(`reading ${what} took longer than ${READ_TIMEOUT_MS / 1000} s`);
  }
  const answer = receiveMessageOnPort(port)?.message as ReadAnswer | undefined;
  if (!answer) throw new Error(`the reader of ${what} gave no answer`);
  if ('error' in answer) throw new Error(answer.error);
  return answer;
}

function startThread(): { worker: Worker; port: MessagePort; signal: Int32Array } {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const workerData: ReaderThreadData = { port: port2, signal };
  const bundled = join(__dirname, 'readerWorker.js');
  // Run from source (the tests), the thread registers the same TypeScript loader as this one first.
  const options = { workerData, transferList: [port2] };
  const fromSource = `require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'readerWorker.ts'))});`;
  const worker = existsSync(bundled) ? new Worker(bundled, options) : new Worker(fromSource, { ...options, eval: true });
  worker.unref();
  port1.unref();
  return { worker, port: port1, signal };
}
