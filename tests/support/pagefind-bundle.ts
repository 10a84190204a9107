/**
 * Reads a Pagefind 1.6 bundle with the tests' own code, independent of src/search-index: a CBOR
 * decoder, each file's content unpacked, and a model of what the bundle says by URL.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';

function filesOf(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path, root) : [relative(root, path)];
  });
}

export const unpacked = (file: string) => gunzipSync(readFileSync(file)).subarray('pagefind_dcd'.length);

/**
 * Each index file's content, unpacked (the entry, meta, word-index, filter and fragment files;
 * not Pagefind's runtime files, which are served beside an index but are not part of it).
 */
export function contentsOf(dir: string): Map<string, string> {
  return new Map(
    filesOf(dir)
      .filter((file) => file === 'pagefind-entry.json' || /\.pf_/.test(file))
      .map((file) => [
        file,
        createHash('sha256')
          .update(/\.pf_/.test(file) ? unpacked(join(dir, file)) : readFileSync(join(dir, file)))
          .digest('hex'),
      ]),
  );
}

/** A plain CBOR decoder (unsigned, negative, text, arrays), independent of the module's. */
export function decodeCbor(bytes: Uint8Array): unknown {
  let position = 0;
  const read = (): unknown => {
    const initial = bytes[position++]!;
    const info = initial & 31;
    let argument = info;
    if (info >= 24) {
      const size = 1 << (info - 24);
      argument = 0;
      for (let i = 0; i < size; i++) argument = argument * 256 + bytes[position++]!;
    }
    switch (initial >> 5) {
      case 0:
        return argument;
      case 1:
        return -1 - argument;
      case 3:
        return new TextDecoder().decode(bytes.subarray(position, (position += argument)));
      case 4:
        return Array.from({ length: argument }, read);
      default:
        throw new Error(`unexpected CBOR major type ${initial >> 5}`);
    }
  };
  return read();
}

/**
 * What a bundle says, by URL rather than page number: per language, the pages and their word
 * counts, every word's pages with their locations (meta locations by field name), the filters,
 * the sort orders and the meta fields. Equal models search alike whatever the numbering.
 */
export function modelOf(dir: string) {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as {
    version: string;
    languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  };
  const languages = Object.entries(entry.languages).map(([language, described]) => {
    const [version, pages, chunks, filters, sorts, metaFields] = decodeCbor(unpacked(join(dir, `pagefind.${described.hash}.pf_meta`))) as [
      string,
      [string, number, string][],
      [string, string, string][],
      [string, string][],
      [string, number[]][],
      string[],
    ];
    const urls = pages.map(([hash]) => (JSON.parse(new TextDecoder().decode(unpacked(join(dir, 'fragment', `${hash}.pf_fragment`)))) as { url: string }).url);
    const urlOf = (page: number) => urls[page] ?? `missing page ${page}`;
    const pagesOf = (list: [number, number[], number[]][]) => {
      let page = 0;
      return list
        .map(([delta, locations, metaLocations]) => {
          page += delta;
          const meta = metaLocations.map((value) => (value < 0 ? `field:${metaFields[-value - 1]}` : value));
          return `${urlOf(page)} ${JSON.stringify(locations)} ${JSON.stringify(meta)}`;
        })
        .sort();
    };
    const words: Record<string, unknown> = {};
    for (const [, , hash] of chunks) {
      const [list] = decodeCbor(unpacked(join(dir, 'index', `${hash}.pf_index`))) as [
        [string, [number, number[], number[]][], [string, [number, number[], number[]][]][]][],
      ];
      for (const [word, wordPages, variants] of list)
        words[word] = { pages: pagesOf(wordPages), variants: variants.map(([form, formPages]) => [form, pagesOf(formPages)]) };
    }
    const filterValues = Object.fromEntries(
      filters.map(([name, hash]) => {
        const [, values] = decodeCbor(unpacked(join(dir, 'filter', `${hash}.pf_filter`))) as [string, [string, number[]][]];
        return [name, Object.fromEntries(values.map(([value, valuePages]) => [value, valuePages.map(urlOf).sort()]))];
      }),
    );
    return {
      language,
      version,
      pageCount: described.page_count,
      wasm: described.wasm,
      urls: [...urls].sort(),
      wordCounts: Object.fromEntries(pages.map(([, wordCount], page) => [urlOf(page), wordCount])),
      chunkCount: chunks.length,
      words,
      filters: filterValues,
      sorts: sorts.map(([key, sorted]) => [key, sorted.map(urlOf)]),
      metaFields,
    };
  });
  return { version: entry.version, languages };
}
