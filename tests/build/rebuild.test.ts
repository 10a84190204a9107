import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, filesUnder, PROJECT_ROOT, TMP_ROOT, type BuildResult } from '../support/build-site.ts';

const content = join(TMP_ROOT, 'rebuild-content');
let first: BuildResult;
let second: BuildResult;
const read = (build: BuildResult, path: string) => readFileSync(join(build.dist, path), 'utf8');

beforeAll(() => {
  rmSync(content, { recursive: true, force: true });
  cpSync(join(PROJECT_ROOT, 'content'), content, { recursive: true });
  first = buildSite(content, 'rebuild');
  if (first.status !== 0) throw new Error(`build failed:\n${first.stderr}`);
  const file = join(content, 'announcements/2016/student-aid.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('关于做好2016年秋季学期学生资助工作的通知', '关于做好2016年秋季学期学生资助工作的补充通知'));
  rmSync(join(content, 'announcements/2015/gaokao-environment.md'));
  second = buildSite(content, 'rebuild', { keepCache: true });
  if (second.status !== 0) throw new Error(`rebuild failed:\n${second.stderr}`);
});

describe('a rebuild after one change and one deletion, on the previous build\'s cache', () => {
  const NEW_TITLE = '关于做好2016年秋季学期学生资助工作的补充通知';

  it('shows the change everywhere the announcement appears', () => {
    expect(read(second, 'announcements/2016/student-aid/index.html')).toContain(`<h1>${NEW_TITLE}</h1>`);
    expect(read(second, 'index.html')).toContain(NEW_TITLE);
    expect(read(second, 'sources/jiaoyu/index.html')).toContain(NEW_TITLE);
    expect(read(second, 'archive/2016/08/index.html')).toContain(NEW_TITLE);
    expect(read(second, 'rss.xml')).toContain(NEW_TITLE);
    // Its neighbours link to it by title.
    expect(read(second, 'announcements/2016/economy-first-half/index.html')).toContain(NEW_TITLE);
  });

  it('removes the deleted announcement\'s page and everything else the build no longer produces', () => {
    expect(existsSync(join(second.dist, 'announcements/2015/gaokao-environment/index.html'))).toBe(false);
    expect(filesUnder(second.dist)).toEqual(filesUnder(buildSite(content, 'rebuild-fresh').dist));
  });

  it('gives the same pages as a fresh build of the changed content', () => {
    const fresh = buildSite(content, 'rebuild-fresh');
    for (const page of ['index.html', 'announcements/2016/student-aid/index.html', 'announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/index.html', 'sources/jiaoyu/index.html', 'rss.xml', 'sources/jiaoyu/rss.xml']) {
      expect(read(second, page), page).toBe(read(fresh, page));
    }
  });

  it('re-indexes the search part that holds the change', () => {
    expect(second.stdout).toMatch(/indexed \d+ pages for search in 1 part\(s\), 0 reused/);
    expect(read(second, 'pagefind/pagefind-entry.json')).toBe(read(buildSite(content, 'rebuild-fresh-index'), 'pagefind/pagefind-entry.json'));
  });
});
