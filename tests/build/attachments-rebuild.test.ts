/**
 * Attachments and images across rebuilds on the previous build's cache and output: a copy in
 * place is kept, a changed file is copied again, a removed one leaves dist/, and processed images
 * come from the cache.
 */
import { cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, PROJECT_ROOT, succeeded, TMP_ROOT, type BuildResult } from '../support/build-site.ts';

const content = join(TMP_ROOT, 'attachments-rebuild-content');
const bundle = join(content, 'announcements/2016/plan');
const served = (build: BuildResult, file: string) => join(build.dist, 'announcements/2016/plan', file);
let first: BuildResult;
let second: BuildResult;
let pdfInode: number;
let pdfAfterFirst: Buffer;

beforeAll(() => {
  rmSync(content, { recursive: true, force: true });
  cpSync(join(PROJECT_ROOT, 'tests/fixtures/documents'), content, { recursive: true });
  first = succeeded(buildSite(content, 'attachments-rebuild'));
  pdfInode = statSync(served(first, '方案.pdf')).ino;
  pdfAfterFirst = readFileSync(served(first, '方案.pdf'));
  // The spreadsheet is withdrawn from the announcement; the PDF is left as it was; a new file is added.
  const index = join(bundle, 'index.md');
  writeFileSync(index, readFileSync(index, 'utf8').replace('  - file: 附表.xlsx\n', '  - file: 说明.txt\n    title: 填表说明\n'));
  rmSync(join(bundle, '附表.xlsx'));
  writeFileSync(join(bundle, '说明.txt'), '请按要求填写。\n');
  second = succeeded(buildSite(content, 'attachments-rebuild', { keepCache: true }));
});

describe('attachments on a rebuild', () => {
  it('keep a copy already in place, without copying it again', () => {
    expect(statSync(served(second, '方案.pdf')).ino).toBe(pdfInode);
    expect(readFileSync(served(second, '方案.pdf')).equals(pdfAfterFirst)).toBe(true);
    expect(second.stdout).toMatch(/2 attachment\(s\) served beside their pages, 1 copied/);
  });

  it('remove a file the announcement no longer has, and serve a new one', () => {
    expect(existsSync(served(first, '附表.xlsx'))).toBe(false);
    expect(readFileSync(served(second, '说明.txt'), 'utf8')).toBe('请按要求填写。\n');
    expect(readFileSync(join(second.dist, 'announcements/2016/plan/index.html'), 'utf8')).toContain('填表说明');
  });

  it('take processed images from the cache', () => {
    expect(first.stdout).toMatch(/photo\.[^ ]+\.avif \(before:/);
    expect(second.stdout).toMatch(/photo\.[^ ]+\.avif \(reused cache entry\)/);
    expect(second.stdout).not.toMatch(/photo\.[^ ]+ \(before:/);
  });
});
