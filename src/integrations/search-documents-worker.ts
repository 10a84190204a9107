/**
 * Plans the search index on a thread of its own (src/util/worker-pool.ts) while Astro renders
 * pages: assembles the site from the content files and the body cache exactly as the pages do
 * (src/lib/site-assembly.ts), cuts the listed announcements into parts, and writes the
 * documents of each part missing from the cache to `<cacheRoot>/<key>.input.json` for a part
 * worker to index. It answers with the parts and every page's sort values, which merging the
 * parts needs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BodyCache, resolveCacheDir } from '../lib/body-cache.ts';
import { planSearchParts, type SortValues } from '../search-index/index.ts';
import { searchablePages, toSearchDocument } from '../lib/search-documents.ts';
import { assembleSiteData, readAnnouncementEntries } from '../lib/site-assembly.ts';
import { contentPaths, requireSiteConfig, requireSources, resolveContentDir } from '../lib/site-config.ts';
import type { PlannedPart, SearchPlan } from './pagefind.ts';

/** The search cache's folder, and announcements per part. */
export interface PlanTask {
  cacheRoot: string;
  partSize: number;
}

export default async function planSearch({ cacheRoot, partSize }: PlanTask): Promise<SearchPlan> {
  const contentDir = resolveContentDir();
  const site = requireSiteConfig(contentDir);
  const siteData = await assembleSiteData(
    readAnnouncementEntries(contentPaths(contentDir).announcements, site),
    new BodyCache(resolveCacheDir()),
    site,
    requireSources(contentDir),
  );

  mkdirSync(cacheRoot, { recursive: true });
  const sortValues: [string, SortValues][] = [];
  const parts: PlannedPart[] = planSearchParts(searchablePages(siteData), partSize).map((part) => {
    const documents = part.map(({ announcement }) => toSearchDocument(announcement, site.time_zone));
    for (const document of documents) sortValues.push([document.url, document.sort]);
    const hash = createHash('sha256');
    for (const document of documents) hash.update(`${document.url}\n${document.html}\n`);
    const key = hash.digest('hex').slice(0, 24);
    const cached = existsSync(join(cacheRoot, key));
    if (!cached) writeFileSync(join(cacheRoot, `${key}.input.json`), JSON.stringify(documents));
    return { key, pageCount: documents.length, cached };
  });
  return { parts, sortValues };
}
