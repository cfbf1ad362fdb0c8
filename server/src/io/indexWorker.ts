// The worker thread that prepares batches of sources for the index: it answers each BatchTask message with its
// BatchResult, handing the typed arrays over instead of copying them.
import { parentPort } from 'node:worker_threads';
import { runBatch, type BatchTask } from './batch.js';

parentPort?.on('message', (task: BatchTask) => {
  runBatch(task).then(
    (result) => {
      const { batch } = result.stored;
      const transfer = [...batch.ids, ...batch.marks, batch.segment.bases, batch.segment.bucketStarts, batch.segment.places].map(
        (array) => array.buffer as ArrayBuffer,
      );
      parentPort!.postMessage({ result }, transfer);
    },
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
});
