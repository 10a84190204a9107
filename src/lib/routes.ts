/**
 * The static paths of every generated route, as pure functions of the site's data. Each
 * route's props are exactly what its page renders (listings get {@link ListingItem}s, not
 * whole announcements), and its `cacheKey` is a digest of those props and of the site's
 * configuration, which every header and footer shows. Astro's incremental build re-renders a
 * page whose key changed; since the key is computed from the props, a field a template starts
 * showing is in the key as soon as it is in the props.
 */
import { cacheKeyOf } from './cache-key.ts';
import { CATALOGUE_FACETS, groupCatalogue, toCatalogueRow, type CatalogueFacets, type CatalogueRow, type FacetValue } from './catalogue.ts';
import { columnChart, rowChart, type Chart } from './charts.ts';
import { computeFigures, type Breakdown, type SiteFigures } from './statistics.ts';
import { createSourceRegistry } from './sources.ts';
import { FEED_SIZE, sourceFeedTitle } from './feed.ts';
import { paginate, type Page } from './listing.ts';
import { paths } from './paths.ts';
import type { SiteConfig, SourceEntry } from './schema.ts';
import type { Announcement, Column, MonthListing, SiteData, YearListing } from './site-data.ts';
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

/** The side column of an announcement page: other announcements of its column (or source). */
export interface RelatedList {
  heading: string;
  /** The column's or source's listing, for 更多. */
  href: string;
  items: ListingItem[];
}

/** A month of the archive by its year and month, for 上一月 / 下一月 links. */
export interface MonthRef {
  year: string;
  month: string;
}

/** A column or source with how many announcements it lists. */
export interface Counted<T> {
  item: T;
  count: number;
}

/** The sources index's groups (sources.yaml's `group`), in the order sources.yaml first names them. */
export interface SourceGroup {
  /** Undefined when sources.yaml groups nothing: the index is one list. */
  name?: string;
  sources: Counted<Source>[];
}

/** A group's bodies without their counts, as a source page's side list names them. */
export interface SourceGroupNames {
  name?: string;
  /** The bodies the side list shows: the whole group, or the ones around the current body. */
  sources: Source[];
  /** How many bodies the group has, when the list shows only some of them. */
  total?: number;
}

/**
 * The most bodies a source page's side list shows. A larger group (a site whose thousands of
 * bodies have no `group` in sources.yaml) shows the bodies around the current one and links
 * the sources index: the whole group on every source page would make the pages grow with the
 * square of the number of bodies (2,400 bodies: 300 KB each, 855 MB in all).
 */
export const SIDE_LIST_SIZE = 30;

/** Up to `size` items of `items` around the one at `index`, that one included. */
function sliceAround<T>(items: readonly T[], index: number, size: number): T[] {
  const start = Math.max(0, Math.min(index - Math.floor(size / 2), items.length - size));
  return items.slice(start, start + size);
}

/** The most values a search filter offers as a list; a longer one is typed, with the largest suggested. */
export const SEARCH_FILTER_OPTIONS = 200;

/** A search filter's values: all of them (`complete`), or the {@link SEARCH_FILTER_OPTIONS} with most announcements. */
export interface SearchFilterValues {
  values: string[];
  complete: boolean;
}

/** A feed readers can subscribe to, as the 订阅 page lists it. */
export interface FeedLink {
  title: string;
  path: string;
}

/** What an announcement's page shows beyond the announcement: a copy's page shows only `canonical`. */
export interface AnnouncementPageProps {
  announcement: Announcement;
  /** On a copy: the page it sends readers to. */
  canonical?: AnnouncementLink;
  /** 上一篇 and 下一篇. */
  newer?: AnnouncementLink;
  older?: AnnouncementLink;
  related?: RelatedList;
  /** A withdrawn notice's replacement (`withdrawn.replaced_by`). */
  replacement?: AnnouncementLink;
  /** The document in force when this one is no longer (`validity.replaced_by`). */
  inForce?: AnnouncementLink;
  /** 解读的文件: the policy this announcement interprets. */
  interprets?: AnnouncementLink;
  /** 相关解读: the interpretations of this policy. */
  interpretations?: AnnouncementLink[];
  /** 相关公告, either way. */
  relatedAnnouncements?: AnnouncementLink[];
}

/** Links with the copies of one notice (which all open its canonical page) kept once. */
const uniqueLinks = (links: readonly AnnouncementLink[]): AnnouncementLink[] => [...new Map(links.map((link) => [link.url, link])).values()];

/** A page of the 信息公开目录: the filter bar, the value it is filtered by (none on the whole catalogue) and its rows. */
export interface CataloguePageProps {
  facets: CatalogueFacets;
  filter?: FacetValue;
  page: Page<CatalogueRow>;
}

/** The statistics page: the figures, and each breakdown with its chart. */
export interface StatisticsProps {
  figures: SiteFigures;
  charts: (Breakdown & { chart: Chart })[];
}

/** What the side column shows: this many announcements around this one. */
export const RELATED_SIZE = 6;
/** What a column's block on the home page shows. */
export const HOME_BLOCK_SIZE = 5;
/** The group of sources sources.yaml does not group, when it groups others. */
export const OTHER_SOURCES = '其他';

/**
 * Up to `size` announcements around `index` in `list` (half newer, half older, the rest from
 * the other side at the ends), leaving out `index` itself. Around rather than the newest, so a
 * new announcement changes the side column of its neighbours, not of every page in the column.
 *
 * @example around(['a', 'b', 'c', 'd', 'e'], 0, 2) // ['b', 'c']
 */
export function around<T>(list: readonly T[], index: number, size: number): T[] {
  if (index < 0) return list.slice(0, size);
  let start = Math.max(0, index - Math.floor(size / 2));
  const end = Math.min(list.length, start + size + 1);
  start = Math.max(0, end - size - 1);
  return [...list.slice(start, index), ...list.slice(index + 1, end)];
}

/** The title of a column's feed. */
export function columnFeedTitle(siteName: string, column: Column): string {
  return `${siteName} - ${column.name}`;
}

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
  // What every page's header and footer show: the site, its sources, and whether it has a 信息公开目录 to link.
  const siteKey = cacheKeyOf({ site, sources, catalogue: siteData.catalogue.length > 0 });
  const route = <Params extends Record<string, string>, Props>(params: Params, props: Props) => ({ params, props, cacheKey: cacheKeyOf({ siteKey, props }) });
  const listingPages = (announcements: readonly Announcement[]): Page<ListingItem>[] => paginate(announcements.map(toListingItem), site.page_size);
  const pagedRoutes = <Params extends Record<string, string>, Props>(
    announcements: readonly Announcement[],
    firstOnly: boolean,
    params: Params,
    props: Props,
  ) =>
    listingPages(announcements)
      .filter((page) => (firstOnly ? page.number === 1 : page.number > 1))
      .map((page) => route<Params & { page?: string }, Props & { page: Page<ListingItem> }>(firstOnly ? params : { ...params, page: String(page.number) }, { ...props, page }));

  const columnListing = new Map(siteData.columns.map((listing) => [listing.column.slug, listing]));
  const sourceListing = new Map(siteData.sources.map((listing) => [listing.source.slug, listing]));
  // Each announcement's place in its column's and its source's listing, for the side column.
  const positions = new Map<readonly Announcement[], Map<string, number>>();
  const positionIn = (list: readonly Announcement[], id: string) => {
    let map = positions.get(list);
    if (!map) positions.set(list, (map = new Map(list.map((announcement, index) => [announcement.id, index]))));
    return map.get(id) ?? -1;
  };
  const relatedTo = (announcement: Announcement): RelatedList | undefined => {
    const column = announcement.column && columnListing.get(announcement.column.slug);
    const listing = column
      ? { heading: column.column.name, href: paths.column(column.column.slug), announcements: column.announcements }
      : sourceListing.get(announcement.source.slug) && { heading: announcement.source.name, href: paths.source(announcement.source.slug), announcements: sourceListing.get(announcement.source.slug)!.announcements };
    if (!listing) return undefined;
    const items = around(listing.announcements, positionIn(listing.announcements, announcement.id), RELATED_SIZE).filter((other) => other.id !== announcement.id).map(toListingItem);
    return items.length ? { heading: listing.heading, href: listing.href, items } : undefined;
  };
  /** The page a link to `id` should open: its canonical page when it is a copy. */
  const linkTo = (id: string | undefined) => {
    const target = id === undefined ? undefined : siteData.byId.get(id);
    const shown = target?.canonicalId ? siteData.byId.get(target.canonicalId) : target;
    return shown && toLink(shown);
  };
  const months = siteData.years.flatMap((year) => year.months.map(({ year: y, month }): MonthRef => ({ year: y, month })));

  /** Bodies by sources.yaml's `group`, in the order sources.yaml first names each group; each group by size. */
  const sourceGroups = (): SourceGroup[] => {
    const counted = siteData.sources.map(({ source, announcements }): Counted<Source> => ({ item: source, count: announcements.length }));
    if (!counted.some(({ item }) => item.group)) return [{ sources: counted }];
    const order = [...new Set([...sources.map((entry) => entry.group), OTHER_SOURCES].filter((group) => group !== undefined))];
    return order
      .map((name) => ({ name, sources: counted.filter(({ item }) => (item.group ?? OTHER_SOURCES) === name) }))
      .filter((group) => group.sources.length > 0);
  };

  // 信息公开目录: the whole catalogue, and a listing per value of each facet.
  const catalogueGroups = groupCatalogue(siteData.catalogue, createSourceRegistry(sources));
  const catalogueFacets = (): CatalogueFacets =>
    Object.fromEntries(CATALOGUE_FACETS.map(({ facet }) => [facet, catalogueGroups.filter((group) => group.value.facet === facet).map((group) => group.value)])) as CatalogueFacets;
  const cataloguePages = (documents: readonly Announcement[]) => paginate(documents.map(toCatalogueRow), site.page_size);

  return {
    /** The first page of the 信息公开目录 (`/catalogue/`, no static paths of its own). */
    firstCataloguePage(): CataloguePageProps {
      return { facets: catalogueFacets(), page: cataloguePages(siteData.catalogue)[0]! };
    },

    /** `/catalogue/page/<n>/`. */
    cataloguePages() {
      const facets = catalogueFacets();
      return cataloguePages(siteData.catalogue)
        .slice(1)
        .map((page) => route({ page: String(page.number) }, { facets, page } satisfies CataloguePageProps));
    },

    /** `/catalogue/<facet>/<value>/` (`firstOnly`) or `…/page/<n>/`: the catalogue filtered by one value. */
    catalogueFilterPages({ firstOnly }: { firstOnly: boolean }) {
      const facets = catalogueFacets();
      return catalogueGroups.flatMap(({ value, documents }) =>
        cataloguePages(documents)
          .filter((page) => (firstOnly ? page.number === 1 : page.number > 1))
          .map((page) => {
            const params = { facet: value.facet, value: value.slug };
            return route(firstOnly ? params : { ...params, page: String(page.number) }, { facets, filter: value, page } satisfies CataloguePageProps);
          }),
      );
    },

    /** The statistics page (政府网站工作年度报表) and its CSV and JSON. */
    statistics(): StatisticsProps {
      const figures = computeFigures(siteData);
      return { figures, charts: figures.breakdowns.map((breakdown) => ({ ...breakdown, chart: breakdown.id === 'years' || breakdown.id === 'months' ? columnChart(breakdown.figures) : rowChart(breakdown.figures) })) };
    },

    /** The home page's listing (it has no static paths of its own). */
    firstHomePage(): Page<ListingItem> {
      return listingPages(siteData.listed)[0]!;
    },

    /** The home page's block per column: its newest announcements, for 更多 its listing. */
    homeColumns(): (Counted<Column> & { items: ListingItem[] })[] {
      return siteData.columns.map(({ column, announcements }) => ({ item: column, count: announcements.length, items: announcements.slice(0, HOME_BLOCK_SIZE).map(toListingItem) }));
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
        if (canonical) return route<{ id: string }, AnnouncementPageProps>({ id: announcement.id }, { announcement, canonical: toLink(canonical) });
        const { newer, older } = siteData.neighbours(announcement.id);
        return route<{ id: string }, AnnouncementPageProps>(
          { id: announcement.id },
          {
            announcement,
            newer: newer && toLink(newer),
            older: older && toLink(older),
            related: relatedTo(announcement),
            replacement: linkTo(announcement.data.withdrawn?.replacedBy),
            inForce: linkTo(announcement.data.validity?.replacedBy),
            interprets: linkTo(announcement.data.interprets),
            interpretations: uniqueLinks(siteData.interpretationsOf(announcement.id).map((other) => linkTo(other.id)!)),
            relatedAnnouncements: uniqueLinks(siteData.relatedTo(announcement.id).map((other) => linkTo(other.id)!)).filter((link) => link.url !== announcement.url),
          },
        );
      });
    },

    /** `/columns/<slug>/` (`firstOnly`) or `/columns/<slug>/page/<n>/`. */
    columnPages({ firstOnly }: { firstOnly: boolean }) {
      return siteData.columns.flatMap(({ column, announcements }) => pagedRoutes(announcements, firstOnly, { slug: column.slug }, { column }));
    },

    /** `/columns/<slug>/rss.xml`: the newest {@link FEED_SIZE} of the column's announcements. */
    columnFeeds() {
      return siteData.columns.map(({ column, announcements }) => route({ slug: column.slug }, { column, announcements: announcements.slice(0, FEED_SIZE) }));
    },

    /** `/sources/<slug>/` (`firstOnly`) or `/sources/<slug>/page/<n>/`, with the bodies of its group for the side list. */
    sourcePages({ firstOnly }: { firstOnly: boolean }) {
      const groupOf = new Map<string, { name?: string; sources: Source[]; index: number }>();
      for (const group of sourceGroups()) {
        const members = group.sources.map(({ item }) => item);
        members.forEach((member, index) => groupOf.set(member.slug, { name: group.name, sources: members, index }));
      }
      return siteData.sources.flatMap(({ source, announcements }) => {
        const { name, sources: members, index } = groupOf.get(source.slug)!;
        const group: SourceGroupNames =
          members.length <= SIDE_LIST_SIZE ? { name, sources: members } : { name, sources: sliceAround(members, index, SIDE_LIST_SIZE), total: members.length };
        return pagedRoutes(announcements, firstOnly, { slug: source.slug }, { source, group });
      });
    },

    /** The sources index: bodies by sources.yaml's `group`, each group by size. */
    sourceGroups,

    /** `/archive/<year>/`. */
    yearPages() {
      return siteData.years.map((year) => route({ year: year.year }, { year: toYearView(year) }));
    },

    /** `/archive/<year>/<month>/`, with the months before and after it that have announcements. */
    monthPages() {
      return siteData.years.flatMap((year) => year.months).map((month, index) =>
        route({ year: month.year, month: month.month }, { month: toMonthView(month), earlier: months[index + 1], later: months[index - 1] }),
      );
    },

    /** `/sources/<slug>/rss.xml`: the newest {@link FEED_SIZE} of the body's announcements. */
    sourceFeeds() {
      return siteData.sources.map(({ source, announcements }) => route({ slug: source.slug }, { source, announcements: announcements.slice(0, FEED_SIZE) }));
    },

    /** Every feed, as the 订阅 page lists them: the site's, each column's, each source's. */
    feeds(): { site: FeedLink; columns: FeedLink[]; sources: FeedLink[] } {
      return {
        site: { title: `${site.name} - 全部公告`, path: paths.feed() },
        columns: siteData.columns.map(({ column }) => ({ title: columnFeedTitle(site.name, column), path: paths.columnFeed(column.slug) })),
        sources: siteData.sources.map(({ source }) => ({ title: sourceFeedTitle(source), path: paths.sourceFeed(source.slug) })),
      };
    },

    /** The 网站地图 page: columns, sources by group, and the archive's years and months. */
    siteMap() {
      return {
        columns: siteData.columns.map(({ column, announcements }): Counted<Column> => ({ item: column, count: announcements.length })),
        sourceGroups: sourceGroups(),
        years: siteData.years.map((year) => ({ year: year.year, count: year.count, months: year.months.map((month) => ({ month: month.month, count: month.announcements.length })) })),
        catalogue: siteData.catalogue.length > 0,
      };
    },

    /**
     * The search page's filters: each value the index can filter on (src/lib/search-documents.ts),
     * sources in the sources index's order (with the bodies that republished a notice), years
     * newest first, columns in navigation order. A site with more bodies than a list can hold
     * offers the largest as suggestions and takes any name typed.
     */
    searchFilters(): Record<'source' | 'year' | 'column', SearchFilterValues> {
      const republishers = new Set(siteData.listed.flatMap((announcement) => announcement.alsoPublished.map((copy) => copy.source.name)));
      const listedSources = siteData.sources.map(({ source }) => source.name);
      const sourceNames = [...new Set([...listedSources, ...[...republishers].sort((a, b) => a.localeCompare(b, 'zh-CN'))])];
      const largest = () =>
        [...siteData.sources]
          .sort((a, b) => b.announcements.length - a.announcements.length)
          .slice(0, SEARCH_FILTER_OPTIONS)
          .map(({ source }) => source.name);
      return {
        source: sourceNames.length <= SEARCH_FILTER_OPTIONS ? { values: sourceNames, complete: true } : { values: largest(), complete: false },
        year: { values: siteData.years.map((year) => year.year), complete: true },
        column: { values: siteData.columns.map(({ column }) => column.name), complete: true },
      };
    },
  };
}
