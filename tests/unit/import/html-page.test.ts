import { readFileSync } from 'node:fs';
import { toText } from 'hast-util-to-text';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { findContentRoot, parseHtmlPage } from '../../../src/import/html-page.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/scraped/${name}`, import.meta.url), 'utf8');

describe('parseHtmlPage', () => {
  it('reads meta tags, the <title> and the saved-from URL', () => {
    const page = parseHtmlPage(fixture('trs-portal.html'));
    expect(page.meta.get('pubdate')).toBe('2021-03-08 09:30');
    expect(page.documentTitle).toBe('青川市关于开展2021年春季植树活动的通知_通知公告_青川市人民政府');
    expect(page.url).toBe('http://www.example-city.gov.cn/zwgk/tzgg/202103/t20210308_1234.html');
  });

  it('keeps visible text only: no scripts, comments or hidden elements', () => {
    const page = parseHtmlPage('<body><script>var a="来源：脚本"</script><!-- 责任编辑：注释 --><p style="display:none">隐藏</p><p>可见</p></body>');
    expect(page.lines).toEqual(['可见']);
  });

  it('separates table cells with tabs so labels keep their values', () => {
    const page = parseHtmlPage('<table><tr><td>索 引 号：</td><td>000014349/2018-00213</td></tr></table>');
    expect(page.lines).toEqual(['索 引 号：\t000014349/2018-00213']);
  });
});

describe('findContentRoot', () => {
  it('finds the article block, not navigation, related links or footer', () => {
    const page = parseHtmlPage(fixture('trs-portal.html'));
    const root = page.contentRoot as Element;
    const text = toText(root);
    expect(text).toContain('为深入推进国土绿化行动');
    expect(text).not.toContain('青川市2020年秋季造林工作总结');
    expect(text).not.toContain('主办单位');
  });

  it('stops above a single paragraph so short articles keep every paragraph', () => {
    const page = parseHtmlPage(
      '<body><div class="nav"><a>首页</a><a>政务公开</a></div><div id="c"><p>第一段很长的正文，说明了事情的经过，包含了很多的细节，也有不少的标点符号，读起来像文章。</p><p>第二段。</p></div></body>',
    );
    const root = findContentRoot(page.tree.children[0] as Element) as Element;
    expect(toText(root)).toContain('第二段');
  });
});
