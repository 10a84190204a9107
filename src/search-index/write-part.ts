/**
 * Writes one part of the search index in Pagefind 1.6's format: the bundle one `createIndex()`
 * session would write (`pagefind-entry.json`, `pagefind.<hash>.pf_meta`, word-index chunks,
 * filters and fragments, named as Pagefind names them; merge.ts describes the format), which
 * Pagefind's browser runtime reads and merge.ts merges with the other parts.
 *
 * The pages give their words already split (page-words.ts): the site decides its words
 * itself (src/lib/search-spelling.ts), so all Pagefind's indexer had left to do was to parse
 * HTML back into them and count positions, in a process of its own, at ~10 ms a page (two
 * thirds of a 10,000-announcement build's CPU time); here it is a pass over the words. Each
 * word takes a position; the fragment's content is the words' shown text joined by spaces, so
 * that Pagefind's runtime finds the same words at the same positions for excerpts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { GZIP_LEVEL, PAGEFIND_HEADER, type Entry, type MetaChunk } from './merge/bundle.ts';
import { CborWriter } from './merge/cbor.ts';
import { ChunkNames, collidingFragmentNames, metaName, pagefindFullHash, trimChunkBounds } from './merge/naming.ts';
import { compareCodePoints, sortPages } from './merge/order.ts';
import type { WordSink } from './page-words.ts';

/** One page of the index. */
export interface IndexPage {
  /** The URL results link to. */
  url: string;
  /** Gives the page's words to `sink`, in reading order; called once per pass over the page. */
  words(sink: WordSink): void;
  /** Filter values by filter name (`data-pagefind-filter`). */
  filters: Readonly<Record<string, readonly string[]>>;
  /** Sort values by sort key (`data-pagefind-sort`). */
  sort: Readonly<Record<string, string>>;
  /** What results show (`data-pagefind-meta`). */
  meta: Readonly<Record<string, string>>;
}

/** What a bundle's entry says besides its languages: taken from the Pagefind runtime it is served with (runtime.ts). */
export interface BundleFormat {
  version: string;
  includeCharacters: string[];
}

export interface WritePartOptions {
  format: BundleFormat;
  /** The pages' language: one Pagefind's runtime neither segments nor stems (it has no wasm of its own). */
  language: string;
  /** Locations at which a word-index chunk is closed, as Pagefind counts them (see merge/words.ts). */
  chunkSize?: number;
}

/**
 * The size at which a word-index chunk closes, in locations (Pagefind's own is 20,000). A
 * search fetches the chunk of each of its words, and the metadata every reader fetches lists
 * the chunks: at 10,000 announcements, the bench's median query fetched 104 KB of chunks at
 * 20,000 (a 12 KB list), 40 KB at 5,000 (29 KB), 36 KB at 3,000 (38 KB).
 */
export const INDEX_CHUNK_SIZE = 5_000;

/** Pagefind stores a weight as a byte: the weight times 24. */
const WEIGHT_SCALE = 24;
/** Whitespace, and the zero-width space with which Pagefind's runtime would split a text instead. */
const NOT_SHOWN = /[\s\u200B]+/g;
const HAS_NOT_SHOWN = /[\s\u200B]/;

const storedWeight = (weight: number) => Math.min(255, Math.max(0, Math.round(weight * WEIGHT_SCALE)));

/**
 * A word's pages in page order, in one flat list (a part holds a few hundred thousand of these,
 * and small arrays cost more than their numbers): for each page its number, how many locations
 * it has, then each location as `weight, position` in the order they came.
 */
interface WordPages {
  records: number[];
  pageCount: number;
  lastPage: number;
  /** Where the last page's location count stands in `records`. */
  countAt: number;
}

/**
 * A word's locations on a page as Pagefind packs them: by weight (25 first), then position;
 * a weight change is `-(weight + 1)` and the absolute position, other positions are deltas.
 * Pagefind starts from weight 25, so the first location always carries its weight.
 */
function packLocations(records: readonly number[], from: number, count: number): number[] {
  const end = from + 2 * count;
  let uniform = records[from] !== 25;
  for (let i = from + 2; i < end && uniform; i += 2) uniform = records[i] === records[from];
  // Most words stand at one weight on a page, their positions already in order.
  if (uniform) {
    const packed = [-records[from]! - 1, records[from + 1]!];
    for (let i = from + 3; i < end; i += 2) packed.push(records[i]! - records[i - 2]!);
    return packed;
  }
  const order: number[] = [];
  for (let i = from; i < end; i += 2) order.push(i);
  const rank = (weight: number) => (weight === 25 ? 0 : weight);
  order.sort((a, b) => rank(records[a]!) - rank(records[b]!) || records[a + 1]! - records[b + 1]!);
  const packed: number[] = [];
  let weight = 25;
  let last = 0;
  for (const i of order) {
    const [pairWeight, position] = [records[i]!, records[i + 1]!];
    if (pairWeight !== weight) {
      packed.push(-pairWeight - 1, position);
      weight = pairWeight;
    } else packed.push(position - last);
    last = position;
  }
  return packed;
}

/** A word's pages as Pagefind packs them: each page's number and packed locations, in page order. */
function packPages({ records, pageCount }: WordPages): { pages: number[]; locations: number[][] } {
  const pages: number[] = [];
  const locations: number[][] = [];
  for (let at = 0; pages.length < pageCount; ) {
    const count = records[at + 1]!;
    pages.push(records[at]!);
    locations.push(packLocations(records, at + 2, count));
    at += 2 + 2 * count;
  }
  return { pages, locations };
}

const packFile = (writer: CborWriter) => gzipSync(writer.bytesAfter(PAGEFIND_HEADER), { level: GZIP_LEVEL });

/**
 * Writes the bundle of `pages` (in page order) into `outputDir`, which should be new or empty.
 * Each page's words are read once, into the part's word lists: no page's words are held apart.
 *
 * @example writeIndexPart([{ url: '/a/', words: (sink) => addText(sink, 'flood safety', 1), filters: {}, sort: {}, meta: { title: 'A' } }], 'cache/part-1', { format, language: 'und' })
 */
export function writeIndexPart(pages: Iterable<IndexPage>, outputDir: string, { format, language, chunkSize = INDEX_CHUNK_SIZE }: WritePartOptions): void {
  for (const folder of ['index', 'filter', 'fragment']) mkdirSync(join(outputDir, folder), { recursive: true });
  const entry: Entry = { version: format.version, languages: {}, include_characters: format.includeCharacters };
  const written = writeLanguage(pages, outputDir, format.version, language, chunkSize);
  if (written) entry.languages[language] = { hash: written.hash, wasm: null, page_count: written.pageCount };
  writeFileSync(join(outputDir, 'pagefind-entry.json'), JSON.stringify(entry));
}

/** What the bundle keeps of a page besides its words. */
type PageSummary = Omit<IndexPage, 'words'>;

/** Reads the pages' words into `words`; returns each page's fragment (its JSON) and word count. */
function readPages(input: Iterable<IndexPage>, pages: PageSummary[], words: Map<string, WordPages>): { fragments: Uint8Array[]; wordCounts: number[] } {
  const fragments: Uint8Array[] = [];
  const wordCounts: number[] = [];
  const encoder = new TextEncoder();
  for (const page of input) {
    const number = pages.push({ url: page.url, filters: page.filters, sort: page.sort, meta: page.meta }) - 1;
    const shown: string[] = [];
    let position = -1;
    let weight = 0;
    page.words({
      word(text, textWeight) {
        // A word with nothing to show takes no position, and holds no words.
        const cleaned = HAS_NOT_SHOWN.test(text) ? text.replace(NOT_SHOWN, '') : text;
        position = cleaned ? shown.push(cleaned) - 1 : -1;
        weight = storedWeight(textWeight);
      },
      index(word) {
        if (position < 0) return;
        let entry = words.get(word);
        if (!entry) words.set(word, (entry = { records: [], pageCount: 0, lastPage: -1, countAt: 0 }));
        if (entry.lastPage === number) entry.records[entry.countAt]!++;
        else {
          entry.lastPage = number;
          entry.pageCount++;
          entry.countAt = entry.records.push(number, 1) - 1;
        }
        entry.records.push(weight, position);
      },
    });
    // Pagefind's fragment: its fields in this order, filters and meta by name (a BTreeMap).
    const fragment = { url: page.url, content: shown.join(' '), word_count: shown.length, filters: byName(page.filters), meta: byName(page.meta), anchors: [] };
    fragments.push(encoder.encode(JSON.stringify(fragment)));
    wordCounts.push(shown.length);
  }
  return { fragments, wordCounts };
}

function writeLanguage(input: Iterable<IndexPage>, outputDir: string, version: string, language: string, chunkSize: number): { hash: string; pageCount: number } | undefined {
  const pages: PageSummary[] = [];
  const words = new Map<string, WordPages>();
  const { fragments, wordCounts } = readPages(input, pages, words);
  if (pages.length === 0) return undefined;

  const fragmentNames = collidingFragmentNames(
    language,
    fragments.map((fragment) => pagefindFullHash(fragment)),
    (index) => pages[index]!.url,
  );
  fragments.forEach((fragment, index) => {
    writeFileSync(join(outputDir, 'fragment', `${fragmentNames[index]}.pf_fragment`), gzipSync(Buffer.concat([PAGEFIND_HEADER, fragment]), { level: GZIP_LEVEL }));
  });

  const chunks = writeChunks(words, outputDir, language, chunkSize);
  const filters = writeFilters(pages, outputDir, language);
  const sortKeys = [...new Set(pages.flatMap((page) => Object.keys(page.sort)))].sort(compareCodePoints);
  const sorts = sortKeys.map((key) => {
    const sorted = pages.flatMap((page, number) => (key in page.sort ? [number] : []));
    return [key, sortPages(sorted, sorted.map((number) => pages[number]!.sort[key]!))] as [string, number[]];
  });
  const metaFields = [...new Set(pages.flatMap((page) => Object.keys(page.meta)))].sort(compareCodePoints);

  const meta = new CborWriter(1 << 14, PAGEFIND_HEADER.length);
  meta.array(6);
  meta.text(version);
  meta.value(fragmentNames.map((name, number) => [name, wordCounts[number]!, '']));
  meta.value(chunks.map((chunk) => [chunk.from, chunk.to, chunk.hash]));
  meta.value(filters);
  meta.value(sorts);
  meta.value(metaFields);
  const hash = metaName(language, meta.bytes());
  writeFileSync(join(outputDir, `pagefind.${hash}.pf_meta`), packFile(meta));
  return { hash, pageCount: pages.length };
}

function byName(record: Readonly<Record<string, string | readonly string[]>>): Record<string, string | readonly string[]> {
  return Object.fromEntries(Object.keys(record).sort(compareCodePoints).map((key) => [key, record[key]!]));
}

/** Cuts the words, in order, into chunks as Pagefind does: a chunk closes once its size (locations, and one per page) reaches `chunkSize`. */
function writeChunks(words: ReadonlyMap<string, WordPages>, outputDir: string, language: string, chunkSize: number): MetaChunk[] {
  const ordered = [...words.keys()].sort(compareCodePoints);
  const names = new ChunkNames(language);
  const chunks: MetaChunk[] = [];
  let start = 0;
  while (start < ordered.length) {
    const packed: { pages: number[]; locations: number[][] }[] = [];
    let size = 0;
    while (start + packed.length < ordered.length && size < chunkSize) {
      const word = packPages(words.get(ordered[start + packed.length]!)!);
      for (const page of word.locations) size += page.length + 1;
      packed.push(word);
    }
    const end = start + packed.length;
    const writer = new CborWriter(1 << 16, PAGEFIND_HEADER.length);
    writer.array(1);
    writer.array(packed.length);
    packed.forEach(({ pages, locations }, index) => {
      writer.array(3);
      writer.text(ordered[start + index]!);
      writer.array(pages.length);
      let last = 0;
      pages.forEach((page, pageIndex) => {
        writer.array(3);
        writer.uint(page - last);
        last = page;
        writer.value(locations[pageIndex]!);
        writer.array(0);
      });
      writer.array(0);
    });
    const hash = names.name(writer.bytes());
    writeFileSync(join(outputDir, 'index', `${hash}.pf_index`), packFile(writer));
    chunks.push({ from: ordered[start]!, to: ordered[end - 1]!, hash });
    start = end;
  }
  trimChunkBounds(chunks);
  return chunks;
}

/** Writes a file per filter, `[filter, [[value, [page, …]], …]]`, values in order; returns `[name, hash]` pairs. */
function writeFilters(pages: readonly PageSummary[], outputDir: string, language: string): [string, string][] {
  const byFilter = new Map<string, Map<string, number[]>>();
  pages.forEach((page, number) => {
    for (const [filter, values] of Object.entries(page.filters)) {
      let byValue = byFilter.get(filter);
      if (!byValue) byFilter.set(filter, (byValue = new Map()));
      for (const value of new Set(values)) {
        const numbers = byValue.get(value);
        if (numbers) numbers.push(number);
        else byValue.set(value, [number]);
      }
    }
  });
  const names = new ChunkNames(language);
  return [...byFilter.keys()].sort(compareCodePoints).map((filter) => {
    const byValue = byFilter.get(filter)!;
    const writer = new CborWriter(1 << 12, PAGEFIND_HEADER.length);
    writer.value([filter, [...byValue.keys()].sort(compareCodePoints).map((value) => [value, byValue.get(value)!])]);
    const hash = names.name(writer.bytes());
    writeFileSync(join(outputDir, 'filter', `${hash}.pf_filter`), packFile(writer));
    return [filter, hash];
  });
}
