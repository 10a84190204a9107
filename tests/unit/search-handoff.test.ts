import { describe, expect, it } from 'vitest';
import { handOverSiteData, waitForSiteData, type SearchableSite } from '../../src/lib/search-handoff.ts';
import { buildSiteData } from '../../src/lib/site-data.ts';
import { createSourceRegistry } from '../../src/lib/sources.ts';

const site: SearchableSite = { siteData: buildSiteData([], createSourceRegistry([]), [], 'Asia/Shanghai'), timeZone: 'Asia/Shanghai' };
const settled = <T>(promise: Promise<T>) => Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20))]);

describe('search handoff', () => {
  it('gives the waiting indexer the very data the data module hands over', async () => {
    const { arrived } = waitForSiteData();
    handOverSiteData(site);
    expect(await arrived).toBe(site);
  });

  it("one build's withdrawal leaves the next build's indexer waiting", async () => {
    const first = waitForSiteData();
    handOverSiteData(site);
    await first.arrived;
    const second = waitForSiteData();
    first.stopWaiting();
    const other: SearchableSite = { ...site, timeZone: 'UTC' };
    handOverSiteData(other);
    expect(await second.arrived).toBe(other);
  });

  it('does nothing outside a build, and nothing reaches an indexer that stopped waiting', async () => {
    expect(() => handOverSiteData(site)).not.toThrow();
    const { arrived, stopWaiting } = waitForSiteData();
    stopWaiting();
    handOverSiteData(site);
    expect(await settled(arrived)).toBe(false);
  });
});
