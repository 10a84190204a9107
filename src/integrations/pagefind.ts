import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { searchPartSize, type SortValues } from '../search-index/index.ts';

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

/** Runs a worker thread to its end; resolves with its last message. */
function runWorker<T>(file: string, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    let result: T | undefined;
    const worker = new Worker(new URL(file, import.meta.url), { workerData });
    worker.on('message', (message: T) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve(result as T) : reject(new Error(`${file} stopped with code ${code}`))));
  });
}

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
 * one index (src/search-index/merge.ts).
 */
class SearchIndexing {
  readonly plan: Promise<SearchPlan>;
  private readonly queue: (() => Promise<void>)[] = [];
  private readonly lanes: Promise<void>[] = [];
  private failure: unknown;
  private readonly cacheRoot: string;

  constructor(cacheRoot: string) {
    this.cacheRoot = cacheRoot;
    this.plan = runWorker<SearchPlan>('./search-documents-worker.ts', { cacheRoot, partSize: searchPartSize() }).then((plan) => {
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
    await runWorker('../search-index/part-worker.ts', { inputPath: input, outputPath: partial });
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
    const { parts, sortValues } = await this.plan;
    // Each Pagefind process holds ~0.75 MB per page of its part: two at most.
    if (availableParallelism() > 1) this.addLane();
    await Promise.all(this.lanes);
    if (this.failure !== undefined) throw this.failure;
    const partFolders = parts.map((part) => join(this.cacheRoot, part.key));
    if (parts.length === 1) return { folder: partFolders[0]!, parts, mergeReused: true };
    const key = `merged-${createHash('sha256').update(`${MERGE_FORMAT}\n${parts.map((part) => part.key).join('\n')}`).digest('hex').slice(0, 24)}`;
    const folder = join(this.cacheRoot, key);
    if (existsSync(folder)) return { folder, parts, mergeReused: true };
    const partial = `${folder}.partial`;
    rmSync(partial, { recursive: true, force: true });
    await runWorker('../search-index/merge-worker.ts', { partFolders, outputPath: partial, sortValues });
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
