import { describe, expect, it } from 'vitest';
import { absolutiseHtml, channelExtras, toFeedText, toXmlSafeText } from '../../src/lib/feed.ts';

describe('feed helpers', () => {
  it('strips characters XML forbids and invisible controls', () => {
    expect(toXmlSafeText('a\u0000b\u0008c\u000Bd\u200Be\uFEFFf\uFFFEg')).toBe('abcdefg');
    expect(toXmlSafeText('换行\n制表\t保留 😀')).toBe('换行\n制表\t保留 😀');
  });

  it('drops tag-shaped text from plain feed fields', () => {
    expect(toFeedText('<script>x()</script>标题<img src=x onerror=y>')).toBe('x()标题');
  });

  it('makes links and images absolute against the page address', () => {
    const { html } = absolutiseHtml('<p><a href="/files/a.pdf">附件</a><img src="img/b.png" alt="图"></p>', 'https://example.gov.cn/announcements/2015/x/');
    expect(html).toBe('<p><a href="https://example.gov.cn/files/a.pdf">附件</a><img src="https://example.gov.cn/announcements/2015/x/img/b.png" alt="图"></p>');
  });

  it('dates the channel by its newest item, not the clock', () => {
    const items = [new Date('2015-05-20T09:18:00Z'), new Date('2016-01-01T00:00:00Z')].map((pubDate) => ({ pubDate, title: '', link: '', description: '', content: '', categories: [] }));
    expect(channelExtras(items, 'https://example.gov.cn/rss.xml', 'zh-CN')).toBe(
      '<language>zh-cn</language><lastBuildDate>Fri, 01 Jan 2016 00:00:00 GMT</lastBuildDate><atom:link href="https://example.gov.cn/rss.xml" rel="self" type="application/rss+xml"/>',
    );
  });
});
