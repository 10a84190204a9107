/**
 * The one place the announcements collection is read. Drops drafts, collapses copies of
 * one notice into its canonical page, sorts and groups; pages import the results.
 */
import { getCollection } from 'astro:content';
import { buildSiteData, type AnnouncementInput, type DuplicateCluster } from '../lib/site-data.ts';
import { site, sourceRegistry } from './site.ts';

const entries = await getCollection('announcements');
const inputs: AnnouncementInput[] = entries.map((entry) => ({
  id: entry.id,
  data: entry.data,
  html: entry.rendered?.html ?? '',
}));

/** Copies a maintainer declared with `canonical:` in front matter. */
function declaredClusters(all: readonly AnnouncementInput[]): DuplicateCluster[] {
  const byCanonical = new Map<string, { id: string }[]>();
  for (const { id, data } of all) {
    if (!data.canonical || data.draft) continue;
    byCanonical.set(data.canonical, [...(byCanonical.get(data.canonical) ?? []), { id }]);
  }
  return [...byCanonical].map(([canonical, duplicates]) => ({ canonical, duplicates }));
}

export const siteData = buildSiteData(inputs, sourceRegistry, declaredClusters(inputs), site.time_zone);
