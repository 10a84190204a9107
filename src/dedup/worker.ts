/**
 * A helper thread (see parallel.ts): runs the batches it is given with the same function as
 * the main thread, and hands the typed arrays of its answer over rather than copying them.
 */
import { transferring } from '../util/worker-pool.ts';
import { runBatch, type ReviewBatch, type ReviewResult, type SignBatch } from './review.ts';

export default function helperBatch(batch: SignBatch | ReviewBatch): Uint32Array | ReviewResult {
  const value = runBatch(batch);
  return transferring(value, [(value instanceof Uint32Array ? value.buffer : value.similarities.buffer) as ArrayBuffer]);
}
