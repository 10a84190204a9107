import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { planSearchChunks, searchPartSize, type SearchablePage } from '../lib/search-chunks.ts';

interface PageFile extends SearchablePage {
  path: string;
  digest: string;
}

const SORT_DATE = /data-pagefind-sort="date:([^"]+)"/;

/**
 * Every page of this build marked for indexing (`data-pagefind-body`), with its date and
 * content digest. dist/ also still holds pages of the previous build until the end of
 * this one (see stale-output.ts): `built` names this build's pages.
 */
function findSearchablePages(outDir: string, built: ReadonlySet<string>): PageFile[] {
  const root = join(outDir, 'announcements');
  if (!existsSync(root)) return [];
  const pages: PageFile[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const url = `/${relative(outDir, entry.parentPath).split(sep).join('/')}/`;
    if (!built.has(url)) continue;
    const path = join(entry.parentPath, entry.name);
    const html = readFileSync(path, 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    pages.push({ path, url, date: SORT_DATE.exec(html)?.[1] ?? '', digest: createHash('sha256').update(html).digest('hex') });
  }
  return pages;
}

/** Indexes one part on a worker thread; its Pagefind process ends, freeing its memory, with it. */
function indexChunk(pages: readonly PageFile[], outputPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./search-part-worker.ts', import.meta.url), {
      workerData: { pages: pages.map(({ url, path }) => ({ url, path })), outputPath },
    });
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`search indexing stopped with code ${code}`))));
  });
}

/** Runs `tasks` with at most `limit` at once. */
async function runLimited(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, tasks.length) }, async () => {
    while (next < tasks.length) await tasks[next++]!();
  });
  await Promise.all(lanes);
}

/**
 * Builds the Chinese search index into `dist/pagefind/` once Astro has written the pages,
 * in parts (see src/lib/search-chunks.ts). Each part is cached under Astro's cache folder
 * by the digest of its pages, so a rebuild re-indexes only the parts whose pages changed.
 */
export function pagefindIntegration(): AstroIntegration {
  let cacheRoot = '';
  return {
    name: 'gazette-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheRoot = join(fileURLToPath(config.cacheDir), 'gazette-search');
      },
      'astro:build:done': async ({ dir, pages: builtPages, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const built = new Set(builtPages.map(({ pathname }) => `/${pathname}`));
        const chunks = planSearchChunks(findSearchablePages(outDir, built), searchPartSize());
        const keyed = chunks.map((chunk) => ({
          chunk,
          cached: join(cacheRoot, createHash('sha256').update(chunk.pages.map((page) => `${page.url} ${page.digest}`).join('\n')).digest('hex').slice(0, 24)),
        }));
        const missing = keyed.filter(({ cached }) => !existsSync(cached));
        // Two parts at a time: each Pagefind process holds ~0.75 MB per page of its part.
        await runLimited(
          missing.map(({ chunk, cached }) => async () => {
            const partial = `${cached}.partial`;
            rmSync(partial, { recursive: true, force: true });
            await indexChunk(chunk.pages, partial);
            renameSync(partial, cached);
          }),
          Math.min(2, availableParallelism()),
        );
        // dist/ is kept between builds (see stale-output.ts): replace the previous index whole.
        rmSync(join(outDir, 'pagefind'), { recursive: true, force: true });
        for (const { chunk, cached } of keyed) linkTree(cached, join(outDir, chunk.bundlePath));
        const used = new Set(keyed.map(({ cached }) => basename(cached)));
        const reused = keyed.length - missing.length;
        pruneCache(cacheRoot, used, logger);
        const pages = chunks.reduce((sum, chunk) => sum + chunk.pages.length, 0);
        logger.info(
          `indexed ${pages} pages for search in ${chunks.length} part(s), ${reused} reused, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}

/**
 * Puts a cached part into dist/ as hard links: a few thousand files in milliseconds, where
 * copying 40 MB took seconds. Copies instead where linking is impossible (another disk).
 */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      linkTree(source, target);
      continue;
    }
    try {
      linkSync(source, target);
    } catch {
      copyFileSync(source, target);
    }
  }
}

function pruneCache(cacheRoot: string, used: ReadonlySet<string>, logger: AstroIntegrationLogger): void {
  if (!existsSync(cacheRoot)) return;
  for (const name of readdirSync(cacheRoot)) {
    if (used.has(name)) continue;
    try {
      rmSync(join(cacheRoot, name), { recursive: true, force: true });
    } catch (error) {
      logger.warn(`could not remove the stale search cache ${name}: ${String(error)}`);
    }
  }
}
