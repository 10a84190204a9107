/**
 * Announcements as government documents, in the built sample site: attachments copied and
 * listed, images made responsive, feeds with enclosures, interpretations linked both ways, the
 * abolished policy's banner, the 信息公开目录 and the annual figures against the content itself.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromXml } from '@extractus/feed-extractor';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, type BuildResult } from '../support/build-site.ts';
import { sampleBuild } from '../support/sample-build.ts';
import { toYearMonth } from '../../src/lib/dates.ts';
import { hasGovernmentInfo } from '../../src/lib/government-info.ts';
import { findCopies } from '../../src/lib/site-assembly.ts';
import { validateContent } from '../../src/lib/validate.ts';
import { parseCsv } from '../support/csv.ts';

let build: BuildResult;
const read = (path: string) => readFileSync(join(build.dist, path), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, '');
const PLAN = 'announcements/2016/safety-month-plan/';
const BUNDLE = join(PROJECT_ROOT, 'content/announcements/2016/safety-month-plan');

// What the content says, read without the site's assembly: the files, validated, and the copies dedup finds.
const content = validateContent(join(PROJECT_ROOT, 'content'), PROJECT_ROOT);
const copies = new Set((await findCopies(content.announcements.map(({ id, data, body }) => ({ id, data, body })), content.sources ?? [])).flatMap((cluster) => cluster.duplicates.map((d) => d.id)));
const published = content.announcements.filter((a) => !a.data.draft && !copies.has(a.id));

beforeAll(() => {
  build = sampleBuild();
});

describe('attachments', () => {
  it('are copied beside their page, byte for byte', () => {
    for (const file of ['活动方案.pdf', '活动安排表.xlsx']) expect(readFileSync(join(build.dist, PLAN, file)).equals(readFileSync(join(BUNDLE, file))), file).toBe(true);
  });

  it('are listed under the body with title, type, size and a PDF\'s page count, each a download link with the file name', () => {
    const list = /<section class="app-attachments"[\s\S]*?<\/section>/.exec(read(`${PLAN}index.html`))![0];
    const pdfKb = Math.round(readFileSync(join(BUNDLE, '活动方案.pdf')).length / 1024);
    expect(text(list)).toBe(`附件遂宁市2016年“安全生产月”活动方案（印发稿）（PDF，${pdfKb} KB，3页）2016年“安全生产月”活动安排表（Excel，2 KB）`);
    expect(list).toContain(`href="/${PLAN}${encodeURIComponent('活动方案.pdf')}" download="活动方案.pdf"`);
    expect(list).toContain(`href="/${PLAN}${encodeURIComponent('活动安排表.xlsx')}" download="活动安排表.xlsx"`);
  });

  it('of an imported page link to their original address', () => {
    const list = /<section class="app-attachments"[\s\S]*?<\/section>/.exec(read('announcements/2015/recruitment-notice/index.html'))![0];
    expect(list).toContain('href="https://www.suining.example.gov.cn/files/2015/zhaopin.xls"');
    expect(text(list)).toContain('（Excel，原网站文件）');
  });

  it('are linked from the feed item, the first as its enclosure with length and type, and the feed still parses', () => {
    const feed = read('rss.xml');
    const item = /<item><title>遂宁市2016年“安全生产月”活动方案<\/title>[\s\S]*?<\/item>/.exec(feed)![0];
    const pdf = `https://www.suining.example.gov.cn/${PLAN}${encodeURIComponent('活动方案.pdf')}`;
    expect(item).toContain(`<enclosure url="${pdf}" length="${readFileSync(join(BUNDLE, '活动方案.pdf')).length}" type="application/pdf"/>`);
    expect(item).toContain(`&lt;a href=&quot;${pdf}&quot;&gt;`);
    expect(item).toContain(encodeURIComponent('活动安排表.xlsx'));
    execFileSync('xmllint', ['--noout', '-'], { input: feed });
    const parsed = extractFromXml(feed, { getExtraEntryFields: (entry: Record<string, unknown>) => ({ enclosure: entry.enclosure }) });
    const entry = parsed.entries?.find((candidate) => candidate.title === '遂宁市2016年“安全生产月”活动方案') as unknown as { enclosure: { '@_url': string; '@_length': string } };
    expect(entry.enclosure['@_url']).toBe(pdf);
  });
});

describe('images', () => {
  const page = () => read('announcements/2016/safety-consultation-day/index.html');

  it('are pictures with modern formats, a fallback with width, height and srcset, in a captioned figure', () => {
    const figure = /<figure class="app-figure">[\s\S]*?<\/figure>/.exec(page())![0];
    expect(figure).toMatch(/<source srcset="\/_astro\/[^"]+\.avif 480w, \/_astro\/[^"]+\.avif 960w" type="image\/avif"/);
    expect(figure).toMatch(/<source srcset="[^"]+\.webp 480w, [^"]+\.webp 960w" type="image\/webp"/);
    const img = /<img [^>]*>/.exec(figure)![0];
    expect(img).toMatch(/ src="\/_astro\/xuanchuan\.[^"]+\.jpg"/);
    expect(img).toMatch(/ srcset="[^"]+\.jpg 480w, [^"]+\.jpg 960w"/);
    expect(img).toContain('width="960" height="600"');
    expect(img).toContain('alt="市中心广场的安全生产宣传咨询台，群众在横幅下排队咨询"');
    expect(text(figure)).toBe('6月16日，市民在市中心广场的咨询台前了解安全生产知识');
    // The full-size original is not published: only the processed files are.
    expect(readFileSync(join(build.dist, img.match(/ src="([^"]+)"/)![1]!.slice(1))).length).toBeGreaterThan(0);
  });

  it('have absolute addresses in feed items', () => {
    const item = /<item><title>我市举行2016年安全生产宣传咨询日活动<\/title>[\s\S]*?<\/item>/.exec(read('rss.xml'))![0];
    expect(item).toMatch(/&lt;img src=&quot;https:\/\/www\.suining\.example\.gov\.cn\/_astro\/xuanchuan\.[^&]+\.jpg&quot; alt=&quot;[^&]+&quot; width=&quot;960&quot; height=&quot;600&quot;&gt;/);
  });
});

describe('interpretations, related announcements and validity', () => {
  it('link a policy and its interpretation both ways', () => {
    expect(read(`${PLAN}index.html`)).toMatch(/<h2 id="app-interpretations-heading">相关解读<\/h2>\s*<ul><li><a href="\/announcements\/2016\/safety-month-plan-interpretation\/">/);
    expect(read('announcements/2016/safety-month-plan-interpretation/index.html')).toMatch(/<h2 id="app-interprets-heading">解读的文件<\/h2>\s*<ul><li><a href="\/announcements\/2016\/safety-month-plan\/">/);
  });

  it('link related announcements both ways', () => {
    expect(read('announcements/2016/community-workers-recruitment/index.html')).toContain('<h2 id="app-related-documents-heading">相关公告</h2><ul><li><a href="/announcements/2015/recruitment-notice/">');
    expect(read('announcements/2015/recruitment-notice/index.html')).toContain('<h2 id="app-related-documents-heading">相关公告</h2><ul><li><a href="/announcements/2016/community-workers-recruitment/">');
  });

  it('give an abolished policy a banner, 【已废止】 in its title and 已废止 in its table, and keep it listed', () => {
    const page = read('announcements/2016/approval-items/index.html');
    expect(page).toContain('<title>【已废止】关于调整部分行政审批事项的公告 - 遂宁市人民政府公告</title>');
    expect(text(/<div class="app-banner" role="note">[\s\S]*?<\/div>/.exec(page)![0])).toContain('本文件已于2018年03月01日废止');
    expect(page).toContain('<dt>有效性</dt><dd class="app-docinfo__status">已废止</dd>');
    expect(read('columns/zcwj/index.html')).toContain('href="/announcements/2016/approval-items/"');
    expect(read('rss.xml')).toContain('<title>【已废止】关于调整部分行政审批事项的公告</title>');
  });
});

describe('信息公开目录', () => {
  it('lists exactly the listed documents with 政务公开 metadata, across its pages', () => {
    const expected = published.filter((a) => !a.data.withdrawn && hasGovernmentInfo(a.data)).map((a) => `/announcements/${a.id}/`).sort();
    const listed: string[] = [];
    for (let page = 1; ; page++) {
      let html: string;
      try {
        html = read(page === 1 ? 'catalogue/index.html' : `catalogue/page/${page}/index.html`);
      } catch {
        break;
      }
      listed.push(...[...html.matchAll(/<th class="app-catalogue__title" scope="row" data-label="名称"><a href="([^"]+)"/g)].map((match) => decodeURI(match[1]!)));
    }
    expect(listed.sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(6);
  });

  it('has a page per year, 发布机构 and 主题分类, linked from its filters', () => {
    const first = read('catalogue/index.html');
    for (const href of ['/catalogue/year/2016/', '/catalogue/publisher/renshe/', '/catalogue/topic/laodong-renshi-jiancha/']) {
      expect(first).toContain(`href="${href}"`);
      expect(read(`${href.slice(1)}index.html`)).toContain('aria-current="page"');
    }
    expect(text(read('catalogue/topic/laodong-renshi-jiancha/index.html'))).toContain('共 3 条');
  });
});

describe('the annual figures', () => {
  const rows = () => parseCsv(read('statistics/figures.csv').replace(/^\uFEFF/, ''));

  it('equal the content\'s: notices published per year, withdrawn included, each copy once', () => {
    const byYear = new Map<string, number>();
    for (const a of published) byYear.set(toYearMonth(a.data.date).year, (byYear.get(toYearMonth(a.data.date).year) ?? 0) + 1);
    const csv = rows();
    expect(csv.find((row) => row[2] === 'total')![3]).toBe(String(published.length));
    expect(csv.find((row) => row[2] === 'withdrawn')![3]).toBe(String(published.filter((a) => a.data.withdrawn).length));
    expect(csv.find((row) => row[2] === 'copies')![3]).toBe(String(copies.size));
    expect(Object.fromEntries(csv.filter((row) => row[0] === '年度').map((row) => [row[2], Number(row[3])]))).toEqual(Object.fromEntries(byYear));
    const json = JSON.parse(read('statistics/figures.json')) as { total: number; sources: { count: number }[] };
    expect(json.total).toBe(published.length);
    expect(json.sources.reduce((sum, source) => sum + source.count, 0)).toBe(published.length);
  });

  it('are on the page as charts drawn at build time, each with its table, and the page says how they are counted', () => {
    const page = read('statistics/index.html');
    expect([...page.matchAll(/<svg class="app-chart[^"]*"[^>]*role="img"/g)]).toHaveLength(4);
    expect([...page.matchAll(/<table class="app-figures__table">/g)]).toHaveLength(4);
    expect(text(page)).toContain('转载不重复计数');
    expect(text(page)).toContain('已撤回的公告计入其发布当年');
    expect(page).not.toMatch(/<script[^>]*src=/);
  });
});
