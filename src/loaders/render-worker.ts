/**
 * A worker thread (src/util/worker-pool.ts) that renders announcement bodies with Gazette's
 * remark/rehype pipeline into the body cache. Markdown rendering is most of a cold build's
 * CPU time and each document is independent, so the loader spreads it over the machine's cores.
 */
import { BodyCache } from '../lib/body-cache.ts';
import { createMarkdownRenderer } from '../lib/markdown/render.ts';
import { renderBatch, type BodyToRender } from './render-pool.ts';

/** One batch: the bodies, and the cache folder their results go to. */
export interface RenderTask {
  cacheDir: string;
  items: BodyToRender[];
}

// One renderer per thread, kept from batch to batch.
const render = createMarkdownRenderer();
const caches = new Map<string, BodyCache>();

export default async function renderTask({ cacheDir, items }: RenderTask): Promise<void> {
  let cache = caches.get(cacheDir);
  if (!cache) caches.set(cacheDir, (cache = new BodyCache(cacheDir)));
  await renderBatch(items, cache, render);
}
