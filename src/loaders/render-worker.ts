/**
 * A worker thread that renders announcement bodies with Gazette's remark/rehype pipeline.
 * Markdown rendering is most of a cold build's CPU time and each document is independent,
 * so the loader spreads it over the machine's cores.
 */
import { parentPort } from 'node:worker_threads';
import { createMarkdownRenderer, type RenderedBody } from '../lib/markdown/render.ts';

const renderer = await createMarkdownRenderer();

parentPort!.on('message', async (message: { id: number; bodies: string[] }) => {
  const results: RenderedBody[] = [];
  for (const body of message.bodies) results.push(await renderer(body));
  parentPort!.postMessage({ id: message.id, results });
});
