/**
 * The one place the announcements collection is read. Drops drafts, collapses copies of
 * one notice into its canonical page, sorts and groups; pages import the results.
 */
import { getCollection } from 'astro:content';
import { BodyCache, resolveCacheDir } from '../lib/body-cache.ts';
import { clusterAnnouncements } from '../lib/dedup/index.ts';
import { buildSiteData, type AnnouncementInput } from '../lib/site-data.ts';
import { site, sourceRegistry } from './site.ts';

const bodies = new BodyCache(resolveCacheDir());
const entries = (await getCollection('announcements')).map((entry) => ({ ...entry, digest: String(entry.digest), ...bodies.read(String(entry.digest)) }));
const inputs: AnnouncementInput[] = entries.map(({ id, data, digest, html, excerpt, hasRelativeUrls }) => ({ id, data, digest, html, excerpt, hasRelativeUrls }));

// Copies of one notice, found by content or declared with `canonical:` in front matter.
const clusters = clusterAnnouncements(
  entries
    .filter((entry) => !entry.data.draft)
    .map((entry) => ({
      id: entry.id,
      title: entry.data.title,
      body: entry.body,
      date: entry.data.date,
      source: entry.data.source,
      canonical: entry.data.canonical,
      notDuplicateOf: entry.data.not_duplicate_of,
    })),
);

export const siteData = buildSiteData(inputs, sourceRegistry, clusters, site.time_zone);
