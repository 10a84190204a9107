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
import { clusterAnnouncements, type Cluster } from '../dedup/index.ts';
import { RENDER_VERSION } from './markdown/render.ts';
import { createAnnouncementSchema, type AnnouncementData, type SiteConfig, type SourceEntry } from './schema.ts';
import { buildSiteData, type AnnouncementInput, type SiteData } from './site-data.ts';
import { createSourceRegistry, sourceSpellings } from './sources.ts';

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

/** An announcement with its Markdown, as deduplication reads it. */
export interface AnnouncementText {
  id: string;
  data: AnnouncementData;
  body: string;
}

/**
 * The clusters of copies among `announcements` (drafts left out), found by content or declared
 * with `canonical:`. The build and `npm run dedup` both call this, so the page the site makes
 * canonical is the one the review lists: sources.yaml's spellings let a 转载自 note name its body.
 */
export function findCopies(announcements: readonly AnnouncementText[], sources: readonly SourceEntry[]): Promise<Cluster[]> {
  const inputs = announcements
    .filter(({ data }) => !data.draft)
    .map(({ id, data, body }) => ({ id, title: data.title, body, date: data.date, source: data.source, canonical: data.canonical, notDuplicateOf: data.not_duplicate_of }));
  return clusterAnnouncements(inputs, { sourceAliases: sourceSpellings(sources) });
}

/** Reads `entries`' bodies from `cache`, clusters copies (on helper threads for a large site) and builds every listing. */
export async function assembleSiteData(entries: readonly AnnouncementEntry[], cache: BodyCache, site: SiteConfig, sources: readonly SourceEntry[]): Promise<SiteData> {
  const inputs: AnnouncementInput[] = [];
  const texts: AnnouncementText[] = [];
  for (const { id, data, digest } of entries) {
    const { body, html, excerpt, hasRelativeUrls } = cache.read(digest);
    inputs.push({ id, data, digest, html, excerpt, hasRelativeUrls });
    // The Markdown is needed for dedup only: not kept in the site's data.
    texts.push({ id, data, body });
  }
  return buildSiteData(inputs, createSourceRegistry(sources), await findCopies(texts, sources), site.time_zone, site.columns);
}

/**
 * The entries of `announcementsDir` read straight from the files, as the content loader
 * reads them, for code running outside Astro. The build has validated every file first
 * (`npm run check`), so a file that does not parse here is skipped.
 */
export function readAnnouncementEntries(announcementsDir: string, site: SiteConfig): AnnouncementEntry[] {
  const schema = createAnnouncementSchema(site.time_zone, site.columns);
  const versionKey = renderVersionKey(site);
  const entries: AnnouncementEntry[] = [];
  for (const file of listAnnouncementFiles(announcementsDir)) {
    const source = readFileSync(join(announcementsDir, file), 'utf8');
    const parsed = schema.safeParse(parseFrontMatter(source).data ?? {});
    if (parsed.success) entries.push({ id: toAnnouncementId(file), data: parsed.data, digest: bodyDigest(source, versionKey) });
  }
  return entries;
}
