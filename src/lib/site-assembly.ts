/**
 * From announcement entries (front matter plus the digest their body is cached under) to the
 * site's data: bodies read from the body cache, copies clustered, listings built. The build's
 * data module (src/data/announcements.ts) assembles the site here once; the pages and the
 * search index both take that one site (src/lib/search-handoff.ts).
 */
import { attachmentRefs, describeAttachments, filesFolderOf, type Attachment, type PageCounter } from './attachments.ts';
import type { BodyCache } from './body-cache.ts';
import type { BodyImage, ImageSource } from './body-images.ts';
import { displayPath } from './content-files.ts';
import { clusterAnnouncements, type Cluster } from '../dedup/index.ts';
import { RENDER_VERSION } from './markdown/render.ts';
import type { AnnouncementData, SiteConfig, SourceEntry } from './schema.ts';
import { buildSiteData, type AnnouncementInput, type SiteData } from './site-data.ts';
import { createSourceRegistry, sourceSpellings } from './sources.ts';

/** An announcement as the content layer keeps it. */
export interface AnnouncementEntry {
  id: string;
  data: AnnouncementData;
  /** The digest its rendered body is cached under (see body-cache.ts). */
  digest: string;
  /** Its Markdown file on disk: attachments are found beside it. */
  file: string;
  /** Its body's images beside the Markdown, by path, as Astro's image pipeline describes them. */
  images?: Readonly<Record<string, ImageSource>>;
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

/** Reads `entries`' bodies from `cache`, describes their attachments (PDF pages by `countPages`) and images, clusters copies (on helper threads for a large site) and builds every listing. */
export async function assembleSiteData(entries: readonly AnnouncementEntry[], cache: BodyCache, site: SiteConfig, sources: readonly SourceEntry[], countPages: PageCounter): Promise<SiteData> {
  const inputs: AnnouncementInput[] = [];
  const texts: AnnouncementText[] = [];
  for (const { id, data, digest, file, images: imageSources } of entries) {
    const { body, html, excerpt, hasRelativeUrls, images: rendered, links } = cache.read(digest);
    const attachments = data.draft ? [] : await describeFiles(id, file, data, links, countPages);
    const images = rendered.map((image): BodyImage => ({ ...image, source: imageSources?.[image.path] ?? missingImage(file, image.path) }));
    inputs.push({ id, data, digest, html, excerpt, hasRelativeUrls, attachments, images });
    // The Markdown is needed for dedup only: not kept in the site's data.
    texts.push({ id, data, body });
  }
  return buildSiteData(inputs, createSourceRegistry(sources), await findCopies(texts, sources), site.time_zone, site.columns);
}

async function describeFiles(id: string, file: string, data: AnnouncementData, links: Parameters<typeof attachmentRefs>[1], countPages: PageCounter): Promise<Attachment[]> {
  try {
    return await describeAttachments(id, filesFolderOf(file), attachmentRefs(data, links), countPages);
  } catch (error) {
    // npm run build checks every file first; this is a file removed since, or `astro build` alone.
    throw new Error(`${displayPath(file)} → attachments: ${(error as Error).message} (run npm run check)`);
  }
}

/** An image the image pipeline did not describe: a build error naming the file. */
function missingImage(file: string, path: string): never {
  throw new Error(`${displayPath(file)} → body: image "${path}" was not processed (check that the file exists and run npm run check)`);
}
