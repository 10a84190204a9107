import { describe, expect, it } from 'vitest';
import { closeUpLabels, normaliseFieldLines, normaliseLabelLine } from '../../../src/import/labels.ts';

describe('closeUpLabels', () => {
  it('closes up labels spaced out letter by letter before their colon', () => {
    expect(closeUpLabels('发 文 日 期：2019年06月15日')).toBe('发文日期：2019年06月15日');
    expect(closeUpLabels('来 源：某县人民政府 发 布 时 间：2019-06-15')).toBe('来源：某县人民政府 发布时间：2019-06-15');
    expect(closeUpLabels('索 引 号 ：001')).toBe('索引号 ：001');
  });

  it('never joins a word to the label after it, nor touches text without a colon', () => {
    expect(closeUpLabels('某县人民政府 来 源：某镇')).toBe('某县人民政府 来源：某镇');
    expect(closeUpLabels('第二章 储 蓄 机 构')).toBe('第二章 储 蓄 机 构');
    expect(closeUpLabels('遂 宁 发布时间：2019-06-15')).toBe('遂 宁 发布时间：2019-06-15');
  });
});

describe('normaliseLabelLine', () => {
  it('gives a bare label cell its colon, so the value in the next cell is read', () => {
    expect(normaliseLabelLine('发 布 日 期\t2019-06-15\t发布机构\t某县应急管理局')).toBe('发布日期：\t2019-06-15\t发布机构：\t某县应急管理局');
    expect(normaliseLabelLine('来源')).toBe('来源：');
  });

  it('leaves cells and lines that are not labels alone', () => {
    expect(normaliseLabelLine('序号\t地点\t时间')).toBe('序号\t地点\t时间');
    expect(normaliseLabelLine('今年全县共完成植树造林')).toBe('今年全县共完成植树造林');
  });
});

describe('normaliseFieldLines', () => {
  it('reads a row of labels over a row of values as label：value pairs', () => {
    const lines = normaliseFieldLines(['索引号\t发布机构\t发布日期', '001/2019-00012\t某县人民政府办公室\t2019-06-15', '正文。']);
    expect(lines).toEqual(['索引号：001/2019-00012\t发布机构：某县人民政府办公室\t发布日期：2019-06-15', '', '正文。']);
  });

  it('keeps one line per line, and rows of ordinary cells as they are', () => {
    const table = ['阶段\t时间', '动员部署\t6月1日至6月15日'];
    expect(normaliseFieldLines(table)).toEqual(table);
  });
});
