/** Builds an RSS response for a listing, in one place for the site feed and each source's. */
import rss from '@astrojs/rss';
import { getImage } from 'astro:assets';
import { fallbackFormat, imageWidths } from '../lib/body-images.ts';
import { channelExtras, FEED_NAMESPACES, FEED_SIZE, toFeedItem, toFeedItems, toFeedText, type FeedImage, type FeedItem } from '../lib/feed.ts';
import { absoluteUrl, paths } from '../lib/paths.ts';
import type { Announcement } from '../lib/site-data.ts';
import { site } from './site.ts';

// An announcement appears in the site feed and in each of its sources' feeds: its item,
// with the body re-parsed to make links absolute, is built once.
const itemCache = new Map<string, FeedItem>();
const imageCache = new Map<string, FeedImage[]>();

/**
 * A body's images as feeds show them: the page's fallback file at its widest (the same transform
 * as the picture's `src`, so no new file is made), since feed readers take one plain `<img>`.
 */
async function feedImages(announcement: Announcement): Promise<FeedImage[]> {
  let images = imageCache.get(announcement.id);
  if (!images) {
    images = await Promise.all(
      announcement.images.map(async ({ source }) => {
        const { width } = imageWidths(source);
        const image = await getImage({ src: source as never, width, format: fallbackFormat(source) as 'jpg' });
        return { src: image.src, width: Number(image.attributes.width ?? width), height: Number(image.attributes.height ?? Math.round((source.height * width) / source.width)) };
      }),
    );
    imageCache.set(announcement.id, images);
  }
  return images;
}

function cachedItem(announcement: Announcement, siteUrl: string): FeedItem {
  let item = itemCache.get(announcement.id);
  if (!item) itemCache.set(announcement.id, (item = toFeedItem(announcement, siteUrl, imageCache.get(announcement.id), site.time_zone)));
  return item;
}

/**
 * @param title the channel title
 * @param path the feed's own path, for `atom:link rel="self"`
 * @param announcements newest first; the first 50 are carried
 */
export async function feedResponse(title: string, path: string, announcements: readonly Announcement[]) {
  for (const announcement of announcements.slice(0, FEED_SIZE)) if (announcement.images.length) await feedImages(announcement);
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
