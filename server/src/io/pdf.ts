// Reads the runs of text of a PDF's pages while the caller waits: PDF.js reads asynchronously, and the sources'
// loader, which must give a document at once, has it read on a thread of its own and sleeps until the answer is in.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { PdfPage } from '../core/sources/pdf.js';

/** How long reading one PDF may take before it is given up. */
export const PDF_TIMEOUT_MS = 60_000;

/** What the thread is given: where to answer, and a number it sets to 1 and wakes the caller on once it has. */
export interface PdfThreadData {
  port: MessagePort;
  signal: Int32Array;
}

/** Reading a PDF took too long: another time, on a machine less busy, it may not. */
export class PdfTimeout extends Error {}

/** The thread's answer to one PDF. */
export type PdfAnswer = { pages: PdfPage[] } | { error: string };

let thread: { worker: Worker; port: MessagePort; signal: Int32Array } | null = null;

/** The runs of text of every page of the PDF in `bytes`; throws an Error that says why when it cannot be read. */
export function pdfPages(bytes: Uint8Array): PdfPage[] {
  // The thread starts with the first PDF and serves every other one; it never keeps the process alive.
  thread ??= startThread();
  const { worker, port, signal } = thread;
  Atomics.store(signal, 0, 0);
  port.postMessage(bytes);
  if (Atomics.wait(signal, 0, 0, PDF_TIMEOUT_MS) === 'timed-out') {
    // A thread stuck in one PDF is of no use for the next: the next PDF starts another.
    thread = null;
    void worker.terminate();
    throw new PdfTimeout(`reading the PDF took longer than ${PDF_TIMEOUT_MS / 1000} s`);
  }
  const answer = receiveMessageOnPort(port)?.message as PdfAnswer | undefined;
  if (!answer) throw new Error('the PDF reader gave no answer');
  if ('error' in answer) throw new Error(answer.error);
  return answer.pages;
}

function startThread(): { worker: Worker; port: MessagePort; signal: Int32Array } {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const workerData: PdfThreadData = { port: port2, signal };
  const bundled = join(__dirname, 'pdfWorker.js');
  // Run from source (the tests), the thread registers the same TypeScript loader as this one first.
  const options = { workerData, transferList: [port2] };
  const fromSource = `require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'pdfWorker.ts'))});`;
  const worker = existsSync(bundled) ? new Worker(bundled, options) : new Worker(fromSource, { ...options, eval: true });
  worker.unref();
  port1.unref();
  return { worker, port: port1, signal };
}
