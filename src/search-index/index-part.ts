/**
 * Indexes one part of the search index in a Pagefind process of its own. Pagefind's Node API
 * keeps one process per module instance, so parts are indexed side by side from worker threads,
 * and the process, with the part's memory, ends when the part is written (or fails).
 */
import * as pagefind from 'pagefind';
import type { IndexDocument } from './index.ts';

/**
 * Writes the Pagefind bundle of `documents` to `outputPath`.
 *
 * @throws naming the page, when Pagefind cannot start, index a page or write the bundle
 */
export async function indexPart(documents: readonly IndexDocument[], outputPath: string): Promise<void> {
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
