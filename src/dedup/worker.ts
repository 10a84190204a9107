/**
 * A helper thread (see parallel.ts): runs the batches it is sent and answers each one,
 * then counts the answer in the shared signal so a waiting main thread wakes up.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { runBatch, type ReviewBatch, type SignBatch } from './review.ts';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

port.on('message', (batch: SignBatch | ReviewBatch) => {
  try {
    const value = runBatch(batch);
    // The typed arrays move to the main thread instead of being copied.
    const moved = (value instanceof Uint32Array ? value.buffer : value.similarities.buffer) as ArrayBuffer;
    port.postMessage({ ok: true, value }, [moved]);
  } catch (error) {
    port.postMessage({ ok: false, value: String(error) });
  }
  Atomics.add(signal, 1, 1);
  Atomics.notify(signal, 1);
});

Atomics.store(signal, 0, 1);
Atomics.notify(signal, 0);
