import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { planSearchChunks, searchPartSize, type SearchablePage } from '../lib/search-chunks.ts';

interface PageFile extends SearchablePage {
  path: string;
  digest: string;
}

const SORT_DATE = /data-pagefind-sort="date:([^"]+)"/;

/** Every page marked for indexing (`data-pagefind-body`), with its date and content digest. */
function findSearchablePages(outDir: string): PageFile[] {
  const root = join(outDir, 'announcements');
  if (!existsSync(root)) return [];
  const pages: PageFile[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const path = join(entry.parentPath, entry.name);
    const html = readFileSync(path, 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const url = `/${relative(outDir, entry.parentPath).split(sep).join('/')}/`;
    pages.push({ path, url, date: SORT_DATE.exec(html)?.[1] ?? '', digest: createHash('sha256').update(html).digest('hex') });
  }
  return pages;
}

async function indexChunk(pages: readonly PageFile[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (const page of pages) {
    const added = await index.addHTMLFile({ url: page.url, content: readFileSync(page.path, 'utf8') });
    if (added.errors.length) throw new Error(`Pagefind could not index ${page.url}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  // Ending the service frees its memory before the next part starts.
  await pagefind.close();
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
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const chunks = planSearchChunks(findSearchablePages(outDir), searchPartSize());
        const used = new Set<string>();
        let reused = 0;
        // Parts are written from the oldest, and the primary (newest) part last, because it
        // is written into /pagefind/ itself, around the older parts' folders.
        for (const chunk of chunks) {
          const key = createHash('sha256').update(chunk.pages.map((page) => `${page.url} ${page.digest}`).join('\n')).digest('hex').slice(0, 24);
          const cached = join(cacheRoot, key);
          used.add(key);
          if (existsSync(cached)) reused++;
          else {
            const partial = `${cached}.partial`;
            rmSync(partial, { recursive: true, force: true });
            await indexChunk(chunk.pages, partial);
            renameSync(partial, cached);
          }
          const target = join(outDir, chunk.bundlePath);
          mkdirSync(target, { recursive: true });
          cpSync(cached, target, { recursive: true });
        }
        pruneCache(cacheRoot, used, logger);
        const pages = chunks.reduce((sum, chunk) => sum + chunk.pages.length, 0);
        logger.info(
          `indexed ${pages} pages for search in ${chunks.length} part(s), ${reused} reused, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
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
