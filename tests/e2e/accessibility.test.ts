import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { sampleBuild } from '../support/sample-build.ts';
import { useServedSite } from '../support/served-site.ts';

const site = useServedSite(sampleBuild);

const PAGES = {
  home: '/',
  announcement: '/announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/',
  table: '/announcements/2015/economy-first-half/',
  source: '/sources/suining/',
  archive: '/archive/2015/05/',
  'not-found': '/no-such-page/',
  column: '/columns/tzgg/',
  'home-page-2': '/page/2/',
  withdrawn: '/announcements/2016/recruitment-withdrawn/',
  'also-published': '/announcements/2016/safety-month-plan/',
  sources: '/sources/',
  year: '/archive/2016/',
  'archive-index': '/archive/',
  sitemap: '/sitemap/',
  subscribe: '/subscribe/',
  'with-image': '/announcements/2016/safety-consultation-day/',
  interpretation: '/announcements/2016/safety-month-plan-interpretation/',
  abolished: '/announcements/2016/approval-items/',
  catalogue: '/catalogue/',
  'catalogue-filtered': '/catalogue/topic/laodong-renshi-jiancha/',
  statistics: '/statistics/',
};

describe('WCAG 2.1 A/AA (axe-core)', () => {
  for (const width of [360, 1280]) {
    for (const [name, path] of Object.entries(PAGES)) {
      it(`${name} at ${width} px has no violations`, async () => {
        const context = await site.browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${site.url}${path}`);
        const results = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await context.close();
      });
    }
    it(`the header's 无障碍 and 搜索 panels, opened, at ${width} px have no violations`, async () => {
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${site.url}/`);
      // On a phone each panel opens from its header button; on a wide screen both are always shown.
      for (const button of width < 768 ? ['无障碍', '搜索'] : [null]) {
        if (button) await page.getByRole('button', { name: button, exact: true }).click();
        const results = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), button ?? 'both').toEqual([]);
        if (button) await page.keyboard.press('Escape');
      }
      await context.close();
    });
    for (const [state, path, shown] of [
      ['results, with a filter chosen', '/search/?q=安全生产&year=2016', '.app-result'],
      ['no result', '/search/?q=火星基地', '#app-search-empty:not([hidden])'],
    ] as const) {
      it(`search with ${state} at ${width} px has no violations`, async () => {
        const context = await site.browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${site.url}${path}`);
        await page.locator(shown).first().waitFor({ timeout: 15_000 });
        // On a phone the 筛选 panel is open whenever a filter is chosen; opened here either way.
        await page.locator('#app-search-filters').evaluate((details) => ((details as HTMLDetailsElement).open = true));
        const results = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await context.close();
      });
    }
  }
});
