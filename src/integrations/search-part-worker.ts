/**
 * Indexes one part of the search index on a worker thread (src/util/worker-pool.ts): spells the
 * part's pages (src/lib/search-documents.ts) and writes their bundle (src/search-index/
 * write-part.ts) unless the cache holds a part with the same pages, written by the same code.
 * The part's words live and die with the thread, away from the build's main thread, whose
 * memory Astro keeps until the build ends.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { toIndexPage, type SearchFields } from '../lib/search-documents.ts';
import { INDEX_LANGUAGE } from '../lib/search-spelling.ts';
import { writeIndexPart, type BundleFormat } from '../search-index/index.ts';

export interface SearchPartTask {
  pages: SearchFields[];
  /** The search cache: each part's bundle in a folder named by its key. */
  cacheRoot: string;
  format: BundleFormat;
}

/** The part's folder in the cache (its key), and whether an earlier build had indexed it. */
export interface IndexedPart {
  key: string;
  cached: boolean;
}

/** The code that turns pages' fields into a part: this module, the spelling and the index writer. */
const WRITING_CODE = [
  new URL('./search-part-worker.ts', import.meta.url),
  new URL('../lib/search-documents.ts', import.meta.url),
  new URL('../lib/search-spelling.ts', import.meta.url),
  ...readdirSync(new URL('../search-index/', import.meta.url), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => new URL(`../search-index/${file}`, import.meta.url)),
];

let codeDigest: string | undefined;

/** A digest of the writing code's source: a change to how pages are spelled or written is a change of every part's key. */
function writingCodeDigest(): string {
  if (codeDigest === undefined) {
    const hash = createHash('sha256');
    for (const file of WRITING_CODE) hash.update(readFileSync(file));
    codeDigest = hash.digest('hex');
  }
  return codeDigest;
}

export default function indexSearchPart({ pages, cacheRoot, format }: SearchPartTask): IndexedPart {
  const key = createHash('sha256').update(`${writingCodeDigest()}\n${JSON.stringify(format)}\n${JSON.stringify(pages)}`).digest('hex').slice(0, 24);
  const folder = join(cacheRoot, key);
  if (existsSync(folder)) return { key, cached: true };
  const partial = `${folder}.partial`;
  rmSync(partial, { recursive: true, force: true });
  writeIndexPart(pages.map(toIndexPage), partial, { format, language: INDEX_LANGUAGE });
  renameSync(partial, folder);
  return { key, cached: false };
}
