/**
 * Announcements → RSS items: full text with absolute URLs, and only characters XML allows.
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describeAttachment } from './attachments.ts';
import { replaceImages } from './body-images.ts';
import { formatChineseDate, toRfc822 } from './dates.ts';
import { statusMark, VALIDITY_VERBS } from './government-info.ts';
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
  /** The first attachment, for podcast-style readers that fetch it. */
  enclosure?: { url: string; length: number; type: string };
}

/** A body image as a feed shows it: one file at an absolute address, with its size. */
export interface FeedImage {
  src: string;
  width: number;
  height: number;
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

const escapeAttribute = (text: string) => escapeXml(text).replace(/"/g, '&quot;');

/**
 * What a feed item says before the body of a document no longer in force, so a reader who only
 * sees the feed knows: 本文件已于2018年03月01日废止。
 */
function statusNotice(announcement: Announcement, timeZone: string): string {
  const validity = announcement.data.validity;
  if (!validity) return '';
  const note = validity.note ? escapeXml(toFeedText(validity.note)) : '';
  return `<p><strong>本文件已于${formatChineseDate(validity.date, 'day', timeZone)}${VALIDITY_VERBS[validity.status]}。</strong>${note}</p>`;
}

/** The 附件 list under an item's body: every attachment linked at its absolute address. */
function attachmentList(announcement: Announcement, siteUrl: string): string {
  if (announcement.attachments.length === 0) return '';
  const items = announcement.attachments.map((attachment) => `<li><a href="${escapeAttribute(absoluteUrl(attachment.href, siteUrl))}">${escapeXml(toFeedText(attachment.title))}</a>（${escapeXml(describeAttachment(attachment))}）</li>`);
  return `<h2>附件</h2><ol>${items.join('')}</ol>`;
}

/**
 * An announcement as a feed item carrying its full text, its images at absolute addresses and
 * its attachments (listed after the body, the first as the item's enclosure). A document no
 * longer in force says so in its title (【已废止】), a category and a line before the body.
 *
 * @param siteUrl the site's public address, for absolute links
 * @param images the body's images as the feed shows them (see src/data/feeds.ts), by placeholder number
 */
export function toFeedItem(announcement: Announcement, siteUrl: string, images: readonly FeedImage[] = [], timeZone = 'Asia/Shanghai'): FeedItem {
  const link = absoluteUrl(announcement.url, siteUrl);
  const withImages = announcement.images.length
    ? replaceImages(announcement.html, (index) => {
        const image = images[index];
        const alt = escapeAttribute(announcement.images[index]?.alt ?? '');
        return image ? `<img src="${escapeAttribute(absoluteUrl(image.src, siteUrl))}" alt="${alt}" width="${image.width}" height="${image.height}">` : '';
      })
    : announcement.html;
  // Most bodies link only to absolute addresses: only those that do not are parsed again.
  const html = toXmlSafeText(statusNotice(announcement, timeZone) + withImages + attachmentList(announcement, siteUrl));
  const content = announcement.hasRelativeUrls ? absolutiseHtml(html, link).html : html;
  const editor = announcement.data.editor;
  const first = announcement.attachments[0];
  return {
    title: toFeedText(`${statusMark(announcement.data)}${announcement.data.title}`),
    link,
    pubDate: announcement.data.date,
    description: toFeedText(describe(announcement)),
    content,
    categories: [toFeedText(announcement.source.name), ...(announcement.data.validity ? [announcement.data.validity.status] : [])],
    customData: editor ? `<dc:creator>${escapeXml(toFeedText(editor))}</dc:creator>` : undefined,
    ...(first && { enclosure: { url: absoluteUrl(first.href, siteUrl), length: first.bytes ?? 0, type: first.type.mime } }),
  };
}

/** The newest {@link FEED_SIZE} announcements as feed items. */
export function toFeedItems(announcements: readonly Announcement[], siteUrl: string, toItem: (announcement: Announcement, siteUrl: string) => FeedItem = toFeedItem): FeedItem[] {
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
