import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { searchPartSize, writeRuntime, type BundleFormat } from '../search-index/index.ts';
import type { MergeTask } from '../search-index/merge-worker.ts';
import { linkTree } from '../util/files.ts';
import { runInWorker, WorkerPool } from '../util/worker-pool.ts';
import { waitForSiteData } from '../lib/search-handoff.ts';
import { planSearchIndex, type SearchPlan } from './search-plan.ts';
import type { IndexedPart, SearchPartTask } from './search-part-worker.ts';

/** Part of the merged index's cache key: raise it when src/search-index/merge.ts changes what it writes. */
const MERGE_FORMAT = 1;

/** One part of the index as built: its folder in the cache, and whether an earlier build had indexed it. */
interface BuiltPart extends IndexedPart {
  pageCount: number;
}

/** The finished index: its folder in the cache, Pagefind's runtime files to serve beside it, and what went into it. */
interface BuiltIndex {
  folder: string;
  runtimeFolder: string;
  parts: BuiltPart[];
  /** Whether an earlier build merged these parts already. */
  mergeReused: boolean;
}

/**
 * Builds the search index beside page rendering: the parts are planned as soon as the pages
 * have the site's data (search-plan.ts), and written (or found in the cache) one at a time on
 * a worker thread while Astro renders pages; then merged into one index
 * (src/search-index/merge.ts) on a thread of its own. Each thread ends with its work, freeing
 * its memory. Pagefind itself only gives its runtime files, once per build.
 */
class SearchIndexing {
  private readonly siteData = waitForSiteData();
  private plan: SearchPlan | undefined;
  private readonly built: Promise<BuiltPart[]>;
  private readonly cacheRoot: string;
  private readonly runtimeFolder: string;
  private readonly format: Promise<BundleFormat>;
  private readonly partWorkers = new WorkerPool<SearchPartTask, IndexedPart>({
    file: new URL('./search-part-worker.ts', import.meta.url),
    threads: 1,
    endIdleThreads: true,
  });

  constructor(cacheRoot: string) {
    this.cacheRoot = cacheRoot;
    this.runtimeFolder = join(cacheRoot, 'runtime');
    mkdirSync(cacheRoot, { recursive: true });
    this.format = writeRuntime(this.runtimeFolder);
    this.built = this.siteData.arrived.then(async (site) => {
      const plan = (this.plan = planSearchIndex(site, searchPartSize()));
      const format = await this.format;
      const built: BuiltPart[] = [];
      // One part at a time: the other core renders pages.
      for (const [index, pages] of plan.parts.entries()) {
        const part = await this.partWorkers.run(`search index part ${index + 1} of ${plan.parts.length} (${pages.length} pages)`, { pages, cacheRoot, format });
        built.push({ ...part, pageCount: pages.length });
      }
      return built;
    });
    // Reported by finish(); an unobserved rejection would end the build before that.
    this.format.catch(() => {});
    this.built.catch(() => {});
  }

  /** Called once the pages are rendered: waits for the last part and merges them. */
  async finish(): Promise<BuiltIndex> {
    try {
      return await this.indexAndMerge();
    } finally {
      this.siteData.stopWaiting();
      await this.partWorkers.close();
    }
  }

  private async indexAndMerge(): Promise<BuiltIndex> {
    // The pages are rendered: had they loaded the site's data, it would have been handed over.
    if (!this.plan) throw new Error("search index: the pages never loaded the site's data (src/data/announcements.ts), so there was nothing to index");
    const parts = await this.built;
    const { sortValues } = this.plan;
    const runtimeFolder = this.runtimeFolder;
    await this.partWorkers.close();
    const partFolders = parts.map((part) => join(this.cacheRoot, part.key));
    if (parts.length === 1) return { folder: partFolders[0]!, runtimeFolder, parts, mergeReused: true };
    const key = `merged-${createHash('sha256').update(`${MERGE_FORMAT}\n${parts.map((part) => part.key).join('\n')}`).digest('hex').slice(0, 24)}`;
    const folder = join(this.cacheRoot, key);
    if (existsSync(folder)) return { folder, runtimeFolder, parts, mergeReused: true };
    const partial = `${folder}.partial`;
    rmSync(partial, { recursive: true, force: true });
    const task: MergeTask = { partFolders, outputPath: partial, sortValues };
    await runInWorker(new URL('../search-index/merge-worker.ts', import.meta.url), `search index: merging ${parts.length} parts`, task);
    renameSync(partial, folder);
    return { folder, runtimeFolder, parts, mergeReused: false };
  }
}

/**
 * Builds the Chinese search index into `dist/pagefind/` from lean documents of the listed
 * announcements (src/lib/search-documents.ts) rather than from the built pages, so most of the
 * indexing happens while Astro renders pages. It is indexed in parts (src/search-index/parts.ts),
 * each cached under Astro's cache folder by the digest of its documents, so a rebuild re-indexes
 * only the parts whose announcements changed; the parts are then merged into one index.
 */
export function pagefindIntegration(): AstroIntegration {
  let cacheRoot = '';
  let indexing: SearchIndexing | undefined;
  let started = 0;
  return {
    name: 'gazette-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheRoot = join(fileURLToPath(config.cacheDir), 'gazette-search');
      },
      'astro:build:start': () => {
        started = performance.now();
        indexing = new SearchIndexing(cacheRoot);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const waitStarted = performance.now();
        const { folder, runtimeFolder, parts, mergeReused } = await indexing!.finish();
        const outDir = fileURLToPath(dir);
        // dist/ is kept between builds (see stale-output.ts): replace the previous index whole.
        rmSync(join(outDir, 'pagefind'), { recursive: true, force: true });
        // Hard links: a few thousand files in milliseconds, where copying 40 MB took seconds.
        linkTree(runtimeFolder, join(outDir, 'pagefind'));
        linkTree(folder, join(outDir, 'pagefind'));
        pruneCache(cacheRoot, new Set([...parts.map((part) => part.key), basename(folder), basename(runtimeFolder)]), logger);
        const pages = parts.reduce((sum, part) => sum + part.pageCount, 0);
        const reused = parts.filter((part) => part.cached).length;
        const merged = parts.length === 1 ? '' : mergeReused ? ', merge reused' : ', merged into one index';
        const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
        logger.info(
          `indexed ${pages} pages for search in ${parts.length} part(s), ${reused} reused${merged}, in ${seconds(started)} s beside page rendering; the build waited ${seconds(waitStarted)} s for it`,
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
