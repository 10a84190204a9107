/** Builds an RSS response for a listing, in one place for the site feed and each source's. */
import rss from '@astrojs/rss';
import { channelExtras, FEED_NAMESPACES, toFeedItem, toFeedItems, toFeedText, type FeedItem } from '../lib/feed.ts';
import { absoluteUrl, paths } from '../lib/paths.ts';
import type { Announcement } from '../lib/site-data.ts';
import { site } from './site.ts';

// An announcement appears in the site feed and in each of its sources' feeds: its item,
// with the body re-parsed to make links absolute, is built once.
const itemCache = new Map<string, FeedItem>();
function cachedItem(announcement: Announcement, siteUrl: string): FeedItem {
  let item = itemCache.get(announcement.id);
  if (!item) itemCache.set(announcement.id, (item = toFeedItem(announcement, siteUrl)));
  return item;
}

/**
 * @param title the channel title
 * @param path the feed's own path, for `atom:link rel="self"`
 * @param announcements newest first; the first 50 are carried
 */
export function feedResponse(title: string, path: string, announcements: readonly Announcement[]) {
  const items = toFeedItems(announcements, site.url, cachedItem);
  return rss({
    title: toFeedText(title),
    description: toFeedText(site.description),
    site: site.url,
    items,
    xmlns: FEED_NAMESPACES,
    customData: channelExtras(items, absoluteUrl(path, site.url), site.language),
    trailingSlash: true,
    // Shows the feed to a reader who opens it in a browser as a page about subscribing.
    stylesheet: paths.feedStylesheet(),
  });
}
