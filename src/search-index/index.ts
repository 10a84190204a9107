/**
 * Gazette's search index, in Pagefind 1.6's format and read by Pagefind's browser runtime: a
 * library independent of the site. The site gives it pages whose text is already in the
 * words to index; it plans the parts, writes each (write-part.ts), merges them into one index
 * (merge.ts), and gives Pagefind's runtime files to serve beside it (runtime.ts).
 */
export { planSearchParts, searchPartSize, SEARCH_PART_SIZE, type SearchablePage } from './parts.ts';
export { writeIndexPart, INDEX_CHUNK_SIZE, type BundleFormat, type IndexPage } from './write-part.ts';
export { writeRuntime } from './runtime.ts';
export { addText, indexedWords, type WordSink } from './page-words.ts';
export { mergeSearchBundles, type MergeSearchOptions, type SortValues } from './merge.ts';
