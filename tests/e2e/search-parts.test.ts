import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { spellQuery } from '../../src/lib/search-spelling.ts';
import { buildSite, PROJECT_ROOT, type BuildResult } from '../support/build-site.ts';
import { sampleBuild } from '../support/sample-build.ts';
import { useServedSite } from '../support/served-site.ts';

// Parts of about six announcements: the sample site is indexed in four parts, then merged.
const inParts = useServedSite(() => buildSite(join(PROJECT_ROOT, 'content'), 'search-parts', { env: { GAZETTE_SEARCH_PART_SIZE: '6' } }));
// The same announcements indexed by one Pagefind process: the shared build, at the default
// part size of 500.
const inOne = useServedSite(sampleBuild);

/** How many pages the build indexed, in how many parts, from its log line. */
function indexedParts(build: BuildResult): { pages: number; parts: number; merged: boolean } {
  const line = /indexed (\d+) pages for search in (\d+) part\(s\), (\d+) reused(, merged into one index)?/.exec(build.stdout);
  if (!line) throw new Error(`no search index line in the build log:\n${build.stdout}`);
  return { pages: Number(line[1]), parts: Number(line[2]), merged: line[4] !== undefined };
}

/** The folders of the build's search cache: part folders (named by digest) and merged ones. */
function searchCache(build: BuildResult): { parts: string[]; merged: string[]; other: string[] } {
  const names = readdirSync(join(build.cache, 'gazette-search')).sort();
  return {
    parts: names.filter((name) => /^[0-9a-f]{24}$/.test(name)),
    merged: names.filter((name) => /^merged-[0-9a-f]{24}$/.test(name)),
    other: names.filter((name) => !/^(merged-)?[0-9a-f]{24}$/.test(name)),
  };
}

const entryOf = (folder: string) => JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
const pageCount = (folder: string) => Object.values(entryOf(folder).languages).reduce((sum, language) => sum + language.page_count, 0);

/** Which part (its cache folder) indexed each URL, read from the parts' fragments. */
function partsByUrl(build: BuildResult): Map<string, string> {
  const partOf = new Map<string, string>();
  for (const part of searchCache(build).parts) {
    const fragments = join(build.cache, 'gazette-search', part, 'fragment');
    for (const name of readdirSync(fragments)) {
      const bytes = gunzipSync(readFileSync(join(fragments, name)));
      const { url } = JSON.parse(bytes.subarray(bytes.indexOf('{')).toString('utf8')) as { url: string };
      partOf.set(url, part);
    }
  }
  return partOf;
}

interface Found {
  count: number;
  results: { id: string; score: number }[];
  filters: unknown;
}

/**
 * What Pagefind's own API finds on a served site, for each search. The script is a string:
 * Vitest rewrites `import()` in functions, which the browser then cannot run.
 */
async function search(page: Page, siteUrl: string, searches: [string | null, object][]): Promise<Found[]> {
  await page.goto(`${siteUrl}/`);
  return page.evaluate(`(async (searches) => {
    const pagefind = await import('/pagefind/pagefind.js');
    const found = [];
    for (const [term, options] of searches) {
      const { results, filters } = await pagefind.search(term, options);
      // Equal scores may come in either order: the two indexes number their pages differently.
      const scored = results.map(({ id, score }) => ({ id, score: Math.round(score * 1e4) / 1e4 }));
      scored.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
      found.push({ count: results.length, results: scored, filters });
    }
    return found;
  })(${JSON.stringify(searches)})`);
}

describe('a search index built in parts', () => {
  it('is built in several parts, each its own Pagefind index, and merged into the index the site serves', () => {
    const { pages, parts, merged } = indexedParts(inParts.build);
    expect(pages).toBe(22);
    expect(parts).toBe(4);
    expect(merged).toBe(true);
    // Each part was indexed on its own: a Pagefind bundle in the cache holding some of the pages.
    const cache = searchCache(inParts.build);
    expect(cache.parts).toHaveLength(parts);
    // Beside them, Pagefind's runtime files, served beside the index.
    expect(cache.other).toEqual(['runtime']);
    expect(existsSync(join(inParts.build.cache, 'gazette-search', 'runtime', 'pagefind-entry.json'))).toBe(false);
    const counts = cache.parts.map((part) => pageCount(join(inParts.build.cache, 'gazette-search', part)));
    for (const count of counts) expect(count).toBeGreaterThan(0);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(pages);
    // The merge wrote one index of every page, and that is what dist/ serves.
    expect(cache.merged).toHaveLength(1);
    const mergedFolder = join(inParts.build.cache, 'gazette-search', cache.merged[0]!);
    expect(pageCount(mergedFolder)).toBe(pages);
    expect(readFileSync(join(inParts.build.dist, 'pagefind/pagefind-entry.json'), 'utf8')).toBe(readFileSync(join(mergedFolder, 'pagefind-entry.json'), 'utf8'));
    expect(existsSync(join(inParts.build.dist, 'pagefind/pagefind.js'))).toBe(true);
  });

  it('is compared with an index of one part, which needs no merge', () => {
    expect(indexedParts(inOne.build)).toEqual({ pages: 22, parts: 1, merged: false });
    const cache = searchCache(inOne.build);
    expect(cache.parts).toHaveLength(1);
    expect(cache.merged).toEqual([]);
    expect(pageCount(join(inOne.build.dist, 'pagefind'))).toBe(22);
  });

  it('finds, scores, filters and sorts exactly as one index over the same announcements', async () => {
    // As the search page asks them: one index word a search, in the index spelling.
    const term = (query: string) => spellQuery(query).phrase[0]!.term;
    const searches: [string | null, object][] = [
      [term('安全'), {}],
      ...spellQuery('冬季安全生产大检查').phrase.map(({ term }): [string, object] => [term, {}]),
      [term('火'), {}],
      [spellQuery('2016年1月').phrase[1]!.term, {}],
      [term('通知'), { filters: { 年份: '2016' } }],
      [term('通知'), { sort: { date: 'desc' } }],
      [null, { filters: { 来源: '遂宁市人民政府' } }],
    ];
    const page = await inParts.browser.newPage();
    const merged = await search(page, inParts.url, searches);
    const single = await search(page, inOne.url, searches);
    await page.close();
    expect(merged.map(({ count }) => count)).toEqual(single.map(({ count }) => count));
    for (const found of merged) expect(found.count).toBeGreaterThan(0);
    expect(merged).toEqual(single);
  });

  it('finds announcements from every part through the search page', async () => {
    const page = await inParts.browser.newPage();
    const results = page.locator('#app-search-list');
    const found = new Set<string>();
    const searchFor = async (query: string, titles: string[]) => {
      await page.goto(`${inParts.url}/search/?q=${encodeURIComponent(query)}`);
      for (const title of titles) await expect.poll(() => results.innerText(), { timeout: 15_000 }).toContain(title);
      for (const href of await results.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))) if (href) found.add(href);
    };
    await searchFor('元旦放假', ['关于2016年元旦放假安排的通知', '关于2017年元旦放假安排的通知']);
    await searchFor('冬季安全生产大检查', ['关于开展冬季安全生产大检查的通知']);
    await searchFor('安全社区', ['今年遂宁将建成7个省级安全社区']);
    await searchFor('职称评审', ['关于做好2016年度职称评审工作的通知']);
    await page.close();
    // The announcements found were indexed in every one of the four parts.
    const partOf = partsByUrl(inParts.build);
    expect(new Set([...found].map((url) => partOf.get(url))).size).toBe(4);
  });
});
