/**
 * The reader's pages in the conventions of government portals (issue 12): 当前位置 on every inner
 * page, columns with their pages and feeds, the header's search form, 同时发布于 without a loop,
 * feeds shown through a stylesheet, the HTML site map and 订阅 page, withdrawn titles, the footer
 * registrations; and a site without columns, as sites had before.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromXml } from '@extractus/feed-extractor';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, filesUnder, PROJECT_ROOT, succeeded, TMP_ROOT, type BuildResult } from '../support/build-site.ts';
import { sampleBuild } from '../support/sample-build.ts';

const SITE_URL = 'https://www.suining.example.gov.cn';
let build: BuildResult;
let plain: BuildResult;
const read = (path: string, from = build) => readFileSync(join(from.dist, path), 'utf8');
const pages = (from = build) => filesUnder(from.dist).filter((file) => file.endsWith('.html'));
/** The address a built file is served at. */
const addressOf = (file: string) => `/${file.replace(/index\.html$/, '')}`;
const hrefs = (html: string) => [...html.matchAll(/\shref="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
/** The BreadcrumbList a page carries as JSON-LD. */
function jsonLdTrail(html: string): { name: string; item: string }[] | undefined {
  const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  return script ? (JSON.parse(script) as { itemListElement: { name: string; item: string }[] }).itemListElement : undefined;
}
const COLUMNS = { tzgg: '通知公告', zcwj: '政策文件', rsxx: '人事信息', tjsj: '统计数据', xwdt: '新闻动态' };

beforeAll(() => {
  build = sampleBuild();
  // A site without columns, with a 党政机关网站标识 and a mailto: error report.
  const content = join(TMP_ROOT, 'portal-plain-content');
  rmSync(content, { recursive: true, force: true });
  cpSync(join(PROJECT_ROOT, 'tests/fixtures/copies'), content, { recursive: true });
  writeFileSync(
    join(content, 'site.yaml'),
    [
      'name: 无栏目测试站',
      'url: https://plain.example.gov.cn/',
      'time_zone: Asia/Tokyo',
      'error_report: mailto:wzb@plain.example.gov.cn',
      'government_badge:',
      '  image: https://dcs.conac.cn/image/red.png',
      '  certificate: https://bszs.conac.cn/sitename?method=show&id=0123456789ABCDEF',
      '',
    ].join('\n'),
  );
  plain = succeeded(buildSite(content, 'portal-plain'));
});

describe('当前位置', () => {
  it('is on every page but the home page, as a nav list and as BreadcrumbList JSON-LD ending at the page', () => {
    const inner = pages().filter((file) => file !== 'index.html');
    expect(inner.length).toBeGreaterThan(40);
    for (const file of inner) {
      const html = read(file);
      expect(html, file).toMatch(/<nav class="app-breadcrumbs[^"]*" aria-label="当前位置"[^>]*>[\s\S]*?<ol class="app-breadcrumbs__list"><li class="app-breadcrumbs__item"><a href="\/">首页<\/a><\/li>/);
      const trail = jsonLdTrail(html);
      expect(trail?.[0], file).toEqual({ '@type': 'ListItem', position: 1, name: '首页', item: `${SITE_URL}/` });
      // The last step is the page itself (a listing's later pages end at the listing).
      const last = trail!.at(-1)!.item.replace(SITE_URL, '');
      if (!/\/page\/\d+\/$/.test(addressOf(file))) expect(last, file).toBe(file === '404.html' ? '/404.html' : addressOf(file));
    }
    expect(read('index.html')).not.toContain('aria-label="当前位置"');
  });

  it('runs 首页 > column > 正文 on an announcement with a column', () => {
    expect(jsonLdTrail(read('announcements/2016/statistics-bulletin-2015/index.html'))!.map((step) => step.name)).toEqual(['首页', '统计数据', '正文']);
    expect(jsonLdTrail(read('archive/2015/05/index.html'))!.map((step) => step.name)).toEqual(['首页', '归档', '2015年', '05月']);
    expect(jsonLdTrail(read('sources/suining/index.html'))!.map((step) => step.name)).toEqual(['首页', '发布机构', '遂宁市人民政府']);
  });
});

describe('columns', () => {
  it('each have a listing page, linked from the main navigation, and their own feed', () => {
    const home = read('index.html');
    const navigation = /<nav class="app-nav" aria-label="主导航">[\s\S]*?<\/nav>/.exec(home)![0];
    expect([...navigation.matchAll(/">([^<]+)<\/a>/g)].map((match) => match[1])).toEqual(['首页', ...Object.values(COLUMNS), '信息公开', '发布机构', '按月归档']);
    for (const [slug, name] of Object.entries(COLUMNS)) {
      const page = read(`columns/${slug}/index.html`);
      expect(page).toContain(`<h1>${name}</h1>`);
      expect(page).toMatch(/<p class="app-page-header__count">共 <span class="app-nowrap">\d+<\/span> 条<\/p>/);
      expect(page).toContain(`<link rel="alternate" type="application/rss+xml" title="遂宁市人民政府公告 - ${name}" href="/columns/${slug}/rss.xml">`);
      const feed = join(build.dist, `columns/${slug}/rss.xml`);
      expect(() => execFileSync('xmllint', ['--noout', feed], { stdio: 'pipe' }), feed).not.toThrow();
      const parsed = extractFromXml(readFileSync(feed, 'utf8'));
      expect(parsed.title).toBe(`遂宁市人民政府公告 - ${name}`);
      // The feed holds what the column's page lists, newest first.
      const listed = [...page.matchAll(/<a class="app-list__title" href="([^"]+)"/g)].map((match) => `${SITE_URL}${match[1]}`);
      expect(parsed.entries?.map((entry) => entry.link), slug).toEqual(listed);
    }
  });

  it('show on the home page as blocks of their newest five with 更多', () => {
    const home = read('index.html');
    for (const [slug, name] of Object.entries(COLUMNS)) {
      const block = new RegExp(`<section class="app-panel" aria-labelledby="app-column-${slug}">[\\s\\S]*?</section>`).exec(home)?.[0] ?? '';
      expect(block, slug).toContain(`<a href="/columns/${slug}/">${name}</a>`);
      expect(block, slug).toContain(`<a class="app-panel__more" href="/columns/${slug}/">更多`);
      const items = block.match(/class="app-compact__item"/g)?.length ?? 0;
      expect(items).toBeGreaterThan(0);
      expect(items).toBeLessThanOrEqual(5);
    }
  });

  it('put an announcement\'s column in its side column, and the column\'s page in its trail', () => {
    const page = read('announcements/2015/duanwu-holiday/index.html');
    expect(page).toMatch(/<h2 class="app-panel__heading" id="app-related-heading">通知公告<\/h2>\s*<a class="app-panel__more" href="\/columns\/tzgg\/">/);
    expect(page).toContain('<meta name="ColumnName" content="通知公告">');
  });
});

describe('the header', () => {
  it('has a search form on every page that submits q to the search page with GET', () => {
    for (const file of pages()) {
      const form = /<form class="app-search-form"[^>]*>[\s\S]*?<\/form>/.exec(read(file))?.[0] ?? '';
      expect(form, file).toMatch(/action="\/search\/"/);
      expect(form, file).toMatch(/method="get"/);
      expect(form, file).toMatch(/<input [^>]*name="q"[^>]*type="search"/);
      expect(form, file).toMatch(/<button class="app-search-form__button" type="submit">搜索<\/button>/);
    }
  });

  it('shows the logo from site.yaml before the name', () => {
    expect(read('index.html')).toMatch(/<a class="app-header__name" href="\/"><img class="app-header__logo" src="\/logo.svg" alt=""[^>]*><span class="app-header__title">遂宁市人民政府公告<\/span><\/a>/);
    expect(existsSync(join(build.dist, 'logo.svg'))).toBe(true);
  });
});

describe('同时发布于', () => {
  it('never links a copy\'s page here, which sends the reader straight back', () => {
    const copies = new Map<string, string>();
    for (const file of pages()) {
      const canonical = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(read(file))?.[1];
      if (canonical) copies.set(addressOf(file), canonical);
    }
    expect(copies.size).toBeGreaterThan(0);
    let checked = 0;
    for (const file of pages()) {
      const section = /<h2 id="app-also-heading">同时发布于<\/h2>[\s\S]*?<\/section>/.exec(read(file))?.[0];
      if (!section) continue;
      checked++;
      for (const href of hrefs(section)) expect(copies.get(href), `${file} → ${href}`).not.toBe(addressOf(file));
      expect(hrefs(section).every((href) => href.startsWith('https://')), file).toBe(true);
    }
    expect(checked).toBeGreaterThan(0);
    // Each other publication is named with its date, linked or not.
    expect(read('announcements/2016/safety-month-plan/index.html')).toMatch(/同时发布于<\/h2>\s*<ul>\s*<li><a href="https:\/\/www\.chuanshan\.example\.gov\.cn\/xxgk\/2016\/0527\/aqscy\.html" rel="noopener">船山区人民政府<\/a>（<time datetime="2016-05-27T09:10:00\+08:00">2016年05月27日 09:10<\/time>）<\/li>/);
  });
});

describe('feeds', () => {
  const feeds = () => filesUnder(build.dist).filter((file) => file.endsWith('rss.xml'));

  it('each reference a stylesheet that exists, is well-formed XSLT, and still validate and parse', () => {
    expect(feeds().length).toBe(1 + Object.keys(COLUMNS).length + 6);
    for (const feed of feeds()) {
      const xml = read(feed);
      const href = /^<\?xml version="1.0" encoding="UTF-8"\?><\?xml-stylesheet href="([^"]+)" type="text\/xsl"\?>/.exec(xml)?.[1];
      expect(href, feed).toBe('/rss.xsl');
      expect(() => execFileSync('xmllint', ['--noout', join(build.dist, feed)], { stdio: 'pipe' }), feed).not.toThrow();
      expect(extractFromXml(xml).entries?.length, feed).toBeGreaterThan(0);
    }
    const stylesheet = join(build.dist, 'rss.xsl');
    expect(() => execFileSync('xmllint', ['--noout', stylesheet], { stdio: 'pipe' })).not.toThrow();
    expect(readFileSync(stylesheet, 'utf8')).toContain('<xsl:stylesheet version="1.0"');
  });

  it('are all listed, with their addresses, on the 订阅 page the footer links', () => {
    const page = read('subscribe/index.html');
    for (const feed of feeds()) {
      expect(page, feed).toContain(`href="/${feed}"`);
      expect(page.replace(/<wbr>/g, ''), feed).toContain(`${SITE_URL}/${feed}`);
    }
    expect(read('index.html')).toContain('<li><a href="/subscribe/">订阅</a></li>');
  });
});

describe('the HTML site map', () => {
  it('links every column, source, year and month, and the footer links it', () => {
    const map = read('sitemap/index.html');
    const links = new Set(hrefs(map));
    for (const slug of Object.keys(COLUMNS)) expect(links, slug).toContain(`/columns/${slug}/`);
    const sources = filesUnder(join(build.dist, 'sources')).filter((file) => /^[^/]+\/index\.html$/.test(file)).map((file) => `/sources/${file.split('/')[0]}/`);
    expect(sources.length).toBe(6);
    for (const source of sources) expect(links, source).toContain(source);
    for (const month of filesUnder(join(build.dist, 'archive')).filter((file) => /^\d{4}\/\d{2}\/index\.html$/.test(file))) expect(links, month).toContain(`/archive/${month.replace('index.html', '')}`);
    expect(read('index.html')).toContain('<li><a href="/sitemap/">网站地图</a></li>');
    // Search engines keep the XML sitemap.
    expect(existsSync(join(build.dist, 'sitemap-index.xml'))).toBe(true);
  });

  it('and the sources index group bodies as sources.yaml does', () => {
    const index = read('sources/index.html');
    expect([...index.matchAll(/<h2 class="app-groups__heading">([^<]+)<\/h2>/g)].map((match) => match[1])).toEqual(['市政府', '市政府部门', '区县']);
  });
});

describe('a withdrawn announcement', () => {
  const page = () => read('announcements/2016/recruitment-withdrawn/index.html');

  it('says 已撤回 in its <title> and heading, and links its replacement', () => {
    expect(page()).toContain('<title>【已撤回】遂宁市2016年公开招聘社区工作者公告 - 遂宁市人民政府公告</title>');
    expect(page()).toContain('<h1><span class="app-article__withdrawn">【已撤回】</span>遂宁市<span class="app-nowrap">2016年</span>公开招聘社区工作者公告</h1>');
    expect(page()).toContain('请查看替代公告：<a href="/announcements/2016/community-workers-recruitment/">');
  });
});

describe('an announcement page', () => {
  const page = () => read('announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/index.html');

  it('has 打印本页 as a button the reading-controls script shows, and 上一篇 / 下一篇 with 没有了 at the end', () => {
    expect(page()).toContain('<button type="button" class="app-button" data-print hidden>打印本页</button>');
    expect(page()).toMatch(/<span class="app-neighbours__label">下一篇：<\/span><span class="app-neighbours__none">没有了<\/span>/);
    expect(page()).toMatch(/<span class="app-neighbours__label">上一篇：<\/span><a href="\/announcements\/2015\/gaokao-environment\/" rel="prev">/);
  });
});

describe('the footer', () => {
  it('carries 主办, 承办, 运行维护, 联系方式, 网站标识码, ICP and 公安备案 with its badge, and 政府网站找错', () => {
    const home = read('index.html');
    for (const line of ['主办单位：遂宁市人民政府办公室', '承办单位：遂宁市人民政府办公室政务公开科', '运行维护单位：遂宁市大数据中心', '联系方式：0825-2222222', '网站标识码：5109000001']) expect(home).toContain(line);
    expect(home).toMatch(/<a class="app-footer__police" href="https:\/\/beian\.mps\.gov\.cn\/#\/query\/webSearch\?code=51090302000104" rel="noopener"><svg class="app-footer__police-badge" aria-hidden="true"/);
    expect(home).toContain('<li><a href="https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteId.action?siteCode=5109000001" rel="noopener">政府网站找错</a></li>');
    // No 党政机关网站标识 ships by default.
    expect(home).not.toContain('党政机关网站标识');
  });

  it('shows the 党政机关网站标识 linked to its certificate when site.yaml has one, and a mailto: error report', () => {
    const home = read('index.html', plain);
    expect(home).toContain('<a class="app-footer__badge" href="https://bszs.conac.cn/sitename?method=show&amp;id=0123456789ABCDEF" rel="noopener"><img src="https://dcs.conac.cn/image/red.png" alt="党政机关网站标识" width="55" height="64"></a>');
    expect(home).toContain('<a href="mailto:wzb@plain.example.gov.cn" rel="noopener">政府网站找错</a>');
  });
});

describe('a site without columns', () => {
  it('works as before: its sections in the navigation, no column pages, announcements under their source', () => {
    const home = read('index.html', plain);
    const navigation = /<nav class="app-nav" aria-label="主导航">[\s\S]*?<\/nav>/.exec(home)![0];
    expect([...navigation.matchAll(/">([^<]+)<\/a>/g)].map((match) => match[1])).toEqual(['首页', '发布机构', '按月归档', '搜索']);
    expect(existsSync(join(plain.dist, 'columns'))).toBe(false);
    expect(home).not.toContain('app-home__columns');
    expect(read('subscribe/index.html', plain)).not.toContain('按栏目');
    const announcement = pages(plain).find((file) => file.startsWith('announcements/') && !read(file, plain).includes('http-equiv="refresh"'))!;
    expect(jsonLdTrail(read(announcement, plain))!.map((step) => step.name).slice(0, 2)).toEqual(['首页', '发布机构']);
  });
});
