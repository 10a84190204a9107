import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/lib/bench/static-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, PROJECT_ROOT, type BuildResult } from '../support/build-site.ts';

let build: BuildResult;
let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  // Parts of five announcements: the sample site's index comes in four parts.
  build = buildSite(join(PROJECT_ROOT, 'content'), 'search-parts', { env: { GAZETTE_SEARCH_PART_SIZE: '5' } });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
  server = await serveStatic(build.dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a search index built in parts', () => {
  it('writes the older parts beside the primary bundle', () => {
    expect(build.stdout).toMatch(/indexed 19 pages for search in 4 part\(s\)/);
    for (const part of ['part-0', 'part-1', 'part-2']) expect(existsSync(join(build.dist, 'pagefind', part, 'pagefind-entry.json')), part).toBe(true);
  });

  it('finds announcements from the oldest and the newest part in one query', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/search/`);
    await page.locator('pagefind-input input').fill('通知');
    const results = page.locator('pagefind-results');
    // 2015 (oldest part) and December 2016 (the primary part) both answer.
    await expect.poll(() => results.innerText(), { timeout: 15_000 }).toContain('关于2016年元旦放假安排的通知');
    await expect.poll(() => results.innerText(), { timeout: 15_000 }).toContain('关于2017年元旦放假安排的通知');
    await page.locator('pagefind-input input').fill('安全社区');
    await expect.poll(() => results.innerText(), { timeout: 15_000 }).toContain('今年遂宁将建成7个省级安全社区');
    await page.close();
  });
});
