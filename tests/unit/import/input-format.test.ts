import { describe, expect, it } from 'vitest';
import { detectFormat, parseExport, withoutBareNumbers } from '../../../src/import/input-format.ts';

describe('detectFormat', () => {
  it('tells HTML, fragments, text dumps and exports apart by content', () => {
    expect(detectFormat('<!DOCTYPE html><html></html>')).toBe('html');
    expect(detectFormat('<div class="wrap"><table></table></div>')).toBe('html');
    expect(detectFormat('2020-07-14\n\n今年遂宁将建成7个省级安全社区')).toBe('text');
    expect(detectFormat('{"text":"正文"}\n{"text":"正文二"}\n')).toBe('export');
    expect(detectFormat('{"name": "no page"}')).toBe('export');
  });
});

describe('parseExport', () => {
  it('reads page fields from records and their info objects', () => {
    const records = parseExport('{"text":"正文","info":{"url":"https://a.gov.cn/1.html","title":"网站"},"crawl_time":"2022-05-20 03:11"}');
    expect(records).toEqual([{ text: '正文', url: 'https://a.gov.cn/1.html', title: '网站', retrieved: '2022-05-20 03:11' }]);
  });

  it('skips records without page text', () => {
    expect(parseExport('{"name":"x"}\n{"html":"<p>a</p>"}')).toEqual([{ html: '<p>a</p>' }]);
  });
});

describe('exports written by Python (bare NaN)', () => {
  it('reads NaN and Infinity outside strings as null, and leaves them inside strings', () => {
    expect(withoutBareNumbers('{"views": NaN, "t": "NaN \\" x", "r": [-Infinity, Infinity]}')).toBe('{"views": null, "t": "NaN \\" x", "r": [null, null]}');
  });

  it('detects and parses such a file as an export', () => {
    const text = '[{"title": "某县通知", "content": "正文。", "read_count": NaN, "publish_time": "2019-06-15"}]';
    expect(detectFormat(text)).toBe('export');
    expect(parseExport(text)).toEqual([{ text: '正文。', title: '某县通知', date: '2019-06-15' }]);
  });
});

describe('the outlet and the site a crawler recorded', () => {
  it('keeps source/author as the outlet and spider_from as the site', () => {
    const [record] = parseExport('{"content":"正文","author":"经济日报","spider_from":"国家能源局"}');
    expect(record).toMatchObject({ source: '经济日报', site: '国家能源局' });
    expect(parseExport('{"content":"正文","source":"新华社","author":"王某"}')[0]?.source).toBe('新华社');
  });
});

describe('export shapes', () => {
  it('reads keys whatever their case or separators', () => {
    expect(parseExport('{"Content":"正文","publishTime":"2019-06-15 08:18","Title":"某通知"}')).toEqual([{ text: '正文', date: '2019-06-15 08:18', title: '某通知' }]);
  });

  it('finds the records inside the lists a site API wraps them in', () => {
    const text = '{"code": 0, "data": {"total": 2, "list": [{"title": "甲", "content": "正文一"}, {"title": "乙", "content": "正文二"}]}}';
    expect(parseExport(text).map((record) => record.title)).toEqual(['甲', '乙']);
  });
});
