/**
 * The one place the announcements collection is read. Drops drafts, collapses copies of
 * one notice into its canonical page, sorts and groups; pages import the results.
 */
import { getCollection } from 'astro:content';
import { clusterAnnouncements } from '../lib/dedup/index.ts';
import { buildSiteData, type AnnouncementInput } from '../lib/site-data.ts';
import { site, sourceRegistry } from './site.ts';

const entries = await getCollection('announcements');
const inputs: AnnouncementInput[] = entries.map((entry) => ({
  id: entry.id,
  data: entry.data,
  html: entry.rendered?.html ?? '',
  excerpt: String(entry.rendered?.metadata?.excerpt ?? ''),
  // Unknown (an entry rendered before this was recorded) counts as relative: the safe side.
  hasRelativeUrls: entry.rendered?.metadata?.hasRelativeUrls !== false,
}));

// Copies of one notice, found by content or declared with `canonical:` in front matter.
const clusters = clusterAnnouncements(
  entries
    .filter((entry) => !entry.data.draft)
    .map((entry) => ({
      id: entry.id,
      title: entry.data.title,
      body: entry.body ?? '',
      date: entry.data.date,
      source: entry.data.source,
      canonical: entry.data.canonical,
      notDuplicateOf: entry.data.not_duplicate_of,
    })),
);

export const siteData = buildSiteData(inputs, sourceRegistry, clusters, site.time_zone);
