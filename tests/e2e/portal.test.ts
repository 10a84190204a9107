/**
 * The portal's pages in a real browser (issue 12): a compact header on phones, figures and
 * dates that never break across lines at 特大, the header's search form, the folded 无障碍
 * controls, 打印本页, dense listings with tap targets, the footer at the window's bottom, the
 * feed stylesheet, and screenshots of every page type at 360 and 1280 px, at 中 and 特大.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { site as siteConfig } from '../../src/data/site.ts';
import { feedStylesheet } from '../../src/lib/feed-stylesheet.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { sampleBuild } from '../support/sample-build.ts';
import { useServedSite } from '../support/served-site.ts';

const site = useServedSite(sampleBuild);
const SCREENSHOTS = join(PROJECT_ROOT, 'test-results/screenshots');

/** One page of each type, and the announcements whose figures are hardest to keep whole. */
const PAGES = {
  home: '/',
  'home-page-2': '/page/2/',
  column: '/columns/tzgg/',
  announcement: '/announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/',
  'announcement-table': '/announcements/2016/statistics-bulletin-2015/',
  'announcement-index-number': '/announcements/2016/community-workers-recruitment/',
  'announcement-withdrawn': '/announcements/2016/recruitment-withdrawn/',
  'announcement-also-published': '/announcements/2016/safety-month-plan/',
  'announcement-image': '/announcements/2016/safety-consultation-day/',
  'announcement-interpretation': '/announcements/2016/safety-month-plan-interpretation/',
  'announcement-abolished': '/announcements/2016/approval-items/',
  catalogue: '/catalogue/',
  'catalogue-filtered': '/catalogue/publisher/renshe/',
  statistics: '/statistics/',
  sources: '/sources/',
  source: '/sources/suining/',
  archive: '/archive/',
  year: '/archive/2016/',
  month: '/archive/2015/05/',
  search: '/search/',
  sitemap: '/sitemap/',
  subscribe: '/subscribe/',
  'not-found': '/no-such-page/',
};
type Size = 'medium' | 'x-large';

async function open(browser: Browser, path: string, width: number, size: Size = 'medium', height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  // The reader's stored choice, as the reading controls leave it.
  if (size !== 'medium') await context.addInitScript((value) => localStorage.setItem('gazette-font-size', value), size);
  const page = await context.newPage();
  await page.goto(`${site.url}${path}`);
  return page;
}
const close = (page: Page) => page.context().close();

/**
 * Figures that break across lines: a number in a <time> or a table cell, a <time>'s day
 * (2015年05月20日), or anything in a no-wrap span, whose client rects lie on more than one line.
 */
function brokenFigures(): string[] {
  const lines = (range: Range) => new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top))).size;
  const broken: string[] = [];
  const check = (node: Text, start: number, end: number, what: string) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    if (lines(range) > 1) broken.push(`${what}: ${node.data.slice(start, end)}`);
  };
  for (const element of document.querySelectorAll('time, td, th')) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (const match of node.data.matchAll(/\d+(?:[.,:：\-–]\d+)*[%‰]?/g)) check(node, match.index, match.index + match[0].length, element.tagName);
      if (element.tagName === 'TIME') for (const match of node.data.matchAll(/\d{4}年\d{2}月\d{2}日/g)) check(node, match.index, match.index + match[0].length, 'TIME day');
    }
  }
  for (const span of document.querySelectorAll('.app-nowrap')) {
    const range = document.createRange();
    range.selectNodeContents(span);
    if (lines(range) > 1) broken.push(`no-wrap span: ${span.textContent}`);
  }
  return broken;
}

describe('a phone\'s screen', () => {
  it('has at most 120 px of header and 当前位置 above the page\'s <h1> at the default size', async () => {
    const page = await open(site.browser, '/', 360, 'medium', 740);
    for (const [name, path] of Object.entries(PAGES)) {
      await page.goto(`${site.url}${path}`);
      const top = await page.locator('h1').first().evaluate((h1) => h1.getBoundingClientRect().top);
      expect(top, name).toBeLessThanOrEqual(120);
    }
    await close(page);
  });

  for (const width of [320, 360]) {
    it(`keeps every date, number in a table and figure on one line at 特大, ${width} px wide, without sideways scrolling`, async () => {
      const page = await open(site.browser, '/', width, 'x-large', 740);
      expect(await page.evaluate(() => document.documentElement.dataset.fontSize)).toBe('x-large');
      for (const [name, path] of Object.entries(PAGES)) {
        await page.goto(`${site.url}${path}`);
        expect(await page.evaluate(brokenFigures), name).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
      }
      await close(page);
    });
  }

  it('does not scroll sideways at 320 px at the default size', async () => {
    const page = await open(site.browser, '/', 320);
    for (const [name, path] of Object.entries(PAGES)) {
      await page.goto(`${site.url}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), name).toBeLessThanOrEqual(0);
    }
    await close(page);
  });

  it('lists announcements in rows at least 44 px tall, each wholly its title\'s link', async () => {
    const page = await open(site.browser, '/columns/tzgg/', 360);
    const rows = await page.locator('.app-list__item').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().height));
    expect(rows.length).toBeGreaterThan(3);
    for (const height of rows) expect(height).toBeGreaterThanOrEqual(44);
    // A tap anywhere in a row, its date included, opens the announcement.
    const first = page.locator('.app-list__item').first();
    const href = await first.locator('a').getAttribute('href');
    const date = (await first.locator('time').boundingBox())!;
    await Promise.all([page.waitForURL(`**${href}`), page.mouse.click(date.x + date.width / 2, date.y + date.height / 2)]);
    await close(page);
  });

  it('shows the QR code on a wide screen and on paper, not on a phone', async () => {
    const phone = await open(site.browser, PAGES.announcement, 360);
    expect(await phone.locator('.app-qr').isVisible()).toBe(false);
    await phone.emulateMedia({ media: 'print' });
    expect(await phone.locator('.app-qr').isVisible()).toBe(true);
    expect(await phone.locator('.app-header').isVisible()).toBe(false);
    await close(phone);
    const desktop = await open(site.browser, PAGES.announcement, 1280);
    expect(await desktop.locator('.app-qr').isVisible()).toBe(true);
    await close(desktop);
  });
});

describe('the header', () => {
  it('submits q to the search page with a plain Enter on a wide screen', async () => {
    const page = await open(site.browser, PAGES.column, 1280);
    await page.locator('#app-search-q').fill('安全社区');
    await Promise.all([page.waitForURL('**/search/?q=*'), page.locator('#app-search-q').press('Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('安全社区');
    await close(page);
  });

  it('opens the search form from its 搜索 button on a phone, with the focus in it', async () => {
    const page = await open(site.browser, PAGES.announcement, 360);
    expect(await page.locator('#app-search-q').isVisible()).toBe(false);
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('app-search-q');
    await page.keyboard.type('放假');
    await Promise.all([page.waitForURL('**/search/?q=*'), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('放假');
    await close(page);
  });

  it('folds 字号 and 高对比度 behind one 无障碍 button on a phone, which Esc closes', async () => {
    const page = await open(site.browser, PAGES.announcement, 360);
    const huge = page.getByRole('button', { name: '特大' });
    expect(await huge.isVisible()).toBe(false);
    await page.getByRole('button', { name: '无障碍' }).click();
    await huge.click();
    expect(await page.evaluate(() => document.documentElement.dataset.fontSize)).toBe('x-large');
    await page.getByRole('button', { name: '高对比度' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.contrast)).toBe('high');
    await page.keyboard.press('Escape');
    expect(await huge.isVisible()).toBe(false);
    await close(page);
  });
});

describe('an announcement', () => {
  it('prints with its 打印本页 button, shown once the script runs', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    const page = await context.newPage();
    await page.goto(`${site.url}${PAGES.announcement}`);
    await page.getByRole('button', { name: '打印本页' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await context.close();
  });

  it('keeps its body text in lines of at most 40 characters on a wide screen, justified with 2-em indents', async () => {
    const page = await open(site.browser, PAGES.announcement, 1280);
    const paragraph = await page.locator('.app-body p').first().evaluate((p) => {
      const style = getComputedStyle(p);
      return { perLine: p.getBoundingClientRect().width / parseFloat(style.fontSize), align: style.textAlign, indent: parseFloat(style.textIndent) / parseFloat(style.fontSize) };
    });
    expect(paragraph.perLine).toBeLessThanOrEqual(40);
    expect(paragraph).toMatchObject({ align: 'justify', indent: 2 });
    await close(page);
  });
});

describe('the footer', () => {
  for (const [width, height] of [[360, 740], [1280, 900]] as const) {
    it(`stays at the bottom of the window on a short page at ${width} px`, async () => {
      const page = await open(site.browser, '/no-such-page/', width, 'medium', height);
      const bottom = await page.locator('.app-footer').evaluate((footer) => footer.getBoundingClientRect().bottom);
      expect(Math.abs(bottom - Math.max(height, await page.evaluate(() => document.documentElement.scrollHeight)))).toBeLessThanOrEqual(1);
      await close(page);
    });
  }
});

describe('feeds in a browser', () => {
  it('show as a Chinese page about subscribing, listing the feed\'s items', async () => {
    const page = await open(site.browser, '/rss.xml', 1280);
    await expect.poll(() => page.locator('h1').textContent()).toBe(siteConfig.name);
    expect(await page.locator('main').innerText()).toContain('这是一个 RSS 订阅源');
    expect(await page.locator('code').innerText()).toBe(`${siteConfig.url}rss.xml`);
    expect(await page.locator('.items li').count()).toBe(22);
    expect(await page.locator('.items time').first().innerText()).toBe('2016年12月20日');
    await close(page);
  });

  it('date items by the day in the site\'s zone, across months, years and leap days', async () => {
    const page = await open(site.browser, '/', 360);
    const days = await page.evaluate(
      ({ xsl, dates }) => {
        const feed = `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title>${dates.map((date) => `<item><title>x</title><link>/</link><pubDate>${date}</pubDate></item>`).join('')}</channel></rss>`;
        const processor = new XSLTProcessor();
        processor.importStylesheet(new DOMParser().parseFromString(xsl, 'application/xml'));
        const result = processor.transformToDocument(new DOMParser().parseFromString(feed, 'application/xml'));
        return [...result.querySelectorAll('time')].map((time) => `${time.getAttribute('datetime')} ${time.textContent}`);
      },
      {
        xsl: feedStylesheet({ siteName: 's', language: 'zh-CN', homePath: '/', subscribePath: '/subscribe/', offsetMinutes: 480 }),
        dates: ['Wed, 20 May 2015 09:18:00 GMT', 'Tue, 31 Dec 2024 16:30:00 GMT', 'Sat, 28 Feb 2015 17:00:00 GMT', 'Sun, 28 Feb 2016 16:00:00 GMT', 'Mon, 01 Jan 2024 15:59:00 GMT'],
      },
    );
    expect(days).toEqual(['2015-05-20 2015年05月20日', '2025-01-01 2025年01月01日', '2015-03-01 2015年03月01日', '2016-02-29 2016年02月29日', '2024-01-01 2024年01月01日']);
    const west = await page.evaluate((xsl) => {
      const feed = '<rss version="2.0"><channel><title>t</title><item><title>x</title><link>/</link><pubDate>Mon, 01 Jan 2024 03:00:00 GMT</pubDate></item></channel></rss>';
      const processor = new XSLTProcessor();
      processor.importStylesheet(new DOMParser().parseFromString(xsl, 'application/xml'));
      return processor.transformToDocument(new DOMParser().parseFromString(feed, 'application/xml')).querySelector('time')?.textContent;
    }, feedStylesheet({ siteName: 's', language: 'zh-CN', homePath: '/', subscribePath: '/subscribe/', offsetMinutes: -300 }));
    expect(west).toBe('2023年12月31日');
    await close(page);
  });
});

describe('screenshots', () => {
  for (const width of [360, 1280]) {
    for (const size of ['medium', 'x-large'] as const) {
      it(`saves every page type at ${width} px, ${size === 'medium' ? '中' : '特大'}`, async () => {
        const page = await open(site.browser, '/', width, size);
        for (const [name, path] of Object.entries(PAGES)) {
          await page.goto(`${site.url}${path}`);
          await page.screenshot({ path: join(SCREENSHOTS, `portal-${name}-${width}-${size}.png`), fullPage: true });
        }
        await close(page);
      });
    }
  }
});
