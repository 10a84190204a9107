/**
 * Announcements → RSS items: full text with absolute URLs, and only characters XML allows.
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { toRfc822 } from './dates.ts';
import { absoluteUrl } from './paths.ts';
import type { Announcement } from './site-data.ts';
import type { Source } from './sources.ts';

/** The title of an issuing body's feed, as its page advertises it and the feed names itself. */
export function sourceFeedTitle(source: Source): string {
  return `${source.name}的公告`;
}

/** The most recent announcements a feed carries. */
export const FEED_SIZE = 50;

/** The shape @astrojs/rss expects for an item. */
export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  content: string;
  categories: string[];
  customData?: string;
}

// XML 1.0 allows tab, newline, carriage return and U+0020 upwards, minus surrogates and
// U+FFFE/U+FFFF; zero-width and bidi controls are legal but invisible, so they go too.
const ILLEGAL_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]|[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/gu;

/** Removes characters that would make the feed invalid XML. */
export function toXmlSafeText(text: string): string {
  return text.replace(ILLEGAL_XML, '');
}

/**
 * A plain-text feed field (title, description, category, creator). Some feed readers
 * render these as HTML, so anything shaped like a tag is dropped, not just escaped.
 */
export function toFeedText(text: string): string {
  return toXmlSafeText(text).replace(/<[^>]*>?/g, '');
}

const URL_ATTRIBUTES: Record<string, string> = { a: 'href', img: 'src' };

/**
 * Makes every link and image in an HTML fragment absolute, since feed readers show
 * content away from the site.
 *
 * @example absolutiseHtml('<a href="/a/">x</a>', 'https://example.gov.cn/') // '<a href="https://example.gov.cn/a/">x</a>'
 */
export function absolutiseHtml(html: string, baseUrl: string): { html: string } {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  visit(tree, 'element', (node: Element) => {
    const attribute = URL_ATTRIBUTES[node.tagName];
    const value = attribute ? node.properties[attribute] : undefined;
    if (typeof value !== 'string') return;
    try {
      node.properties[attribute!] = new URL(value, baseUrl).href;
    } catch {
      delete node.properties[attribute!];
    }
  });
  return { html: unified().use(rehypeStringify).stringify(tree) };
}

const DESCRIPTION_LENGTH = 140;

/** A plain-text summary: the subtitle, or the start of the body, cut with the Chinese ellipsis (……). */
function describe(announcement: Announcement): string {
  const text = (announcement.data.subtitle ?? announcement.excerpt).replace(/\s+/g, ' ').trim();
  return text.length > DESCRIPTION_LENGTH ? `${text.slice(0, DESCRIPTION_LENGTH)}……` : text;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An announcement as a feed item carrying its full text.
 *
 * @param siteUrl the site's public address, for absolute links
 */
export function toFeedItem(announcement: Announcement, siteUrl: string): FeedItem {
  const link = absoluteUrl(announcement.url, siteUrl);
  // Most bodies link only to absolute addresses: only those that do not are parsed again.
  const html = toXmlSafeText(announcement.html);
  const content = announcement.hasRelativeUrls ? absolutiseHtml(html, link).html : html;
  const editor = announcement.data.editor;
  return {
    title: toFeedText(announcement.data.title),
    link,
    pubDate: announcement.data.date,
    description: toFeedText(describe(announcement)),
    content,
    categories: [toFeedText(announcement.source.name)],
    customData: editor ? `<dc:creator>${escapeXml(toFeedText(editor))}</dc:creator>` : undefined,
  };
}

/** The newest {@link FEED_SIZE} announcements as feed items. */
export function toFeedItems(announcements: readonly Announcement[], siteUrl: string, toItem = toFeedItem): FeedItem[] {
  return announcements.slice(0, FEED_SIZE).map((announcement) => toItem(announcement, siteUrl));
}

/**
 * Channel elements @astrojs/rss does not write itself. `lastBuildDate` is the newest
 * item's date, not the clock, so building the same content twice gives the same feed.
 */
export function channelExtras(items: readonly FeedItem[], feedUrl: string, language: string): string {
  const newest = items.reduce<Date | undefined>((latest, item) => (!latest || item.pubDate > latest ? item.pubDate : latest), undefined);
  return [
    `<language>${escapeXml(language.toLowerCase())}</language>`,
    newest ? `<lastBuildDate>${toRfc822(newest)}</lastBuildDate>` : '',
    `<atom:link href="${escapeXml(feedUrl)}" rel="self" type="application/rss+xml"/>`,
  ].join('');
}

/** Namespaces the extras above use. */
export const FEED_NAMESPACES = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
};
