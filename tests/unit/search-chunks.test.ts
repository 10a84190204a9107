import { describe, expect, it } from 'vitest';
import { cacheKeyOf } from '../../src/lib/cache-key.ts';
import { mergedBundlePaths, planSearchChunks } from '../../src/lib/search-chunks.ts';

const page = (n: number) => ({ url: `/announcements/x/${n}/`, date: `2015-01-${String(n).padStart(2, '0')}T09:00:00+08:00` });

describe('planSearchChunks', () => {
  it('cuts parts oldest first and makes the newest part the primary bundle', () => {
    const chunks = planSearchChunks([5, 1, 4, 2, 3].map(page), 2);
    expect(chunks.map((c) => [c.bundlePath, c.pages.map((p) => p.url.split('/')[3])])).toEqual([
      ['/pagefind/part-0/', ['1', '2']],
      ['/pagefind/part-1/', ['3', '4']],
      ['/pagefind/', ['5']],
    ]);
    expect(mergedBundlePaths(chunks)).toEqual(['/pagefind/part-0/', '/pagefind/part-1/']);
  });

  it('keeps one primary bundle for a small or empty site', () => {
    expect(planSearchChunks([page(1)], 2).map((c) => c.bundlePath)).toEqual(['/pagefind/']);
    expect(planSearchChunks([], 2)).toEqual([{ bundlePath: '/pagefind/', pages: [] }]);
  });

  it('leaves older parts unchanged when a newer announcement is added', () => {
    const before = planSearchChunks([1, 2, 3].map(page), 2);
    const after = planSearchChunks([1, 2, 3, 4].map(page), 2);
    expect(after[0]).toEqual(before[0]);
  });
});

describe('cacheKeyOf', () => {
  it('changes with any shown value and not otherwise', () => {
    const a = cacheKeyOf({ title: '通知', date: new Date('2015-05-20T09:18:00Z') });
    expect(cacheKeyOf({ title: '通知', date: new Date('2015-05-20T09:18:00Z') })).toBe(a);
    expect(cacheKeyOf({ title: '通知', date: new Date('2015-05-20T09:19:00Z') })).not.toBe(a);
    expect(cacheKeyOf({ title: '公告', date: new Date('2015-05-20T09:18:00Z') })).not.toBe(a);
  });
});
