/** The Pagefind tags that make an announcement filterable, sortable and well described in results. */
import { formatChineseDate, toIsoWithOffset } from './dates.ts';
import type { Announcement } from './site-data.ts';

/** One Pagefind capture, rendered as an empty element carrying the attribute. */
export interface SearchTag {
  attribute: 'data-pagefind-filter' | 'data-pagefind-sort' | 'data-pagefind-meta';
  value: string;
}

/**
 * Filters by source (every body that published the notice) and by year, a sort by date,
 * and the date and source shown in results. Pagefind reads an inline `key:value` up to
 * the end of the attribute, so each capture gets an element of its own.
 */
export function searchTags(announcement: Announcement, timeZone: string): SearchTag[] {
  const { data, source } = announcement;
  const sourceNames = new Set([source.name, ...announcement.alsoPublished.map((copy) => copy.source.name)]);
  return [
    ...[...sourceNames].map((name): SearchTag => ({ attribute: 'data-pagefind-filter', value: `来源:${name}` })),
    { attribute: 'data-pagefind-filter', value: `年份:${announcement.year}` },
    { attribute: 'data-pagefind-sort', value: `date:${toIsoWithOffset(data.date, timeZone)}` },
    { attribute: 'data-pagefind-meta', value: `date:${formatChineseDate(data.date, data.datePrecision, timeZone)}` },
    { attribute: 'data-pagefind-meta', value: `source:${source.name}` },
  ];
}
