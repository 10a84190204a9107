/**
 * Indexes one part of the search index in its own Pagefind process, on a worker thread
 * (src/util/worker-pool.ts): parts can be segmented on several cores at once, and the
 * process, with the part's memory, ends when the part is written (or fails), before the
 * thread takes the next part.
 */
import { readFileSync } from 'node:fs';
import * as pagefind from 'pagefind';
import type { IndexDocument } from './index.ts';

/** Where a part's documents are (JSON: IndexDocument[]) and the folder its index goes to. */
export interface PartTask {
  inputPath: string;
  outputPath: string;
}

export default async function indexPart({ inputPath, outputPath }: PartTask): Promise<void> {
  const documents = JSON.parse(readFileSync(inputPath, 'utf8')) as IndexDocument[];
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (const { url, html } of documents) {
      const added = await index.addHTMLFile({ url, content: html });
      if (added.errors.length) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    // The next createIndex on this thread starts a new process.
    await pagefind.close();
  }
}
