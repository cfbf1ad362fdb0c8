// The worker thread that prepares batches of sources for the index: it says when it is ready, then answers each
// BatchTask message with its BatchResult, handing the typed arrays over instead of copying them.
import { parentPort } from 'node:worker_threads';
import { runBatch, type BatchTask } from './batch.js';

parentPort?.on('message', (task: BatchTask) => {
  runBatch(task).then(
    (result) => {
      const { batch } = result.stored;
      const { bases, bucketStarts, places } = batch.segment;
      // The indexer asks a worker for places in memory: a file this thread opened closes when the thread ends.
      if (!(places instanceof Uint32Array)) {
        parentPort!.postMessage({ error: 'an indexing thread cannot leave places on disk' });
        return;
      }
      const arrays = [batch.hashes, batch.counts, ...batch.ids, ...batch.marks, bases, bucketStarts, places];
      // Arrays read from a stored batch share the file's buffer: each buffer is handed over once.
      parentPort!.postMessage({ result }, [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))]);
    },
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});

// Loading this thread's code takes a while; until it says so, the batches go to threads that are ready.
parentPort?.postMessage({ ready: true });
