/** The search index parts the search page merges (see src/lib/search-chunks.ts). */
import { mergedBundlePaths, planSearchChunks, searchPartSize } from '../lib/search-chunks.ts';
import { searchablePages } from '../lib/search-documents.ts';
import { siteData } from './announcements.ts';

/** Bundle paths of the older index parts, merged into the primary `/pagefind/` at query time. */
export const mergedSearchBundles = mergedBundlePaths(planSearchChunks(searchablePages(siteData), searchPartSize()));
