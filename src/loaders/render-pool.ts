import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createMarkdownRenderer, type RenderedBody } from '../lib/markdown/render.ts';

/** Below this many bodies, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 64;
const BATCH = 50;

/**
 * Renders Markdown bodies, in order, on worker threads (one per core) when there are
 * many, in this thread when there are few.
 */
export async function renderBodies(bodies: readonly string[]): Promise<RenderedBody[]> {
  const threads = Math.min(availableParallelism(), Math.ceil(bodies.length / BATCH));
  if (bodies.length < WORKER_THRESHOLD || threads < 2) {
    const render = await createMarkdownRenderer();
    const results: RenderedBody[] = [];
    for (const body of bodies) results.push(await render(body));
    return results;
  }
  const results = new Array<RenderedBody>(bodies.length);
  const workers = Array.from({ length: threads }, () => new Worker(new URL('./render-worker.ts', import.meta.url)));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= bodies.length) return resolve();
              const start = next;
              next += BATCH;
              worker.postMessage({ id: start, bodies: bodies.slice(start, start + BATCH) });
            };
            worker.on('message', (message: { id: number; results: RenderedBody[] }) => {
              message.results.forEach((result, offset) => (results[message.id + offset] = result));
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`render worker exited with code ${code}`))));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
