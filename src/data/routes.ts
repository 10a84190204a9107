/**
 * The static paths of every paginated and grouped route, so route files stay one line.
 * Each path carries a `cacheKey`: a digest of what the page shows (and of the site's
 * configuration, which every header and footer shows), so Astro's incremental build
 * re-renders only the pages a change touches.
 */
import { cacheKeyOf } from '../lib/cache-key.ts';
import { FEED_SIZE } from '../lib/feed.ts';
import { paginate, type Page } from '../lib/listing.ts';
import type { Announcement } from '../lib/site-data.ts';
import { siteData } from './announcements.ts';
import { site, sources } from './site.ts';

const siteKey = cacheKeyOf({ site, sources });

/** What a listing shows of an announcement. */
const listed = (announcement: Announcement) => ({
  url: announcement.url,
  title: announcement.data.title,
  date: announcement.data.date,
  precision: announcement.data.datePrecision,
  source: announcement.source,
});

const pageKey = (page: Page<Announcement>, extra: unknown = null) =>
  cacheKeyOf({ siteKey, extra, number: page.number, total: page.total, items: page.items.map(listed) });

/** `/page/2/`… (page 1 is the home page). */
export function homePages() {
  return paginate(siteData.listed, site.page_size)
    .slice(1)
    .map((page) => ({ params: { page: String(page.number) }, props: { page }, cacheKey: pageKey(page) }));
}

/** The home page's listing. */
export function firstHomePage() {
  return paginate(siteData.listed, site.page_size)[0]!;
}

/** `/announcements/<id>/` for every non-draft announcement. */
export function announcementPages() {
  return siteData.pages.map((announcement) => {
    const canonical = announcement.canonicalId ? siteData.byId.get(announcement.canonicalId) : undefined;
    const { newer, older } = siteData.neighbours(announcement.id);
    return {
      params: { id: announcement.id },
      props: { announcement, canonical, newer, older },
      cacheKey: cacheKeyOf({
        siteKey,
        announcement: { ...listed(announcement), digest: announcement.digest, listed: announcement.listed },
        alsoPublished: announcement.alsoPublished,
        canonical: canonical && listed(canonical),
        newer: newer && listed(newer),
        older: older && listed(older),
      }),
    };
  });
}

/** `/sources/<slug>/` and `/sources/<slug>/page/<n>/`. */
export function sourcePages({ firstOnly }: { firstOnly: boolean }) {
  return siteData.sources.flatMap(({ source, announcements }) =>
    paginate(announcements, site.page_size)
      .filter((page) => (firstOnly ? page.number === 1 : page.number > 1))
      .map((page) => ({
        params: firstOnly ? { slug: source.slug } : { slug: source.slug, page: String(page.number) },
        props: { source, page },
        cacheKey: pageKey(page, source),
      })),
  );
}

/** `/archive/<year>/`. */
export function yearPages() {
  return siteData.years.map((year) => ({
    params: { year: year.year },
    props: { year },
    cacheKey: cacheKeyOf({ siteKey, year: year.year, months: year.months.map((month) => ({ month: month.month, items: month.announcements.map(listed) })) }),
  }));
}

/** `/archive/<year>/<month>/`. */
export function monthPages() {
  return siteData.years.flatMap((year) =>
    year.months.map((month) => ({
      params: { year: month.year, month: month.month },
      props: { month },
      cacheKey: cacheKeyOf({ siteKey, year: month.year, month: month.month, items: month.announcements.map(listed) }),
    })),
  );
}

/** `/sources/<slug>/rss.xml`: a feed changes when one of its newest announcements does. */
export function sourceFeeds() {
  return siteData.sources.map(({ source, announcements }) => ({
    params: { slug: source.slug },
    props: { source, announcements },
    cacheKey: cacheKeyOf({ siteKey, source, items: announcements.slice(0, FEED_SIZE).map((item) => ({ ...listed(item), digest: item.digest })) }),
  }));
}
