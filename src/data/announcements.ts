/**
 * The one place the announcements collection is read. Drops drafts, collapses copies of
 * one notice into its canonical page, sorts and groups (src/lib/site-assembly.ts); pages
 * import the results.
 */
import { getCollection } from 'astro:content';
import { resolve } from 'node:path';
import { BodyCache, resolveCacheDir } from '../lib/body-cache.ts';
import { BODY_IMAGES_KEY, type ImageSource } from '../lib/body-images.ts';
import { createPageCounter } from '../lib/pdf-pages.ts';
import { assembleSiteData, type AnnouncementEntry } from '../lib/site-assembly.ts';
import { handOverSiteData } from '../lib/search-handoff.ts';
import { site, sources } from './site.ts';

/** Astro's ImageMetadata, on a proxy that tracks which fields are read. */
type ImageMetadata = ImageSource & { clone?: ImageSource; fsPath?: string };

/**
 * An image's metadata as Astro's content layer gives it, made plain: the page reads its fields
 * for the cache key, and reading them on Astro's proxy would mark the original as used outside
 * the image pipeline (and copy the full-size original into dist/). The file's path stays, out
 * of sight of JSON, for the image service.
 */
function toImageSource(metadata: ImageMetadata): ImageSource {
  const { src, width, height, format } = metadata.clone ?? metadata;
  const plain = { src, width, height, format };
  Object.defineProperty(plain, 'fsPath', { value: metadata.fsPath, enumerable: false });
  return plain;
}

const entries = (await getCollection('announcements')).map(({ id, data, digest, filePath }): AnnouncementEntry => {
  const { [BODY_IMAGES_KEY]: images, ...rest } = data as typeof data & { [BODY_IMAGES_KEY]?: Record<string, ImageMetadata> };
  return {
    id,
    data: rest,
    digest: String(digest),
    file: resolve(filePath!),
    ...(images && { images: Object.fromEntries(Object.entries(images).map(([path, metadata]) => [path, toImageSource(metadata)])) }),
  };
});

const pageCounter = createPageCounter(resolveCacheDir());

export const siteData = await assembleSiteData(entries, new BodyCache(resolveCacheDir()), site, sources, pageCounter);
pageCounter.save();

// The search indexer builds its index from this same data, beside page rendering (see search-handoff.ts).
handOverSiteData({ siteData, timeZone: site.time_zone });
