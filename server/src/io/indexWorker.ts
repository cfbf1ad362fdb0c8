// The worker thread that prepares batches of sources for the index: it is given every task at once and takes its next
// one from a counter shared by all threads, answering each with its BatchResult and handing the typed arrays over
// instead of copying them.
import { parentPort } from 'node:worker_threads';
import { runBatch, type WorkerJob, type WorkerMessage } from './batch.js';

// Listening keeps the thread alive once its work is done, until the indexer, having every result, stops it.
parentPort?.on('message', (job: WorkerJob) => work(job));

function work({ tasks, order, next }: WorkerJob): void {
  const counter = new Int32Array(next);
  for (let k = Atomics.add(counter, 0, 1); k < order.length; k = Atomics.add(counter, 0, 1)) {
    const n = order[k];
    let message: WorkerMessage;
    let transfer: ArrayBuffer[] = [];
    try {
      const result = runBatch(tasks[n]);
      const { batch } = result.stored;
      const { bases, bucketStarts, places } = batch.segment;
      // The indexer asks a worker for places in memory: a file this thread opened closes when the thread ends.
      if (!(places instanceof Uint32Array)) throw new Error('an indexing thread cannot leave places on disk');
      const arrays = [batch.hashes, batch.counts, ...batch.ids, ...batch.marks, bases, bucketStarts, places];
      // Arrays read from a stored batch share the file's buffer: each buffer is handed over once.
      transfer = [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];
      message = { n, result };
    } catch (error) {
      message = { n, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(message, transfer);
    if (message.error) return;
  }
}
