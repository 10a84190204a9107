import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { sampleBuild } from '../support/sample-build.ts';
import { useServedSite } from '../support/served-site.ts';

const site = useServedSite(sampleBuild);
const SCREENSHOTS = join(PROJECT_ROOT, 'test-results/screenshots');

describe('search in a real browser', () => {
  for (const query of ['安全社区', '安监局', '民生工程']) {
    it(`finds the seed announcement for ${query}`, async () => {
      const page = await site.browser.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
      });
      await page.goto(`${site.url}/search/`);
      await page.locator('pagefind-input input').fill(query);
      const result = page.locator('pagefind-results a', { hasText: '今年遂宁将建成7个省级安全社区' });
      await result.first().waitFor({ timeout: 15_000 });
      expect(await result.first().getAttribute('href')).toBe('/announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/');
      await expect.poll(() => page.locator('pagefind-results').innerText()).toContain('遂宁市人民政府');
      // The site's strict Content-Security-Policy lets search run.
      expect(violations).toEqual([]);
      if (query === '安全社区') await page.screenshot({ path: join(SCREENSHOTS, 'search-results-1280.png'), fullPage: true });
      await page.close();
    });
  }

  it('orders results newest first on request', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/search/`);
    await page.locator('pagefind-input input').fill('放假安排');
    const titles = () => page.locator('pagefind-results a').allInnerTexts();
    await expect.poll(async () => (await titles()).length, { timeout: 15_000 }).toBe(4);
    await page.locator('#app-search-sort').selectOption('date:desc');
    await expect
      .poll(titles, { timeout: 15_000 })
      .toEqual(['关于2017年元旦放假安排的通知', '关于2016年端午节放假安排的通知', '关于2016年元旦放假安排的通知', '关于2015年端午节放假安排的通知']);
    await page.close();
  });

  it('does not match site chrome such as the footer', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/search/`);
    await page.locator('pagefind-input input').fill('主办单位');
    await expect.poll(() => page.locator('pagefind-summary').innerText(), { timeout: 15_000 }).toContain('未找到');
    expect(await page.locator('pagefind-results a').count()).toBe(0);
    await page.close();
  });
});

describe('font size switch', () => {
  it('enlarges text with a real button and keeps the choice on the next page', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    const fontSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(await fontSize()).toBe('18px');
    // On a phone the controls fold behind the header's 无障碍 button.
    await page.getByRole('button', { name: '无障碍' }).click();
    const large = page.getByRole('button', { name: '大', exact: true });
    await large.click();
    expect(await fontSize()).toBe('22px');
    expect(await large.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: '今年遂宁将建成7个省级安全社区' }).or(page.locator('a.app-list__title').first()).first().click();
    await page.waitForLoadState();
    expect(await fontSize()).toBe('22px');
    // Folded away on a phone, the button still shows the choice.
    expect(await page.locator('button[data-font-size="large"]').getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: join(SCREENSHOTS, 'announcement-large-360.png'), fullPage: true });
    await context.close();
  });
});

describe('screenshots', () => {
  const pages = {
    home: '/',
    announcement: '/announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/',
    source: '/sources/suining/',
    archive: '/archive/2015/05/',
    search: '/search/',
    'not-found': '/no-such-page/',
  };
  for (const width of [360, 1280]) {
    it(`saves each page type at ${width} px without sideways scrolling`, async () => {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${site.url}${path}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
      }
      await page.close();
    });
  }
});

