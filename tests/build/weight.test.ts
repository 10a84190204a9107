import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesUnder, type BuildResult } from '../support/build-site.ts';
import { sampleBuild } from '../support/sample-build.ts';

// What a reader on a slow phone connection downloads for one announcement (issue 5).
const BUDGET_BYTES = 50 * 1024;
const ANNOUNCEMENT = 'announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/index.html';
const SEARCH = 'search/index.html';
const FONT_FILE = /\.(woff2?|ttf|otf|eot)$/i;

let build: BuildResult;

/** The same-site stylesheets and scripts a page loads: <link rel=stylesheet>, <script src>, import(). */
function loadedAssets(html: string): string[] {
  const urls = [
    ...[...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map(([tag]) => /\bhref="([^"]+)"/.exec(tag)?.[1]),
    ...[...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]),
    ...[...inlineScripts(html).join('\n').matchAll(/\bimport\s*\(\s*["'`]([^"'`]+)["'`]/g)].map((match) => match[1]),
  ];
  return [...new Set(urls.filter((url): url is string => url !== undefined && url.startsWith('/')))];
}

function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
}

/** JS modules a script imports statically or dynamically, resolved against the script's URL. */
function importedModules(url: string, code: string): string[] {
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`](\.{1,2}\/[^"'`]+|\/[^"'`]+)["'`]/g)].map((match) => new URL(match[1], `http://site${url}`).pathname);
}

const read = (path: string) => readFileSync(join(build.dist, path));
const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: 6 }).length;

/** Every asset a page loads, following imports between scripts. */
function pageAssets(page: string): string[] {
  const queue = loadedAssets(read(page).toString('utf8'));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    if (/\.m?js$/.test(url)) queue.push(...importedModules(url, read(url.slice(1)).toString('utf8')));
  }
  return [...seen];
}

beforeAll(() => {
  build = sampleBuild();
});

describe('page weight', () => {
  it(`keeps an announcement page within ${BUDGET_BYTES / 1024} KB gzipped, HTML, CSS and JS together`, () => {
    const parts = [ANNOUNCEMENT, ...pageAssets(ANNOUNCEMENT).map((url) => url.slice(1))].map((path) => ({ path, bytes: gzipped(read(path)) }));
    expect(parts.some((part) => part.path.endsWith('.css')), 'the page loads its stylesheet').toBe(true);
    const total = parts.reduce((sum, part) => sum + part.bytes, 0);
    const breakdown = parts.map((part) => `${part.path} ${part.bytes} B`).join(', ');
    expect(total, `gzipped: ${breakdown}`).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('keeps the documents\' pages within the budget too, images counted apart', () => {
    for (const page of ['announcements/2016/safety-month-plan/index.html', 'announcements/2016/approval-items/index.html', 'announcements/2016/safety-consultation-day/index.html', 'catalogue/index.html', 'statistics/index.html']) {
      const total = [page, ...pageAssets(page).map((url) => url.slice(1))].reduce((sum, path) => sum + gzipped(read(path)), 0);
      expect(total, page).toBeLessThanOrEqual(BUDGET_BYTES);
    }
    // A phone at one pixel per point takes the 480 px AVIF; a wide screen at two the 960 px one.
    const html = read('announcements/2016/safety-consultation-day/index.html').toString('utf8');
    const avif = /<source srcset="([^ ]+) 480w, ([^ ]+) 960w" type="image\/avif"/.exec(html)!;
    const [phone, wide] = [avif[1]!, avif[2]!].map((url) => read(url.slice(1)).length);
    expect(phone, `480 px AVIF: ${phone} B`).toBeLessThanOrEqual(30 * 1024);
    expect(wide, `960 px AVIF: ${wide} B`).toBeLessThanOrEqual(60 * 1024);
  });

  it('downloads no web font: system CJK fonts only', () => {
    const all = filesUnder(build.dist);
    expect(all.filter((path) => FONT_FILE.test(path))).toEqual([]);
    const pages = all.filter((path) => path.endsWith('.html'));
    const stylesheets = new Set(pages.flatMap((page) => pageAssets(page)).filter((url) => url.endsWith('.css')));
    for (const url of stylesheets) expect(read(url.slice(1)).toString('utf8'), url).not.toMatch(/@font-face|\.(woff2?|ttf|otf|eot)\b/i);
    for (const page of pages) {
      const html = read(page).toString('utf8');
      expect(html, page).not.toMatch(/@font-face|<link\b[^>]*\bas="font"/i);
    }
  });

  it('loads Pagefind\'s code on the search page only', () => {
    const pages = filesUnder(build.dist).filter((path) => path.endsWith('.html'));
    const usesPagefind = (page: string) => {
      const html = read(page).toString('utf8');
      const assets = pageAssets(page);
      const scripts = [...inlineScripts(html), ...assets.filter((url) => /\.m?js$/.test(url)).map((url) => read(url.slice(1)).toString('utf8'))];
      return assets.some((url) => url.startsWith('/pagefind/')) || scripts.some((code) => code.includes('/pagefind/'));
    };
    expect(usesPagefind(SEARCH)).toBe(true);
    expect(pages.filter((page) => page !== SEARCH && usesPagefind(page))).toEqual([]);
    expect(pages.length).toBeGreaterThan(10);
  });
});
