/**
 * Reads the parts of a Pagefind 1.6 bundle: `pagefind-entry.json`, a language's
 * `pagefind.<hash>.pf_meta`, filter files and word-index chunks. Every file but the entry
 * is gzip around `pagefind_dcd` and CBOR; a file of another shape is refused by name.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import { CborReader, type CborValue } from './cbor.ts';

/** Every compressed file starts with this once unpacked. */
export const PAGEFIND_HEADER = new TextEncoder().encode('pagefind_dcd');

/**
 * The gzip level of written files. Pagefind uses 9. On the index files (word-index chunks,
 * metadata, filters) zlib's 6 takes a third of 9's time for files 1% larger (4: a third of 6's
 * time, but 7% larger, and every query fetches these bytes); on fragments, small JSON, 6 is as
 * small as 9 and faster than 4.
 */
export const GZIP_LEVEL = 6;

/** The Pagefind versions whose format this merge knows: the 1.6 releases. */
export const SUPPORTED_VERSION = /^1\.6\.\d+$/;

export interface EntryLanguage {
  hash: string;
  wasm: string | null;
  page_count: number;
}

/** `pagefind-entry.json`. */
export interface Entry {
  version: string;
  languages: Record<string, EntryLanguage>;
  include_characters: string[];
  [other: string]: unknown;
}

export interface MetaPage {
  /** Names the page's fragment file. */
  hash: string;
  wordCount: number;
  /** The fragment group file (Pagefind's `maxFragments`); empty when the fragment has a file of its own. */
  group: string;
}

export interface MetaChunk {
  from: string;
  to: string;
  hash: string;
}

/** A language's `pagefind.<hash>.pf_meta`. */
export interface Meta {
  file: string;
  version: string;
  pages: MetaPage[];
  chunks: MetaChunk[];
  filters: { name: string; hash: string }[];
  /** Per sort key, the numbers of the pages that have it, in sort order. */
  sorts: { key: string; pages: number[] }[];
  metaFields: string[];
}

/**
 * Unpacks a gzip + `pagefind_dcd` file; returns the CBOR (or JSON) after the header. Unpacked
 * on this thread into one buffer of the size the gzip trailer gives: zlib's asynchronous
 * calls cost this thread more than the unpacking itself.
 */
export function unpack(packed: Uint8Array, file: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    // The trailer's size (capped, as a broken file may claim any) saves growing the buffer.
    const size = packed.length >= 4 ? new DataView(packed.buffer, packed.byteOffset + packed.length - 4).getUint32(0, true) : 0;
    bytes = gunzipSync(packed, { chunkSize: Math.min(Math.max(size + 16, 1024), 1 << 24) });
  } catch (error) {
    throw new Error(`${file}: not a gzip file (${String(error)})`);
  }
  return withoutHeader(bytes, file);
}

export function readPacked(file: string): Uint8Array {
  return unpack(readFileSync(file), file);
}

function withoutHeader(bytes: Uint8Array, file: string): Uint8Array {
  if (bytes.length < PAGEFIND_HEADER.length || PAGEFIND_HEADER.some((byte, i) => bytes[i] !== byte)) throw new Error(`${file}: no pagefind_dcd header`);
  return bytes.subarray(PAGEFIND_HEADER.length);
}

export function readEntry(dir: string): Entry {
  const file = join(dir, 'pagefind-entry.json');
  let entry: Entry;
  try {
    entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
  } catch (error) {
    throw new Error(`${file}: cannot read the bundle's entry (${String(error)})`);
  }
  if (typeof entry.version !== 'string' || !SUPPORTED_VERSION.test(entry.version)) {
    throw new Error(`${file}: Pagefind version ${JSON.stringify(entry.version)}; this merge knows the 1.6 format only`);
  }
  if (typeof entry.languages !== 'object' || entry.languages === null || !Array.isArray(entry.include_characters)) {
    throw new Error(`${file}: not a Pagefind 1.6 entry (languages or include_characters missing)`);
  }
  for (const [language, meta] of Object.entries(entry.languages)) {
    if (typeof meta?.hash !== 'string' || typeof meta.page_count !== 'number' || (meta.wasm !== null && typeof meta.wasm !== 'string')) {
      throw new Error(`${file}: language ${language} is not described as Pagefind 1.6 describes it`);
    }
  }
  return entry;
}

/** Checks one decoded item's shape; errors name the file and what was expected. */
class Shape {
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  fail(what: string): never {
    throw new Error(`${this.file}: expected ${what}; not a Pagefind 1.6 file, or a format this merge does not know`);
  }

  array(value: CborValue, what: string, length?: number): CborValue[] {
    if (!Array.isArray(value) || (length !== undefined && value.length !== length)) this.fail(length === undefined ? what : `${what} of ${length} fields`);
    return value;
  }

  text(value: CborValue | undefined, what: string): string {
    return typeof value === 'string' ? value : this.fail(what);
  }

  count(value: CborValue | undefined, what: string): number {
    return typeof value === 'number' && value >= 0 ? value : this.fail(what);
  }
}

export function readMeta(dir: string, hash: string, version: string): Meta {
  const file = join(dir, `pagefind.${hash}.pf_meta`);
  const reader = new CborReader(unpack(readFileSync(file), file), file);
  const shape = new Shape(file);
  const fields = shape.array(reader.value(), 'the metadata', 6);
  if (!reader.atEnd) reader.fail('data after the metadata');
  const meta: Meta = {
    file,
    version: shape.text(fields[0], 'the version'),
    pages: shape.array(fields[1]!, 'the pages').map((page) => {
      const [hash, wordCount, group] = shape.array(page, 'a page', 3);
      return { hash: shape.text(hash, 'a page hash'), wordCount: shape.count(wordCount, 'a word count'), group: shape.text(group, 'a fragment group') };
    }),
    chunks: shape.array(fields[2]!, 'the index chunks').map((chunk) => {
      const [from, to, hash] = shape.array(chunk, 'an index chunk', 3);
      return { from: shape.text(from, 'a chunk start'), to: shape.text(to, 'a chunk end'), hash: shape.text(hash, 'a chunk hash') };
    }),
    filters: shape.array(fields[3]!, 'the filters').map((filter) => {
      const [name, hash] = shape.array(filter, 'a filter', 2);
      return { name: shape.text(name, 'a filter name'), hash: shape.text(hash, 'a filter hash') };
    }),
    sorts: shape.array(fields[4]!, 'the sorts').map((sort) => {
      const [key, pages] = shape.array(sort, 'a sort', 2);
      return { key: shape.text(key, 'a sort key'), pages: shape.array(pages!, 'sorted pages').map((page) => shape.count(page, 'a page number')) };
    }),
    metaFields: shape.array(fields[5]!, 'the meta fields').map((field) => shape.text(field, 'a meta field')),
  };
  if (meta.version !== version) throw new Error(`${file}: metadata of version ${meta.version} in a bundle of version ${version}`);
  const grouped = meta.pages.find((page) => page.group !== '');
  if (grouped) throw new Error(`${file}: fragments are grouped (Pagefind's maxFragments option); merging grouped fragments is not supported`);
  for (const sort of meta.sorts) {
    if (sort.pages.some((page) => page >= meta.pages.length)) throw new Error(`${file}: sort ${sort.key} names a page beyond the ${meta.pages.length} pages`);
  }
  return meta;
}

/** A filter file: `[filter, [[value, [page, …]], …]]`, page numbers absolute. */
export function readFilter(dir: string, hash: string, name: string): Map<string, number[]> {
  const file = join(dir, 'filter', `${hash}.pf_filter`);
  const reader = new CborReader(unpack(readFileSync(file), file), file);
  const shape = new Shape(file);
  const [filter, values] = shape.array(reader.value(), 'a filter index', 2);
  if (filter !== name) shape.fail(`the filter ${name}`);
  const byValue = new Map<string, number[]>();
  for (const item of shape.array(values!, 'the filter values')) {
    const [value, pages] = shape.array(item, 'a filter value', 2);
    byValue.set(
      shape.text(value, 'a filter value'),
      shape.array(pages!, 'filtered pages').map((page) => shape.count(page, 'a page number')),
    );
  }
  return byValue;
}

const URL_FIRST = /^\{"url":("(?:[^"\\]|\\.)*")/;
const fragmentStart = Buffer.alloc(512);
const utf8 = new TextDecoder();

/**
 * A fragment's URL. Pagefind writes the URL first in a fragment's JSON, so unpacking the
 * file's first 512 bytes almost always finds it (inflating whole fragments took three times
 * as long); otherwise the whole fragment is read.
 */
export function readFragmentUrl(file: string): string {
  const descriptor = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(descriptor, fragmentStart, 0, fragmentStart.length, 0);
  } finally {
    closeSync(descriptor);
  }
  try {
    const start = withoutHeader(gunzipSync(fragmentStart.subarray(0, length), { finishFlush: zlibConstants.Z_SYNC_FLUSH }), file);
    const url = URL_FIRST.exec(utf8.decode(start.subarray(0, 1024)));
    if (url) return JSON.parse(url[1]!) as string;
  } catch {
    // Read whole below, where a broken file is reported.
  }
  const fragment = JSON.parse(utf8.decode(unpack(readFileSync(file), file))) as { url?: unknown };
  if (typeof fragment.url !== 'string') throw new Error(`${file}: a fragment without a URL`);
  return fragment.url;
}
