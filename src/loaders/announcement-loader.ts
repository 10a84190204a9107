import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { listAnnouncementFiles, parseFrontMatter, toAnnouncementId } from '../lib/content-files.ts';
import { BodyCache, bodyDigest, resolveCacheDir } from '../lib/body-cache.ts';
import { renderIntoCache, type BodyToRender } from './render-pool.ts';

/**
 * Loads `announcements/**\/*.md` into the collection. Like Astro's glob loader it keeps an
 * entry whose file is unchanged (same digest) from the previous build, but:
 * - ids are file paths (`2015/suining-safety`), so a URL survives a title edit;
 * - front matter is read by Gazette's own parser, whose YAML keeps `2015-05-20 17:18` as
 *   text for the schema to read in Beijing time (Astro's parser makes it a UTC timestamp);
 * - bodies are rendered on worker threads, one per core (see render-pool.ts), into Gazette's
 *   body cache (see src/lib/body-cache.ts); the store keeps front matter and the digest.
 *
 * @param announcementsDir the folder holding the Markdown files
 * @param versionKey anything besides the file that changes how it is read or rendered
 *   (the site's time zone, the renderer's version)
 */
export function announcementLoader(announcementsDir: string, versionKey: string): Loader {
  return {
    name: 'gazette-announcements',
    load: async (context) => {
      await syncAll(context, announcementsDir, versionKey);
      if (!context.watcher) return;
      context.watcher.add(announcementsDir);
      const resync = (path: string) => {
        if (path.startsWith(announcementsDir) && path.endsWith('.md')) void syncAll(context, announcementsDir, versionKey);
      };
      context.watcher.on('change', resync);
      context.watcher.on('add', resync);
      context.watcher.on('unlink', resync);
    },
  };
}

async function syncAll({ store, parseData, config, logger }: LoaderContext, dir: string, versionKey: string): Promise<void> {
  const cacheDir = resolveCacheDir(fileURLToPath(config.root));
  const cache = new BodyCache(cacheDir);
  const untouched = new Set(store.keys());
  const used = new Set<string>();
  const files = listAnnouncementFiles(dir);
  const toRender: BodyToRender[] = [];
  for (const file of files) {
    const id = toAnnouncementId(file);
    untouched.delete(id);
    const path = join(dir, file);
    // Synchronous: thousands of small reads, where awaiting each one left the thread idle.
    const source = readFileSync(path, 'utf8');
    const digest = bodyDigest(source, versionKey);
    used.add(digest);
    const unchanged = store.get(id)?.digest === digest;
    const cached = cache.has(digest);
    if (unchanged && cached) continue;
    const { data, body } = parseFrontMatter(source);
    if (!cached) toRender.push({ digest, body: body.trim() });
    if (!unchanged) {
      const filePath = relative(config.root.pathname, path);
      store.set({ id, filePath, digest, data: await parseData({ id, data: data ?? {}, filePath: path }) });
    }
  }
  await renderIntoCache(toRender, cacheDir);
  logger.info(`${toRender.length} of ${files.length} announcements rendered; the others are unchanged since the last build`);
  for (const id of untouched) store.delete(id);
  cache.prune(used);
}
