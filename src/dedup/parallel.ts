/**
 * Helper threads for the batches of review.ts, driven synchronously: clusterAnnouncements
 * is a plain function that the site build calls, so the main thread never yields to the
 * event loop. It works through the batches itself and, between batches, hands the next one
 * to any helper that is idle, collecting answers with receiveMessageOnPort. Results are
 * placed by batch number, and a batch gives the same answer wherever it runs, so the
 * outcome never depends on how many helpers there are or how fast they were.
 *
 * A helper that cannot start (no worker_threads, the worker file missing from a bundle)
 * is simply never ready and the main thread does all the work; a helper that fails or
 * stalls on a batch has that batch done again by the main thread.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** A helper that has not answered a batch in this long is given up on (the batches take well under a second). */
const PATIENCE_MS = 60_000;

/** One helper thread and the state of its current batch. */
export interface Helper {
  worker: Worker;
  port: MessagePort;
  /** [0]: 1 once the helper is listening; [1]: answers it has sent. */
  signal: Int32Array;
  answered: number;
  /** The batch it is working on, or −1. */
  pending: number;
  since: number;
  broken: boolean;
}

/**
 * Starts up to `count` helper threads. They load in the background; each takes batches
 * once it is ready, so a slow start costs nothing.
 */
export function startHelpers(count: number): Helper[] {
  const helpers: Helper[] = [];
  for (let n = 0; n < count; n++) {
    try {
      const { port1, port2 } = new MessageChannel();
      const signal = new Int32Array(new SharedArrayBuffer(8));
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { port: port2, signal }, transferList: [port2] });
      // A helper that fails to load is simply never ready; its error must not end the process.
      worker.on('error', () => {});
      worker.unref();
      helpers.push({ worker, port: port1, signal, answered: 0, pending: -1, since: 0, broken: false });
    } catch {
      break;
    }
  }
  return helpers;
}

/** Ends the helpers (they hold no state worth waiting for). */
export function stopHelpers(helpers: readonly Helper[]): void {
  for (const helper of helpers) {
    helper.port.close();
    void helper.worker.terminate();
  }
}

/**
 * Runs `count` batches, on the main thread and on whichever helpers are ready, and returns
 * the results in batch order.
 *
 * @param count how many batches
 * @param makeBatch builds batch `index` (the same object for either thread: texts included)
 * @param run what a batch computes; the helpers run the same function (worker.ts)
 * @param helpers from {@link startHelpers}; may be empty
 */
export function runBatches<B, R>(count: number, makeBatch: (index: number) => B, run: (batch: B) => R, helpers: readonly Helper[]): R[] {
  const results = new Array<R>(count);
  let next = 0;
  const giveUp = (helper: Helper) => {
    helper.broken = true;
    const index = helper.pending;
    helper.pending = -1;
    results[index] = run(makeBatch(index));
  };
  const collect = (helper: Helper) => {
    const received = receiveMessageOnPort(helper.port) as { message: { ok: boolean; value: R } } | undefined;
    if (!received) return;
    helper.answered++;
    if (!received.message.ok) return giveUp(helper);
    results[helper.pending] = received.message.value;
    helper.pending = -1;
  };
  for (;;) {
    for (const helper of helpers) {
      if (helper.broken) continue;
      if (helper.pending >= 0) collect(helper);
      if (helper.pending < 0 && next < count && Atomics.load(helper.signal, 0) === 1) {
        helper.pending = next++;
        helper.since = performance.now();
        helper.port.postMessage(makeBatch(helper.pending));
      }
    }
    if (next < count) {
      const index = next++;
      results[index] = run(makeBatch(index));
      continue;
    }
    // Nothing left to start: wait for the helpers' last batches.
    const busy = helpers.find((helper) => helper.pending >= 0 && !helper.broken);
    if (!busy) break;
    Atomics.wait(busy.signal, 1, busy.answered, 100);
    if (Atomics.load(busy.signal, 1) === busy.answered && performance.now() - busy.since > PATIENCE_MS) giveUp(busy);
  }
  return results;
}
