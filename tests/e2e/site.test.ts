import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { sampleBuild } from '../support/sample-build.ts';
import { useServedSite } from '../support/served-site.ts';

const site = useServedSite(sampleBuild);
const SCREENSHOTS = join(PROJECT_ROOT, 'test-results/screenshots');

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

