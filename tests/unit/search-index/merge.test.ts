import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeSearchBundles, type SortValues } from '../../../src/search-index/merge.ts';
import { contentsOf, modelOf } from '../../support/pagefind-bundle.ts';

// Small word-index chunks, so the corpus spans many and the merge must cut them where Pagefind does.
const CHUNK_SIZE = '60';

interface Document {
  url: string;
  html: string;
  sort: SortValues;
}

const topics = ['隐患排查治理', '水库安全度汛', '护林员巡山', '秸秆禁烧', '冷链食品追溯', '电动自行车充电', '厕所革命', '一网通办', '政策解读', '防溺水教育'];
const english = ['flood safety', 'café inspection', 'naïve reporting', 'forest patrol', 'cold chain', 'waste sorting'];
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * A page as src/lib/search-documents.ts writes one: filters, a date sort and meta as tags,
 * the title and body. Some pages also have an image meta field, a numeric sort or a sort
 * whose values are numbers in one part only, or no date; some are English (their own index).
 */
function documentOf(n: number, part: number): Document {
  const isEnglish = n % 9 === 4 && part % 2 === 1;
  const date = `20${15 + (n % 6)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + ((n * 7) % 28)).padStart(2, '0')}T0${n % 10}:30:00+08:00`;
  const sort: SortValues = {};
  if (n % 11 !== 3) sort.date = date;
  if (n % 3 === 0) sort.rank = String((n * 37) % 101);
  if (n % 4 === 1) sort.weight = part === 2 && n % 8 === 1 ? 'n/a' : String(n % 13);
  const sources = n % 5 === 0 ? ['甲局', '乙局'] : [['甲局', '乙局', '丙局'][n % 3]!];
  const tags = [
    ...sources.map((source) => `<span data-pagefind-filter="来源:${source}"></span>`),
    `<span data-pagefind-filter="年份:${date.slice(0, 4)}"></span>`,
    ...Object.entries(sort).map(([key, value]) => `<span data-pagefind-sort="${key}:${escape(value)}"></span>`),
    `<span data-pagefind-meta="date:${date.slice(0, 10)}"></span>`,
    `<span data-pagefind-meta="source:${sources[0]}"></span>`,
    part === 2 && n % 2 === 0 ? `<span data-pagefind-meta="image:/images/${n}.png"></span>` : '',
  ].join('');
  const words = isEnglish ? english : topics;
  const title = isEnglish ? `Notice on ${words[n % words.length]} ${n}` : `关于${words[n % words.length]}的通知（${n}）`;
  const body = Array.from(
    { length: 1 + (n % 4) },
    (_, k) => `<p>${words[(n + k) % words.length]}${isEnglish ? ' work plan café ' : '工作要求，'}${words[(n * 3 + k) % words.length]} ${k}</p>`,
  ).join('');
  const html = `<!doctype html><html lang="${isEnglish ? 'en' : 'zh-CN'}"><head><title>${escape(title)}</title></head><body><main data-pagefind-body>${tags}<h1>${escape(title)}</h1>${n % 6 === 0 ? '<h2 id="要求">一、要求</h2>' : ''}${body}</main></body></html>`;
  return { url: `/announcements/${date.slice(0, 4)}/notice-${part}-${n}/`, html, sort };
}

async function indexBundle(documents: readonly Pick<Document, 'url' | 'html'>[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('; '));
  for (const { url, html } of documents) {
    const added = await index.addHTMLFile({ url, content: html });
    if (added.errors.length) throw new Error(added.errors.join('; '));
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(written.errors.join('; '));
  await index.deleteIndex();
}

let root = '';
let documents: Document[][] = [];
const single = () => join(root, 'single');
const partDirs = () => documents.map((_, part) => join(root, `part-${part}`));
const sortValuesOf = (url: string) => documents.flat().find((document) => document.url === url)?.sort;
let previousChunkSize: string | undefined;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gazette-search-merge-'));
  previousChunkSize = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = CHUNK_SIZE;
  // Pagefind's service reads the chunk size when it starts: start one of our own.
  await pagefind.close();
  const sizes = [14, 11, 16, 9];
  let n = 0;
  documents = sizes.map((size, part) => Array.from({ length: size }, () => documentOf(n++, part)));
  // One session for all pages, added part after part: what the merge must reproduce.
  await indexBundle(documents.flat(), single());
  for (const [part, partDocuments] of documents.entries()) await indexBundle(partDocuments, partDirs()[part]!);
}, 120_000);

afterAll(async () => {
  await pagefind.close();
  if (previousChunkSize === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = previousChunkSize;
  rmSync(root, { recursive: true, force: true });
});

describe('mergeSearchBundles', () => {
  it('merges parts into what one Pagefind session writes: the same pages, words, locations, filters, sorts and meta', async () => {
    const merged = join(root, 'merged');
    const result = await mergeSearchBundles(partDirs(), merged, { sortValuesOf, indexChunkSize: Number(CHUNK_SIZE) });
    expect(result.pageCount).toBe(50);

    const expected = modelOf(single());
    const actual = modelOf(merged);
    // The corpus exercises what it should: two languages, many chunks, variants, a renumbered meta field.
    const chinese = expected.languages.find((language) => language.language === 'zh-cn')!;
    expect(expected.languages.map((language) => language.language).sort()).toEqual(['en', 'zh-cn']);
    expect(chinese.chunkCount).toBeGreaterThan(20);
    expect(chinese.metaFields).toEqual(['date', 'image', 'source', 'title']);
    expect(expected.languages.find((language) => language.language === 'en')!.words['cafe']).toMatchObject({
      pages: [],
      variants: [['café', expect.any(Array)]],
    });
    expect(chinese.sorts.map(([key]) => key)).toEqual(['date', 'rank', 'weight']);

    expect(actual.version).toBe(expected.version);
    for (const language of expected.languages) {
      const mergedLanguage = actual.languages.find((candidate) => candidate.language === language.language);
      expect(mergedLanguage?.pageCount).toBe(language.pageCount);
      expect(mergedLanguage?.urls).toEqual(language.urls);
      expect(mergedLanguage?.wordCounts).toEqual(language.wordCounts);
      expect(Object.keys(mergedLanguage?.words ?? {}).sort()).toEqual(Object.keys(language.words).sort());
      for (const [word, pages] of Object.entries(language.words)) expect(mergedLanguage?.words[word], word).toEqual(pages);
      expect(mergedLanguage?.filters).toEqual(language.filters);
      expect(mergedLanguage?.sorts).toEqual(language.sorts);
      expect(mergedLanguage?.metaFields).toEqual(language.metaFields);
      expect(mergedLanguage?.chunkCount).toBe(language.chunkCount);
      expect(mergedLanguage?.wasm).toBe(language.wasm);
    }
  });

  it('writes the same files, under the same names, with the same content once unpacked', async () => {
    const merged = join(root, 'merged-files');
    await mergeSearchBundles(partDirs(), merged, { sortValuesOf, indexChunkSize: Number(CHUNK_SIZE) });
    expect(contentsOf(merged)).toEqual(contentsOf(single()));
  });

  it('gives a page whose fragment name another part already uses a longer name, as one session does', async () => {
    // Two pages whose fragments' hashes start alike: the first 7 hex digits name a fragment.
    const page = (id: number) => ({
      url: `/c/${id}/`,
      html: '<html lang="en"><head><title>Same</title></head><body><main data-pagefind-body><h1>Same</h1><p>alpha beta</p></main></body></html>',
      fragment: `{"url":"/c/${id}/","content":"Same. alpha beta.","word_count":3,"filters":{},"meta":{"title":"Same"},"anchors":[]}`,
    });
    const shortName = (text: string) =>
      [...createHash('sha1').update(text).digest()]
        .map((byte) => byte.toString(16))
        .join('')
        .slice(0, 7);
    const seen = new Map<string, number>();
    let pair: [number, number] | undefined;
    for (let id = 0; !pair; id++) {
      const name = shortName(page(id).fragment);
      const earlier = seen.get(name);
      if (earlier === undefined) seen.set(name, id);
      else pair = [earlier, id];
    }
    const [first, second] = pair.map(page) as [ReturnType<typeof page>, ReturnType<typeof page>];
    const dir = join(root, 'collision');
    await indexBundle([first, page(-1), second], join(dir, 'single'));
    await indexBundle([first, page(-1)], join(dir, 'a'));
    await indexBundle([second], join(dir, 'b'));
    const singleNames = readdirSync(join(dir, 'single', 'fragment'));
    expect(singleNames.map((name) => name.length).sort()).toEqual([22, 22, 23]);

    await mergeSearchBundles([join(dir, 'a'), join(dir, 'b')], join(dir, 'merged'));
    expect(contentsOf(join(dir, 'merged'))).toEqual(contentsOf(join(dir, 'single')));
  });

  it('refuses a page that is in two parts', async () => {
    await expect(mergeSearchBundles([partDirs()[0]!, partDirs()[0]!], join(root, 'twice'), { sortValuesOf })).rejects.toThrow(/same page/);
  });

  it('refuses sort values that do not order a part as it was indexed, and missing ones', async () => {
    const shifted = (url: string) => {
      const values = sortValuesOf(url);
      return values?.date ? { ...values, date: values.date.replace(/^20(\d\d)/, (_, year: string) => `20${String(40 - Number(year))}`) } : values;
    };
    await expect(mergeSearchBundles(partDirs(), join(root, 'shifted'), { sortValuesOf: shifted })).rejects.toThrow(/date sort values given .* order/);
    await expect(mergeSearchBundles(partDirs(), join(root, 'unsorted'))).rejects.toThrow(/sortValuesOf/);
  });

  it('refuses a bundle of another Pagefind version, naming its file, and a folder that is not empty', async () => {
    const older = join(root, 'older');
    cpSync(partDirs()[1]!, older, { recursive: true });
    const entryFile = join(older, 'pagefind-entry.json');
    writeFileSync(entryFile, readFileSync(entryFile, 'utf8').replace(/"version":"[^"]+"/, '"version":"1.5.2"'));
    await expect(mergeSearchBundles([partDirs()[0]!, older], join(root, 'mixed'), { sortValuesOf })).rejects.toThrow(entryFile);
    await expect(mergeSearchBundles(partDirs(), single(), { sortValuesOf })).rejects.toThrow(/must be empty/);
  });
});
