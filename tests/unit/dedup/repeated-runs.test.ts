import { describe, expect, it } from 'vitest';
import { collapseRepeatedRuns, findRepeatedRuns } from '../../../src/dedup/repeated-runs.ts';

const article = [
  '日前，记者从市安监局获悉，我市今年将在全市各个区县和园区各完成1个乡镇或街道办事处省级安全社区建设。',
  '安全社区的创建，是加强社会管理、促进社会和谐的有效载体，是夯实基层基础、改善安全生产条件的内在要求。',
  '此外，还加大配套资金的争取力度，来自省安监局关于安全社区建设的105万元补助资金已于年初全部划拨到各区县。',
];

describe('findRepeatedRuns', () => {
  it('finds an article held twice, even with other whitespace and punctuation', () => {
    const blocks = [...article, '责任编辑：白婉苹', ...article.map((block) => `  ${block.replace(/，/g, ',')}`)];
    const runs = findRepeatedRuns(blocks);
    expect(runs).toMatchObject([{ firstStart: 0, repeatStart: 4, length: 3 }]);
    // The editor line, counted once, is the only text outside the run.
    expect(runs[0]!.share).toBeCloseTo(0.953, 3);
  });

  it('keeps short lines that legitimately repeat', () => {
    const blocks = ['附件：1. 报名表', ...article, '附件：1. 报名表', '遂宁市人民政府', '遂宁市人民政府'];
    expect(findRepeatedRuns(blocks)).toEqual([]);
  });

  it('reports a body held three times as two runs', () => {
    const runs = findRepeatedRuns([...article, ...article, ...article]);
    expect(runs.map((run) => [run.firstStart, run.repeatStart, run.length])).toEqual([
      [0, 3, 3],
      [0, 6, 3],
    ]);
  });

  it('finds nothing in empty or single-copy text', () => {
    expect(findRepeatedRuns([])).toEqual([]);
    expect(findRepeatedRuns(['', '  '])).toEqual([]);
    expect(findRepeatedRuns(article)).toEqual([]);
  });

  it('honours smaller thresholds when asked', () => {
    expect(findRepeatedRuns(['甲乙丙丁', '其他内容', '甲乙丙丁'], { minChars: 4, minShare: 0.1 })).toHaveLength(1);
  });
});

describe('collapseRepeatedRuns', () => {
  it('keeps the first copy of each block', () => {
    const blocks = [...article, ...article].map((text, index) => ({ text, index }));
    const { kept, runs } = collapseRepeatedRuns(blocks, (block) => block.text);
    expect(kept.map((block) => block.index)).toEqual([0, 1, 2]);
    expect(runs).toHaveLength(1);
  });
});
