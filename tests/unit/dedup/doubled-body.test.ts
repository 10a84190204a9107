import { describe, expect, it } from 'vitest';
import { collapseDoubledBody, findDoubledBody, splitMarkdownBlocks } from '../../../src/dedup/doubled-body.ts';

const article = `日前，记者从市安监局获悉，我市今年将在全市各个区县和园区各完成1个乡镇或街道办事处省级安全社区建设。

## 部门实施路径

- 市安监局将安全社区建设情况纳入每月的安全生产检查工作必查内容。
- 来自省安监局关于安全社区建设的105万元补助资金已于年初全部划拨到各区县。

| 区县 | 单位 |
| --- | --- |
| 船山区 | 育才路街道办事处 |

同时，重视对各县、区安全监管部门负责人和安全社区乡镇、街道主要领导、分管领导的培训。`;

describe('splitMarkdownBlocks', () => {
  it('splits paragraphs, headings, list items and table rows, with exact offsets', () => {
    const markdown = '# 标题\n\n正文第一行\n续行\n- 甲\n- 乙\n| a |\n| b |';
    const blocks = splitMarkdownBlocks(markdown);
    expect(blocks.map((block) => block.text)).toEqual(['# 标题', '正文第一行\n续行', '- 甲', '- 乙', '| a |', '| b |']);
    for (const block of blocks) expect(markdown.slice(block.start, block.end)).toBe(block.text);
  });

  it('keeps a fenced block whole', () => {
    expect(splitMarkdownBlocks('```\na\n\nb\n```\n\n后文').map((block) => block.text)).toEqual(['```\na\n\nb\n```', '后文']);
  });
});

describe('findDoubledBody', () => {
  it('names a body scraped together with its print copy', () => {
    const doubled = `${article}\n\n**今年遂宁将建成7个省级安全社区**\n\n2015年05月20日 17时18分　来源：遂宁市府\n\n${article}\n`;
    const runs = findDoubledBody(doubled);
    expect(runs).toHaveLength(1);
    // The print copy's own title and date line are the rest of the text.
    expect(runs[0]!.share).toBeGreaterThan(0.75);
  });

  it('stays quiet about a single copy with a repeated signature and table header', () => {
    const single = `${article}\n\n| 区县 | 单位 |\n| --- | --- |\n\n遂宁市人民政府\n\n遂宁市人民政府\n`;
    expect(findDoubledBody(single)).toEqual([]);
  });
});

describe('collapseDoubledBody', () => {
  it('cuts the repeat and nothing else', () => {
    const { markdown, runs } = collapseDoubledBody(`${article}\n\n${article}\n`);
    expect(runs).toHaveLength(1);
    expect(markdown).toBe(`${article}\n`);
  });

  it('returns the input untouched when nothing repeats', () => {
    expect(collapseDoubledBody(article)).toEqual({ markdown: article, runs: [] });
  });
});
