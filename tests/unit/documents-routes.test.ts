import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../src/lib/attachments.ts';
import { fileTypeOf } from '../../src/lib/attachments.ts';
import type { BodyImage } from '../../src/lib/body-images.ts';
import { columnChart, rowChart } from '../../src/lib/charts.ts';
import { toFeedItem } from '../../src/lib/feed.ts';
import { createRoutes, type AnnouncementPageProps } from '../../src/lib/routes.ts';
import { createAnnouncementSchema, siteSchema } from '../../src/lib/schema.ts';
import { buildSiteData, type AnnouncementInput } from '../../src/lib/site-data.ts';
import { createSourceRegistry } from '../../src/lib/sources.ts';
import { figuresToCsv, figuresToJson } from '../../src/lib/statistics.ts';
import { announcementInput } from '../support/content.ts';
import { parseCsv } from '../support/csv.ts';

const site = siteSchema.parse({ page_size: 2, columns: [{ name: '政策文件', slug: 'zcwj' }, { name: '通知公告', slug: 'tzgg' }] });
const schema = createAnnouncementSchema('Asia/Shanghai', site.columns);
const input = (id: string, frontMatter: Record<string, unknown>, extra: Partial<AnnouncementInput> = {}) =>
  announcementInput(id, { source: '遂宁市安监局', title: id, ...frontMatter }, { schema, ...extra });

const policy = input('2016/plan', { date: '2016-05-25', column: '政策文件', index_number: '00865217X/2016-00046', topic: '安全生产监管', written: '2016-05-20' });
const interpretation = input('2016/plan-interpretation', { date: '2016-05-26', column: '政策文件', interprets: '2016/plan', topic: '安全生产监管' });
const related = input('2016/related', { date: '2016-06-01', column: '通知公告', related: ['2016/plan'] });
const abolished = input('2015/old-policy', { date: '2015-03-01', column: '政策文件', publisher: '遂宁市人民政府', validity: { status: '已废止', date: '2016-05-25', replaced_by: '2016/plan', note: '由新方案代替' } });
const plain = input('2016/news', { date: '2016-07-01', column: '通知公告', doc_number: '遂府办发〔2016〕18号' });
const withdrawn = input('2016/withdrawn', { date: '2016-08-01', topic: '综合政务', withdrawn: { date: '2016-08-02', reason: '有误' } });
const draft = input('2016/draft', { date: '2016-09-01', draft: true, topic: '综合政务' });
const copy = input('2016/copy', { date: '2016-05-27', source: '船山区人民政府', column: '政策文件', canonical: '2016/plan' });

const build = (inputs: AnnouncementInput[]) => {
  const data = buildSiteData(inputs, createSourceRegistry([]), [{ canonical: '2016/plan', duplicates: [{ id: '2016/copy' }] }], 'Asia/Shanghai', site.columns);
  return { data, routes: createRoutes(data, site, []) };
};
const { data, routes } = build([policy, interpretation, related, abolished, plain, withdrawn, draft, copy]);
const pageOf = (id: string) => routes.announcementPages().find((route) => route.params.id === id)!;
const props = (id: string) => pageOf(id).props as AnnouncementPageProps;

describe('interpretations and related announcements', () => {
  it('link a policy to its interpretation and back', () => {
    expect(props('2016/plan').interpretations?.map((link) => link.url)).toEqual(['/announcements/2016/plan-interpretation/']);
    expect(props('2016/plan-interpretation').interprets?.url).toBe('/announcements/2016/plan/');
  });

  it('link related announcements both ways, whichever names the other', () => {
    expect(props('2016/related').relatedAnnouncements?.map((link) => link.url)).toEqual(['/announcements/2016/plan/']);
    expect(props('2016/plan').relatedAnnouncements?.map((link) => link.url)).toEqual(['/announcements/2016/related/']);
  });

  it('link an abolished document to the one now in force', () => {
    expect(props('2015/old-policy').inForce?.url).toBe('/announcements/2016/plan/');
  });

  it('change the policy page\'s cache key when an interpretation of it is published, and no unrelated page\'s', () => {
    const before = build([policy, related, abolished, plain]);
    const after = build([policy, related, abolished, plain, interpretation]);
    const key = (built: typeof before, id: string) => built.routes.announcementPages().find((route) => route.params.id === id)!.cacheKey;
    expect(key(after, '2016/plan')).not.toBe(key(before, '2016/plan'));
    expect(key(after, '2016/news')).toBe(key(before, '2016/news'));
  });
});

describe('信息公开目录', () => {
  it('lists exactly the listed announcements with 政务公开 metadata, newest first', () => {
    expect(data.catalogue.map((a) => a.id)).toEqual(['2016/plan-interpretation', '2016/plan', '2015/old-policy']);
    const first = routes.firstCataloguePage();
    expect(first.page.count).toBe(3);
    expect(first.page.items.map((row) => [row.title, row.indexNumber, row.publisher, row.validity])).toEqual([
      ['2016/plan-interpretation', undefined, '遂宁市安监局', '有效'],
      ['2016/plan', '00865217X/2016-00046', '遂宁市安监局', '有效'],
    ]);
    expect(routes.cataloguePages().map((route) => [route.params.page, route.props.page.items.map((row) => row.validity)])).toEqual([['2', ['已废止']]]);
  });

  it('has a static listing per year, 发布机构 and 主题分类, with its count in the filter bar', () => {
    const pages = routes.catalogueFilterPages({ firstOnly: true });
    expect(pages.map((route) => `${route.params.facet}/${route.params.value} ${route.props.page.count}`)).toEqual([
      'year/2016 2',
      'year/2015 1',
      'publisher/suiningshianjianju 2',
      'publisher/suiningshirenminzhengfu 1',
      'topic/anquanshengchanjianguan 2',
    ]);
    expect(pages[0]!.props.facets.topic).toEqual([{ facet: 'topic', name: '安全生产监管', slug: 'anquanshengchanjianguan', count: 2 }]);
    expect(new Set(pages.map((route) => route.cacheKey)).size).toBe(pages.length);
  });
});

describe('the annual figures', () => {
  const figures = routes.statistics().figures;

  it('count each notice once, withdrawn included and drafts and copies not, with every breakdown but the months (of one year) summing to the total', () => {
    expect(figures).toMatchObject({ total: 6, withdrawn: 1, copies: 1, latestYear: '2016' });
    const sum = (id: string) => figures.breakdowns.find((b) => b.id === id)!.figures.reduce((total, figure) => total + figure.count, 0);
    for (const id of ['years', 'columns', 'sources']) expect(sum(id), id).toBe(6);
    expect(sum('months')).toBe(5);
    expect(figures.breakdowns.find((b) => b.id === 'years')!.figures).toEqual([{ label: '2015年', key: '2015', count: 1 }, { label: '2016年', key: '2016', count: 5 }]);
    expect(figures.breakdowns.find((b) => b.id === 'months')!.figures.filter((f) => f.count).map((f) => `${f.key} ${f.count}`)).toEqual(['2016-05 2', '2016-06 1', '2016-07 1', '2016-08 1']);
    expect(figures.breakdowns.find((b) => b.id === 'columns')!.figures.map((f) => `${f.label} ${f.count}`)).toEqual(['政策文件 3', '通知公告 2', '未分栏目 1']);
  });

  it('write a CSV that parses back to the same numbers', () => {
    const csv = figuresToCsv(figures);
    expect(csv.startsWith('\uFEFF分类,名称,代码,数量\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(['分类', '名称', '代码', '数量']);
    expect(rows.find((row) => row[2] === 'total')).toEqual(['合计', '发布总数', 'total', '6']);
    expect(rows.filter((row) => row[0] === '年度').map((row) => Number(row[3])).reduce((a, b) => a + b)).toBe(6);
    expect(JSON.parse(figuresToJson(figures))).toMatchObject({ total: 6, years: [{ key: '2015', count: 1 }, { key: '2016', count: 5 }] });
  });

  it('draw columns on a common baseline and rows whose longest bar leaves room for its value', () => {
    const columns = columnChart([{ label: '2015年', key: '2015', count: 1 }, { label: '2016年', key: '2016', count: 4 }]);
    expect(columns.bars.map((bar) => [bar.x, bar.width, bar.y + bar.height])).toEqual([['10%', '30%', 182], ['60%', '30%', 182]]);
    expect(columns.bars[1]!.height).toBe(160);
    const rows = rowChart([{ label: '政策文件', key: 'zcwj', count: 3 }, { label: '通知公告', key: 'tzgg', count: 2 }]);
    expect(rows.bars.map((bar) => bar.width)).toEqual(['85%', '56.67%']);
  });
});

describe('feed items of documents', () => {
  const attachment: Attachment = { title: '实施方案', fileName: '方案.pdf', href: '/announcements/2016/plan/%E6%96%B9%E6%A1%88.pdf', remote: false, type: fileTypeOf('方案.pdf'), bytes: 221_883, pages: 3 };
  const image: BodyImage = { path: '现场.jpg', alt: '现场', eager: true, source: { src: '/_astro/x.jpg', width: 1600, height: 1000, format: 'jpg' } };

  it('list every attachment after the body, carry the first as the enclosure and show images at absolute addresses', () => {
    const announcement = build([input('2016/a', { date: '2016-05-25', attachments: [{ file: '方案.pdf' }] }, { html: '<p>正文</p><figure><!--gazette-image:0--></figure>', images: [image], attachments: [attachment, { ...attachment, title: '附表', href: 'https://x.gov.cn/b.xls', remote: true, type: fileTypeOf('b.xls'), bytes: undefined, pages: undefined }] })]).data.byId.get('2016/a')!;
    const item = toFeedItem(announcement, 'https://example.gov.cn/', [{ src: '/_astro/x_960.jpg', width: 960, height: 600 }]);
    expect(item.enclosure).toEqual({ url: 'https://example.gov.cn/announcements/2016/plan/%E6%96%B9%E6%A1%88.pdf', length: 221_883, type: 'application/pdf' });
    expect(item.content).toContain('<figure><img src="https://example.gov.cn/_astro/x_960.jpg" alt="现场" width="960" height="600"></figure>');
    expect(item.content).toContain('<h2>附件</h2><ol><li><a href="https://example.gov.cn/announcements/2016/plan/%E6%96%B9%E6%A1%88.pdf">实施方案</a>（PDF，217 KB，3页）</li><li><a href="https://x.gov.cn/b.xls">附表</a>（Excel）</li></ol>');
  });

  it('say in the title, a category and a line before the body that a document is no longer in force', () => {
    const item = toFeedItem(data.byId.get('2015/old-policy')!, 'https://example.gov.cn/');
    expect(item.title).toBe('【已废止】2015/old-policy');
    expect(item.categories).toContain('已废止');
    expect(item.content.startsWith('<p><strong>本文件已于2016年05月25日废止。</strong>由新方案代替</p>')).toBe(true);
  });
});
