import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/dedup.ts', 'tests/fixtures/duplicates', ...args], { encoding: 'utf8' });

describe('npm run dedup', () => {
  it('prints the clusters as JSON in the agreed shape, skipping drafts and _ files', () => {
    const result = run('--json');
    expect(JSON.parse(result.stdout)).toEqual({
      clusters: [
        {
          canonical: '2015/suining-safety',
          duplicates: [
            { id: '2015/chuanshan-safety-repost', similarity: expect.any(Number) },
            { id: '2015/anju-safety-scraped', similarity: expect.any(Number) },
          ],
        },
        { canonical: '2020/dragon-boat-holiday', duplicates: [{ id: '2020/dragon-boat-holiday-repost', similarity: 1 }] },
      ],
    });
  });

  it('names an unreadable file on stderr, skips it and exits 1 without a stack trace', () => {
    const result = run('--json');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error: tests/fixtures/duplicates/announcements/2015/bad-date.md → date: "2015-02-30 10:00" is not a date: 2015-02 has no day 30');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints a review listing with similarity, reason and doubled bodies', () => {
    const result = run();
    expect(result.stdout).toContain('2015/suining-safety  canonical  (2015年05月20日 17:18, 遂宁市人民政府)');
    expect(result.stdout).toMatch(/2015\/chuanshan-safety-repost {2}similarity 0\.\d{3}/);
    expect(result.stdout).toContain('body holds its text twice');
    expect(result.stdout).toContain('Bodies holding their text twice (shown once at build; fix the file): 2015/anju-safety-scraped');
    // The 2019 and 2020 holiday notices share most of their text but are not merged.
    expect(result.stdout).not.toContain('2019/dragon-boat-holiday');
  });

  it('says so when the content folder does not exist', () => {
    const result = spawnSync(process.execPath, ['scripts/dedup.ts', 'tests/fixtures/no-such-folder', '--json'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error: tests/fixtures/no-such-folder: content folder does not exist');
    expect(result.stdout).toBe('');
  });
});
