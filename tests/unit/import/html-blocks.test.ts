import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { htmlToBlocks, isLayoutTable } from '../../../src/import/html-blocks.ts';
import { parseHtmlPage } from '../../../src/import/html-page.ts';
import { toMarkdown } from '../../../src/import/markdown.ts';

const convert = (html: string, base?: string) => toMarkdown(htmlToBlocks(parseHtmlPage(html).tree, base));

describe('htmlToBlocks', () => {
  it('turns data tables into GFM tables and layout tables into their content', () => {
    const markdown = convert(
      '<table><tr><td><table><tr><th>序号</th><th>项目</th></tr><tr><td>1</td><td>道路养护</td></tr></table></td></tr></table>',
    );
    expect(markdown).toContain('| 序号 | 项目');
    expect(markdown).toContain('| 1  | 道路养护');
  });

  it('makes links and images absolute against the page URL and drops javascript: links', () => {
    const markdown = convert(
      '<p><img src="../img/a.jpg" alt="图"> <a href="P1.pdf">附件</a> <a href="javascript:print()">打印</a></p>',
      'http://www.example.gov.cn/zwgk/tzgg/t1.html',
    );
    expect(markdown).toContain('![图](http://www.example.gov.cn/zwgk/img/a.jpg)');
    expect(markdown).toContain('[附件](http://www.example.gov.cn/zwgk/tzgg/P1.pdf)');
    expect(markdown).not.toContain('javascript');
  });

  it('splits <br>-separated lines into paragraphs', () => {
    expect(convert('<div>第一段。<br>第二段。<br><br>第三段。</div>')).toBe('第一段。\n\n第二段。\n\n第三段。\n');
  });
});

describe('isLayoutTable', () => {
  const table = (html: string) => parseHtmlPage(`<body>${html}</body>`).tree.children.flatMap(function find(node): Element[] {
    if (node.type !== 'element') return [];
    return node.tagName === 'table' ? [node] : node.children.flatMap(find);
  })[0]!;

  it('sees a single-column or nesting table as layout', () => {
    expect(isLayoutTable(table('<table><tr><td>正文</td></tr></table>'))).toBe(true);
    expect(isLayoutTable(table('<table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td><td>c</td></tr></table>'))).toBe(true);
  });

  it('keeps a key/value table as data', () => {
    expect(isLayoutTable(table('<table><tr><td>行政处罚决定书文号</td><td>罚字〔2024〕1号</td></tr><tr><td>被处罚当事人</td><td>某公司</td></tr></table>'))).toBe(false);
  });
});
