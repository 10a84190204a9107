/**
 * What the search index holds of an announcement: a lean HTML document with its title,
 * subtitle and body, and Pagefind's filter, sort and meta tags. Built from the site's data
 * rather than read back from the built pages, so indexing can start as soon as the content
 * is loaded and run beside page rendering (see src/integrations/pagefind.ts); as HTML rather
 * than a plain-text record, so Pagefind still weighs headings and links results to them.
 */
import { formatChineseDate, toIsoWithOffset } from './dates.ts';
import { BLOCK_BREAK, INDEX_LANGUAGE, toIndexSpelling } from './search-spelling.ts';
import type { IndexDocument, SearchablePage } from '../search-index/index.ts';
import type { Announcement, SiteData } from './site-data.ts';

/** One page of the search index. */
export interface SearchDocument extends IndexDocument {
  /** The page's sort values, as in its `data-pagefind-sort` tags: merging index parts needs them. */
  sort: { date: string };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const INLINE_TAG = /<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)(?:\s[^>]*)?>/gi;
const BLOCK_END = /^<\/(?:p|h[1-6]|li|td|th|dt|dd|figcaption|blockquote|pre|div|tr)>$/i;

/**
 * An HTML fragment with the text between its tags in the index spelling (see search-spelling.ts),
 * and a break after each block so that excerpts keep paragraphs apart.
 */
function spellHtml(html: string): string {
  return html
    // Without inline tags, pairs run on through a bold word or a link as the reader reads them.
    .replace(INLINE_TAG, '')
    .split(/(<[^>]*>)/)
    .map((piece) => (!piece.startsWith('<') ? toIndexSpelling(piece) : BLOCK_END.test(piece) ? piece + BLOCK_BREAK : piece))
    .join('');
}

/**
 * What the index holds of an announcement, before spelling: plain values, cheap to make on the
 * build's main thread and to hand to the thread that spells and indexes them.
 */
export interface SearchFields {
  url: string;
  title: string;
  subtitle?: string;
  /** The rendered body. */
  html: string;
  /** Pagefind's filter, sort and meta captures, as `[attribute, "key:value"]`. */
  tags: [string, string][];
  sort: { date: string };
}

/**
 * Filters by source (every body that published the notice), year and column, a sort by date,
 * and what results show, as readers read it: title, date, source and (for a document no
 * longer in force) status.
 */
export function toSearchFields(announcement: Announcement, timeZone: string): SearchFields {
  const { data, source } = announcement;
  const sourceNames = new Set([source.name, ...announcement.alsoPublished.map((copy) => copy.source.name)]);
  const sort = { date: toIsoWithOffset(data.date, timeZone) };
  const tags: [string, string][] = [
    ...[...sourceNames].map((name): [string, string] => ['data-pagefind-filter', `来源:${name}`]),
    ['data-pagefind-filter', `年份:${announcement.year}`],
    ...(announcement.column ? [['data-pagefind-filter', `栏目:${announcement.column.name}`] as [string, string]] : []),
    ['data-pagefind-sort', `date:${sort.date}`],
    ['data-pagefind-meta', `title:${data.title}`],
    ['data-pagefind-meta', `date:${formatChineseDate(data.date, data.datePrecision, timeZone)}`],
    ['data-pagefind-meta', `source:${source.name}`],
    // A document no longer in force (已废止, 已失效, 已修订) stays searchable: results can say so.
    ...(data.validity ? [['data-pagefind-meta', `status:${data.validity.status}`] as [string, string]] : []),
  ];
  return { url: announcement.url, title: data.title, ...(data.subtitle && { subtitle: data.subtitle }), html: announcement.html, tags, sort };
}

/**
 * The document Pagefind indexes: the fields' text in the index spelling (search-spelling.ts).
 * Pagefind reads an inline `key:value` up to the end of the attribute, so each capture gets an
 * element of its own.
 */
export function toIndexDocument({ url, title, subtitle, html, tags, sort }: SearchFields): SearchDocument {
  const document =
    `<!doctype html><html lang="${INDEX_LANGUAGE}"><head><title>${escapeHtml(title)}</title></head><body><main data-pagefind-body>` +
    tags.map(([attribute, value]) => `<span ${attribute}="${escapeHtml(value)}"></span>`).join('') +
    `<h1>${escapeHtml(toIndexSpelling(title))}</h1>${BLOCK_BREAK}` +
    (subtitle ? `<p>${escapeHtml(toIndexSpelling(subtitle))}</p>${BLOCK_BREAK}` : '') +
    `${spellHtml(html)}</main></body></html>`;
  return { url, html: document, sort };
}

/** A listed announcement as the part planner sees it: by its URL (see src/search-index/parts.ts). */
export interface SearchableAnnouncement extends SearchablePage {
  announcement: Announcement;
}

/** What search indexes: listed announcements (no copies, nothing withdrawn). */
export function searchablePages(siteData: SiteData): SearchableAnnouncement[] {
  return siteData.listed.map((announcement) => ({ url: announcement.url, announcement }));
}
