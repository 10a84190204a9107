import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { BodyCache, bodyDigest, resolveCacheDir } from '../lib/body-cache.ts';
import { displayPath, listAnnouncementFiles, parseFrontMatter, toAnnouncementId } from '../lib/content-files.ts';
import { checkAnnouncementFiles, type FileLimits } from '../lib/attachments.ts';
import { BODY_IMAGES_KEY, toImageImports } from '../lib/body-images.ts';
import { findLocalReferences } from '../lib/local-files.ts';
import { formatProblem, type ContentProblem } from '../lib/schema.ts';
import { validateAnnouncementText, type AnnouncementSchema } from '../lib/validate.ts';
import { renderIntoCache, type BodyToRender } from './render-pool.ts';

/**
 * Loads `announcements/**\/*.md` into the collection. Like Astro's glob loader it keeps an
 * entry whose file is unchanged (same digest) from the previous build, but:
 * - ids are file paths (`2015/suining-safety`), so a URL survives a title edit;
 * - front matter is read by Gazette's own parser, whose YAML keeps `2015-05-20 17:18` as
 *   text for the schema to read in Beijing time (Astro's parser makes it a UTC timestamp);
 * - bodies are rendered on worker threads, one per core (see render-pool.ts), into Gazette's
 *   body cache (see src/lib/body-cache.ts); the store keeps front matter and the digest;
 * - a file that cannot be loaded is reported as `file → field: problem`, like `npm run check`,
 *   and so is a missing or empty attachment or image;
 * - the body's images beside the Markdown go to Astro's image pipeline: each is an image import
 *   of the entry (see src/lib/body-images.ts), which the pages turn into responsive pictures.
 *
 * In `astro dev` every edit syncs again; syncs never overlap (edits during one are taken up by
 * the next), and a broken file is reported once, keeps its last good entry, and is picked up
 * again when it is fixed.
 *
 * @param announcementsDir the folder holding the Markdown files
 * @param versionKey anything besides the file that changes how it is read or rendered
 *   (the site's time zone, the renderer's version)
 * @param schema the front-matter schema, to describe a file Astro's parseData refuses
 * @param limits the attachment size over which a file is a warning (site.yaml)
 */
export function announcementLoader(announcementsDir: string, versionKey: string, schema: AnnouncementSchema, limits: FileLimits): Loader {
  return {
    name: 'gazette-announcements',
    load: async (context) => {
      const sync = () => syncAll(context, announcementsDir, versionKey, schema, limits);
      const first = await sync();
      if (!context.watcher) {
        // A build stops on a file it cannot load (npm run build checks every file before this).
        if (first.length) throw new Error(`${first.length} announcement(s) could not be loaded:\n${first.map(formatProblem).join('\n')}`);
        return;
      }
      const report = createProblemReporter((line) => context.logger.error(line));
      report(first);
      const resync = serialise(async () => report(await sync()), (error) => context.logger.error(String(error)));
      context.watcher.add(announcementsDir);
      const onChange = (path: string) => {
        // Attachments and images count too: a file put in place fixes a missing one.
        if (path.startsWith(announcementsDir)) resync();
      };
      context.watcher.on('change', onChange);
      context.watcher.on('add', onChange);
      context.watcher.on('unlink', onChange);
    },
  };
}

/**
 * Runs `task` on request, never twice at once: a request during a run makes one more run
 * after it, however many requests came. Errors go to `onError`, never unhandled.
 *
 * @example const resync = serialise(sync, console.error); resync(); resync(); // the second runs after the first
 */
export function serialise(task: () => Promise<void>, onError: (error: unknown) => void): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        await task();
      } catch (error) {
        onError(error);
      }
    } while (again);
    running = undefined;
  };
  return () => {
    if (running) again = true;
    else running = run();
    return running;
  };
}

/**
 * Reports each problem once while it lasts: a sync that finds the same broken file again
 * says nothing new, and a file that is fixed and broken again is reported again.
 */
export function createProblemReporter(print: (line: string) => void): (problems: readonly ContentProblem[]) => void {
  let shown = new Set<string>();
  return (problems) => {
    const lines = new Set(problems.map(formatProblem));
    for (const line of lines) if (!shown.has(line)) print(line);
    shown = lines;
  };
}

/** Brings the store up to date with the folder; returns the problems of files it could not load. */
async function syncAll(
  { store, parseData, config, logger }: LoaderContext,
  dir: string,
  versionKey: string,
  schema: AnnouncementSchema,
  limits: FileLimits,
): Promise<ContentProblem[]> {
  const cacheDir = resolveCacheDir(fileURLToPath(config.root));
  const cache = new BodyCache(cacheDir);
  const untouched = new Set(store.keys());
  const used = new Set<string>();
  const problems: ContentProblem[] = [];
  const files = listAnnouncementFiles(dir);
  const toRender: BodyToRender[] = [];
  for (const file of files) {
    const id = toAnnouncementId(file);
    untouched.delete(id);
    const path = join(dir, file);
    // Synchronous: thousands of small reads, where awaiting each one left the thread idle.
    const source = readFileSync(path, 'utf8');
    const digest = bodyDigest(source, versionKey);
    const previous = store.get(id);
    const unchanged = previous?.digest === digest;
    if (unchanged) {
      used.add(digest);
      // The entry is current; only a body pruned from the cache is rendered again.
      if (!cache.has(digest)) toRender.push({ digest, body: parseFrontMatter(source).body.trim() });
      continue;
    }
    const root = fileURLToPath(config.root);
    const filePath = relative(root, path);
    let data: Record<string, unknown>;
    try {
      const parsed = parseFrontMatter(source);
      data = await parseData({ id, data: parsed.data ?? {}, filePath: path });
      const references = findLocalReferences(parsed.body);
      const files = checkAnnouncementFiles(path, displayPath(path, root), data as Parameters<typeof checkAnnouncementFiles>[2], references, limits);
      if (files.problems.length) {
        problems.push(...files.problems);
        if (previous?.digest) used.add(String(previous.digest));
        continue;
      }
      const images = toImageImports(references.images);
      if (images) data = { ...data, [BODY_IMAGES_KEY]: images };
      if (!cache.has(digest)) toRender.push({ digest, body: parsed.body.trim() });
    } catch {
      // Described the way `npm run check` does; the last good entry (and its body) stays.
      const file = displayPath(path, root);
      const found = validateAnnouncementText(source, file, schema).problems;
      problems.push(...(found.length ? found : [{ file, field: '', message: 'could not be loaded' }]));
      if (previous?.digest) used.add(String(previous.digest));
      continue;
    }
    used.add(digest);
    store.set({ id, filePath, digest, data });
  }
  await renderIntoCache(toRender, cacheDir);
  logger.info(`${toRender.length} of ${files.length} announcements rendered; the others are unchanged since the last build`);
  for (const id of untouched) store.delete(id);
  cache.prune(used);
  return problems;
}
