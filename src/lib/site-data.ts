/**
 * From validated announcements to everything the pages show: which announcement is
 * canonical, what each listing holds and in which order. Pure; src/data calls it once.
 */
import { DEFAULT_TIME_ZONE, toYearMonth } from './dates.ts';
import { byDateDescending, groupBy } from './listing.ts';
import { paths } from './paths.ts';
import type { Attachment } from './attachments.ts';
import type { BodyImage } from './body-images.ts';
import { hasGovernmentInfo } from './government-info.ts';
import type { AnnouncementData, ColumnEntry } from './schema.ts';
import type { Source, SourceRegistry } from './sources.ts';

/** One announcement as read from the collection. */
export interface AnnouncementInput {
  id: string;
  data: AnnouncementData;
  /** Changes whenever the file (or the way it is rendered) changes. */
  digest: string;
  /** The rendered, sanitised body. */
  html: string;
  /** The start of the body as plain text. */
  excerpt: string;
  /** Whether the body has links or images that are not absolute. */
  hasRelativeUrls: boolean;
  /** 附件: declared in front matter, then linked from the body. */
  attachments: Attachment[];
  /** The body's images beside the Markdown, by their placeholder's number. */
  images: BodyImage[];
}

/** A 栏目 of the portal, as pages show it. */
export interface Column {
  slug: string;
  name: string;
  description?: string;
}

/** Where else a notice was published: one of its copies. */
export interface Publication {
  id: string;
  url: string;
  source: Source;
  date: Date;
  datePrecision: AnnouncementData['datePrecision'];
  /** The copy's own address on its publisher's site, when it was imported from there. */
  originalUrl?: string;
  column?: Column;
}

/** An announcement ready to render. */
export interface Announcement extends AnnouncementInput {
  url: string;
  /** The issuing body `data.source` names. */
  source: Source;
  /** The site.yaml column `data.column` names, when the site has columns. */
  column?: Column;
  year: string;
  month: string;
  /** Set on a copy: the canonical announcement its page sends readers to. */
  canonicalId?: string;
  /** On a canonical announcement: its other publications, oldest first. */
  alsoPublished: Publication[];
  /** In listings, feeds and search: not withdrawn and not a copy. */
  listed: boolean;
}

/** A cluster of copies of one notice, as found by dedup or declared with `canonical:`. */
export interface DuplicateCluster {
  canonical: string;
  duplicates: readonly { id: string }[];
}

/** A listing of one issuing body. */
export interface SourceListing {
  source: Source;
  announcements: Announcement[];
}

/** A column's listing. */
export interface ColumnListing {
  column: Column;
  announcements: Announcement[];
}

/** A month in the archive. */
export interface MonthListing {
  year: string;
  month: string;
  announcements: Announcement[];
}

/** A year in the archive. */
export interface YearListing {
  year: string;
  months: MonthListing[];
  count: number;
}

export interface SiteData {
  /** Every announcement that gets a page (drafts excluded), in listing order. */
  pages: Announcement[];
  /** What readers browse: newest first, each notice once, nothing withdrawn. */
  listed: Announcement[];
  byId: ReadonlyMap<string, Announcement>;
  /** site.yaml's columns in navigation order, each with its listing (empty without columns). */
  columns: ColumnListing[];
  sources: SourceListing[];
  years: YearListing[];
  /** The newer and older neighbours of a listed announcement. */
  neighbours(id: string): { newer?: Announcement; older?: Announcement };
  /** 信息公开目录: the listed announcements that carry 政务公开 metadata, newest first. */
  catalogue: Announcement[];
  /** A policy's interpretations (`interprets:` pointing at it), oldest first; none withdrawn. */
  interpretationsOf(id: string): Announcement[];
  /** 相关公告 either way: those this one names in `related` and those that name it; none withdrawn. */
  relatedTo(id: string): Announcement[];
}

/**
 * Builds the site's data.
 *
 * @param inputs every announcement in the collection, drafts included
 * @param clusters groups of copies; the canonical member is the one shown
 * @param columnEntries site.yaml's columns
 */
export function buildSiteData(
  inputs: readonly AnnouncementInput[],
  registry: SourceRegistry,
  clusters: readonly DuplicateCluster[] = [],
  timeZone = DEFAULT_TIME_ZONE,
  columnEntries: readonly ColumnEntry[] = [],
): SiteData {
  const columns = orderColumns(columnEntries);
  const columnNamed = new Map(columns.flatMap((column) => [[column.name, column], [column.slug, column]] as const));
  const pages: Announcement[] = inputs
    .filter((input) => !input.data.draft)
    .map((input) => ({
      ...input,
      url: paths.announcement(input.id),
      source: registry.resolve(input.data.source),
      ...(input.data.column && columnNamed.has(input.data.column) && { column: columnNamed.get(input.data.column) }),
      ...toYearMonth(input.data.date, timeZone),
      alsoPublished: [],
      listed: !input.data.withdrawn,
    }))
    .sort(byDateDescending);
  const byId = new Map(pages.map((page) => [page.id, page]));

  for (const cluster of clusters) {
    const canonical = byId.get(cluster.canonical);
    if (!canonical) continue;
    for (const { id } of cluster.duplicates) {
      const copy = byId.get(id);
      if (!copy || copy === canonical) continue;
      copy.canonicalId = canonical.id;
      copy.listed = false;
      canonical.alsoPublished.push({
        id,
        url: copy.url,
        source: copy.source,
        date: copy.data.date,
        datePrecision: copy.data.datePrecision,
        ...(copy.data.original_url && { originalUrl: copy.data.original_url }),
        ...(copy.column && { column: copy.column }),
      });
    }
    canonical.alsoPublished.sort((a, b) => a.date.getTime() - b.date.getTime() || (a.id < b.id ? -1 : 1));
  }

  const listed = pages.filter((page) => page.listed);
  const position = new Map(listed.map((page, index) => [page.id, index]));

  // Links between announcements, recorded both ways; only pages readers can still follow.
  const interpretations = new Map<string, Announcement[]>();
  const related = new Map<string, Set<Announcement>>();
  const relate = (a: Announcement, b: Announcement) => {
    if (!related.has(a.id)) related.set(a.id, new Set());
    related.get(a.id)!.add(b);
  };
  const oldestFirst = [...pages].reverse();
  for (const page of oldestFirst) {
    if (page.data.withdrawn) continue;
    const policy = page.data.interprets ? byId.get(page.data.interprets) : undefined;
    const policyId = policy && (policy.canonicalId ?? policy.id);
    if (policyId && policyId !== page.id) interpretations.set(policyId, [...(interpretations.get(policyId) ?? []), page]);
    for (const id of page.data.related) {
      const other = byId.get(id);
      if (!other || other === page || other.data.withdrawn) continue;
      relate(page, other);
      relate(other, page);
    }
  }

  return {
    pages,
    listed,
    byId,
    columns: listColumns(columns, listed),
    sources: listSources(listed),
    years: listYears(listed),
    neighbours(id) {
      const index = position.get(id);
      if (index === undefined) return {};
      return { newer: listed[index - 1], older: listed[index + 1] };
    },
    catalogue: listed.filter((page) => hasGovernmentInfo(page.data)),
    interpretationsOf: (id) => interpretations.get(id) ?? [],
    relatedTo: (id) => [...(related.get(id) ?? [])].sort(byDateDescending),
  };
}

/**
 * Each body's listing holds every notice it published, including those whose canonical
 * copy came from another body: readers of a body's page and feed miss nothing.
 */
function listSources(listed: readonly Announcement[]): SourceListing[] {
  const bySlug = new Map<string, SourceListing>();
  for (const announcement of listed) {
    const slugs = new Set([announcement.source.slug, ...announcement.alsoPublished.map((copy) => copy.source.slug)]);
    const sources = [announcement.source, ...announcement.alsoPublished.map((copy) => copy.source)];
    for (const slug of slugs) {
      const source = sources.find((candidate) => candidate.slug === slug)!;
      let listing = bySlug.get(slug);
      if (!listing) bySlug.set(slug, (listing = { source, announcements: [] }));
      listing.announcements.push(announcement);
    }
  }
  return [...bySlug.values()].sort((a, b) => b.announcements.length - a.announcements.length || a.source.slug.localeCompare(b.source.slug));
}

/** Columns with an `order` first, smallest first; the rest in the order site.yaml lists them. */
export function orderColumns(entries: readonly ColumnEntry[]): Column[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.order ?? Infinity) - (b.entry.order ?? Infinity) || a.index - b.index)
    .map(({ entry }) => ({ slug: entry.slug, name: entry.name, ...(entry.description && { description: entry.description }) }));
}

/** Like sources, a column lists a notice when its canonical page or any copy is in the column. */
function listColumns(columns: readonly Column[], listed: readonly Announcement[]): ColumnListing[] {
  const bySlug = new Map(columns.map((column) => [column.slug, { column, announcements: [] as Announcement[] }]));
  for (const announcement of listed) {
    const slugs = new Set([announcement.column, ...announcement.alsoPublished.map((copy) => copy.column)].filter((column) => column !== undefined).map((column) => column.slug));
    for (const slug of slugs) bySlug.get(slug)!.announcements.push(announcement);
  }
  return [...bySlug.values()];
}

function listYears(listed: readonly Announcement[]): YearListing[] {
  return [...groupBy(listed, (announcement) => announcement.year)].map(([year, inYear]) => ({
    year,
    count: inYear.length,
    months: [...groupBy(inYear, (announcement) => announcement.month)].map(([month, announcements]) => ({ year, month, announcements })),
  }));
}
