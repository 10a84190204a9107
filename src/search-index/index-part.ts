/**
 * Indexes one part of the search index in a Pagefind process of its own. Pagefind's Node API
 * keeps one process per module instance, so parts are indexed side by side from worker threads,
 * and the process, with the part's memory, ends when the part is written (or fails).
 */
import * as pagefind from 'pagefind';
import type { IndexDocument } from './index.ts';

export interface IndexPartOptions {
  /**
   * The size at which Pagefind closes a word-index chunk (see merge/words.ts), for a bundle
   * that is not merged afterwards: Pagefind reads it from `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`
   * when its process starts. Default: Pagefind's (20,000, or that variable when set).
   */
  indexChunkSize?: number;
}

/**
 * Writes the Pagefind bundle of `documents` to `outputPath`.
 *
 * @throws naming the page, when Pagefind cannot start, index a page or write the bundle
 */
export async function indexPart(documents: readonly IndexDocument[], outputPath: string, { indexChunkSize }: IndexPartOptions = {}): Promise<void> {
  try {
    const { index, errors } = await startPagefind(indexChunkSize);
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

/** A Pagefind session in a process of its own, started with `indexChunkSize` in its environment. */
async function startPagefind(indexChunkSize: number | undefined): ReturnType<typeof pagefind.createIndex> {
  await pagefind.close();
  const previous = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  if (indexChunkSize !== undefined) process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(indexChunkSize);
  try {
    // The first call starts the process, which reads the variable from this thread's environment.
    return await pagefind.createIndex({});
  } finally {
    if (previous === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = previous;
  }
}
