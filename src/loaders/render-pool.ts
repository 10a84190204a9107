import { availableParallelism } from 'node:os';
import { BodyCache } from '../lib/body-cache.ts';
import { createMarkdownRenderer } from '../lib/markdown/render.ts';
import { withWorkerPool } from '../util/worker-pool.ts';
import type { RenderTask } from './render-worker.ts';

/** Below this many bodies, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 64;
const BATCH = 50;

/** A body to render and the digest to cache it under. */
export interface BodyToRender {
  digest: string;
  body: string;
}

/**
 * Renders one batch and writes each result into the cache.
 *
 * @throws naming the digest of the body that could not be rendered
 */
export async function renderBatch(items: readonly BodyToRender[], cache: BodyCache, render: ReturnType<typeof createMarkdownRenderer>): Promise<void> {
  for (const { digest, body } of items) {
    let rendered;
    try {
      rendered = await render(body);
    } catch (error) {
      throw new Error(`the body cached as ${digest} could not be rendered: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    cache.write(digest, { body, ...rendered });
  }
}

/**
 * Renders Markdown bodies into the body cache: on worker threads (one per core) when there
 * are many, in this thread when there are few. Workers write their results themselves, so
 * no rendered HTML travels back to this thread.
 *
 * @throws when a body cannot be rendered or a worker fails, naming the batch and the body's digest
 */
export async function renderIntoCache(items: readonly BodyToRender[], cacheDir: string): Promise<void> {
  const threads = Math.min(availableParallelism(), Math.ceil(items.length / BATCH));
  if (items.length < WORKER_THRESHOLD || threads < 2) {
    await renderBatch(items, new BodyCache(cacheDir), createMarkdownRenderer());
    return;
  }
  const batches: RenderTask[] = [];
  for (let start = 0; start < items.length; start += BATCH) batches.push({ cacheDir, items: items.slice(start, start + BATCH) });
  await withWorkerPool<RenderTask, void, void[]>({ file: new URL('./render-worker.ts', import.meta.url), threads, eager: true }, (pool) =>
    Promise.all(batches.map((batch, n) => pool.run(`rendering bodies ${n * BATCH + 1}–${n * BATCH + batch.items.length} of ${items.length}`, batch))),
  );
}
