import { describe, expect, it } from 'vitest';
import { cacheKeyOf } from '../../../src/lib/cache-key.ts';
import { planSearchParts } from '../../../src/search-index/parts.ts';

const page = (n: number) => ({ url: `/announcements/${2015 + (n % 4)}/notice-${n}/` });
const pages = (count: number) => Array.from({ length: count }, (_, n) => page(n));
const urlsOf = (parts: ReturnType<typeof planSearchParts>) => parts.map((part) => part.map((p) => p.url));

describe('planSearchParts', () => {
  it('deals every page into exactly one part, the fewest (a power of two) that keep parts near the size', () => {
    const parts = planSearchParts(pages(100), 20);
    expect(parts).toHaveLength(8);
    expect(urlsOf(parts).flat().sort()).toEqual(pages(100).map((p) => p.url).sort());
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(2 * 20);
  });

  it('gives the same parts whatever the order, and changes one part when a page is added', () => {
    const before = planSearchParts(pages(100), 20);
    expect(planSearchParts([...pages(100)].reverse(), 20)).toEqual(before);
    const after = planSearchParts([...pages(100), page(100)], 20);
    const changed = after.filter((part, index) => JSON.stringify(part) !== JSON.stringify(before[index]));
    expect(changed).toHaveLength(1);
    expect(changed[0]!.map((p) => p.url)).toContain(page(100).url);
  });

  it('keeps one part for a small or an empty site', () => {
    expect(planSearchParts([page(1)], 2)).toEqual([[page(1)]]);
    expect(planSearchParts([], 2)).toEqual([[]]);
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
