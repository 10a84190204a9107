/**
 * Indexes one part of the search index in its own Pagefind process: each worker thread
 * loads the `pagefind` package afresh, which starts a service of its own, so parts can be
 * segmented on several cores at once, and a part's memory is freed when it ends.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import type { IndexDocument } from './index.ts';

const { inputPath, outputPath } = workerData as { inputPath: string; outputPath: string };
const documents = JSON.parse(readFileSync(inputPath, 'utf8')) as IndexDocument[];

const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
for (const { url, html } of documents) {
  const added = await index.addHTMLFile({ url, content: html });
  if (added.errors.length) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
}
const written = await index.writeFiles({ outputPath });
if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
await pagefind.close();
parentPort!.postMessage('done');
