import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, filesUnder, PROJECT_ROOT, succeeded, TMP_ROOT, type BuildResult } from '../support/build-site.ts';

const content = join(TMP_ROOT, 'rebuild-content');
// Parts of about six announcements: the sample site's 22 are indexed in four parts, so a
// rebuild can reuse some parts and must re-index others.
const env = { GAZETTE_SEARCH_PART_SIZE: '6' };
const NEW_TITLE = '关于做好2016年秋季学期学生资助工作的补充通知';

// The three builds share one folder, as a maintainer's builds do: what a test needs of the
// earlier ones is read before the next build replaces it.
let first: BuildResult;
let changed: BuildResult;
let deleted: BuildResult;
let fresh: BuildResult;
let hadDeletedPage: boolean;
const searchEntry: { first?: string; changed?: string } = {};
/** The search cache's part folders after each build, before the next one changes them. */
let partsAfterFirst: Map<string, PartFolder>;
let partsAfterChange: Map<string, PartFolder>;
let partsAfterDeletion: Map<string, PartFolder>;

const read = (build: BuildResult, path: string) => readFileSync(join(build.dist, path), 'utf8');

/** A part folder as the file system sees it: a folder written again gets a new inode and time. */
interface PartFolder {
  inode: number;
  modified: number;
  files: string[];
}

/** The search index's part folders (named by the digest of their documents) in a build's cache. */
function partFolders(build: BuildResult): Map<string, PartFolder> {
  const root = join(build.cache, 'gazette-search');
  const parts = readdirSync(root).filter((name) => /^[0-9a-f]{24}$/.test(name));
  return new Map(
    parts.map((name) => {
      const entry = statSync(join(root, name, 'pagefind-entry.json'));
      return [name, { inode: entry.ino, modified: entry.mtimeMs, files: filesUnder(join(root, name)) }];
    }),
  );
}

/** The log's search line: how many parts there were and how many came from the cache. */
function indexed(build: BuildResult): { parts: number; reused: number } {
  const line = /indexed \d+ pages for search in (\d+) part\(s\), (\d+) reused/.exec(build.stdout);
  if (!line) throw new Error(`no search index line in the build log:\n${build.stdout}`);
  return { parts: Number(line[1]), reused: Number(line[2]) };
}

beforeAll(() => {
  rmSync(content, { recursive: true, force: true });
  cpSync(join(PROJECT_ROOT, 'content'), content, { recursive: true });
  first = succeeded(buildSite(content, 'rebuild', { env }));
  partsAfterFirst = partFolders(first);
  searchEntry.first = read(first, 'pagefind/pagefind-entry.json');

  const file = join(content, 'announcements/2016/student-aid.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('关于做好2016年秋季学期学生资助工作的通知', NEW_TITLE));
  changed = succeeded(buildSite(content, 'rebuild', { keepCache: true, env }));
  partsAfterChange = partFolders(changed);
  searchEntry.changed = read(changed, 'pagefind/pagefind-entry.json');
  hadDeletedPage = existsSync(join(changed.dist, 'announcements/2015/gaokao-environment/index.html'));

  rmSync(join(content, 'announcements/2015/gaokao-environment.md'));
  deleted = succeeded(buildSite(content, 'rebuild', { keepCache: true, env }));
  partsAfterDeletion = partFolders(deleted);

  fresh = succeeded(buildSite(content, 'rebuild-fresh', { env }));
});

describe('a rebuild after one change, then one deletion, on the previous build\'s cache', () => {
  it('shows the change everywhere the announcement appears', () => {
    // Pages keep figures (2016年) on one line in spans: compare their text.
    const text = (path: string) => read(deleted, path).replace(/<[^>]+>/g, '');
    expect(read(deleted, 'announcements/2016/student-aid/index.html')).toContain('<h1>关于做好<span class="app-nowrap">2016年</span>秋季学期学生资助工作的补充通知</h1>');
    expect(text('index.html')).toContain(NEW_TITLE);
    expect(text('sources/jiaoyu/index.html')).toContain(NEW_TITLE);
    expect(text('archive/2016/08/index.html')).toContain(NEW_TITLE);
    expect(read(deleted, 'rss.xml')).toContain(NEW_TITLE);
    // Its neighbours link to it by title.
    expect(text('announcements/2016/economy-first-half/index.html')).toContain(NEW_TITLE);
  });

  it('removes the deleted announcement\'s page and everything else the build no longer produces', () => {
    expect(hadDeletedPage).toBe(true);
    expect(existsSync(join(deleted.dist, 'announcements/2015/gaokao-environment/index.html'))).toBe(false);
    expect(filesUnder(deleted.dist)).toEqual(filesUnder(fresh.dist));
  });

  it('gives the same pages as a fresh build of the changed content', () => {
    for (const page of ['index.html', 'announcements/2016/student-aid/index.html', 'announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/index.html', 'sources/jiaoyu/index.html', 'rss.xml', 'sources/jiaoyu/rss.xml']) {
      expect(read(deleted, page), page).toBe(read(fresh, page));
    }
  });

  it('re-indexes only the search part that holds the change, reusing the others as they were', () => {
    expect(indexed(first)).toEqual({ parts: 4, reused: 0 });
    expect(partsAfterFirst.size).toBe(4);
    expect(indexed(changed)).toEqual({ parts: 4, reused: 3 });
    expectOnePartReplaced(partsAfterFirst, partsAfterChange);
    // The site serves a new index, merged from the new part and the reused ones.
    expect(searchEntry.changed).not.toBe(searchEntry.first);
  });

  it('re-indexes only the search part that held a deleted announcement', () => {
    expect(indexed(deleted)).toEqual({ parts: 4, reused: 3 });
    expectOnePartReplaced(partsAfterChange, partsAfterDeletion);
  });

  it('serves the search index a fresh build of the same content serves', () => {
    expect(indexed(fresh)).toEqual({ parts: 4, reused: 0 });
    expect(new Set(partFolders(fresh).keys())).toEqual(new Set(partsAfterDeletion.keys()));
    expect(read(deleted, 'pagefind/pagefind-entry.json')).toBe(read(fresh, 'pagefind/pagefind-entry.json'));
  });
});

/** One part folder is gone and one is new; every other part folder is the very one written before. */
function expectOnePartReplaced(before: Map<string, PartFolder>, after: Map<string, PartFolder>): void {
  expect(after.size).toBe(before.size);
  const kept = [...before.keys()].filter((name) => after.has(name));
  expect(kept).toHaveLength(before.size - 1);
  for (const name of kept) expect(after.get(name), `part ${name} was written again`).toEqual(before.get(name));
}
