import { lstatSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { walkTree } from '../util/files.ts';

/**
 * Coarse file clocks can stamp a file written just after the build started slightly before
 * it; a stale file is always seconds older than that (Astro takes seconds to start).
 */
const CLOCK_SLACK_MS = 100;

/**
 * Removes from the output folder every file the current build did not produce.
 *
 * Gazette builds into the previous `dist/` rather than an emptied one (`emptyOutDir: false`
 * in astro.config.mjs): a page whose cacheKey is unchanged is then left in place, where an
 * emptied folder would make Astro copy all 12,000 pages of a 10,000-announcement site back
 * from its cache, and spend seconds deleting them first. What the build produced is every
 * route's output file (including the pages it left in place) and every file written since
 * it started (assets, feeds, the sitemap, the search index); anything else is stale: the
 * page of a deleted announcement, an old asset, a search part no longer used.
 *
 * Files other steps put in place without rewriting them (attachments whose copy is current) are
 * named by `alsoProduced`.
 *
 * Runs last, after the other integrations' `astro:build:done`.
 */
export function staleOutputIntegration({ alsoProduced = () => [] }: { alsoProduced?: () => Iterable<string> } = {}): AstroIntegration {
  let buildStarted = 0;
  return {
    name: 'gazette-stale-output',
    hooks: {
      'astro:build:start': () => {
        buildStarted = Date.now() - CLOCK_SLACK_MS;
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const produced = new Set([...[...assets.values()].flat().map((url) => fileURLToPath(url)), ...alsoProduced()]);
        const removed = removeStaleFiles(fileURLToPath(dir), (path, changedAt) => produced.has(path) || changedAt >= buildStarted);
        if (removed) logger.info(`removed ${removed} file(s) the build no longer produces`);
      },
    },
  };
}

/**
 * Deletes the files under `dir` that `keep` rejects, then the folders left empty.
 * `changedAt` is the file's ctime: a rewrite, a copy over it or a new hard link sets it.
 * @returns how many files were deleted
 */
export function removeStaleFiles(dir: string, keep: (path: string, changedAt: number) => boolean): number {
  let removed = 0;
  const folders: string[] = [];
  // Folders that hold something kept, so stay; the others are removed once emptied.
  const holding = new Set<string>();
  // `dir` as the walk's paths spell it (no trailing slash), where holding stops.
  const top = dirname(join(dir, 'entry'));
  const hold = (folder: string) => {
    for (; folder !== top && !holding.has(folder); folder = dirname(folder)) holding.add(folder);
  };
  // dist/ may be a git checkout for deployment; Astro's own emptying spares .git too.
  for (const entry of walkTree(dir, { descend: (folder) => folder.name !== '.git' })) {
    if (entry.name === '.git') hold(dirname(entry.path));
    else if (entry.isDirectory) folders.push(entry.path);
    else if (keep(entry.path, lstatSync(entry.path).ctimeMs)) hold(dirname(entry.path));
    else {
      rmSync(entry.path, { force: true });
      removed++;
    }
  }
  // Deepest first: a folder's subfolders come after it in the walk.
  for (const folder of folders.reverse()) if (!holding.has(folder)) rmdirSync(folder);
  return removed;
}
