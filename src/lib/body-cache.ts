/**
 * Announcement bodies, rendered, kept on disk by content digest: one small JSON file each,
 * under the build cache. Astro's content store holds only front matter and the digest.
 *
 * Why not the content store: Astro inlines its whole store into the server bundle as one
 * string. With bodies in it, that string is ~120 MB at 10,000 announcements (about 15 s of
 * bundling on every build, rebuilds included) and passes V8's maximum string length
 * ("Invalid string length") before 100,000.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RenderedBody } from './markdown/render.ts';

/** What the pages, feeds and dedup need of one announcement's body: its Markdown (for dedup) and its rendering. */
export interface CachedBody extends RenderedBody {
  /** The Markdown, for dedup. */
  body: string;
}

/** Astro's cache folder: `$GAZETTE_CACHE_DIR`, else `node_modules/.astro` under `root`. */
export function resolveCacheDir(root = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  return resolve(root, env.GAZETTE_CACHE_DIR || 'node_modules/.astro');
}

/** The digest a body is cached under: its file's text and whatever else changes its rendering. */
export function bodyDigest(source: string, versionKey: string): string {
  return createHash('sha256').update(versionKey).update('\n').update(source).digest('hex').slice(0, 32);
}

export class BodyCache {
  readonly dir: string;

  constructor(cacheDir: string) {
    this.dir = join(cacheDir, 'gazette-bodies');
  }

  /** Sharded by the digest's first two characters, so no folder holds more than a few hundred files per 100,000. */
  private pathOf(digest: string): string {
    return join(this.dir, digest.slice(0, 2), `${digest}.json`);
  }

  has(digest: string): boolean {
    return existsSync(this.pathOf(digest));
  }

  /** @throws when the body was never rendered into this cache (the content sync did not run). */
  read(digest: string): CachedBody {
    const path = this.pathOf(digest);
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as CachedBody;
    } catch (error) {
      throw new Error(`the rendered body ${path} is missing or unreadable: run the build again to re-render it (${String(error)})`);
    }
  }

  /** Written beside and renamed into place, so a build stopped halfway leaves no half file. */
  write(digest: string, entry: CachedBody): void {
    const path = this.pathOf(digest);
    mkdirSync(join(path, '..'), { recursive: true });
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, JSON.stringify(entry));
    renameSync(partial, path);
  }

  /** Removes every cached body whose digest is not in `keep`. */
  prune(keep: ReadonlySet<string>): void {
    if (!existsSync(this.dir)) return;
    for (const shard of readdirSync(this.dir)) {
      for (const name of readdirSync(join(this.dir, shard))) {
        if (!keep.has(name.slice(0, -'.json'.length)) || !name.endsWith('.json')) rmSync(join(this.dir, shard, name), { force: true });
      }
    }
  }
}
