/**
 * What the search index holds of an announcement: its title, subtitle and body in the index
 * spelling (search-spelling.ts), headings weighted as Pagefind weighs them, and the filters,
 * sort and meta results need. Built from the site's data rather than read back from the built
 * pages, so indexing can start as soon as the content is loaded and run beside page rendering
 * (see src/integrations/pagefind.ts).
 */
import { formatChineseDate, toIsoWithOffset } from './dates.ts';
import { addSpelledText, BLOCK_BREAK } from './search-spelling.ts';
import type { IndexPage, SearchablePage, WordSink } from '../search-index/index.ts';
import type { Announcement, SiteData } from './site-data.ts';

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
  filters: Record<string, string[]>;
  /** The page's sort values: merging index parts needs them too. */
  sort: { date: string };
  meta: Record<string, string>;
}

/**
 * Filters by source (every body that published the notice), year and column, a sort by date,
 * and what results show, as readers read it: title, date, source and (for a document no
 * longer in force) status.
 */
export function toSearchFields(announcement: Announcement, timeZone: string): SearchFields {
  const { data, source } = announcement;
  const filters: Record<string, string[]> = {
    来源: [...new Set([source.name, ...announcement.alsoPublished.map((copy) => copy.source.name)])],
    年份: [String(announcement.year)],
    ...(announcement.column && { 栏目: [announcement.column.name] }),
  };
  const meta: Record<string, string> = {
    title: data.title,
    date: formatChineseDate(data.date, data.datePrecision, timeZone),
    source: source.name,
    // A document no longer in force (已废止, 已失效, 已修订) stays searchable: results can say so.
    ...(data.validity && { status: data.validity.status }),
  };
  const sort = { date: toIsoWithOffset(data.date, timeZone) };
  return { url: announcement.url, title: data.title, ...(data.subtitle && { subtitle: data.subtitle }), html: announcement.html, filters, sort, meta };
}

/** Pagefind's weights: an `h1` 7 down to an `h6` 2, other text 1. */
const headingWeight = (level: number) => 8 - level;
const TEXT_WEIGHT = 1;

const INLINE_TAG = /<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|dfn|em|i|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)(?:\s[^>]*)?>/gi;
const TAG = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>/gi;
const BLOCK_ENDS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'dt', 'dd', 'figcaption', 'blockquote', 'pre', 'div', 'tr']);
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const ENTITY = /&(?:#(\d+)|#x([\da-f]+)|([a-z]+));/gi;

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (entity, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const code = Number.parseInt(decimal ?? hex!, decimal ? 10 : 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/**
 * Adds a rendered body's text in the index spelling, in reading order: each heading's text with
 * its weight, and a break after each block so that a phrase never runs from one block into the
 * next and excerpts keep paragraphs apart. Inline tags are dropped first, so that pairs run on
 * through a bold word or a link as the reader reads them.
 */
function addBody(sink: WordSink, html: string, seen: Set<string>): void {
  const headings: number[] = [];
  const add = (raw: string) => {
    const text = decodeEntities(raw);
    if (text.trim()) addSpelledText(sink, text, headings.at(-1) ?? TEXT_WEIGHT, seen);
  };
  const body = html.replace(INLINE_TAG, '');
  let at = 0;
  for (const match of body.matchAll(TAG)) {
    add(body.slice(at, match.index));
    at = match.index + match[0].length;
    const [, closing, name] = match as unknown as [string, string, string];
    const tag = name.toLowerCase();
    const heading = /^h([1-6])$/.exec(tag);
    if (heading && !closing) headings.push(headingWeight(Number(heading[1])));
    if (heading && closing) headings.pop();
    if (closing && BLOCK_ENDS.has(tag)) sink.word(BLOCK_BREAK, TEXT_WEIGHT);
  }
  add(body.slice(at));
}

/** The page the index holds: the fields' text in the index spelling (search-spelling.ts), read when the index asks. */
export function toIndexPage({ url, title, subtitle, html, filters, sort, meta }: SearchFields): IndexPage {
  return {
    url,
    filters,
    sort,
    meta,
    words(sink) {
      // The characters the page has had so far: the index marks where each first stands.
      const seen = new Set<string>();
      addSpelledText(sink, title, headingWeight(1), seen);
      sink.word(BLOCK_BREAK, headingWeight(1));
      if (subtitle) {
        addSpelledText(sink, subtitle, TEXT_WEIGHT, seen);
        sink.word(BLOCK_BREAK, TEXT_WEIGHT);
      }
      addBody(sink, html, seen);
    },
  };
}

/** A listed announcement as the part planner sees it: by its URL (see src/search-index/parts.ts). */
export interface SearchableAnnouncement extends SearchablePage {
  announcement: Announcement;
}

/** What search indexes: listed announcements (no copies, nothing withdrawn). */
export function searchablePages(siteData: SiteData): SearchableAnnouncement[] {
  return siteData.listed.map((announcement) => ({ url: announcement.url, announcement }));
}
