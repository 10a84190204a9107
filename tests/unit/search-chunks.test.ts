import { describe, expect, it } from 'vitest';
import { cacheKeyOf } from '../../src/lib/cache-key.ts';
import { planSearchChunks } from '../../src/lib/search-chunks.ts';

const page = (n: number) => ({ url: `/announcements/${2015 + (n % 4)}/notice-${n}/` });
const pages = (count: number) => Array.from({ length: count }, (_, n) => page(n));
const urlsOf = (chunks: ReturnType<typeof planSearchChunks>) => chunks.map((chunk) => chunk.map((p) => p.url));

describe('planSearchChunks', () => {
  it('deals every page into exactly one part, the fewest (a power of two) that keep parts near the size', () => {
    const chunks = planSearchChunks(pages(100), 20);
    expect(chunks).toHaveLength(8);
    expect(urlsOf(chunks).flat().sort()).toEqual(pages(100).map((p) => p.url).sort());
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(2 * 20);
  });

  it('gives the same parts whatever the order, and changes one part when a page is added', () => {
    const before = planSearchChunks(pages(100), 20);
    expect(planSearchChunks([...pages(100)].reverse(), 20)).toEqual(before);
    const after = planSearchChunks([...pages(100), page(100)], 20);
    const changed = after.filter((chunk, index) => JSON.stringify(chunk) !== JSON.stringify(before[index]));
    expect(changed).toHaveLength(1);
    expect(changed[0]!.map((p) => p.url)).toContain(page(100).url);
  });

  it('keeps one part for a small or an empty site', () => {
    expect(planSearchChunks([page(1)], 2)).toEqual([[page(1)]]);
    expect(planSearchChunks([], 2)).toEqual([[]]);
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
