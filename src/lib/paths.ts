/**
 * The only place URLs are built. Every link, route and feed address comes from here,
 * so a URL pattern changes in one line.
 */

/** Percent-encodes each segment of an announcement id, keeping its slashes. */
function encodeId(id: string): string {
  return id.split('/').map(encodeURIComponent).join('/');
}

/** The search page's query parameter: the header's form submits it, the search page reads it. */
export const SEARCH_QUERY_PARAMETER = 'q';

const paged = (base: string, page: number) => (page <= 1 ? base : `${base}page/${page}/`);

export const paths = {
  /** `/`, `/page/2/`… */
  home: (page = 1) => paged('/', page),
  /** `/announcements/2015/suining-safety/` */
  announcement: (id: string) => `/announcements/${encodeId(id)}/`,
  /** `/columns/tzgg/`, `/columns/tzgg/page/2/`… */
  column: (slug: string, page = 1) => paged(`/columns/${slug}/`, page),
  columnFeed: (slug: string) => `/columns/${slug}/rss.xml`,
  /** A file beside an announcement, served under its address: `/announcements/2016/plan/%E9%99%84%E4%BB%B61.pdf` for 附件1.pdf. */
  announcementFile: (id: string, file: string) => `/announcements/${encodeId(id)}/${encodeId(file)}`,
  /** 信息公开目录: every document with 政务公开 metadata; `/catalogue/page/2/`… */
  catalogue: (page = 1) => paged('/catalogue/', page),
  /** The catalogue filtered by one value: `/catalogue/year/2016/`, `/catalogue/publisher/renshe/`, `/catalogue/topic/zonghe/`. */
  catalogueFilter: (facet: 'year' | 'publisher' | 'topic', value: string, page = 1) => paged(`/catalogue/${facet}/${value}/`, page),
  /** 政府网站工作年度报表: the site's publishing figures, with their CSV and JSON. */
  statistics: () => '/statistics/',
  statisticsCsv: () => '/statistics/figures.csv',
  statisticsJson: () => '/statistics/figures.json',
  sources: () => '/sources/',
  /** `/sources/suining/`, `/sources/suining/page/2/`… */
  source: (slug: string, page = 1) => paged(`/sources/${slug}/`, page),
  sourceFeed: (slug: string) => `/sources/${slug}/rss.xml`,
  archive: () => '/archive/',
  archiveYear: (year: string) => `/archive/${year}/`,
  archiveMonth: (year: string, month: string) => `/archive/${year}/${month}/`,
  search: () => '/search/',
  /** The search page with a query, as the header's search form submits it. */
  searchFor: (query: string) => `/search/?${SEARCH_QUERY_PARAMETER}=${encodeURIComponent(query)}`,
  feed: () => '/rss.xml',
  /** The XSLT stylesheet that shows every feed to a reader as a page (see src/lib/feed-stylesheet.ts). */
  feedStylesheet: () => '/rss.xsl',
  /** 订阅: the page listing every feed. */
  subscribe: () => '/subscribe/',
  /** 网站地图 for readers; {@link paths.sitemap} is for search engines. */
  siteMap: () => '/sitemap/',
  sitemap: () => '/sitemap-index.xml',
  /** The page hosts serve for an address that does not exist. */
  notFound: () => '/404.html',
} as const;

/**
 * An absolute URL on the site, for feeds, canonical links and QR codes.
 *
 * @example absoluteUrl('/rss.xml', 'https://www.example.gov.cn/') // 'https://www.example.gov.cn/rss.xml'
 */
export function absoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, siteUrl).href;
}
