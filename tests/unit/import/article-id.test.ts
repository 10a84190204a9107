import { describe, expect, it } from 'vitest';
import { announcementId, canonicalUrl, titleStem } from '../../../src/import/article-id.ts';

describe('announcementId', () => {
  it('derives the id from the original URL, ignoring tracking parameters', () => {
    const a = announcementId({ title: '甲', date: '2020-10-04', originalUrl: 'http://news.cjn.cn/sywh/202010/t3714581.htm?spm=zm1066-001' });
    const b = announcementId({ title: '乙', date: '2021-01-01', originalUrl: 'http://NEWS.cjn.cn/sywh/202010/t3714581.htm#top' });
    expect(a).toBe(b);
    expect(a).toMatch(/^t3714581-[0-9a-f]{8}$/);
  });

  it('derives it from normalised title, day and source otherwise', () => {
    const id = announcementId({ title: '今年遂宁将建成7个省级安全社区', date: '2015-05-20T17:18:00+08:00', source: '遂宁市府' });
    expect(id).toBe(announcementId({ title: '今年遂宁将建成 7 个省级安全社区', date: '2015-05-20T18:00:00+08:00', source: '遂宁市府' }));
    expect(id).not.toBe(announcementId({ title: '今年遂宁将建成7个省级安全社区', date: '2015-05-21', source: '遂宁市府' }));
    expect(id).toMatch(/^jnsnjjc7gsjaqsq-[0-9a-f]{8}$/);
  });

  it('builds readable ASCII stems', () => {
    expect(titleStem('关于2015年端午节放假安排的通知')).toBe('gy2015ndwjfjapdtz');
    expect(canonicalUrl('https://a.gov.cn/x?b=2&a=1&utm_source=x')).toBe('https://a.gov.cn/x?a=1&b=2');
  });
});
