import { describe, expect, it } from 'vitest';
import { breadcrumbJsonLd, mainNavigation, trails } from '../../src/lib/navigation.ts';
import { around, createRoutes } from '../../src/lib/routes.ts';
import { createAnnouncementSchema, siteSchema, type SourceEntry } from '../../src/lib/schema.ts';
import { buildSiteData } from '../../src/lib/site-data.ts';
import { createSourceRegistry } from '../../src/lib/sources.ts';
import { announcementInput } from '../support/content.ts';

const columns = [
  { name: '政策文件', slug: 'zcwj', order: 2 },
  { name: '通知公告', slug: 'tzgg', order: 1 },
  { name: '新闻动态', slug: 'xwdt' },
];
const site = siteSchema.parse({ name: '测试门户', page_size: 2, columns });
const schema = createAnnouncementSchema('Asia/Shanghai', columns);
const input = (id: string, frontMatter: Record<string, unknown>) => announcementInput(id, { source: '遂宁市人民政府', ...frontMatter }, { schema });
const sources: SourceEntry[] = [
  { name: '遂宁市人民政府', slug: 'suining', aliases: [], group: '市政府' },
  { name: '遂宁市教育局', slug: 'jiaoyu', aliases: [], group: '部门' },
  { name: '遂宁市统计局', slug: 'tongji', aliases: [], group: '部门' },
];
const siteData = buildSiteData(
  [
    input('2016/a', { title: '甲', date: '2016-01-05', column: '通知公告' }),
    input('2016/b', { title: '乙', date: '2016-01-20', column: 'tzgg', source: '遂宁市教育局' }),
    input('2016/c', { title: '丙', date: '2016-03-02', column: '政策文件' }),
    input('2016/c-copy', { title: '丙', date: '2016-03-03', column: '新闻动态', source: '县政府', original_url: 'https://county.example.gov.cn/c.html' }),
    input('2016/d', { title: '丁', date: '2016-03-09', column: '通知公告', withdrawn: { date: '2016-03-10', reason: '有误', replaced_by: '2016/c-copy' } }),
    input('2016/e', { title: '戊', date: '2016-06-01' }),
  ],
  createSourceRegistry(sources),
  [{ canonical: '2016/c', duplicates: [{ id: '2016/c-copy' }] }],
  'Asia/Shanghai',
  columns,
);
const routes = createRoutes(siteData, site, sources);
const titles = (items: readonly { title: string }[]) => items.map((item) => item.title);

describe('columns', () => {
  it('are in site.yaml\'s order by `order`, then as listed, each listing its notices and those whose copies it holds', () => {
    expect(siteData.columns.map(({ column, announcements }) => [column.name, announcements.map((a) => a.id)])).toEqual([
      ['通知公告', ['2016/b', '2016/a']],
      ['政策文件', ['2016/c']],
      ['新闻动态', ['2016/c']],
    ]);
  });

  it('have paginated listing pages and a feed each', () => {
    expect(routes.columnPages({ firstOnly: true }).map((r) => [r.params.slug, r.props.page.count, titles(r.props.page.items)])).toEqual([
      ['tzgg', 2, ['乙', '甲']],
      ['zcwj', 1, ['丙']],
      ['xwdt', 1, ['丙']],
    ]);
    expect(routes.columnPages({ firstOnly: false })).toEqual([]);
    expect(routes.columnFeeds().map((r) => r.params.slug)).toEqual(['tzgg', 'zcwj', 'xwdt']);
    expect(routes.feeds().columns).toEqual([
      { title: '测试门户 - 通知公告', path: '/columns/tzgg/rss.xml' },
      { title: '测试门户 - 政策文件', path: '/columns/zcwj/rss.xml' },
      { title: '测试门户 - 新闻动态', path: '/columns/xwdt/rss.xml' },
    ]);
  });

  it('build the main navigation; a site without columns keeps its old sections', () => {
    expect(mainNavigation(siteData.columns.map((listing) => listing.column)).map((link) => link.text)).toEqual(['首页', '通知公告', '政策文件', '新闻动态', '发布机构', '按月归档']);
    expect(mainNavigation([]).map((link) => [link.text, link.href])).toEqual([['首页', '/'], ['发布机构', '/sources/'], ['按月归档', '/archive/'], ['搜索', '/search/']]);
  });

  it('give the home page a block each with its newest announcements', () => {
    expect(routes.homeColumns().map((block) => [block.item.slug, block.count, titles(block.items)])).toEqual([
      ['tzgg', 2, ['乙', '甲']],
      ['zcwj', 1, ['丙']],
      ['xwdt', 1, ['丙']],
    ]);
  });
});

describe('an announcement page', () => {
  const page = (id: string) => routes.announcementPages().find((r) => r.params.id === id)!.props;

  it('has a side column of its column\'s other announcements, or its source\'s without a column', () => {
    expect(page('2016/a').related).toMatchObject({ heading: '通知公告', href: '/columns/tzgg/', items: [{ title: '乙' }] });
    expect(page('2016/e').related).toMatchObject({ heading: '遂宁市人民政府', href: '/sources/suining/', items: [{ title: '丙' }, { title: '甲' }] });
    expect(page('2016/c').related).toBeUndefined();
  });

  it('links a withdrawn notice to its replacement, a copy by its canonical page', () => {
    expect(page('2016/d').replacement).toEqual({ url: '/announcements/2016/c/', title: '丙', source: { slug: 'suining', name: '遂宁市人民政府', group: '市政府' } });
    expect(page('2016/a').replacement).toBeUndefined();
  });

  it('names each other publication with its original address, never its page here', () => {
    expect(page('2016/c').announcement.alsoPublished).toMatchObject([{ id: '2016/c-copy', url: '/announcements/2016/c-copy/', originalUrl: 'https://county.example.gov.cn/c.html', source: { name: '县政府' } }]);
    expect(page('2016/c-copy').canonical?.url).toBe('/announcements/2016/c/');
  });
});

describe('the side column window', () => {
  it('takes announcements around this one, filling from the other side at the ends', () => {
    const list = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    expect(around(list, 4, 4)).toEqual(['c', 'd', 'f', 'g']);
    expect(around(list, 0, 4)).toEqual(['b', 'c', 'd', 'e']);
    expect(around(list, 8, 4)).toEqual(['e', 'f', 'g', 'h']);
    expect(around(list, -1, 4)).toEqual(['a', 'b', 'c', 'd']);
    expect(around(['a'], 0, 4)).toEqual([]);
  });
});

describe('archive and sources', () => {
  it('link each month to the months before and after it that have announcements', () => {
    expect(routes.monthPages().map((r) => [`${r.params.year}-${r.params.month}`, r.props.earlier?.month, r.props.later?.month])).toEqual([
      ['2016-06', '03', undefined],
      ['2016-03', '01', '06'],
      ['2016-01', undefined, '03'],
    ]);
  });

  it('group bodies as sources.yaml does, unlisted ones under 其他', () => {
    expect(routes.sourceGroups().map((group) => [group.name, group.sources.map(({ item, count }) => `${item.name} ${count}`)])).toEqual([
      ['市政府', ['遂宁市人民政府 3']],
      ['部门', ['遂宁市教育局 1']],
      ['其他', ['县政府 1']],
    ]);
  });

  it('give a source\'s page the bodies of its group, by name only, for its side list', () => {
    const page = routes.sourcePages({ firstOnly: true }).find((r) => r.params.slug === 'jiaoyu')!;
    expect(page.props.group).toEqual({ name: '部门', sources: [{ slug: 'jiaoyu', name: '遂宁市教育局', group: '部门' }] });
  });

  it('list everything in the site map', () => {
    const map = routes.siteMap();
    expect(map.columns.map(({ item, count }) => `${item.name} ${count}`)).toEqual(['通知公告 2', '政策文件 1', '新闻动态 1']);
    expect(map.years).toEqual([{ year: '2016', count: 4, months: [{ month: '06', count: 1 }, { month: '03', count: 1 }, { month: '01', count: 2 }] }]);
  });
});

describe('当前位置', () => {
  it('runs 首页 > column > 正文, or through the source or the archive', () => {
    const a = siteData.byId.get('2016/a')!;
    const e = siteData.byId.get('2016/e')!;
    expect(trails.announcement(a).map((crumb) => crumb.text)).toEqual(['首页', '通知公告', '正文']);
    expect(trails.announcement(e).map((crumb) => `${crumb.text} ${crumb.href}`)).toEqual(['首页 /', '发布机构 /sources/', '遂宁市人民政府 /sources/suining/', '正文 /announcements/2016/e/']);
    expect(trails.month('2016', '03').map((crumb) => crumb.href)).toEqual(['/', '/archive/', '/archive/2016/', '/archive/2016/03/']);
  });

  it('is BreadcrumbList JSON-LD with absolute addresses, safe inside a script element', () => {
    const json = breadcrumbJsonLd([{ text: '首页', href: '/' }, { text: '</script>', href: '/x/' }], 'https://www.example.gov.cn/');
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: '首页', item: 'https://www.example.gov.cn/' },
        { '@type': 'ListItem', position: 2, name: '</script>', item: 'https://www.example.gov.cn/x/' },
      ],
    });
  });
});
