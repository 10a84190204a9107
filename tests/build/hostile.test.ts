import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, PROJECT_ROOT, type BuildResult } from '../support/build-site.ts';
import { serveStatic } from '../support/static-server.ts';

let build: BuildResult;
let server: Awaited<ReturnType<typeof serveStatic>>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(html|xml)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * What a browser would treat as markup able to act: script elements carrying a payload,
 * dangerous elements, event-handler attributes and script URLs. Payloads escaped into
 * text or attribute values are harmless and not reported. Feeds are checked both as
 * XML and, for content:encoded, as the HTML a reader renders.
 */
function liveMarkup(source: string, isFeed: boolean): string[] {
  const html = isFeed ? source.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&') : source;
  const tree = unified().use(rehypeParse).parse(html);
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    // JSON-LD (当前位置) is data, never run; with `<` escaped it cannot close its element either.
    const isJsonLd = node.tagName === 'script' && node.properties.type === 'application/ld+json';
    if (isJsonLd && toText(node).includes('<')) found.push('script[type=application/ld+json] holding <');
    if (node.tagName === 'script' && !isJsonLd && toText(node).includes('__pwned')) found.push('script');
    // The header's and the search page's forms are the site's own: the sanitiser prefixes ids from content, so no payload can carry theirs.
    const isSearchForm = node.tagName === 'form' && ['app-search-panel', 'app-search-page-form'].includes(String(node.properties.id));
    if (['iframe', 'object', 'embed', 'form', 'math', 'style'].includes(node.tagName) && !isSearchForm) found.push(node.tagName);
    // The statistics page's charts are the site's own: the sanitiser removes every svg from content, class and all.
    const isChart = node.tagName === 'svg' && Array.isArray(node.properties.className) && node.properties.className.includes('app-chart');
    if (node.tagName === 'svg' && !('ariaHidden' in node.properties) && !isChart) found.push('svg');
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) found.push(`${node.tagName}[${name}]`);
      if ((name === 'href' || name === 'src') && /^\s*(javascript|data):/i.test(String(value))) found.push(`${node.tagName}[${name}=${String(value)}]`);
    }
  });
  return found;
}

beforeAll(async () => {
  build = buildSite(join(PROJECT_ROOT, 'tests/fixtures/hostile'), 'hostile');
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  server = await serveStatic(build.dist);
});

afterAll(() => server?.close());

describe('hostile content', () => {
  it('leaves no script, event handler, javascript: URL, iframe or form in pages and feeds', () => {
    for (const file of filesUnder(build.dist).filter((f) => !f.includes('/pagefind/'))) {
      expect(liveMarkup(readFileSync(file, 'utf8'), file.endsWith('.xml')), file).toEqual([]);
    }
  });

  it('keeps the harmless content around the payloads', () => {
    const page = readFileSync(join(build.dist, 'announcements/2020/payloads/index.html'), 'utf8');
    expect(page).toContain('正常的结尾段落，包含<strong>加粗</strong>和<a href="https://www.gov.cn/">正常链接</a>');
    // HTML in the Markdown is parsed and sanitised: the span stays, its handler goes.
    expect(page).toContain('<th><span>单元格</span></th>');
    expect(page).toContain('样式注入');
  });

  it('executes nothing in a real browser', async () => {
    const browser = await launchBrowser();
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    for (const path of ['/announcements/2020/payloads/', '/', '/sources/']) {
      await page.goto(`${server.url}${path}`);
      await page.mouse.move(10, 10);
      for (const link of await page.locator('main a, main td, main div').all()) await link.hover().catch(() => undefined);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), path).toBeUndefined();
    }
    expect(dialogs).toEqual([]);
    await browser.close();
  });
});

describe('odd but valid files', () => {
  it('build: BOM, CRLF, control and zero-width characters, Traditional Chinese, emoji', () => {
    expect(readFileSync(join(build.dist, 'announcements/2020/bom-crlf/index.html'), 'utf8')).toContain('<h1>带BOM和CRLF的公告</h1>');
    const odd = readFileSync(join(build.dist, 'announcements/2020/odd-but-valid/index.html'), 'utf8');
    expect(odd).toContain('<h1>零宽字符与控制字符的公告 😀</h1>');
    expect(odd).toContain('繁體中文內容');
    expect(readFileSync(join(build.dist, 'rss.xml'), 'utf8')).not.toMatch(/[\u0000-\u0008\u200b]/);
  });
});
