/**
 * The static paths of every generated route, as pure functions of the site's data. Each
 * route's props are exactly what its page renders (listings get {@link ListingItem}s, not
 * whole announcements), and its `cacheKey` is a digest of those props and of the site's
 * configuration, which every header and footer shows. Astro's incremental build re-renders a
 * page whose key changed; since the key is computed from the props, a field a template starts
 * showing is in the key as soon as it is in the props.
 */
import { cacheKeyOf } from './cache-key.ts';
import { FEED_SIZE } from './feed.ts';
import { paginate, type Page } from './listing.ts';
import type { SiteConfig, SourceEntry } from './schema.ts';
import type { Announcement, MonthListing, SiteData, YearListing } from './site-data.ts';
import type { Source } from './sources.ts';

/** What a listing shows of an announcement. */
export interface ListingItem {
  url: string;
  title: string;
  date: Date;
  datePrecision: Announcement['data']['datePrecision'];
  source: Source;
}

/** What a link to another announcement shows (上一篇, 下一篇, the canonical copy). */
export interface AnnouncementLink {
  url: string;
  title: string;
  source: Source;
}

export const toListingItem = ({ url, data, source }: Announcement): ListingItem => ({ url, title: data.title, date: data.date, datePrecision: data.datePrecision, source });
const toLink = ({ url, data, source }: Announcement): AnnouncementLink => ({ url, title: data.title, source });

/** A month of the archive, as its page and its year's page show it. */
export interface MonthView {
  year: string;
  month: string;
  items: ListingItem[];
}

/** A year of the archive, month by month. */
export interface YearView {
  year: string;
  months: MonthView[];
  count: number;
}

const toMonthView = (month: MonthListing): MonthView => ({ year: month.year, month: month.month, items: month.announcements.map(toListingItem) });
const toYearView = (year: YearListing): YearView => ({ year: year.year, count: year.count, months: year.months.map(toMonthView) });

/**
 * Every route's static paths for one build.
 *
 * @param sources sources.yaml, part of every key: source names and slugs appear on every page
 */
export function createRoutes(siteData: SiteData, site: SiteConfig, sources: readonly SourceEntry[]) {
  const siteKey = cacheKeyOf({ site, sources });
  const route = <Params extends Record<string, string>, Props>(params: Params, props: Props) => ({ params, props, cacheKey: cacheKeyOf({ siteKey, props }) });
  const listingPages = (announcements: readonly Announcement[]): Page<ListingItem>[] => paginate(announcements.map(toListingItem), site.page_size);

  return {
    /** The home page's listing (it has no static paths of its own). */
    firstHomePage(): Page<ListingItem> {
      return listingPages(siteData.listed)[0]!;
    },

    /** `/page/2/`… (page 1 is the home page). */
    homePages() {
      return listingPages(siteData.listed)
        .slice(1)
        .map((page) => route({ page: String(page.number) }, { page }));
    },

    /** `/announcements/<id>/` for every non-draft announcement: its page, or a copy's redirect. */
    announcementPages() {
      return siteData.pages.map((announcement) => {
        const canonical = announcement.canonicalId ? siteData.byId.get(announcement.canonicalId) : undefined;
        const { newer, older } = siteData.neighbours(announcement.id);
        return route(
          { id: announcement.id },
          { announcement, canonical: canonical && toLink(canonical), newer: newer && toLink(newer), older: older && toLink(older) },
        );
      });
    },

    /** `/sources/<slug>/` (`firstOnly`) or `/sources/<slug>/page/<n>/`. */
    sourcePages({ firstOnly }: { firstOnly: boolean }) {
      return siteData.sources.flatMap(({ source, announcements }) =>
        listingPages(announcements)
          .filter((page) => (firstOnly ? page.number === 1 : page.number > 1))
          .map((page) => route(firstOnly ? { slug: source.slug } : { slug: source.slug, page: String(page.number) }, { source, page })),
      );
    },

    /** `/archive/<year>/`. */
    yearPages() {
      return siteData.years.map((year) => route({ year: year.year }, { year: toYearView(year) }));
    },

    /** `/archive/<year>/<month>/`. */
    monthPages() {
      return siteData.years.flatMap((year) => year.months.map((month) => route({ year: month.year, month: month.month }, { month: toMonthView(month) })));
    },

    /** `/sources/<slug>/rss.xml`: the newest {@link FEED_SIZE} of the body's announcements. */
    sourceFeeds() {
      return siteData.sources.map(({ source, announcements }) => route({ slug: source.slug }, { source, announcements: announcements.slice(0, FEED_SIZE) }));
    },
  };
}

export type Routes = ReturnType<typeof createRoutes>;
