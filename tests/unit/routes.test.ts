import { describe, expect, it } from 'vitest';
import { createRoutes, SEARCH_FILTER_OPTIONS, SIDE_LIST_SIZE } from '../../src/lib/routes.ts';
import { siteSchema } from '../../src/lib/schema.ts';
import { buildSiteData } from '../../src/lib/site-data.ts';
import { createSourceRegistry } from '../../src/lib/sources.ts';
import { announcementInput } from '../support/content.ts';

const site = siteSchema.parse({ page_size: 2 });
const input = (id: string, frontMatter: Record<string, unknown>, html = '<p>正文</p>') =>
  announcementInput(id, { source: '遂宁市安监局', ...frontMatter }, { digest: `${id}:${html}`, html });
const corpus = (changes: Record<string, Partial<{ title: string; html: string }>> = {}) => {
  const announcement = (id: string, title: string, date: string) =>
    input(id, { title: changes[id]?.title ?? title, date }, changes[id]?.html ?? `<p>${title}的正文</p>`);
  return buildSiteData(
    [
      announcement('2016/a', '甲', '2016-05-01'),
      announcement('2016/b', '乙', '2016-05-02'),
      announcement('2016/c', '丙', '2016-06-03'),
      announcement('2016/d', '丁', '2016-07-04'),
      announcement('2016/e', '戊', '2016-07-05'),
    ],
    createSourceRegistry([]),
    [],
    'Asia/Shanghai',
  );
};
const routesOf = (changes?: Parameters<typeof corpus>[0], sources: { name: string; slug: string; aliases: string[] }[] = []) =>
  createRoutes(corpus(changes), site, sources);

/** Every generated route's key by its path. */
function keys(routes: ReturnType<typeof createRoutes>): Map<string, string> {
  const all = [
    ...routes.homePages().map((r) => [`page/${r.params.page}`, r.cacheKey] as const),
    ...routes.announcementPages().map((r) => [`announcements/${r.params.id}`, r.cacheKey] as const),
    ...routes.sourcePages({ firstOnly: true }).map((r) => [`sources/${r.params.slug}`, r.cacheKey] as const),
    ...routes.sourcePages({ firstOnly: false }).map((r) => [`sources/${r.params.slug}/page/${r.params.page}`, r.cacheKey] as const),
    ...routes.yearPages().map((r) => [`archive/${r.params.year}`, r.cacheKey] as const),
    ...routes.monthPages().map((r) => [`archive/${r.params.year}/${r.params.month}`, r.cacheKey] as const),
    ...routes.sourceFeeds().map((r) => [`sources/${r.params.slug}/rss.xml`, r.cacheKey] as const),
  ];
  return new Map(all);
}
const changedKeys = (before: Map<string, string>, after: Map<string, string>) => [...after].filter(([path, key]) => before.get(path) !== key).map(([path]) => path).sort();

describe('routes', () => {
  it('give listings only what they show of each announcement, newest first', () => {
    const [second] = routesOf().homePages();
    expect(second!.params).toEqual({ page: '2' });
    expect(second!.props.page.items).toEqual([
      { url: '/announcements/2016/c/', title: '丙', date: new Date('2016-06-02T16:00:00Z'), datePrecision: 'day', source: { slug: 'suiningshianjianju', name: '遂宁市安监局' } },
      { url: '/announcements/2016/b/', title: '乙', date: new Date('2016-05-01T16:00:00Z'), datePrecision: 'day', source: { slug: 'suiningshianjianju', name: '遂宁市安监局' } },
    ]);
  });

  it('give an announcement page its neighbours as links', () => {
    const page = routesOf().announcementPages().find((r) => r.params.id === '2016/c')!;
    expect(page.props.newer).toEqual({ url: '/announcements/2016/d/', title: '丁', source: { slug: 'suiningshianjianju', name: '遂宁市安监局' } });
    expect(page.props.older?.title).toBe('乙');
  });

  it('change the key of exactly the pages that show a changed title', () => {
    const before = keys(routesOf());
    expect(changedKeys(before, keys(routesOf()))).toEqual([]);
    // Its own page, its neighbours' 上一篇 / 下一篇, and the pages whose side column lists it.
    expect(changedKeys(before, keys(routesOf({ '2016/c': { title: '丙（修订）' } })))).toEqual([
      'announcements/2016/a',
      'announcements/2016/b',
      'announcements/2016/c',
      'announcements/2016/d',
      'announcements/2016/e',
      'archive/2016',
      'archive/2016/06',
      'page/2',
      'sources/suiningshianjianju/page/2',
      'sources/suiningshianjianju/rss.xml',
    ]);
  });

  it('change only the announcement page and the feed when a body changes', () => {
    const before = keys(routesOf());
    expect(changedKeys(before, keys(routesOf({ '2016/c': { html: '<p>新的正文</p>' } })))).toEqual(['announcements/2016/c', 'sources/suiningshianjianju/rss.xml']);
  });

  it('change every key when sources.yaml changes, since every page shows source names', () => {
    const before = keys(routesOf());
    const after = keys(routesOf(undefined, [{ name: '船山区人民政府', slug: 'chuanshan', aliases: [] }]));
    expect(changedKeys(before, after)).toEqual([...before.keys()].sort());
  });
});

describe('a site with many bodies', () => {
  // 210 bodies with no group in sources.yaml; body n has n % 3 + 1 announcements.
  const many = buildSiteData(
    Array.from({ length: 210 }, (_, n) => n).flatMap((n) =>
      Array.from({ length: (n % 3) + 1 }, (_, k) => input(`2016/n${n}-${k}`, { title: `第${n}号之${k}`, date: '2016-05-01', source: `第${String(n).padStart(3, '0')}局` })),
    ),
    createSourceRegistry([]),
    [],
    'Asia/Shanghai',
  );
  const routes = createRoutes(many, site, []);

  it('lists on each source page the bodies around it, not all of them, with how many there are', () => {
    const pages = routes.sourcePages({ firstOnly: true });
    expect(pages).toHaveLength(210);
    for (const { props } of pages) {
      expect(props.group.sources).toHaveLength(SIDE_LIST_SIZE);
      expect(props.group.sources.map((source) => source.slug)).toContain(props.source.slug);
      expect(props.group.total).toBe(210);
    }
  });

  it('offers the bodies with most announcements as search filter suggestions when they are too many for a list', () => {
    const { source } = routes.searchFilters();
    expect(source.complete).toBe(false);
    expect(source.values).toHaveLength(SEARCH_FILTER_OPTIONS);
    // The 70 bodies with three announcements come first.
    expect(source.values.slice(0, 70).every((name) => Number(/\d+/.exec(name)![0]) % 3 === 2)).toBe(true);
    expect(routesOf().searchFilters().source).toEqual({ values: ['遂宁市安监局'], complete: true });
  });
});
