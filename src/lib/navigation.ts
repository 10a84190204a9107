/** The site's main navigation and the 当前位置 trail of each page. */
import { absoluteUrl, paths } from './paths.ts';
import type { Column } from './site-data.ts';
import type { Source } from './sources.ts';

/** The part of the site a page belongs to, marked `aria-current` in the main navigation. */
export type Section = 'home' | 'sources' | 'archive' | 'search' | 'catalogue' | 'statistics' | `column:${string}`;

export interface NavigationLink {
  section: Section;
  href: string;
  text: string;
}

/**
 * The header's links: 首页, each column in order, then 信息公开 (the 信息公开目录, when documents
 * carry 政务公开 metadata), 发布机构 and 按月归档. A site without columns keeps the sections it
 * always had, search included (the header's form is beside it).
 *
 * @example mainNavigation([]).map((link) => link.text) // ['首页', '发布机构', '按月归档', '搜索']
 */
export function mainNavigation(columns: readonly Column[], hasCatalogue = false): NavigationLink[] {
  return [
    { section: 'home', href: paths.home(), text: '首页' },
    ...columns.map((column): NavigationLink => ({ section: `column:${column.slug}`, href: paths.column(column.slug), text: column.name })),
    ...(hasCatalogue ? [{ section: 'catalogue', href: paths.catalogue(), text: '信息公开' } as const] : []),
    { section: 'sources', href: paths.sources(), text: '发布机构' },
    { section: 'archive', href: paths.archive(), text: '按月归档' },
    ...(columns.length ? [] : [{ section: 'search', href: paths.search(), text: '搜索' } as const]),
  ];
}

/** The ids of the header's panels that fold behind a button on phones (see SiteHeader.astro). */
export const HEADER_PANELS = { tools: 'app-tools', search: 'app-search-panel' } as const;

/** The section of a column's pages. */
export const columnSection = (column: Column): Section => `column:${column.slug}`;

/** One step of a 当前位置 trail; the last is the page itself. */
export interface Crumb {
  text: string;
  href: string;
}

const home: Crumb = { text: '首页', href: paths.home() };
const sourcesCrumb: Crumb = { text: '发布机构', href: paths.sources() };
const archiveCrumb: Crumb = { text: '归档', href: paths.archive() };

/**
 * 当前位置 trails, 首页 first: 首页 > 栏目 > 正文, 首页 > 发布机构 > 来源, 首页 > 归档 > 年 > 月.
 *
 * @example trails.month('2015', '05').map((crumb) => crumb.text) // ['首页', '归档', '2015年', '05月']
 */
export const trails = {
  column: (column: Column): Crumb[] => [home, { text: column.name, href: paths.column(column.slug) }],
  sources: (): Crumb[] => [home, sourcesCrumb],
  source: (source: Source): Crumb[] => [home, sourcesCrumb, { text: source.name, href: paths.source(source.slug) }],
  archive: (): Crumb[] => [home, archiveCrumb],
  year: (year: string): Crumb[] => [home, archiveCrumb, { text: `${year}年`, href: paths.archiveYear(year) }],
  month: (year: string, month: string): Crumb[] => [...trails.year(year), { text: `${month}月`, href: paths.archiveMonth(year, month) }],
  /** An announcement under its column, or under its source when it has none. */
  announcement: (announcement: { url: string; column?: Column; source: Source }): Crumb[] => [
    ...(announcement.column ? trails.column(announcement.column) : trails.source(announcement.source)),
    { text: '正文', href: announcement.url },
  ],
  catalogue: (): Crumb[] => [home, { text: '信息公开目录', href: paths.catalogue() }],
  statistics: (): Crumb[] => [home, { text: '年度报表', href: paths.statistics() }],
  /** A page of its own under 首页: 搜索, 网站地图, 订阅… */
  page: (text: string, href: string): Crumb[] => [home, { text, href }],
};

/**
 * The trail as schema.org BreadcrumbList JSON-LD, for search engines; safe inside `<script>`.
 *
 * @param siteUrl the site's public address, since JSON-LD items are absolute
 */
export function breadcrumbJsonLd(crumbs: readonly Crumb[], siteUrl: string): string {
  const list = {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.text, item: absoluteUrl(crumb.href, siteUrl) })),
  };
  return JSON.stringify(list).replace(/</g, '\\u003c');
}
