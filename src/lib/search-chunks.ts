/**
 * The search index is built in parts of at most {@link SEARCH_CHUNK_SIZE} announcements,
 * each by its own Pagefind process, and merged in the reader's browser (Pagefind's
 * `mergeIndex`). Pagefind's Chinese segmentation holds about 0.75 MB per indexed page in
 * memory, so one index over 100,000 pages cannot fit a 24 GB machine; parts bound the
 * peak, and a part whose pages did not change is reused from the cache on a rebuild.
 *
 * Parts are cut oldest first, so new announcements only ever change the newest part,
 * which is the primary bundle at `/pagefind/`; older parts live at `/pagefind/part-<n>/`.
 */

/**
 * Announcements per index part: ~0.75 GB of Pagefind memory each, and two parts are
 * indexed at once, so search indexing stays near 1.5 GB at any size.
 */
export const SEARCH_CHUNK_SIZE = 1000;

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
  /** ISO 8601 date, for ordering. */
  date: string;
}

/** One part of the search index. */
export interface SearchChunk<T extends SearchablePage = SearchablePage> {
  /** Where the part's bundle is served, e.g. `/pagefind/` or `/pagefind/part-0/`. */
  bundlePath: string;
  pages: T[];
}

/**
 * Splits searchable pages into index parts. The same pages always give the same parts,
 * whichever order they arrive in.
 *
 * @example planSearchChunks(pages).map((c) => c.bundlePath) // ['/pagefind/part-0/', '/pagefind/']
 */
export function planSearchChunks<T extends SearchablePage>(pages: readonly T[], size = SEARCH_CHUNK_SIZE): SearchChunk<T>[] {
  const ordered = [...pages].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const count = Math.max(1, Math.ceil(ordered.length / size));
  return Array.from({ length: count }, (_, index) => ({
    bundlePath: index === count - 1 ? '/pagefind/' : `/pagefind/part-${index}/`,
    pages: ordered.slice(index * size, (index + 1) * size),
  }));
}

/** The bundle paths the search page merges besides the primary `/pagefind/`. */
export function mergedBundlePaths(chunks: readonly SearchChunk[]): string[] {
  return chunks.map((chunk) => chunk.bundlePath).filter((path) => path !== '/pagefind/');
}
