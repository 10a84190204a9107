/**
 * A worker thread that renders announcement bodies with Gazette's remark/rehype pipeline
 * into the body cache. Markdown rendering is most of a cold build's CPU time and each
 * document is independent, so the loader spreads it over the machine's cores.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BodyCache } from '../lib/body-cache.ts';
import { createMarkdownRenderer } from '../lib/markdown/render.ts';
import { renderBatch, type BodyToRender } from './render-pool.ts';

const cache = new BodyCache((workerData as { cacheDir: string }).cacheDir);
const render = createMarkdownRenderer();

parentPort!.on('message', async (items: BodyToRender[]) => {
  await renderBatch(items, cache, render);
  parentPort!.postMessage('done');
});
