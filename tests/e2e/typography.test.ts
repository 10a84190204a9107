import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sampleBuild } from '../support/sample-build.ts';
import { useServedSite } from '../support/served-site.ts';

const site = useServedSite(sampleBuild);
const ANNOUNCEMENT = '/announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/';
// Families that carry Simplified Chinese on Windows, macOS, Android and Linux.
const CJK_FAMILIES = ['PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC'];

async function open(path: string, width: number): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${site.url}${path}`);
  return page;
}

describe('Chinese typography', () => {
  it('sets body text in a CJK system font stack, with strict line breaking and open leading', async () => {
    const page = await open(ANNOUNCEMENT, 360);
    const body = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return { lineBreak: style.lineBreak, fontFamily: style.fontFamily, lineHeight: parseFloat(style.lineHeight), fontSize: parseFloat(style.fontSize) };
    });
    // No closing punctuation (，。」) at the start of a line.
    expect(body.lineBreak).toBe('strict');
    const families = body.fontFamily.split(',').map((family) => family.trim().replace(/^"|"$/g, ''));
    expect(families.filter((family) => CJK_FAMILIES.includes(family)).length).toBeGreaterThanOrEqual(3);
    expect(families.at(-1)).toBe('sans-serif');
    // Chinese wants more leading than Latin text: 1.5 at least.
    expect(body.lineHeight / body.fontSize).toBeGreaterThanOrEqual(1.5);
    await page.close();
  });

  it('renders Chinese with an installed font, never a downloaded one', async () => {
    const page = await open(ANNOUNCEMENT, 360);
    const client = await page.context().newCDPSession(page);
    await client.send('DOM.enable');
    await client.send('CSS.enable');
    const { root } = await client.send('DOM.getDocument');
    const { nodeId } = await client.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.app-body p' });
    const { fonts } = await client.send('CSS.getPlatformFontsForNode', { nodeId });
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => !font.isCustomFont)).toBe(true);
    // On this machine (fonts-noto-cjk) the stack lands on Noto Sans CJK.
    expect(fonts.map((font) => font.familyName).join(', ')).toMatch(/CJK|PingFang|YaHei|Hiragino|Source Han|WenQuanYi/);
    expect(await page.evaluate(() => document.fonts.size)).toBe(0);
    await page.close();
  });

  it('keeps article lines at a readable length for Chinese on a wide screen', async () => {
    const page = await open(ANNOUNCEMENT, 1280);
    const charactersPerLine = await page.evaluate(() => {
      const paragraph = document.querySelector('.app-body p')!;
      return paragraph.getBoundingClientRect().width / parseFloat(getComputedStyle(paragraph).fontSize);
    });
    // About 40 characters a line at most; Chinese reading guides suggest 30–40.
    expect(charactersPerLine).toBeLessThanOrEqual(40);
    expect(charactersPerLine).toBeGreaterThanOrEqual(25);
    await page.close();
  });

  it('writes dates as 2015年05月20日 inside <time datetime>', async () => {
    const page = await open(ANNOUNCEMENT, 360);
    const published = page.locator('.app-meta time').first();
    expect(await published.innerText()).toBe('2015年05月20日 17:18');
    expect(await published.getAttribute('datetime')).toBe('2015-05-20T17:18:00+08:00');
    const listing = await open('/archive/2015/05/', 360);
    const dates = await listing.locator('main time').allInnerTexts();
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date).toMatch(/^\d{4}年\d{2}月\d{2}日( \d{2}:\d{2})?$/);
    expect(dates).toContain('2015年05月20日 17:18');
    await listing.close();
    await page.close();
  });
});
