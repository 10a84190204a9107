import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleFiles } from '../../src/integrations/stale-output.ts';
import { listFiles, walkTree } from '../../src/util/files.ts';

let dist: string;
const write = (path: string) => {
  mkdirSync(dirname(join(dist, path)), { recursive: true });
  writeFileSync(join(dist, path), path);
};

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'gazette-stale-'));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('removeStaleFiles', () => {
  it('deletes the files it is not told to keep, then the folders left empty, and spares .git', () => {
    for (const path of ['index.html', 'announcements/2015/a/index.html', 'announcements/2015/gone/index.html', 'announcements/2016/gone/index.html', 'old/asset.css', '.git/HEAD', 'site/.git', 'site/gone.html']) write(path);
    mkdirSync(join(dist, 'empty/deeper'), { recursive: true });
    const kept = new Set(['index.html', 'announcements/2015/a/index.html'].map((path) => join(dist, path)));
    const seen: string[] = [];
    // The trailing slash is how Astro's dist URL becomes a path.
    const removed = removeStaleFiles(`${dist}/`, (path, changedAt) => {
      seen.push(relative(dist, path));
      expect(changedAt).toBeGreaterThan(0);
      return kept.has(path);
    });
    expect(removed).toBe(4);
    expect(seen).not.toContain('.git/HEAD');
    expect(seen).not.toContain('site/.git');
    const left = [...walkTree(dist)].map((entry) => relative(dist, entry.path));
    expect(left).toEqual(['.git', '.git/HEAD', 'announcements', 'announcements/2015', 'announcements/2015/a', 'announcements/2015/a/index.html', 'index.html', 'site', 'site/.git']);
    expect(existsSync(dist)).toBe(true);
  });

  it('empties a folder whose files are all stale, keeping the folder itself', () => {
    write('a/b.html');
    expect(removeStaleFiles(dist, () => false)).toBe(1);
    expect(listFiles(dist)).toEqual([]);
    expect([...walkTree(dist)]).toEqual([]);
  });
});
