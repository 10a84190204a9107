/**
 * Merges Pagefind 1.6 bundles (write-part.ts writes them as a `createIndex()` session would)
 * into the index one session would write for all their pages added part after part: the same
 * pages, words, filters, sorts and metadata, so the same results and the same scores (BM25
 * weighs a word by statistics over the whole index: the page count, how many pages hold the
 * word, the average page length, which per-part bundles merged in the browser keep apart).
 * Files carry the names Pagefind would give them, so the merged index's files (unpacked)
 * are those of that single session's bundle, byte for byte. Pagefind's runtime files are not
 * part of it: runtime.ts gives them.
 *
 * The merge streams: word-index chunks are merged a chunk per part at a time and written as
 * they fill; fragments (one per page, untouched) are linked, not copied, and read only for
 * the URLs of pages with sort values and to rename the rare fragments whose names collide.
 * Compression, links and those reads run on worker threads (search-merge/output-workers.ts)
 * while this thread merges the words. Memory grows with the page count (names, URLs and
 * sort values of pages), not with the size of the word index.
 *
 * Format: `pagefind-entry.json` names each language's `pagefind.<hash>.pf_meta`; that and the
 * `index/`, `filter/` and `fragment/` files are gzip around `pagefind_dcd` and CBOR (fragments:
 * JSON). Pagefind's sources (pagefind/src/index, pagefind/src/output) describe how it writes them:
 *
 *   pf_meta      [version, [[fragment name, word count, ""] per page], [[from, to, chunk] per chunk],
 *                 [[filter, file] …], [[sort key, [page, …]] …], [meta field, …]]
 *   pf_index     [[[word, [[page delta, locations, meta locations] …], [[variant, pages] …]] …]]
 *                 locations: -(weight + 1) then an absolute position, else deltas
 *   pf_filter    [filter, [[value, [page, …]] …]]
 *   pf_fragment  {"url", "content", "word_count", "filters", "meta", "anchors"} as JSON
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PAGEFIND_HEADER,
  readEntry,
  readFilter,
  readFragmentUrl,
  readMeta,
  readPacked,
  type Entry,
  type EntryLanguage,
  type Meta,
  type MetaChunk,
} from './merge/bundle.ts';
import { CborWriter } from './merge/cbor.ts';
import { baseFragmentName, ChunkNames, collidingFragmentNames, metaName, pagefindFullHash, trimChunkBounds } from './merge/naming.ts';
import { compareCodePoints, sortPages } from './merge/order.ts';
import { OutputWorkers } from './merge/output-workers.ts';
import { mergeWords, PartWords } from './merge/words.ts';
import { INDEX_CHUNK_SIZE } from './write-part.ts';

/** A page's `data-pagefind-sort` values, by sort key. */
export interface SortValues {
  [sortKey: string]: string;
}

export interface MergeSearchOptions {
  /**
   * A page's sort values, by its URL as its fragment holds it. Pagefind keeps a sort only as
   * each part's page order, and a page's fragment holds no sort value, so parts can only be
   * interleaved with the values themselves. Needed when the parts have sorts; each part's
   * order is checked against the values given.
   */
  sortValuesOf?: (url: string) => SortValues | undefined;
  /**
   * The size at which Pagefind closes a word-index chunk (counted in locations; see
   * words.ts): by default the parts' (write-part.ts).
   */
  indexChunkSize?: number;
}

export interface MergeSearchResult {
  /** Pages in the merged bundle, over all languages. */
  pageCount: number;
}

/**
 * Merges the Pagefind bundles in `partDirs` (each a folder writeIndexPart, or Pagefind's
 * `writeFiles`, wrote) into one at `outputDir`, which must be missing or empty. Pages are
 * numbered part after part, in the order of `partDirs`. Throws, naming the file, when a part
 * is not a Pagefind 1.6 bundle, when parts differ in version or options, or when one page is
 * in two parts.
 *
 * @example await mergeSearchBundles(['cache/a', 'cache/b'], 'dist/pagefind', { sortValuesOf: (url) => ({ date: dates.get(url)! }) })
 */
export async function mergeSearchBundles(partDirs: readonly string[], outputDir: string, options: MergeSearchOptions = {}): Promise<MergeSearchResult> {
  if (partDirs.length === 0) throw new Error('no Pagefind bundles to merge');
  if (existsSync(outputDir) && readdirSync(outputDir).length > 0) throw new Error(`${outputDir}: the merged bundle's folder must be empty`);
  const entries = partDirs.map(readEntry);
  const first = entries[0]!;
  entries.forEach((entry, part) => {
    const file = join(partDirs[part]!, 'pagefind-entry.json');
    if (entry.version !== first.version) throw new Error(`${file}: Pagefind version ${entry.version}, where ${partDirs[0]} has ${first.version}`);
    if (JSON.stringify(entry.include_characters) !== JSON.stringify(first.include_characters)) {
      throw new Error(`${file}: indexed with other include_characters than ${partDirs[0]}`);
    }
  });
  const chunkSize = options.indexChunkSize ?? INDEX_CHUNK_SIZE;
  mkdirSync(join(outputDir, 'fragment'), { recursive: true });
  mkdirSync(join(outputDir, 'index'), { recursive: true });
  mkdirSync(join(outputDir, 'filter'), { recursive: true });

  const output = new OutputWorkers();
  let languages: { merged: Record<string, EntryLanguage>; pageCount: number };
  try {
    languages = await mergeLanguages(partDirs, entries, outputDir, chunkSize, options, output);
  } catch (error) {
    await output.close().catch(() => undefined);
    throw error;
  }
  // Every file is written, or the first failure thrown, before the entry names them.
  await output.close();

  const entry: Entry = { ...first, languages: languages.merged };
  writeFileSync(join(outputDir, 'pagefind-entry.json'), JSON.stringify(entry));
  return { pageCount: languages.pageCount };
}

/** Merges each language's index over the parts that have it (Pagefind indexes languages apart). */
async function mergeLanguages(
  partDirs: readonly string[],
  entries: readonly Entry[],
  outputDir: string,
  chunkSize: number,
  options: MergeSearchOptions,
  output: OutputWorkers,
): Promise<{ merged: Record<string, EntryLanguage>; pageCount: number }> {
  const languages = [...new Set(entries.flatMap((entry) => Object.keys(entry.languages)))].sort(compareCodePoints);
  const merged: Record<string, EntryLanguage> = {};
  let pageCount = 0;
  for (const language of languages) {
    const parts = partDirs.flatMap((dir, part) => {
      const described = entries[part]!.languages[language];
      return described ? [{ dir, part, described }] : [];
    });
    const wasm = parts[0]!.described.wasm;
    for (const { dir, described } of parts) {
      if (described.wasm !== wasm) throw new Error(`${join(dir, 'pagefind-entry.json')}: language ${language} has another wasm than in ${parts[0]!.dir}`);
    }
    const result = await mergeLanguage(language, parts, outputDir, entries[0]!.version, chunkSize, options, output);
    merged[language] = { hash: result.hash, wasm, page_count: result.pageCount };
    pageCount += result.pageCount;
  }
  return { merged, pageCount };
}

interface LanguagePart {
  dir: string;
  part: number;
  described: EntryLanguage;
}

async function mergeLanguage(
  language: string,
  parts: readonly LanguagePart[],
  outputDir: string,
  version: string,
  chunkSize: number,
  options: MergeSearchOptions,
  output: OutputWorkers,
): Promise<{ hash: string; pageCount: number }> {
  const metas = parts.map(({ dir, described }) => readMeta(dir, described.hash, version));
  metas.forEach((meta, i) => {
    const counted = parts[i]!.described.page_count;
    if (meta.pages.length !== counted) throw new Error(`${meta.file}: ${meta.pages.length} pages where the entry counts ${counted}`);
  });
  const offsets: number[] = [];
  let pageCount = 0;
  for (const meta of metas) {
    offsets.push(pageCount);
    pageCount += meta.pages.length;
  }
  const fragmentFile = (part: number, page: number) => join(parts[part]!.dir, 'fragment', `${metas[part]!.pages[page]!.hash}.pf_fragment`);

  const fragmentNames = nameFragments(language, metas, fragmentFile);
  output.link(
    metas.flatMap((meta, part) =>
      meta.pages.map((_, page) => [fragmentFile(part, page), join(outputDir, 'fragment', `${fragmentNames[offsets[part]! + page]}.pf_fragment`)] as const),
    ),
  );

  // Sorted pages' URLs are read on the output workers while this thread merges the words.
  const sortedPages = sortedPagesToLocate(metas, options.sortValuesOf);
  const urls = output.readUrls(sortedPages.map(({ part, page }) => fragmentFile(part, page)));
  urls.catch(() => undefined);

  const metaFields = [...new Set(metas.flatMap((meta) => meta.metaFields))].sort(compareCodePoints);
  const filters = await mergeFilters(language, parts, metas, offsets, outputDir, output);

  const chunkNames = new ChunkNames(language);
  const chunks: MetaChunk[] = [];
  const words = metas.map((meta, part) => {
    // Meta locations number fields by the part's list; renumbered only when that differs.
    const fieldMap = meta.metaFields.map((field) => metaFields.indexOf(field));
    const identity = fieldMap.every((field, index) => field === index);
    return new PartWords(
      part,
      offsets[part]!,
      parts[part]!.dir,
      meta.chunks.map((chunk) => chunk.hash),
      identity ? undefined : fieldMap,
    );
  });
  await mergeWords(words, chunkSize, async (chunk) => {
    const hash = chunkNames.name(chunk.content);
    chunks.push({ from: chunk.first, to: chunk.last, hash });
    await output.write(join(outputDir, 'index', `${hash}.pf_index`), chunk.packed);
  });
  trimChunkBounds(chunks);
  output.flush();
  const urlOf = new Map<number, string>();
  (await urls).forEach((url, index) => urlOf.set(offsets[sortedPages[index]!.part]! + sortedPages[index]!.page, url));
  const sorts = mergeSorts(metas, offsets, urlOf, options.sortValuesOf);

  const meta = new CborWriter(1 << 16, PAGEFIND_HEADER.length);
  meta.array(6);
  meta.text(version);
  meta.array(pageCount);
  metas.forEach((part, index) => {
    part.pages.forEach((page, number) => {
      meta.array(3);
      meta.text(fragmentNames[offsets[index]! + number]!);
      meta.uint(page.wordCount);
      meta.text('');
    });
  });
  // Beside the pages these are small: written as plain values (same encoding as uint/text).
  meta.value(chunks.map((chunk) => [chunk.from, chunk.to, chunk.hash]));
  meta.value(filters.map((filter) => [filter.name, filter.hash]));
  meta.value(sorts.map((sort) => [sort.key, sort.pages]));
  meta.value(metaFields);
  const hash = metaName(language, meta.bytes());
  await output.write(join(outputDir, `pagefind.${hash}.pf_meta`), meta.bytesAfter(PAGEFIND_HEADER));
  return { hash, pageCount };
}

/**
 * Names every page's fragment in the merged numbering. A part's name stands unless another
 * page's shortest name is the same (likely past ~20,000 pages: 7 hex digits); those pages'
 * fragments are read to replay Pagefind's renaming.
 */
function nameFragments(language: string, metas: readonly Meta[], fragmentFile: (part: number, page: number) => string): string[] {
  const pages = metas.flatMap((meta, part) => meta.pages.map((page, number) => ({ part, number, name: page.hash })));
  const byBase = new Map<string, number[]>();
  pages.forEach((page, index) => {
    const base = baseFragmentName(language, page.name);
    const same = byBase.get(base);
    if (same) same.push(index);
    else byBase.set(base, [index]);
  });
  const names = pages.map((page) => page.name);
  for (const indexes of byBase.values()) {
    if (indexes.length === 1) {
      names[indexes[0]!] = baseFragmentName(language, names[indexes[0]!]!);
      continue;
    }
    const files = indexes.map((index) => fragmentFile(pages[index]!.part, pages[index]!.number));
    const fullHashes = files.map((file) => pagefindFullHash(readPacked(file)));
    collidingFragmentNames(language, fullHashes, (i) => files[i]!).forEach((name, i) => (names[indexes[i]!] = name));
  }
  return names;
}

async function mergeFilters(
  language: string,
  parts: readonly LanguagePart[],
  metas: readonly Meta[],
  offsets: readonly number[],
  outputDir: string,
  output: OutputWorkers,
) {
  const byFilter = new Map<string, Map<string, number[]>>();
  metas.forEach((meta, part) => {
    for (const filter of meta.filters) {
      let values = byFilter.get(filter.name);
      if (!values) byFilter.set(filter.name, (values = new Map()));
      for (const [value, pages] of readFilter(parts[part]!.dir, filter.hash, filter.name)) {
        let merged = values.get(value);
        if (!merged) values.set(value, (merged = []));
        for (const page of pages) merged.push(offsets[part]! + page);
      }
    }
  });
  const names = new ChunkNames(language);
  const filters: { name: string; hash: string }[] = [];
  for (const name of [...byFilter.keys()].sort(compareCodePoints)) {
    const values = byFilter.get(name)!;
    const writer = new CborWriter(1 << 12, PAGEFIND_HEADER.length);
    writer.array(2);
    writer.text(name);
    writer.array(values.size);
    for (const value of [...values.keys()].sort(compareCodePoints)) {
      writer.array(2);
      writer.text(value);
      const pages = values.get(value)!;
      writer.array(pages.length);
      for (const page of pages) writer.uint(page);
    }
    const hash = names.name(writer.bytes());
    await output.write(join(outputDir, 'filter', `${hash}.pf_filter`), writer.bytesAfter(PAGEFIND_HEADER));
    filters.push({ name, hash });
  }
  return filters;
}

/**
 * The pages whose sort values the merge needs, part by part: none for one part (its sorts
 * stand) or without sorts. Checks first that the values can be had, before any work is done.
 */
function sortedPagesToLocate(metas: readonly Meta[], sortValuesOf: MergeSearchOptions['sortValuesOf']): { part: number; page: number }[] {
  if (metas.length === 1 || metas.every((meta) => meta.sorts.length === 0)) return [];
  if (!sortValuesOf) {
    const keys = [...new Set(metas.flatMap((meta) => meta.sorts.map((sort) => sort.key)))];
    throw new Error(`${metas[0]!.file}: the parts have sorts (${keys.join(', ')}); merging them needs the pages' sort values (sortValuesOf)`);
  }
  return metas.flatMap((meta, part) => [...new Set(meta.sorts.flatMap((sort) => sort.pages))].sort((a, b) => a - b).map((page) => ({ part, page })));
}

/**
 * Interleaves the parts' sorts by the pages' values, as Pagefind sorts one index: pages that
 * have the key, by number when every value reads as a number, else as strings, ties in page
 * order. Each part's own order is checked against the values, so values that do not match
 * the indexed pages are refused rather than merged into a wrong order. `urlOf` gives the
 * URLs of sorted pages, by merged page number.
 */
function mergeSorts(
  metas: readonly Meta[],
  offsets: readonly number[],
  urlOf: ReadonlyMap<number, string>,
  sortValuesOf: MergeSearchOptions['sortValuesOf'],
): { key: string; pages: number[] }[] {
  const keys = [...new Set(metas.flatMap((meta) => meta.sorts.map((sort) => sort.key)))].sort(compareCodePoints);
  if (keys.length === 0) return [];
  if (metas.length === 1) return metas[0]!.sorts.map((sort) => ({ key: sort.key, pages: [...sort.pages] }));

  const valuesOf = new Map<number, SortValues>();
  for (const [page, url] of urlOf) {
    const values = sortValuesOf!(url);
    if (!values) throw new Error(`${url}: no sort values (sortValuesOf), though its part sorts it`);
    valuesOf.set(page, values);
  }

  return keys.map((key) => {
    const pages: number[] = [];
    const values: string[] = [];
    metas.forEach((meta, part) => {
      const sort = meta.sorts.find((candidate) => candidate.key === key);
      if (!sort) return;
      const partPages = [...sort.pages].sort((a, b) => a - b).map((page) => offsets[part]! + page);
      const partValues = partPages.map((page) => {
        const value = valuesOf.get(page)![key];
        if (typeof value !== 'string') throw new Error(`${urlOf.get(page)}: no ${key} sort value (sortValuesOf), though ${meta.file} sorts it`);
        return value;
      });
      const expected = sortPages(partPages, partValues);
      const mismatch = expected.findIndex((page, index) => page !== offsets[part]! + sort.pages[index]!);
      if (mismatch >= 0) {
        throw new Error(
          `${meta.file}: the ${key} sort values given (sortValuesOf) order ${urlOf.get(expected[mismatch]!)} elsewhere than this part does; they are not the values it was indexed with`,
        );
      }
      pages.push(...partPages);
      values.push(...partValues);
    });
    return { key, pages: sortPages(pages, values) };
  });
}
