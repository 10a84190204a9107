/** Builds a fixture content folder into its own output folder, as `npm run build` would. */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { listFiles } from '../../src/util/files.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TMP_ROOT = fileURLToPath(new URL('../.tmp/', import.meta.url));

export interface BuildResult {
  dist: string;
  /** The build's cache folder (Astro's cacheDir): the search index's parts live in gazette-search/. */
  cache: string;
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the project's build script over `contentDir`, writing to tests/.tmp/<name>/dist.
 * Each name has its own cache folder so builds never share a content store; `keepCache`
 * builds again on the previous build's cache, as a maintainer's second build would.
 */
export function buildSite(contentDir: string, name: string, { keepCache = false, env = {} as NodeJS.ProcessEnv } = {}): BuildResult {
  const root = join(TMP_ROOT, name);
  const dist = join(root, 'dist');
  const cache = join(root, 'cache');
  if (!keepCache) rmSync(root, { recursive: true, force: true });
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env, GAZETTE_CONTENT: contentDir, GAZETTE_OUT_DIR: dist, GAZETTE_CACHE_DIR: cache },
  });
  // CI may force colour on; tests read the log as a maintainer's terminal shows it.
  return { dist, cache, status: result.status, stdout: stripVTControlCharacters(result.stdout), stderr: stripVTControlCharacters(result.stderr) };
}

/** Every file under `dir`, as sorted paths relative to it. */
export function filesUnder(dir: string): string[] {
  return listFiles(dir, { keep: (file) => file.isFile })
    .map((path) => relative(dir, path))
    .sort();
}

/** A build's output, or an error carrying its log when the build failed. */
export function succeeded(build: BuildResult): BuildResult {
  if (build.status !== 0) throw new Error(`build of ${build.dist} failed (status ${build.status}):\n${build.stdout}\n${build.stderr}`);
  return build;
}
