/**
 * Gazette's search index, built in parts and merged into one: a library over Pagefind 1.6,
 * independent of the site. The site gives it documents (a URL and the HTML to index); it
 * plans the parts, indexes each in its own Pagefind process and merges them.
 */
export { planSearchParts, searchPartSize, SEARCH_PART_SIZE, type SearchablePage } from './parts.ts';
export { indexPart } from './index-part.ts';
export { mergeSearchBundles, type MergeSearchOptions, type SortValues } from './merge.ts';

/** One page to index: its URL as results show it, and a whole HTML document. */
export interface IndexDocument {
  url: string;
  html: string;
}
