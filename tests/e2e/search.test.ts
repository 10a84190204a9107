/**
 * The search page as readers use it, in Chromium on the sample site: the address is the
 * search, results come ten a page with only their own data fetched, the phrase comes first,
 * an empty result says so, and the page follows the site's type scale and works on a phone.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { sampleBuild } from '../support/sample-build.ts';
import { useServedSite } from '../support/served-site.ts';

const site = useServedSite(sampleBuild);
const SCREENSHOTS = join(PROJECT_ROOT, 'test-results/screenshots');
const SEED = '/announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/';

const titles = (page: Page) => page.locator('.app-result__link').allInnerTexts();
const links = (page: Page) => page.locator('.app-result__link').evaluateAll((found) => found.map((link) => link.getAttribute('href')));
const status = (page: Page) => page.locator('#app-search-status').innerText();
/** Waits for the results of the search in the address to be drawn. */
const searched = (page: Page) => expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/^共找到 \d+ 条/);

async function openSearch(path: string, { width = 1280 } = {}) {
  const context = await site.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const fragments: string[] = [];
  const policyViolations: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/pagefind/fragment/')) fragments.push(request.url());
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) policyViolations.push(message.text());
  });
  await page.goto(`${site.url}${path}`);
  return { context, page, fragments, policyViolations };
}

describe('the search page', () => {
  it('shows the results of the search in its address, the seed announcement first for 安全社区', async () => {
    const { context, page, policyViolations } = await openSearch(`/search/?q=${encodeURIComponent('安全社区')}`);
    await searched(page);
    expect((await links(page))[0]).toBe(SEED);
    expect(await page.locator('.app-result').first().innerText()).toContain('遂宁市人民政府');
    expect(await page.locator('#app-search-page-q').inputValue()).toBe('安全社区');
    // The site's strict Content-Security-Policy lets search run.
    expect(policyViolations).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'search-results-1280.png'), fullPage: true });
    await context.close();
  });

  it('finds the seed announcement by its source and by a word inside a longer one', async () => {
    for (const query of ['安监局', '民生工程', '实事']) {
      const { context, page } = await openSearch(`/search/?q=${encodeURIComponent(query)}`);
      await searched(page);
      expect(await links(page), query).toContain(SEED);
      await context.close();
    }
  });

  it('marks the query words as typed in the excerpt, with Chinese ellipses', async () => {
    const { context, page } = await openSearch(`/search/?q=${encodeURIComponent('安全社区')}`);
    await searched(page);
    const marks = await page.locator('.app-result__excerpt mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(marks.filter((mark) => ['安全社区', '安全', '社区'].includes(mark))));
    const excerpt = await page.locator('.app-result__excerpt').first().innerText();
    expect(excerpt).toMatch(/……/);
    expect(excerpt).not.toMatch(/qx[a-z]{4}|\. /);
    await context.close();
  });

  it('shows each result where the query stands, however many paragraphs come before it', async () => {
    // 活动总结 stands near the end of the two listed announcements that hold it, after a dozen blocks.
    const { context, page } = await openSearch(`/search/?q=${encodeURIComponent('活动总结')}`);
    await searched(page);
    const holders = ['/announcements/2016/safety-month-plan/', '/announcements/2016/safety-month-plan-interpretation/'];
    expect(new Set((await links(page)).slice(0, 2))).toEqual(new Set(holders));
    for (const excerpt of (await page.locator('.app-result__excerpt').all()).slice(0, 2)) expect(await excerpt.locator('mark').allInnerTexts()).toContain('活动总结');
    await context.close();
  });

  it('applies a filter and the date order from the address, and shows them in the form', async () => {
    const { context, page } = await openSearch(`/search/?q=${encodeURIComponent('放假')}&sort=date`);
    await searched(page);
    expect(await titles(page)).toEqual(['关于2017年元旦放假安排的通知', '关于2016年端午节放假安排的通知', '关于2016年元旦放假安排的通知', '关于2015年端午节放假安排的通知']);
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('放假')}&year=2016&sort=date`);
    await searched(page);
    expect(await titles(page)).toEqual(['关于2017年元旦放假安排的通知', '关于2016年端午节放假安排的通知']);
    expect(await page.getByRole('combobox', { name: '年份' }).inputValue()).toBe('2016');
    expect(await page.getByRole('combobox', { name: '排序' }).inputValue()).toBe('date');
    await context.close();
  });

  it('puts the address of a filter chosen in the form, as a new history entry', async () => {
    const { context, page } = await openSearch(`/search/?q=${encodeURIComponent('放假')}`);
    await searched(page);
    await page.getByRole('combobox', { name: '来源' }).selectOption('遂宁市人民政府');
    await page.getByRole('combobox', { name: '年份' }).selectOption('2015');
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2015');
    expect(new URL(page.url()).searchParams.get('source')).toBe('遂宁市人民政府');
    // 2015 is the year of publication: the 2016 New Year notice came out in December 2015.
    await expect.poll(async () => (await titles(page)).sort()).toEqual(['关于2015年端午节放假安排的通知', '关于2016年元旦放假安排的通知']);
    await page.goBack();
    await expect.poll(() => page.getByRole('combobox', { name: '年份' }).inputValue()).toBe('');
    await expect.poll(async () => (await titles(page)).length).toBe(4);
    await context.close();
  });

  it('updates the address while the reader types, and goes back to the previous search', async () => {
    const { context, page } = await openSearch(`/search/?q=${encodeURIComponent('安全社区')}`);
    await searched(page);
    const entries = await page.evaluate(() => history.length);
    await page.locator('#app-search-page-q').fill('放假');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('放假');
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await expect.poll(async () => (await titles(page)).length).toBe(4);
    await page.locator('#app-search-page-q').press('Enter');
    expect(await page.evaluate(() => history.length)).toBe(entries + 1);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('安全社区');
    expect(await page.locator('#app-search-page-q').inputValue()).toBe('安全社区');
    await expect.poll(async () => (await links(page))[0]).toBe(SEED);
    await context.close();
  });

  it('shows ten results a page, fetching only the shown results', async () => {
    const { context, page, fragments } = await openSearch(`/search/?q=${encodeURIComponent('遂宁')}`);
    await searched(page);
    const total = Number(/共找到 (\d+) 条/.exec(await status(page))![1]);
    expect(total).toBeGreaterThan(10);
    expect(await page.locator('.app-result').count()).toBe(10);
    expect(fragments).toHaveLength(10);
    await page.getByRole('link', { name: '下一页，第2页' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
    await expect.poll(() => page.locator('.app-result').count()).toBe(total - 10);
    expect(fragments).toHaveLength(total);
    expect(await page.locator('#app-search-list').getAttribute('start')).toBe('11');
    expect(await status(page)).toContain('第 2/2 页');
    await context.close();
  });

  it('puts results that hold the query as written before those that hold its words apart', async () => {
    const { context, page } = await openSearch(`/search/?q=${encodeURIComponent('工作 通知')}`);
    await searched(page);
    const holdsPhrase: boolean[] = [];
    for (const href of await links(page)) {
      const html = await (await fetch(`${site.url}${href}`)).text();
      holdsPhrase.push(html.replace(/<[^>]+>/g, '').includes('工作通知'));
    }
    expect(holdsPhrase).toContain(true);
    expect(holdsPhrase).toContain(false);
    expect(holdsPhrase.indexOf(false)).toBeGreaterThan(holdsPhrase.lastIndexOf(true));
    await context.close();
  });

  it('says when no announcement holds the query, with ways to go on, rather than matching a single character', async () => {
    const { context, page } = await openSearch(`/search/?q=${encodeURIComponent('火星基地')}`);
    await searched(page);
    expect(await status(page)).toBe('共找到 0 条');
    expect(await page.locator('.app-result').count()).toBe(0);
    const empty = page.locator('#app-search-empty');
    expect(await empty.isVisible()).toBe(true);
    expect(await empty.innerText()).toContain('火星基地');
    expect(await empty.getByRole('link', { name: '发布机构' }).getAttribute('href')).toBe('/sources/');
    await context.close();
  });

  it('does not match site chrome such as the footer', async () => {
    const { context, page } = await openSearch(`/search/?q=${encodeURIComponent('"主办单位"')}`);
    await searched(page);
    expect(await status(page)).toBe('共找到 0 条');
    await context.close();
  });

  it('sets result titles at least as large as the body text at 特大', async () => {
    const { context, page } = await openSearch(`/search/?q=${encodeURIComponent('放假')}`);
    await page.getByRole('button', { name: '特大' }).click();
    await searched(page);
    const sizes = await page.evaluate(() => {
      const size = (selector: string) => Number.parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize);
      return { title: size('.app-result__title'), body: size('.app-result__excerpt'), status: size('#app-search-status'), filter: size('.app-search__select'), root: size('html') };
    });
    expect(sizes.root).toBe(26);
    expect(sizes.title).toBeGreaterThanOrEqual(sizes.body);
    expect(sizes.status).toBeGreaterThanOrEqual(sizes.body);
    expect(sizes.filter).toBeGreaterThanOrEqual(sizes.root * 0.95);
    await context.close();
  });

  it('folds the filters into one 筛选 control above the results on a phone, and always shows them on a wide screen', async () => {
    const phone = await openSearch(`/search/?q=${encodeURIComponent('放假')}`, { width: 360 });
    await searched(phone.page);
    expect(await phone.page.getByRole('combobox', { name: '来源' }).isVisible()).toBe(false);
    const toggle = phone.page.locator('.app-search__filters-toggle');
    expect(await toggle.isVisible()).toBe(true);
    const [toggleBox, statusBox] = [await toggle.boundingBox(), await phone.page.locator('#app-search-status').boundingBox()];
    expect(toggleBox!.y).toBeLessThan(statusBox!.y);
    await toggle.click();
    expect(await phone.page.getByRole('combobox', { name: '来源' }).isVisible()).toBe(true);
    await phone.page.screenshot({ path: join(SCREENSHOTS, 'search-filters-360.png'), fullPage: true });
    await phone.context.close();

    const wide = await openSearch('/search/');
    expect(await wide.page.getByRole('combobox', { name: '来源' }).isVisible()).toBe(true);
    expect(await wide.page.locator('.app-search__filters-toggle').isVisible()).toBe(false);
    await wide.context.close();
  });

  it('says without JavaScript that search needs it, and links to the listings', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('安全社区')}`);
    const notice = page.locator('.app-search__noscript');
    expect(await notice.innerText()).toContain('JavaScript');
    expect(await notice.getByRole('link', { name: '按月份浏览全部公告' }).getAttribute('href')).toBe('/archive/');
    await context.close();
  });
});
