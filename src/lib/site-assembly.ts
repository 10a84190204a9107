/**
 * From announcement entries (front matter plus the digest their body is cached under) to the
 * site's data: bodies read from the body cache, copies clustered, listings built. The build's
 * pages (src/data/announcements.ts, from Astro's collection) and the search indexer (from the
 * files, on its own thread) both assemble the site here, so both see the same site.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bodyDigest, type BodyCache } from './body-cache.ts';
import { listAnnouncementFiles, parseFrontMatter, toAnnouncementId } from './content-files.ts';
import { clusterAnnouncements, type DedupInput } from '../dedup/index.ts';
import { RENDER_VERSION } from './markdown/render.ts';
import { createAnnouncementSchema, type AnnouncementData, type SiteConfig } from './schema.ts';
import { buildSiteData, type AnnouncementInput, type SiteData } from './site-data.ts';
import type { SourceRegistry } from './sources.ts';

/** An announcement as the content layer keeps it. */
export interface AnnouncementEntry {
  id: string;
  data: AnnouncementData;
  /** The digest its rendered body is cached under (see body-cache.ts). */
  digest: string;
}

/** Anything besides a file that changes how it is read or rendered: part of every body's digest. */
export function renderVersionKey(site: SiteConfig): string {
  return `${site.time_zone} ${RENDER_VERSION}`;
}

/** Reads `entries`' bodies from `cache`, clusters copies (on helper threads for a large site) and builds every listing. */
export async function assembleSiteData(entries: readonly AnnouncementEntry[], cache: BodyCache, registry: SourceRegistry, timeZone: string): Promise<SiteData> {
  const inputs: AnnouncementInput[] = [];
  const dedupInputs: DedupInput[] = [];
  for (const { id, data, digest } of entries) {
    const { body, html, excerpt, hasRelativeUrls } = cache.read(digest);
    inputs.push({ id, data, digest, html, excerpt, hasRelativeUrls });
    // The Markdown is needed for dedup only: not kept in the site's data.
    if (!data.draft) {
      dedupInputs.push({ id, title: data.title, body, date: data.date, source: data.source, canonical: data.canonical, notDuplicateOf: data.not_duplicate_of });
    }
  }
  // Copies of one notice, found by content or declared with `canonical:` in front matter.
  return buildSiteData(inputs, registry, await clusterAnnouncements(dedupInputs), timeZone);
}

/**
 * The entries of `announcementsDir` read straight from the files, as the content loader
 * reads them, for code running outside Astro. The build has validated every file first
 * (`npm run check`), so a file that does not parse here is skipped.
 */
export function readAnnouncementEntries(announcementsDir: string, site: SiteConfig): AnnouncementEntry[] {
  const schema = createAnnouncementSchema(site.time_zone);
  const versionKey = renderVersionKey(site);
  const entries: AnnouncementEntry[] = [];
  for (const file of listAnnouncementFiles(announcementsDir)) {
    const source = readFileSync(join(announcementsDir, file), 'utf8');
    const parsed = schema.safeParse(parseFrontMatter(source).data ?? {});
    if (parsed.success) entries.push({ id: toAnnouncementId(file), data: parsed.data, digest: bodyDigest(source, versionKey) });
  }
  return entries;
}
