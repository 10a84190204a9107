import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { listAnnouncementFiles, parseFrontMatter, toAnnouncementId } from '../lib/content-files.ts';
import { renderBodies } from './render-pool.ts';

/**
 * Loads `announcements/**\/*.md` into the collection. Like Astro's glob loader it keeps an
 * entry whose file is unchanged (same digest) from the previous build, but:
 * - ids are file paths (`2015/suining-safety`), so a URL survives a title edit;
 * - front matter is read by Gazette's own parser, whose YAML keeps `2015-05-20 17:18` as
 *   text for the schema to read in Beijing time (Astro's parser makes it a UTC timestamp);
 * - bodies are rendered on worker threads, one per core (see render-pool.ts).
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

async function syncAll({ store, parseData, generateDigest, config, logger }: LoaderContext, dir: string, versionKey: string): Promise<void> {
  const untouched = new Set(store.keys());
  const files = listAnnouncementFiles(dir);
  const pending: { id: string; filePath: string; digest: string; body: string; data: Record<string, unknown> }[] = [];
  for (const file of files) {
    const id = toAnnouncementId(file);
    untouched.delete(id);
    const path = join(dir, file);
    const source = await readFile(path, 'utf8');
    const digest = generateDigest(`${versionKey}\n${source}`);
    if (store.get(id)?.digest === digest) continue;
    const { data, body } = parseFrontMatter(source);
    const filePath = relative(config.root.pathname, path);
    pending.push({ id, filePath, digest, body: body.trim(), data: await parseData({ id, data: data ?? {}, filePath: path }) });
  }
  const rendered = await renderBodies(pending.map((entry) => entry.body));
  logger.info(`${pending.length} of ${files.length} announcements read and rendered; the others are unchanged since the last build`);
  pending.forEach((entry, index) => store.set({ ...entry, rendered: rendered[index] }));
  for (const id of untouched) store.delete(id);
}
