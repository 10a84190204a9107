/**
 * Helper threads for the batches of review.ts (src/util/worker-pool.ts). The main thread
 * works through the batches too, and between two of its own it lets the helpers' answers in;
 * each helper takes the next batch as soon as it has answered one. Results are placed by
 * batch number, and a batch gives the same answer wherever it runs, so the outcome never
 * depends on how many helpers there are or how fast they were.
 *
 * The helpers' module is found in the source tree even when this module was bundled (the
 * site's data module runs from a chunk Vite wrote, where `./worker.ts` is not beside it);
 * where it is found nowhere, there are no helpers and the main thread does all the work.
 */
import { findWorkerFile, WorkerPool } from '../util/worker-pool.ts';
import type { ReviewBatch, ReviewResult, SignBatch } from './review.ts';

/** The helpers' pool: what a batch is and what it answers. */
export type Helpers = WorkerPool<SignBatch | ReviewBatch, Uint32Array | ReviewResult>;

/**
 * Starts `count` helper threads, or none when `count` is 0 or their module cannot be found.
 * They load in the background while the main thread starts on the first batches.
 */
export function startHelpers(count: number): Helpers | undefined {
  if (count < 1) return undefined;
  const file = findWorkerFile(import.meta.url, './worker.ts', 'src/dedup/worker.ts');
  return file ? new WorkerPool({ file, threads: count, eager: true }) : undefined;
}

/**
 * Runs `count` batches, on the main thread and on the helpers, and returns the results in
 * batch order.
 *
 * @param count how many batches
 * @param makeBatch builds batch `index` (the same object for either thread: texts included)
 * @param run what a batch computes; the helpers run the same function (worker.ts)
 * @param helpers from {@link startHelpers}; undefined: the main thread alone
 * @param label names batch `index` in errors
 * @throws when a batch fails, on either thread, naming it
 */
export async function runBatches<B extends SignBatch | ReviewBatch, R extends Uint32Array | ReviewResult>(
  count: number,
  makeBatch: (index: number) => B,
  run: (batch: B) => R,
  helpers: Helpers | undefined,
  label: (index: number) => string,
): Promise<R[]> {
  const results = new Array<R>(count);
  let next = 0;
  let failed = false;
  const onMainThread = async () => {
    while (next < count && !failed) {
      const index = next++;
      try {
        results[index] = run(makeBatch(index));
      } catch (error) {
        throw new Error(`${label(index)}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      // Lets the helpers' answers in, so each gets its next batch without waiting for this thread.
      if (helpers) await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const onHelper = async (pool: Helpers) => {
    while (next < count && !failed) {
      const index = next++;
      results[index] = (await pool.run(label(index), makeBatch(index))) as R;
    }
  };
  const lanes = [onMainThread(), ...Array.from({ length: helpers?.threads ?? 0 }, () => onHelper(helpers!))];
  try {
    await Promise.all(lanes);
  } catch (error) {
    // The other lanes stop at their next batch; wait for them, so none runs on after this returns.
    failed = true;
    await Promise.allSettled(lanes);
    throw error;
  }
  return results;
}

