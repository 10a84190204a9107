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
    expect(paginate([], 10)).toEqual([{ number: 1, total: 1, count: 0, items: [] }]);
  });

  it('groups in first-seen order', () => {
    expect([...groupBy(['a1', 'b1', 'a2'], (s) => s[0])]).toEqual([['a', ['a1', 'a2']], ['b', ['b1']]]);
  });
});

describe('pagination links', () => {
  it('links first, previous, a window of pages, next and last, marking the current page', () => {
    const links = paginationLinks(5, 10, paths.home);
    expect(links.map((l) => l.text)).toEqual(['首页', '上一页', '3', '4', '5', '6', '7', '下一页', '尾页']);
    expect(links.find((l) => l.current)?.href).toBe('/page/5/');
    expect(links[0]!.href).toBe('/');
    expect(links.at(-1)!.href).toBe('/page/10/');
  });

  it('keeps 首页 and 上一页 in place without a link on the first page, and 下一页 and 尾页 on the last', () => {
    expect(paginationLinks(1, 10, paths.home).map((l) => [l.text, l.href])).toEqual([
      ['首页', undefined], ['上一页', undefined], ['1', '/'], ['2', '/page/2/'], ['3', '/page/3/'], ['4', '/page/4/'], ['5', '/page/5/'], ['下一页', '/page/2/'], ['尾页', '/page/10/'],
    ]);
    expect(paginationLinks(10, 10, paths.home).map((l) => l.text).slice(2, 7)).toEqual(['6', '7', '8', '9', '10']);
    expect(paginationLinks(2, 2, paths.home).filter((l) => !l.href).map((l) => l.text)).toEqual(['下一页', '尾页']);
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
