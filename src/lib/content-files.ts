/**
 * Reading announcement files from disk: finding them, splitting front matter from the
 * body and parsing the YAML. Used by the content loader, `npm run check` and the tools.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseDocument } from 'yaml';
import { listFiles, type TreeEntry } from '../util/files.ts';

/** An announcement file split into front matter and body, before validation. */
export interface FrontMatterFile {
  /** The parsed front matter, or undefined when the file has none. */
  data: Record<string, unknown> | undefined;
  /** The Markdown after the front matter. */
  body: string;
}

/** Why a file's front matter could not be read. */
export class FrontMatterError extends Error {}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/**
 * Splits and parses a file's front matter. YAML is read with the core schema, where
 * `2015-05-20 17:18` stays text: dates are interpreted by the schema in the site's zone,
 * not by the YAML parser in UTC.
 *
 * @throws FrontMatterError with the YAML parser's line and column
 */
export function parseFrontMatter(source: string): FrontMatterFile {
  const text = source.replace(/^\uFEFF/, '');
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    if (/^---[ \t]*\r?\n/.test(text)) throw new FrontMatterError('front matter is not closed (add a line with --- after the last key)');
    return { data: undefined, body: text };
  }
  const document = parseDocument(match[1]!, { schema: 'core', uniqueKeys: true, prettyErrors: true });
  const error = document.errors[0];
  if (error) {
    // Lines are counted in the file, where the front matter starts after the `---` line.
    const where = error.linePos?.[0] ? ` at line ${error.linePos[0].line + 1}` : '';
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new FrontMatterError(`front matter has invalid YAML${where}: ${reason}`);
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Errors the parser only finds while resolving values: unknown aliases, alias bombs.
    throw new FrontMatterError(`front matter has invalid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (data !== null && data !== undefined && (typeof data !== 'object' || Array.isArray(data))) {
    throw new FrontMatterError('front matter must be `key: value` lines, not a list or a single value');
  }
  return { data: (data ?? {}) as Record<string, unknown>, body: text.slice(match[0].length) };
}

/** The file that makes a folder one announcement with its attachments and images (a bundle). */
export const BUNDLE_FILE = 'index.md';

/**
 * The announcement's id: its path under `announcements/` without `.md`, e.g.
 * `2015/suining-safety`; a bundle's `index.md` takes its folder's name, so
 * `2016/safety-month-plan/index.md` is `2016/safety-month-plan` too, and moving a file into a
 * folder of its own (to give it attachments) keeps its id and its address. It stays the same
 * when the title changes, so URLs do too.
 */
export function toAnnouncementId(pathUnderAnnouncements: string): string {
  return pathUnderAnnouncements.split(sep).join('/').replace(/\.md$/i, '').replace(/\/index$/i, '');
}

/**
 * How messages name a file: from `root` (the project) when it is inside it, else its whole
 * path, so a GAZETTE_CONTENT folder elsewhere is not shown as `../../tmp/…`.
 *
 * @example displayPath('/srv/site/content/a.md', '/srv/site') // 'content/a.md'
 */
export function displayPath(path: string, root = process.cwd()): string {
  const shown = relative(root, path);
  return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : resolve(path);
}

/** A content folder that is missing or cannot be read: the build and the tools stop on it. */
export class ContentFolderError extends Error {
  /** The folder, as given. */
  readonly folder: string;
  /** What is wrong with it: `does not exist`, `cannot be read (EACCES)`… */
  readonly reason: string;

  constructor(folder: string, reason: string) {
    super(`${folder} ${reason}`);
    this.folder = folder;
    this.reason = reason;
  }
}

/**
 * Every announcement file under `dir`, as paths relative to it, in a stable order. A folder
 * holding an `index.md` is one announcement (a bundle): its other files and folders are that
 * announcement's attachments and images, never announcements of their own.
 *
 * @throws ContentFolderError naming the folder that does not exist or cannot be read
 */
export function listAnnouncementFiles(dir: string): string[] {
  const shown = (entry: TreeEntry) => !entry.name.startsWith('_') && !entry.name.startsWith('.');
  // A folder holding index.md (below the top) is a bundle: its other files and folders are its own.
  const bundles = new Map<string, boolean>();
  const isBundle = (folder: string) => {
    let bundle = bundles.get(folder);
    if (bundle === undefined) bundles.set(folder, (bundle = folder !== dir && existsSync(join(folder, BUNDLE_FILE))));
    return bundle;
  };
  try {
    return listFiles(dir, {
      descend: (folder) => shown(folder) && !isBundle(dirname(folder.path)),
      keep: (file) => shown(file) && file.name.toLowerCase().endsWith('.md') && (file.name === BUNDLE_FILE || !isBundle(dirname(file.path))),
    })
      .map((path) => relative(dir, path))
      .sort();
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    const reason = code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is a file, not a folder' : `cannot be read (${code ?? String(error)})`;
    throw new ContentFolderError(path ?? dir, reason);
  }
}
