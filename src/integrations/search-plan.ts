/**
 * Plans the search index from the site's data as the pages have it (search-handoff.ts): the
 * listed announcements cut into parts (src/search-index/parts.ts), each page as the plain
 * fields its document is spelled from on a part's thread (search-part-worker.ts), and every
 * page's sort values, which merging the parts needs.
 */
import { searchablePages, toSearchFields, type SearchFields } from '../lib/search-documents.ts';
import type { SearchableSite } from '../lib/search-handoff.ts';
import { planSearchParts, type SortValues } from '../search-index/index.ts';

export interface SearchPlan {
  parts: SearchFields[][];
  sortValues: [string, SortValues][];
}

export function planSearchIndex({ siteData, timeZone }: SearchableSite, partSize: number): SearchPlan {
  const parts = planSearchParts(searchablePages(siteData), partSize).map((pages) => pages.map(({ announcement }) => toSearchFields(announcement, timeZone)));
  return { parts, sortValues: parts.flat().map((page): [string, SortValues] => [page.url, page.sort]) };
}
