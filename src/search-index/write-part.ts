/**
 * Writes one part of the search index in Pagefind 1.6's format: the bundle one `createIndex()`
 * session would write (`pagefind-entry.json`, `pagefind.<hash>.pf_meta`, word-index chunks,
 * filters and fragments, named as Pagefind names them; merge.ts describes the format), which
 * Pagefind's browser runtime reads and merge.ts merges with the other parts.
 *
 * The pages come with their text already in the words to index: the site decides its words
 * itself (src/lib/search-spelling.ts), so all Pagefind's indexer had left to do was to parse
 * HTML back into that text and count positions, in a process of its own, at ~10 ms a page
 * (two thirds of a 10,000-announcement build's CPU time); here it is a pass over the words.
 *
 * Words are the text split at whitespace (JavaScript's, as Pagefind's runtime splits a
 * fragment's content to build excerpts, so positions and excerpts agree); what is indexed of
 * a word are its runs of letters and digits, lower-cased and without diacritics, as Pagefind
 * normalises a query. A word with none (punctuation alone) still takes a position.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PAGEFIND_HEADER, type Entry, type MetaChunk } from './merge/bundle.ts';
import { CborWriter } from './merge/cbor.ts';
import { ChunkNames, collidingFragmentNames, metaName, pagefindFullHash, trimChunkBounds } from './merge/naming.ts';
import { compareCodePoints, sortPages } from './merge/order.ts';

/** A run of a page's text and its weight, on Pagefind's scale: 1 for text, 7 for an `h1` down to 2 for an `h6`. */
export interface IndexText {
  text: string;
  weight: number;
}

/** One page of the index. */
export interface IndexPage {
  /** The URL results link to. */
  url: string;
  /** The page's text in reading order. */
  texts: readonly IndexText[];
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

/** Pagefind's default chunk size. */
export const PAGEFIND_CHUNK_SIZE = 20_000;

/** Pagefind stores a weight as a byte: the weight times 24. */
const WEIGHT_SCALE = 24;
const WHITESPACE = /\s+/;
const ASCII_WORD = /^[a-z0-9]+$/;
const WORD_RUN = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}/gu;
const ZERO_WIDTH_SPACE = /\u200B/g;

/** What is indexed of one word of the text: its runs of letters and digits, normalised. */
function indexedRuns(word: string): string[] {
  if (ASCII_WORD.test(word)) return [word];
  const runs = word.normalize('NFD').replace(MARKS, '').toLowerCase().match(WORD_RUN);
  return runs ? [...new Set(runs)] : [];
}

/** A page's words: its content as the fragment holds it, and each indexed word's `[weight, position]` pairs. */
interface PageWords {
  content: string;
  wordCount: number;
  locations: Map<string, number[]>;
}

function readPage(page: IndexPage): PageWords {
  const words: string[] = [];
  const locations = new Map<string, number[]>();
  for (const { text, weight } of page.texts) {
    const stored = Math.min(255, Math.max(0, Math.round(weight * WEIGHT_SCALE)));
    for (const word of text.replace(ZERO_WIDTH_SPACE, '').split(WHITESPACE)) {
      if (!word) continue;
      const position = words.push(word) - 1;
      for (const run of indexedRuns(word)) {
        const pairs = locations.get(run);
        if (pairs) pairs.push(stored, position);
        else locations.set(run, [stored, position]);
      }
    }
  }
  return { content: words.join(' '), wordCount: words.length, locations };
}

/**
 * A word's locations on a page as Pagefind packs them: by weight (25 first), then position;
 * a weight change is `-(weight + 1)` and the absolute position, other positions are deltas.
 * Pagefind starts from weight 25, so the first location always carries its weight.
 */
function packLocations(pairs: readonly number[]): number[] {
  const order: number[] = [];
  for (let i = 0; i < pairs.length; i += 2) order.push(i);
  const rank = (weight: number) => (weight === 25 ? 0 : weight);
  order.sort((a, b) => rank(pairs[a]!) - rank(pairs[b]!) || pairs[a + 1]! - pairs[b + 1]!);
  const packed: number[] = [];
  let weight = 25;
  let last = 0;
  for (const i of order) {
    const [pairWeight, position] = [pairs[i]!, pairs[i + 1]!];
    if (pairWeight !== weight) {
      packed.push(-pairWeight - 1, position);
      weight = pairWeight;
    } else packed.push(position - last);
    last = position;
  }
  return packed;
}

/** A word's pages: page numbers and packed locations, in page order. */
interface WordPages {
  pages: number[];
  locations: number[][];
  /** What Pagefind counts towards a chunk's size: locations and one per page. */
  size: number;
}

const packFile = (writer: CborWriter) => gzipSync(writer.bytesAfter(PAGEFIND_HEADER));

/**
 * Writes the bundle of `pages` (in page order) into `outputDir`, which should be new or empty.
 *
 * @example writeIndexPart([{ url: '/a/', texts: [{ text: 'flood safety', weight: 1 }], filters: {}, sort: {}, meta: { title: 'A' } }], 'cache/part-1', { format, language: 'und' })
 */
export function writeIndexPart(pages: readonly IndexPage[], outputDir: string, { format, language, chunkSize = PAGEFIND_CHUNK_SIZE }: WritePartOptions): void {
  for (const folder of ['index', 'filter', 'fragment']) mkdirSync(join(outputDir, folder), { recursive: true });
  const entry: Entry = { version: format.version, languages: {}, include_characters: format.includeCharacters };
  if (pages.length > 0) entry.languages[language] = { hash: writeLanguage(pages, outputDir, format.version, language, chunkSize), wasm: null, page_count: pages.length };
  writeFileSync(join(outputDir, 'pagefind-entry.json'), JSON.stringify(entry));
}

function writeLanguage(pages: readonly IndexPage[], outputDir: string, version: string, language: string, chunkSize: number): string {
  const words = new Map<string, WordPages>();
  const fragments: Uint8Array[] = [];
  const wordCounts: number[] = [];
  const encoder = new TextEncoder();
  pages.forEach((page, number) => {
    const { content, wordCount, locations } = readPage(page);
    for (const [word, pairs] of locations) {
      const packed = packLocations(pairs);
      const entry = words.get(word);
      if (entry) {
        entry.pages.push(number);
        entry.locations.push(packed);
        entry.size += packed.length + 1;
      } else words.set(word, { pages: [number], locations: [packed], size: packed.length + 1 });
    }
    // Pagefind's fragment: its fields in this order, filters and meta by name (a BTreeMap).
    const fragment = { url: page.url, content, word_count: wordCount, filters: byName(page.filters), meta: byName(page.meta), anchors: [] };
    fragments.push(encoder.encode(JSON.stringify(fragment)));
    wordCounts.push(wordCount);
  });

  const fragmentNames = collidingFragmentNames(
    language,
    fragments.map((fragment) => pagefindFullHash(fragment)),
    (index) => pages[index]!.url,
  );
  fragments.forEach((fragment, index) => {
    writeFileSync(join(outputDir, 'fragment', `${fragmentNames[index]}.pf_fragment`), gzipSync(Buffer.concat([PAGEFIND_HEADER, fragment])));
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
  return hash;
}

function byName(record: Readonly<Record<string, string | readonly string[]>>): Record<string, string | readonly string[]> {
  return Object.fromEntries(Object.keys(record).sort(compareCodePoints).map((key) => [key, record[key]!]));
}

/** Cuts the words, in order, into chunks as Pagefind does: a chunk closes once its size reaches `chunkSize`. */
function writeChunks(words: ReadonlyMap<string, WordPages>, outputDir: string, language: string, chunkSize: number): MetaChunk[] {
  const ordered = [...words.keys()].sort(compareCodePoints);
  const names = new ChunkNames(language);
  const chunks: MetaChunk[] = [];
  let start = 0;
  while (start < ordered.length) {
    let end = start;
    let size = 0;
    while (end < ordered.length && size < chunkSize) size += words.get(ordered[end++]!)!.size;
    const writer = new CborWriter(1 << 16, PAGEFIND_HEADER.length);
    writer.array(1);
    writer.array(end - start);
    for (const word of ordered.slice(start, end)) {
      const { pages, locations } = words.get(word)!;
      writer.array(3);
      writer.text(word);
      writer.array(pages.length);
      let last = 0;
      pages.forEach((page, index) => {
        writer.array(3);
        writer.uint(page - last);
        last = page;
        writer.value(locations[index]!);
        writer.array(0);
      });
      writer.array(0);
    }
    const hash = names.name(writer.bytes());
    writeFileSync(join(outputDir, 'index', `${hash}.pf_index`), packFile(writer));
    chunks.push({ from: ordered[start]!, to: ordered[end - 1]!, hash });
    start = end;
  }
  trimChunkBounds(chunks);
  return chunks;
}

/** Writes a file per filter, `[filter, [[value, [page, …]], …]]`, values in order; returns `[name, hash]` pairs. */
function writeFilters(pages: readonly IndexPage[], outputDir: string, language: string): [string, string][] {
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
