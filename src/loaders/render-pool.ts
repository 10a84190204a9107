import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BodyCache } from '../lib/body-cache.ts';
import { createMarkdownRenderer } from '../lib/markdown/render.ts';

/** Below this many bodies, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 64;
const BATCH = 50;

/** A body to render and the digest to cache it under. */
export interface BodyToRender {
  digest: string;
  body: string;
}

/** Renders one batch and writes each result into the cache. */
export async function renderBatch(items: readonly BodyToRender[], cache: BodyCache, render: ReturnType<typeof createMarkdownRenderer>): Promise<void> {
  for (const { digest, body } of items) {
    cache.write(digest, { body, ...(await render(body)) });
  }
}

/**
 * Renders Markdown bodies into the body cache: on worker threads (one per core) when there
 * are many, in this thread when there are few. Workers write their results themselves, so
 * no rendered HTML travels back to this thread.
 */
export async function renderIntoCache(items: readonly BodyToRender[], cacheDir: string): Promise<void> {
  const threads = Math.min(availableParallelism(), Math.ceil(items.length / BATCH));
  if (items.length < WORKER_THRESHOLD || threads < 2) {
    await renderBatch(items, new BodyCache(cacheDir), createMarkdownRenderer());
    return;
  }
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: { cacheDir } }));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= items.length) return resolve();
              const start = next;
              next += BATCH;
              worker.postMessage(items.slice(start, start + BATCH));
            };
            worker.on('message', send);
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`render worker exited with code ${code}`))));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
