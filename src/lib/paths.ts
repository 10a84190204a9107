/**
 * The only place URLs are built. Every link, route and feed address comes from here,
 * so a URL pattern changes in one line.
 */

/** Percent-encodes each segment of an announcement id, keeping its slashes. */
function encodeId(id: string): string {
  return id.split('/').map(encodeURIComponent).join('/');
}

const paged = (base: string, page: number) => (page <= 1 ? base : `${base}page/${page}/`);

export const paths = {
  /** `/`, `/page/2/`… */
  home: (page = 1) => paged('/', page),
  /** `/announcements/2015/suining-safety/` */
  announcement: (id: string) => `/announcements/${encodeId(id)}/`,
  sources: () => '/sources/',
  /** `/sources/suining/`, `/sources/suining/page/2/`… */
  source: (slug: string, page = 1) => paged(`/sources/${slug}/`, page),
  sourceFeed: (slug: string) => `/sources/${slug}/rss.xml`,
  archive: () => '/archive/',
  archiveYear: (year: string) => `/archive/${year}/`,
  archiveMonth: (year: string, month: string) => `/archive/${year}/${month}/`,
  search: () => '/search/',
  feed: () => '/rss.xml',
  sitemap: () => '/sitemap-index.xml',
} as const;

/**
 * An absolute URL on the site, for feeds, canonical links and QR codes.
 *
 * @example absoluteUrl('/rss.xml', 'https://www.example.gov.cn/') // 'https://www.example.gov.cn/rss.xml'
 */
export function absoluteUrl(path: string, siteUrl: string): string {
  return new URL(path, siteUrl).href;
}
