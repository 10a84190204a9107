import { describe, expect, it } from 'vitest';
import { byDateDescending, groupBy, paginate } from '../../src/lib/listing.ts';
import { paginationLinks } from '../../src/lib/pagination-links.ts';
import { absoluteUrl, paths } from '../../src/lib/paths.ts';

const item = (id: string, iso: string) => ({ id, data: { date: new Date(iso) } });

describe('listing', () => {
  it('sorts newest first and breaks ties by id', () => {
    const items = [item('b', '2015-01-01'), item('c', '2016-01-01'), item('a', '2015-01-01')];
    expect(items.sort(byDateDescending).map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });

  it('paginates, keeping one empty page for an empty listing', () => {
    expect(paginate([1, 2, 3, 4, 5], 2).map((p) => [p.number, p.total, p.items])).toEqual([
      [1, 3, [1, 2]],
      [2, 3, [3, 4]],
      [3, 3, [5]],
    ]);
    expect(paginate([], 10)).toEqual([{ number: 1, total: 1, items: [] }]);
  });

  it('groups in first-seen order', () => {
    expect([...groupBy(['a1', 'b1', 'a2'], (s) => s[0])]).toEqual([['a', ['a1', 'a2']], ['b', ['b1']]]);
  });
});

describe('pagination links', () => {
  it('links previous, a window of pages and next, marking the current page', () => {
    const links = paginationLinks(5, 10, paths.home);
    expect(links.map((l) => l.text)).toEqual(['上一页', '1', '3', '4', '5', '6', '7', '10', '下一页']);
    expect(links.find((l) => l.current)?.href).toBe('/page/5/');
    expect(links[1]!.href).toBe('/');
  });

  it('has nothing to show for a single page', () => {
    expect(paginationLinks(1, 1, paths.home)).toEqual([]);
  });
});

describe('paths', () => {
  it('builds every URL pattern in one place', () => {
    expect(paths.announcement('2015/suining-safety')).toBe('/announcements/2015/suining-safety/');
    expect(paths.announcement('2015/公告 1')).toBe('/announcements/2015/%E5%85%AC%E5%91%8A%201/');
    expect(paths.source('suining', 2)).toBe('/sources/suining/page/2/');
    expect(paths.archiveMonth('2015', '05')).toBe('/archive/2015/05/');
    expect(absoluteUrl(paths.feed(), 'https://example.gov.cn/')).toBe('https://example.gov.cn/rss.xml');
  });
});
