/**
 * Indexes one part of the search index on a worker thread (src/util/worker-pool.ts): spells the
 * part's documents (src/lib/search-documents.ts), and indexes them unless the cache holds a
 * part with the same documents. The spelling's strings live and die with the thread, away from
 * the build's main thread, whose memory Astro keeps until the build ends.
 */
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { toIndexDocument, type SearchFields } from '../lib/search-documents.ts';
import { indexPart } from '../search-index/index.ts';

export interface SearchPartTask {
  pages: SearchFields[];
  /** The search cache: each part's bundle in a folder named by the digest of its documents. */
  cacheRoot: string;
}

/** The part's folder in the cache (the digest of its documents), and whether an earlier build had indexed it. */
export interface IndexedPart {
  key: string;
  cached: boolean;
}

export default async function indexSearchPart({ pages, cacheRoot }: SearchPartTask): Promise<IndexedPart> {
  const documents = pages.map(toIndexDocument);
  const hash = createHash('sha256');
  for (const document of documents) hash.update(`${document.url}\n${document.html}\n`);
  const key = hash.digest('hex').slice(0, 24);
  const folder = join(cacheRoot, key);
  if (existsSync(folder)) return { key, cached: true };
  const partial = `${folder}.partial`;
  rmSync(partial, { recursive: true, force: true });
  await indexPart(documents, partial);
  renameSync(partial, folder);
  return { key, cached: false };
}
