/**
 * Indexes one part of the search index in its own Pagefind process: each worker thread
 * loads the `pagefind` package afresh, which starts a service of its own, so two parts
 * are segmented on two cores at once.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';

const { pages, outputPath } = workerData as { pages: { url: string; path: string }[]; outputPath: string };

const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
for (const page of pages) {
  const added = await index.addHTMLFile({ url: page.url, content: readFileSync(page.path, 'utf8') });
  if (added.errors.length) throw new Error(`Pagefind could not index ${page.url}: ${added.errors.join('; ')}`);
}
const written = await index.writeFiles({ outputPath });
if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
await pagefind.close();
parentPort!.postMessage('done');
