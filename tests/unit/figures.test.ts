import { describe, expect, it } from 'vitest';
import { splitAddress, splitFigures, type TextPart } from '../../src/lib/figures.ts';
import { createMarkdownRenderer } from '../../src/lib/markdown/render.ts';

/** Parts as a string: figures in [brackets], break opportunities as |. */
const show = (parts: readonly TextPart[]) => parts.map((part) => ('figure' in part ? `[${part.figure}]` : 'break' in part ? '|' : part.text)).join('');

describe('figures kept on one line', () => {
  it('are numbers with their units and dates, and the year and serial of a 文号', () => {
    expect(show(splitFigures('地区生产总值915.8亿元，增长8.0%'))).toBe('地区生产总值[915.8亿元]，增长8.0%');
    expect(show(splitFigures('人均可支配收入25,837元，农村11,412元'))).toBe('人均可支配收入[25,837元]，农村[11,412元]');
    expect(show(splitFigures('2015年05月20日 17:18'))).toBe('[2015年05月20日] 17:18');
    expect(show(splitFigures('6月20日（星期六）至22日放假'))).toBe('[6月20日]（星期六）至[22日]放假');
    expect(show(splitFigures('遂府办发〔2015〕21号'))).toBe('遂府办发[〔2015〕21号]');
    expect(show(splitFigures('全国第15个“安全生产月”'))).toBe('全国[第15个]“安全生产月”');
    expect(show(splitFigures('工作日 9:00—17:00'))).toBe('工作日 [9:00—17:00]');
  });

  it('leave ASCII runs alone, which never break, and let a long 索引号 break after its slash', () => {
    expect(splitFigures('8.4% 0825-2222222 ABC123')).toEqual([{ text: '8.4% 0825-2222222 ABC123' }]);
    expect(show(splitFigures('索引号：008652141/2015-00312'))).toBe('索引号：008652141/|2015-00312');
    expect(show(splitFigures('没有数字的文字'))).toBe('没有数字的文字');
  });

  it('leave a figure too long to fit a phone\'s line at 特大 free to break', () => {
    expect(show(splitFigures('2015年05月20日至2016年05月20日'))).toBe('[2015年05月20日]至[2016年05月20日]');
    expect(show(splitFigures('编号12345678901234567号'))).toBe('编号12345678901234567号');
  });

  it('break addresses after their slashes only', () => {
    expect(show(splitAddress('https://www.example.gov.cn/columns/tzgg/rss.xml'))).toBe('https://|www.example.gov.cn/|columns/|tzgg/|rss.xml');
  });
});

describe('figures in announcement bodies', () => {
  const render = createMarkdownRenderer();

  it('are wrapped in no-wrap spans, in paragraphs and table cells, but not in code', async () => {
    const { html } = await render('经济总量915.8亿元。\n\n| 指标 | 数值 |\n| --- | ---: |\n| 总值 | 150.2亿元 |\n\n`编号2015年`');
    expect(html).toContain('<p>经济总量<span class="app-nowrap">915.8亿元</span>。</p>');
    expect(html).toContain('<td align="right"><span class="app-nowrap">150.2亿元</span></td>');
    expect(html).toContain('<code>编号2015年</code>');
  });

  it('keep heading ids the heading\'s text, and a 索引号\'s break opportunity', async () => {
    const { html } = await render('## 2015年综合\n\n索引号：008652141/2015-00312');
    expect(html).toContain('<h2 id="2015年综合"><span class="app-nowrap">2015年</span>综合</h2>');
    expect(html).toContain('<p>索引号：008652141/<wbr>2015-00312</p>');
  });
});
