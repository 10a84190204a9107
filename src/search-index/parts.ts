/**
 * Pagefind holds about 0.7 MB per indexed page in memory while it segments Chinese, so one
 * Pagefind process over 100,000 pages cannot fit a 24 GB machine. The search index is
 * therefore built in parts of about {@link SEARCH_PART_SIZE} announcements, each by its own
 * Pagefind process, and the parts are merged into one index afterwards (search-merge.ts): the
 * peak stays bounded, a part whose pages did not change is reused from the cache on a rebuild,
 * and readers search one index, ranked with the whole site's statistics.
 *
 * Announcements are dealt into parts by a hash of their URL, so adding one changes one part;
 * the number of parts is a power of two, so parts are re-cut only when the site doubles.
 */

/**
 * Announcements per index part. A part is re-indexed whole when one of its announcements
 * changes, and a part's Pagefind process holds ~0.7 MB per page beside the build's own memory.
 * At 10,000 announcements, parts of 250 built in a third less memory than parts of 500 and
 * no slower (Pagefind's time per page grows with the part); parts of 125 saved less memory
 * for more processes.
 */
export const SEARCH_PART_SIZE = 250;

/**
 * The part size for this build: `GAZETTE_SEARCH_PART_SIZE` when set (tests use small parts
 * to exercise the merge on a small site), else {@link SEARCH_PART_SIZE}.
 */
export function searchPartSize(env: NodeJS.ProcessEnv = process.env): number {
  const size = Number(env.GAZETTE_SEARCH_PART_SIZE);
  return Number.isInteger(size) && size > 0 ? size : SEARCH_PART_SIZE;
}

/** What the planner needs of a searchable page. */
export interface SearchablePage {
  url: string;
}

/** FNV-1a: a fast, stable 32-bit hash, so a page stays in its part from build to build. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Deals searchable pages into index parts: the fewest parts, a power of two, that keep the
 * average part within `size`, each part's pages in URL order. The same pages always give
 * the same parts, whichever order they arrive in. Empty parts are left out, except the first:
 * an empty site still gets an (empty) index.
 *
 * @example planSearchParts(pages, 500).length // 16 for 6,200 pages
 */
export function planSearchParts<T extends SearchablePage>(pages: readonly T[], size = SEARCH_PART_SIZE): T[][] {
  let count = 1;
  while (pages.length > count * size) count *= 2;
  const parts = Array.from({ length: count }, (): T[] => []);
  const ordered = [...pages].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  for (const page of ordered) parts[hashOf(page.url) % count]!.push(page);
  return parts.filter((part, index) => index === 0 || part.length > 0);
}
