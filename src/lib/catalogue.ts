/**
 * 信息公开目录: the documents that carry 政务公开 metadata as catalogue rows (索引号, 名称, 文号,
 * 发布机构, 成文日期, 发布日期, 有效性), and the values readers filter them by (year, 发布机构,
 * 主题分类), each with a static listing of its own: filtering needs no server and no script.
 */
import { paths } from './paths.ts';
import { validityOf, type Validity } from './government-info.ts';
import type { Announcement } from './site-data.ts';
import { deriveSourceSlug, type SourceRegistry } from './sources.ts';

/** One document of the catalogue, as its table row shows it. */
export interface CatalogueRow {
  url: string;
  title: string;
  indexNumber?: string;
  docNumber?: string;
  publisher: string;
  written?: { date: Date; precision: 'day' | 'minute' };
  date: Date;
  validity: Validity;
}

/** What the catalogue can be filtered by. */
export type CatalogueFacet = 'year' | 'publisher' | 'topic';

/** The facets in the order the filter bar shows them, with their labels. */
export const CATALOGUE_FACETS: readonly { facet: CatalogueFacet; label: string }[] = [
  { facet: 'year', label: '年份' },
  { facet: 'publisher', label: '发布机构' },
  { facet: 'topic', label: '主题分类' },
];

/** One value of a facet: its name, its address segment and how many documents have it. */
export interface FacetValue {
  facet: CatalogueFacet;
  /** 2016, 遂宁市人力资源和社会保障局, 劳动、人事、监察. */
  name: string;
  /** Its segment in the address: 2016, renshe, laodongrenshijiancha. */
  slug: string;
  count: number;
}

/** The filter bar: every value of every facet. */
export type CatalogueFacets = Record<CatalogueFacet, FacetValue[]>;

/** A document's row. */
export function toCatalogueRow(announcement: Announcement): CatalogueRow {
  const { data } = announcement;
  return {
    url: announcement.url,
    title: data.title,
    ...(data.index_number && { indexNumber: data.index_number }),
    ...(data.doc_number && { docNumber: data.doc_number }),
    publisher: data.publisher ?? announcement.source.name,
    ...(data.written && { written: data.written }),
    date: data.date,
    validity: validityOf(data),
  };
}

/**
 * Groups the catalogue's documents by each facet's values. 发布机构 is `publisher`, else the
 * source; a name sources.yaml lists (or an alias of it) takes its slug there, any other its pinyin,
 * as source pages do. Years are newest first; the other values by how many documents they have.
 *
 * @returns each value with the documents that have it, newest first as in `catalogue`
 */
export function groupCatalogue(catalogue: readonly Announcement[], registry: SourceRegistry): { value: FacetValue; documents: Announcement[] }[] {
  const groups = new Map<string, { value: FacetValue; documents: Announcement[] }>();
  const taken = new Map<string, string>();
  // Two names whose pinyin is the same get their own addresses: the second gets -2.
  const slugFor = (facet: CatalogueFacet, name: string, slug: string) => {
    let candidate = slug;
    for (let n = 2; taken.has(`${facet} ${candidate}`) && taken.get(`${facet} ${candidate}`) !== name; n++) candidate = `${slug}-${n}`;
    taken.set(`${facet} ${candidate}`, name);
    return candidate;
  };
  const add = (facet: CatalogueFacet, name: string, slug: () => string, announcement: Announcement) => {
    const key = `${facet} ${name}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { value: { facet, name, slug: slugFor(facet, name, slug()), count: 0 }, documents: [] }));
    group.value.count++;
    group.documents.push(announcement);
  };
  for (const announcement of catalogue) {
    add('year', announcement.year, () => announcement.year, announcement);
    const publisher = announcement.data.publisher ?? announcement.source.name;
    add('publisher', publisher, () => registry.resolve(publisher).slug, announcement);
    if (announcement.data.topic) add('topic', announcement.data.topic, () => deriveSourceSlug(announcement.data.topic!), announcement);
  }
  return [...groups.values()].sort(
    (a, b) =>
      CATALOGUE_FACETS.findIndex((f) => f.facet === a.value.facet) - CATALOGUE_FACETS.findIndex((f) => f.facet === b.value.facet) ||
      (a.value.facet === 'year' ? b.value.name.localeCompare(a.value.name) : b.value.count - a.value.count || a.value.name.localeCompare(b.value.name, 'zh-CN')),
  );
}

/** The address of page `page` of the catalogue, filtered by `value` or not. */
export function catalogueHref(value: Pick<FacetValue, 'facet' | 'slug'> | undefined, page = 1): string {
  return value ? paths.catalogueFilter(value.facet, value.slug, page) : paths.catalogue(page);
}
