/** Builds an RSS response for a listing, in one place for the site feed and each source's. */
import rss from '@astrojs/rss';
import { channelExtras, FEED_NAMESPACES, toFeedItems, toFeedText } from '../lib/feed.ts';
import { absoluteUrl } from '../lib/paths.ts';
import type { Announcement } from '../lib/site-data.ts';
import { site } from './site.ts';

/**
 * @param title the channel title
 * @param path the feed's own path, for `atom:link rel="self"`
 * @param announcements newest first; the first 50 are carried
 */
export function feedResponse(title: string, path: string, announcements: readonly Announcement[]) {
  const items = toFeedItems(announcements, site.url);
  return rss({
    title: toFeedText(title),
    description: toFeedText(site.description),
    site: site.url,
    items,
    xmlns: FEED_NAMESPACES,
    customData: channelExtras(items, absoluteUrl(path, site.url), site.language),
    trailingSlash: true,
  });
}
