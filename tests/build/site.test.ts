import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractFromXml } from '@extractus/feed-extractor';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesUnder, type BuildResult } from '../support/build-site.ts';
import { sampleBuild } from '../support/sample-build.ts';

let build: BuildResult;
const read = (path: string) => readFileSync(join(build.dist, path), 'utf8');
// Pages keep figures (2015年, 7个) on one line in spans: assertions about wording compare the text.
const text = (path: string) => read(path).replace(/<[^>]+>/g, '');
/** A page's main listing (not the home page's column blocks). */
const listing = (path: string) => /<ul class="app-list">[\s\S]*?<\/ul>/.exec(read(path))?.[0] ?? '';
const SEED = 'announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/index.html';
const SEED_TITLE = '今年遂宁将建成7个省级安全社区';

beforeAll(() => {
  build = sampleBuild();
});

describe('the sample site', () => {
  it('lists the latest announcements with title, date and source on the home page', () => {
    const home = read('index.html');
    expect(home).toContain('<html lang="zh-CN"');
    expect(home).toContain('<a class="app-list__title" href="/announcements/2016/new-year-holiday/">关于<span class="app-nowrap">2017年</span>元旦放假安排的通知</a>');
    expect(home).toContain('<time datetime="2016-12-20T10:30:00+08:00">2016年12月20日 10:30</time>');
    expect(home).toContain('href="/page/2/"');
    expect(home).toMatch(/<meta http-equiv="content-security-policy" content="default-src 'self';[^"]*script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    // The seed is on the third page of ten.
    expect(text('page/3/index.html')).toContain(SEED_TITLE);
  });

  it('gives the seed announcement a page with every field and its body once', () => {
    const page = read(SEED);
    expect(page).toContain('<h1>今年遂宁将建成<span class="app-nowrap">7个</span>省级安全社区</h1>');
    expect(page).toContain('<p class="app-article__subtitle">将居民身边的“不安全因素”消灭在萌芽状态</p>');
    expect(page).toContain('<time datetime="2015-05-20T17:18:00+08:00">2015年05月20日 17:18</time>');
    expect(page).toMatch(/来源<\/dt>\s*<dd class="app-meta__value"><a href="\/sources\/suining\/">遂宁市府<\/a>/);
    expect(page).toMatch(/责任编辑<\/dt>\s*<dd class="app-meta__value">白婉苹/);
    expect(text(SEED).match(/据悉,遂宁市2015年计划建成省级安全社区的单位主要有/g)).toHaveLength(1);
    expect(page).toMatch(/<h2 id="[^"]+">民生实事介绍 区县园区各建成<span class="app-nowrap">1个<\/span>安全社区<\/h2>/);
    expect(page).toContain('<link rel="canonical" href="https://www.suining.example.gov.cn/announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/">');
    expect(page).toContain(`<meta property="og:title" content="${SEED_TITLE}">`);
    for (const tag of ['ArticleTitle', 'PubDate', 'ContentSource', 'SiteName', 'SiteIDCode']) expect(page).toContain(`<meta name="${tag}"`);
    expect(page).toContain('<meta name="PubDate" content="2015-05-20 17:18">');
    expect(page).toMatch(/<svg aria-hidden="true"[^>]*>.*<\/svg>/s);
  });

  it('renders the Markdown through the remark/rehype plugins', () => {
    const page = read('announcements/2015/economy-first-half/index.html');
    // GFM table, wrapped by rehype-wrap-tables after sanitising
    expect(page).toMatch(/<div class="app-table-wrapper" tabindex="0" role="region" aria-label="[^"]+"><table>/);
    // heading ids from rehype-slug
    expect(page).toMatch(/<h2 id="主要指标">主要指标<\/h2>/);
  });

  it('keeps drafts out and withdrawn notices out of listings, with a page and banner', () => {
    expect(existsSync(join(build.dist, 'announcements/2016/flood-season-draft'))).toBe(false);
    const withdrawn = read('announcements/2016/recruitment-withdrawn/index.html');
    expect(withdrawn).toContain('本公告已于<time datetime="2016-10-14T17:00:00+08:00">2016年10月14日 17:00</time>撤回');
    expect(read('index.html')).not.toContain('recruitment-withdrawn');
    expect(read('rss.xml')).not.toContain('recruitment-withdrawn');
  });

  it('shows the change history of an updated announcement', () => {
    expect(read('announcements/2016/approval-items/index.html')).toMatch(/更新记录[\s\S]*2016年09月20日 15:00<\/time>：更正附件中第3项审批事项的实施部门/);
  });

  it('builds source pages, a source index with counts, and the archive', () => {
    expect(read('sources/index.html')).toMatch(/<a href="\/sources\/suining\/">遂宁市人民政府<\/a><span class="app-counts__count">\d+ 篇/);
    const source = read('sources/suining/index.html');
    expect(text('sources/suining/index.html')).toContain(SEED_TITLE);
    expect(source).toContain('<link rel="alternate" type="application/rss+xml" title="遂宁市人民政府的公告" href="/sources/suining/rss.xml">');
    expect(text('archive/2015/05/index.html')).toContain(SEED_TITLE);
    expect(read('archive/2015/index.html')).toContain('href="/archive/2015/05/"');
    expect(read('archive/index.html')).toContain('2016年');
  });

  it('builds the search page, 404, sitemap and robots.txt', () => {
    expect(read('search/index.html')).toMatch(/<form class="app-search__form"[^>]* action="\/search\/" method="get"/);
    expect(read('404.html')).toContain('页面不存在');
    expect(read('robots.txt')).toContain('Sitemap: https://www.suining.example.gov.cn/sitemap-index.xml');
    const sitemap = read('sitemap-0.xml');
    expect(sitemap).toContain('/announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/');
    expect(sitemap).not.toContain('recruitment-withdrawn');
  });

  it('writes a footer from site.yaml with the registration links', () => {
    const home = read('index.html');
    expect(home).toContain('主办单位：遂宁市人民政府办公室');
    expect(home).toContain('网站标识码：5109000001');
    expect(home).toContain('<a href="https://beian.miit.gov.cn/" rel="noopener">蜀ICP备05003828号</a>');
    expect(home).toContain('code=51090302000104');
  });
});

describe('copies of one notice', () => {
  const COPY = 'announcements/2016/chuanshan-safety-month/index.html';
  const CANONICAL = '/announcements/2016/safety-month-plan/';
  const TITLE = '遂宁市2016年“安全生产月”活动方案';

  it('keep the copy\'s URL working, pointing readers and robots at the canonical page', () => {
    const copy = read(COPY);
    expect(copy).toContain(`<link rel="canonical" href="https://www.suining.example.gov.cn${CANONICAL}">`);
    expect(copy).toContain(`<meta http-equiv="refresh" content="0; url=${CANONICAL}">`);
    expect(copy).toContain(`<a href="${CANONICAL}">`);
  });

  it('name the other publications on the canonical page, linking the copy\'s original address, not its page here', () => {
    // The copy's page here would send the reader straight back (see tests/build/portal.test.ts).
    expect(read(`${CANONICAL.slice(1)}index.html`)).toMatch(/同时发布于<\/h2>\s*<ul>\s*<li><a href="https:\/\/www\.chuanshan\.example\.gov\.cn\/[^"]+" rel="noopener">船山区人民政府<\/a>/);
  });

  it('appear once in listings, the site feed and the sitemap, and in each source\'s listing', () => {
    // Its interpretation's title quotes it in 《》: only the title itself counts.
    const count = (html: string) => html.replace(/<[^>]+>/g, '').split(TITLE).length - 1 - (html.replace(/<[^>]+>/g, '').split(`《${TITLE}》`).length - 1);
    expect(count(listing('index.html')) + count(listing('page/2/index.html')) + count(listing('page/3/index.html'))).toBe(1);
    // The feed's items by their titles: the policy's attachment is titled after it too.
    expect(read('rss.xml').split(`<title>${TITLE}</title>`).length - 1).toBe(1);
    expect(read('sitemap-0.xml')).not.toContain('chuanshan-safety-month');
    expect(read('sources/chuanshan/index.html')).toContain(`href="${CANONICAL}"`);
    expect(read('sources/chuanshan/rss.xml')).toContain(TITLE);
  });

  it('keep templated notices with other dates apart', () => {
    expect(text('index.html')).toContain('关于2016年端午节放假安排的通知');
    expect(text('page/2/index.html')).toContain('关于2015年端午节放假安排的通知');
  });
});

describe('feeds', () => {
  const feeds = () => ['rss.xml', 'sources/suining/rss.xml', 'sources/anjian/rss.xml', 'sources/chuanshan/rss.xml'];

  it('are well-formed XML to a strict parser', () => {
    for (const feed of feeds()) {
      expect(() => execFileSync('xmllint', ['--noout', join(build.dist, feed)], { stdio: 'pipe' }), feed).not.toThrow();
    }
  });

  it('carry full text, editor, category, self link and a stable lastBuildDate', () => {
    const xml = read('rss.xml');
    expect(xml).toContain('<language>zh-cn</language>');
    expect(xml).toContain('<lastBuildDate>Tue, 20 Dec 2016 02:30:00 GMT</lastBuildDate>');
    expect(xml).toContain('<atom:link href="https://www.suining.example.gov.cn/rss.xml" rel="self" type="application/rss+xml"/>');
    expect(xml).toContain('<dc:creator>白婉苹</dc:creator>');
    // a description before the content: the subtitle, else the start of the body
    expect(xml).toContain('<description>将居民身边的“不安全因素”消灭在萌芽状态</description>');
    expect(xml).toContain('<description>上半年，全市上下认真贯彻落实市委、市政府决策部署，经济运行总体平稳、稳中有进。');
    expect(xml).toContain('<category>遂宁市人民政府</category>');
    expect(xml).toContain('<pubDate>Wed, 20 May 2015 09:18:00 GMT</pubDate>');
    // content:encoded holds escaped HTML whose links are absolute
    expect(xml).toContain('href=&quot;https://www.suining.example.gov.cn/files/2016/shenpi.pdf&quot;');
  });

  it('read in a feed reader library as a subscriber sees them', () => {
    const site = extractFromXml(read('rss.xml'), { descriptionMaxLen: 0, getExtraEntryFields: (entry: Record<string, unknown>) => ({ content: entry['content:encoded'] }) });
    const seed = site.entries?.find((entry) => entry.title === SEED_TITLE) as Record<string, unknown> | undefined;
    expect(seed?.link).toBe('https://www.suining.example.gov.cn/announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/');
    expect(String(seed?.content)).toContain('部门实施路径 三个强化助推安全社区建设');
    const source = extractFromXml(read('sources/suining/rss.xml'));
    expect(source.entries?.map((entry) => entry.title)).toContain(SEED_TITLE);
  });
});

describe('search index', () => {
  it('indexes only listed announcements, in the index spelling Pagefind neither segments nor stems', () => {
    const entry = JSON.parse(read('pagefind/pagefind-entry.json')) as { languages: Record<string, { page_count: number }> };
    const languages = Object.keys(entry.languages);
    expect(languages).toEqual(['und']);
    const listed = ['index.html', 'page/2/index.html', 'page/3/index.html'].reduce((sum, page) => sum + (read(page).match(/app-list__item/g)?.length ?? 0), 0);
    expect(entry.languages['und']!.page_count).toBe(listed);
  });

  it('holds each listed announcement once, and no withdrawn notice, copy or other page', () => {
    const fragments = filesUnder(join(build.dist, 'pagefind')).filter((file) => file.endsWith('.pf_fragment'));
    // A fragment is gzipped JSON behind Pagefind's own signature.
    const urls = fragments.map((file) => {
      const text = gunzipSync(readFileSync(join(build.dist, 'pagefind', file))).toString('utf8');
      return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
    });
    expect(urls).toHaveLength(new Set(urls).size);
    expect(urls).toContain('/announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/');
    expect(urls).not.toContain('/announcements/2016/recruitment-withdrawn/');
    expect(urls).not.toContain('/announcements/2016/chuanshan-safety-month/');
    expect(urls.every((url) => url.startsWith('/announcements/'))).toBe(true);
  });
});
