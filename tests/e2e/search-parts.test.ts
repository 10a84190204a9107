import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { useServedSite } from '../support/served-site.ts';

// Parts of about five announcements: the sample site's index comes in four parts.
const site = useServedSite(join(PROJECT_ROOT, 'content'), 'search-parts', { GAZETTE_SEARCH_PART_SIZE: '5' });

describe('a search index built in parts', () => {
  it('writes the older parts beside the primary bundle', () => {
    expect(site.build.stdout).toMatch(/indexed 19 pages for search in 4 part\(s\)/);
    for (const part of ['part-1', 'part-2', 'part-3']) expect(existsSync(join(site.build.dist, 'pagefind', part, 'pagefind-entry.json')), part).toBe(true);
  });

  it('finds announcements from several parts in one query', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/search/`);
    // Few results per query: the results list loads an item's data only when it scrolls into view.
    await page.locator('pagefind-input input').fill('元旦放假');
    const results = page.locator('pagefind-results');
    await expect.poll(() => results.innerText(), { timeout: 15_000 }).toContain('关于2016年元旦放假安排的通知');
    await expect.poll(() => results.innerText(), { timeout: 15_000 }).toContain('关于2017年元旦放假安排的通知');
    // 2015's and 2016's notices are in parts 2 and 3; this one is in the primary part.
    await page.locator('pagefind-input input').fill('冬季安全生产大检查');
    await expect.poll(() => results.innerText(), { timeout: 15_000 }).toContain('关于开展冬季安全生产大检查的通知');
    await page.locator('pagefind-input input').fill('安全社区');
    await expect.poll(() => results.innerText(), { timeout: 15_000 }).toContain('今年遂宁将建成7个省级安全社区');
    await page.close();
  });
});
