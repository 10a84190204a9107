import { describe, expect, it } from 'vitest';
import { detectFormat, parseExport } from '../../../src/import/input-format.ts';

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
