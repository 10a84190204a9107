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
    it(`search with results shown at ${width} px has no violations`, async () => {
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
      await page.goto(`${site.url}/search/`);
      await page.locator('pagefind-input input').fill('安全社区');
      await page.locator('pagefind-results a').first().waitFor({ timeout: 15_000 });
      const results = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await context.close();
    });
  }
});
