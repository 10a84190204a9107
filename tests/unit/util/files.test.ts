import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentFolderError, listAnnouncementFiles } from '../../../src/lib/content-files.ts';
import { linkOrCopy, linkTree, listFiles, walkTree, type TreeEntry } from '../../../src/util/files.ts';

let root: string;
const write = (path: string, text = path) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
const under = (paths: string[]) => paths.map((path) => relative(root, path));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gazette-files-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('walkTree', () => {
  it('yields each folder, then what it holds, each folder in the order given', () => {
    for (const path of ['b.txt', 'a/z.txt', 'a-b.txt', 'a/c/d.txt', 'B.txt']) write(path);
    const walked = (order?: (a: string, b: string) => number) => [...walkTree(root, { order })].map((entry) => `${relative(root, entry.path)}${entry.isDirectory ? '/' : ''}`);
    // Code units by default: capitals first, and a folder's contents before the next name.
    expect(walked()).toEqual(['B.txt', 'a/', 'a/c/', 'a/c/d.txt', 'a/z.txt', 'a-b.txt', 'b.txt']);
    expect(walked((a, b) => a.localeCompare(b))).toEqual(['a/', 'a/c/', 'a/c/d.txt', 'a/z.txt', 'a-b.txt', 'b.txt', 'B.txt']);
  });

  it('yields a folder it does not go into, and reports or skips one it cannot read', () => {
    write('keep/x.txt');
    write('.git/HEAD');
    expect([...walkTree(root, { descend: (folder) => folder.name !== '.git' })].map((entry) => entry.name)).toEqual(['.git', 'keep', 'x.txt']);
    expect([...walkTree(join(root, 'missing'), { unreadable: 'skip' })]).toEqual([]);
    expect(() => [...walkTree(join(root, 'missing'))]).toThrow(/ENOENT/);
  });

  it('has what came before a folder it cannot read', () => {
    write('a/x.txt');
    write('b/y.txt');
    const seen: string[] = [];
    expect(() => {
      for (const entry of walkTree(join(root, 'a'))) {
        seen.push(entry.name);
        rmSync(join(root, 'b'), { recursive: true });
        [...walkTree(join(root, 'b'))];
      }
    }).toThrow(/ENOENT/);
    expect(seen).toEqual(['x.txt']);
  });
});

describe('listFiles', () => {
  it('lists what is not a folder, as keep decides', () => {
    write('2015/a.md');
    write('2015/_draft.md');
    write('notes.txt');
    symlinkSync(join(root, 'notes.txt'), join(root, 'link.md'));
    expect(under(listFiles(root))).toEqual(['2015/_draft.md', '2015/a.md', 'link.md', 'notes.txt']);
    expect(under(listFiles(root, { keep: (file) => file.isFile && file.name.endsWith('.md') }))).toEqual(['2015/_draft.md', '2015/a.md']);
  });

  it('lists announcement files for listAnnouncementFiles: no _ or . files or folders, sorted, and a missing folder named', () => {
    for (const path of ['2015/a.md', '2015/B.MD', '2015/_draft.md', '_templates/t.md', '.obsidian/x.md', '2016/notes.txt', '2016/z/c.md', '2016/z.md']) write(path);
    expect(listAnnouncementFiles(root)).toEqual(['2015/B.MD', '2015/a.md', '2016/z.md', '2016/z/c.md']);
    expect(() => listAnnouncementFiles(join(root, 'missing'))).toThrow(new ContentFolderError(join(root, 'missing'), 'does not exist'));
  });
});

describe('linkOrCopy and linkTree', () => {
  it('links where it can, copies over a file that exists, and throws for a missing source', () => {
    write('from/a.txt', 'A');
    write('to/a.txt', 'old');
    linkOrCopy(join(root, 'from/a.txt'), join(root, 'a-link.txt'));
    expect(statSync(join(root, 'a-link.txt')).ino).toBe(statSync(join(root, 'from/a.txt')).ino);
    linkOrCopy(join(root, 'from/a.txt'), join(root, 'to/a.txt'));
    expect(readFileSync(join(root, 'to/a.txt'), 'utf8')).toBe('A');
    expect(() => linkOrCopy(join(root, 'from/missing.txt'), join(root, 'to/missing.txt'))).toThrow(/ENOENT/);
  });

  it('mirrors a folder tree as links', () => {
    write('part/pagefind-entry.json', '{}');
    write('part/fragment/x.pf_fragment', 'x');
    linkTree(join(root, 'part'), join(root, 'dist/pagefind/'));
    expect(under(listFiles(join(root, 'dist')))).toEqual(['dist/pagefind/fragment/x.pf_fragment', 'dist/pagefind/pagefind-entry.json']);
    expect(statSync(join(root, 'dist/pagefind/fragment/x.pf_fragment')).ino).toBe(statSync(join(root, 'part/fragment/x.pf_fragment')).ino);
  });
});
