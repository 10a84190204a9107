/**
 * Indexes one part of the search index on a worker thread (src/util/worker-pool.ts): spells the
 * part's pages (src/lib/search-documents.ts) and writes their bundle (src/search-index/
 * write-part.ts) unless the cache holds a part with the same pages. The spelling's strings
 * live and die with the thread, away from the build's main thread, whose memory Astro keeps
 * until the build ends.
 */
import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { toIndexPage, type SearchFields } from '../lib/search-documents.ts';
import { INDEX_LANGUAGE } from '../lib/search-spelling.ts';
import { writeIndexPart, type BundleFormat } from '../search-index/index.ts';

/** Part of each part's cache key: raise it when src/search-index/write-part.ts changes what it writes. */
const PART_FORMAT = 1;

export interface SearchPartTask {
  pages: SearchFields[];
  /** The search cache: each part's bundle in a folder named by the digest of its pages. */
  cacheRoot: string;
  format: BundleFormat;
}

/** The part's folder in the cache (the digest of its pages), and whether an earlier build had indexed it. */
export interface IndexedPart {
  key: string;
  cached: boolean;
}

export default function indexSearchPart({ pages, cacheRoot, format }: SearchPartTask): IndexedPart {
  const indexPages = pages.map(toIndexPage);
  const hash = createHash('sha256').update(`${PART_FORMAT}\n${JSON.stringify(format)}\n`);
  for (const page of indexPages) hash.update(`${JSON.stringify(page)}\n`);
  const key = hash.digest('hex').slice(0, 24);
  const folder = join(cacheRoot, key);
  if (existsSync(folder)) return { key, cached: true };
  const partial = `${folder}.partial`;
  rmSync(partial, { recursive: true, force: true });
  writeIndexPart(indexPages, partial, { format, language: INDEX_LANGUAGE });
  renameSync(partial, folder);
  return { key, cached: false };
}
