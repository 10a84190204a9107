import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { searchPartSize, type SortValues } from '../search-index/index.ts';
import type { MergeTask } from '../search-index/merge-worker.ts';
import type { PartTask } from '../search-index/part-worker.ts';
import { linkTree } from '../util/files.ts';
import { runInWorker, WorkerPool } from '../util/worker-pool.ts';
import type { PlanTask } from './search-documents-worker.ts';

/** One part of the search index, as planned by search-documents-worker.ts. */
export interface PlannedPart {
  /** Digest of the part's documents: its folder in the cache. */
  key: string;
  pageCount: number;
  /** Whether an earlier build indexed these documents already. */
  cached: boolean;
}

/** Part of the merged index's cache key: raise it when src/search-index/merge.ts changes what it writes. */
const MERGE_FORMAT = 1;

/** What search-documents-worker.ts answers. */
export interface SearchPlan {
  parts: PlannedPart[];
  /** Every page's sort values by URL, for the merge. */
  sortValues: [string, SortValues][];
}

/** The finished index: its folder in the cache, and what went into it. */
interface BuiltIndex {
  folder: string;
  parts: PlannedPart[];
  /** Whether an earlier build merged these parts already. */
  mergeReused: boolean;
}

/**
 * Builds the search index beside page rendering: started when the build starts (the content
 * is loaded and rendered by then), with one part indexed at a time while Astro renders pages
 * on the other core, and a second lane once the pages are done; then merges the parts into
 * one index (src/search-index/merge.ts). The plan and the merge each run on a thread of their
 * own, which ends with them and frees their memory; the parts share a pool of two threads,
 * and each part's Pagefind process ends with the part.
 */
class SearchIndexing {
  readonly plan: Promise<SearchPlan>;
  private readonly queue: (() => Promise<void>)[] = [];
  private readonly lanes: Promise<void>[] = [];
  private failure: unknown;
  private readonly cacheRoot: string;
  /**
   * Threads start as lanes need them (one while pages render, two after) and a lane's thread
   * ends when its lane runs out of parts, as a thread per part did.
   */
  private readonly partWorkers = new WorkerPool<PartTask, void>({
    file: new URL('../search-index/part-worker.ts', import.meta.url),
    threads: Math.min(2, availableParallelism()),
    endIdleThreads: true,
  });

  constructor(cacheRoot: string) {
    this.cacheRoot = cacheRoot;
    const task: PlanTask = { cacheRoot, partSize: searchPartSize() };
    this.plan = runInWorker<PlanTask, SearchPlan>(new URL('./search-documents-worker.ts', import.meta.url), 'search index: planning the parts', task).then((plan) => {
      for (const part of plan.parts.filter((part) => !part.cached)) this.queue.push(() => this.index(part));
      this.addLane();
      return plan;
    });
    // Reported by finish(); an unobserved rejection would end the build before that.
    this.plan.catch((error: unknown) => (this.failure ??= error));
  }

  private async index(part: PlannedPart): Promise<void> {
    const cached = join(this.cacheRoot, part.key);
    const input = `${cached}.input.json`;
    const partial = `${cached}.partial`;
    rmSync(partial, { recursive: true, force: true });
    await this.partWorkers.run(`search index part ${part.key} (${part.pageCount} pages)`, { inputPath: input, outputPath: partial });
    renameSync(partial, cached);
    rmSync(input, { force: true });
  }

  private addLane(): void {
    const lane = async () => {
      while (this.queue.length > 0 && this.failure === undefined) await this.queue.shift()!();
    };
    this.lanes.push(lane().catch((error: unknown) => void (this.failure ??= error)));
  }

  /** Called once the pages are rendered: indexes on every core, waits for every part, merges them. */
  async finish(): Promise<BuiltIndex> {
    try {
      return await this.indexAndMerge();
    } finally {
      await this.partWorkers.close();
    }
  }

  private async indexAndMerge(): Promise<BuiltIndex> {
    const { parts, sortValues } = await this.plan;
    // Each Pagefind process holds ~0.75 MB per page of its part: two at most.
    if (availableParallelism() > 1) this.addLane();
    await Promise.all(this.lanes);
    if (this.failure !== undefined) throw this.failure;
    await this.partWorkers.close();
    const partFolders = parts.map((part) => join(this.cacheRoot, part.key));
    if (parts.length === 1) return { folder: partFolders[0]!, parts, mergeReused: true };
    const key = `merged-${createHash('sha256').update(`${MERGE_FORMAT}\n${parts.map((part) => part.key).join('\n')}`).digest('hex').slice(0, 24)}`;
    const folder = join(this.cacheRoot, key);
    if (existsSync(folder)) return { folder, parts, mergeReused: true };
    const partial = `${folder}.partial`;
    rmSync(partial, { recursive: true, force: true });
    const task: MergeTask = { partFolders, outputPath: partial, sortValues };
    await runInWorker(new URL('../search-index/merge-worker.ts', import.meta.url), `search index: merging ${parts.length} parts`, task);
    renameSync(partial, folder);
    return { folder, parts, mergeReused: false };
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
        const { folder, parts, mergeReused } = await indexing!.finish();
        const outDir = fileURLToPath(dir);
        // dist/ is kept between builds (see stale-output.ts): replace the previous index whole.
        rmSync(join(outDir, 'pagefind'), { recursive: true, force: true });
        // Hard links: a few thousand files in milliseconds, where copying 40 MB took seconds.
        linkTree(folder, join(outDir, 'pagefind'));
        pruneCache(cacheRoot, new Set([...parts.map((part) => part.key), basename(folder)]), logger);
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
