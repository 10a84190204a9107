/**
 * The search index is built in parts of about {@link SEARCH_CHUNK_SIZE} announcements, each by
 * its own Pagefind process, and merged in the reader's browser (Pagefind's `mergeIndex`).
 * Pagefind's Chinese segmentation holds about 0.75 MB per indexed page in memory, so one index
 * over 100,000 pages cannot fit a 24 GB machine; parts bound the peak, and a part whose pages
 * did not change is reused from the cache on a rebuild.
 *
 * Announcements are dealt into parts by a hash of their URL, not cut by date: every part is
 * then a sample of the whole site, so the term statistics each part scores with (how rare a
 * word is, how long pages are) match the whole site's, and the merged ranking stays close to
 * one index's. Parts cut by date ranked very differently (see the README's performance section).
 * The number of parts is a power of two, so parts are re-cut only when the site doubles.
 */

/**
 * Announcements per index part. A part is re-indexed whole when one of its announcements
 * changes: at 500 that takes ~5 s, and a part's Pagefind process holds ~0.4 GB. Smaller
 * parts would make a query fetch more files (each part's entry, filters and metadata).
 */
export const SEARCH_CHUNK_SIZE = 500;

/**
 * The part size for this build: `GAZETTE_SEARCH_PART_SIZE` when set (tests use small parts
 * to exercise merging on a small site), else {@link SEARCH_CHUNK_SIZE}.
 */
export function searchPartSize(env: NodeJS.ProcessEnv = process.env): number {
  const size = Number(env.GAZETTE_SEARCH_PART_SIZE);
  return Number.isInteger(size) && size > 0 ? size : SEARCH_CHUNK_SIZE;
}

/** What the planner needs of a searchable page. */
export interface SearchablePage {
  url: string;
}

/** One part of the search index. */
export interface SearchChunk<T extends SearchablePage = SearchablePage> {
  /** Where the part's bundle is served, e.g. `/pagefind/` or `/pagefind/part-1/`. */
  bundlePath: string;
  pages: T[];
}

/** FNV-1a: a fast, stable 32-bit hash, so a page stays in its part from build to build. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Deals searchable pages into index parts: the fewest parts, a power of two, that keep the
 * average part within `size`. Part 0 is the primary bundle at `/pagefind/`. The same pages
 * always give the same parts, whichever order they arrive in.
 *
 * @example planSearchChunks(pages, 500).map((c) => c.bundlePath) // ['/pagefind/', '/pagefind/part-1/', …]
 */
export function planSearchChunks<T extends SearchablePage>(pages: readonly T[], size = SEARCH_CHUNK_SIZE): SearchChunk<T>[] {
  let count = 1;
  while (pages.length > count * size) count *= 2;
  const parts = Array.from({ length: count }, (_, index): SearchChunk<T> => ({ bundlePath: index === 0 ? '/pagefind/' : `/pagefind/part-${index}/`, pages: [] }));
  const ordered = [...pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  for (const page of ordered) parts[hashOf(page.url) % count]!.pages.push(page);
  // The primary bundle always exists (the search page loads it); an empty older part does not.
  return parts.filter((part, index) => index === 0 || part.pages.length > 0);
}

/** The bundle paths the search page merges besides the primary `/pagefind/`. */
export function mergedBundlePaths(chunks: readonly SearchChunk[]): string[] {
  return chunks.map((chunk) => chunk.bundlePath).filter((path) => path !== '/pagefind/');
}
