/**
 * Walking folders and putting files in place, the same way everywhere: the content files,
 * the importer's inputs, the stale output, the search index's cached parts. Depends on
 * nothing else in src/.
 */
import { copyFileSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A file or folder met by {@link walkTree}. */
export interface TreeEntry {
  /** `dir` joined with the entry's path under it. */
  path: string;
  name: string;
  isDirectory: boolean;
  /** A regular file (not a symbolic link, socket, …). */
  isFile: boolean;
}

export interface WalkOptions {
  /** Whether to go into a folder (it is yielded either way); default every folder. */
  descend?: (entry: TreeEntry) => boolean;
  /**
   * The order of the entries of each folder, by name (default: code-unit order). A folder's
   * contents come right after it, so this orders the whole walk.
   */
  order?: (a: string, b: string) => number;
  /** What to do with a folder that cannot be read: throw (the default), or skip it. */
  unreadable?: 'throw' | 'skip';
}

/**
 * Every entry under `dir`, depth first: each folder, then what it holds. Lazy, so a caller
 * that stops early (or meets an error) has what came before.
 *
 * @example [...walkTree('content/announcements')].filter((entry) => entry.isFile).map((entry) => entry.path)
 */
export function* walkTree(dir: string, options: WalkOptions = {}): Generator<TreeEntry> {
  const order = options.order ?? compareCodeUnits;
  let dirents;
  try {
    dirents = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (options.unreadable === 'skip') return;
    throw error;
  }
  dirents.sort((a, b) => order(a.name, b.name));
  for (const dirent of dirents) {
    const entry: TreeEntry = { path: join(dir, dirent.name), name: dirent.name, isDirectory: dirent.isDirectory(), isFile: dirent.isFile() };
    yield entry;
    if (entry.isDirectory && (options.descend?.(entry) ?? true)) yield* walkTree(entry.path, options);
  }
}

/**
 * The files under `dir` (paths joined to it), in the walk's order: every entry that is not a
 * folder, as `keep` decides (`entry.isFile` leaves out symbolic links and the like).
 *
 * @example listFiles('scraped', { keep: (file) => file.isFile && file.name.endsWith('.html') })
 */
export function listFiles(dir: string, options: WalkOptions & { keep?: (file: TreeEntry) => boolean } = {}): string[] {
  const files: string[] = [];
  for (const entry of walkTree(dir, options)) if (!entry.isDirectory && (options.keep?.(entry) ?? true)) files.push(entry.path);
  return files;
}

/**
 * Puts `from` at `to` as a hard link: no bytes copied, and the two share the file, which is
 * right for files written once and never changed (a search index's parts). Copies instead
 * where linking is impossible (another disk, `to` exists). Throws when `from` is missing.
 */
export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw error;
    copyFileSync(from, to);
  }
}

/** Mirrors the folder `from` at `to` with {@link linkOrCopy}, creating the folders. */
export function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of walkTree(from)) {
    const target = join(to, relative(from, entry.path));
    if (entry.isDirectory) mkdirSync(target, { recursive: true });
    else linkOrCopy(entry.path, target);
  }
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
