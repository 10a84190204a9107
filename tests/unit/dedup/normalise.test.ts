import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToText, normaliseText, toUnits, withoutDateline } from '../../../src/dedup/normalise.ts';

// The definition the fast path must match exactly.
const reference = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s\u200b-\u200d\ufeff]+/gu, '');

describe('normaliseText', () => {
  it('removes width, case, whitespace and punctuation differences', () => {
    expect(normaliseText('今年 遂宁，将建成７个！')).toBe('今年遂宁将建成7个');
    expect(normaliseText('ＡＢＣ abc')).toBe('abcabc');
    expect(normaliseText('“不安全因素”\u200b（试行）')).toBe('不安全因素试行');
    expect(normaliseText('## 一、总则\n- **甲**')).toBe('一总则甲');
  });

  it('matches NFKC → lower case → strip for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => normaliseText(text) === reference(text)), { numRuns: 20_000 });
    const tricky = fc.constantFrom(...'今年遂宁ＡＢＣabcXYZ７8，,。！ 　\u200b（）【】Σσς①㈠ﬁ№㎏﹒…—İ', 'e\u0301', '\u1100\u1161');
    fc.assert(fc.property(fc.string({ unit: tricky, maxLength: 40 }), (text) => normaliseText(text) === reference(text)), { numRuns: 20_000 });
  });

  it('handles texts longer than its buffer', () => {
    const long = '遂宁，'.repeat(10_000);
    expect(normaliseText(long)).toBe('遂宁'.repeat(10_000));
  });
});

describe('markdownToText', () => {
  it('keeps link text, drops targets, tags and list numbers', () => {
    expect(markdownToText('1. 见[附件](/a.pdf)<br>')).toBe('见附件');
    expect(markdownToText('![示意图](/map.png)\n  12) 第二项')).toBe('示意图\n  第二项');
  });
});

describe('withoutDateline', () => {
  it.each([
    ['本报讯（记者 王某）6月14日，某镇召开会议。', '6月14日，某镇召开会议。'],
    ['本报讯　近日，某镇召开会议。', '近日，某镇召开会议。'],
    ['遂宁讯（记者 张三 通讯员 李四）6月14日，某镇召开会议。', '6月14日，某镇召开会议。'],
    ['遂宁日报讯 近日，某镇召开会议。', '近日，某镇召开会议。'],
    ['本报成都6月15日讯 近日，某镇召开会议。', '近日，某镇召开会议。'],
    ['新华社成都6月15日电（记者 王某）近日，某镇召开会议。', '近日，某镇召开会议。'],
    ['（记者 王某 通讯员 李四）近日，某镇召开会议。', '近日，某镇召开会议。'],
    ['各区县人民政府：\n\n本报讯 近日，某镇召开会议。', '各区县人民政府：\n\n近日，某镇召开会议。'],
  ])('drops the dateline of %j', (text, without) => {
    expect(withoutDateline(text)).toBe(without);
  });

  it('leaves text that only looks like one, and datelines further down', () => {
    for (const text of ['国网某县供电公司开展线路巡查。', '通讯员培训班开班。', '电力公司开展检修。', '第一段。\n第二段。\n第三段。\n第四段。\n第五段。\n本报讯 某事。']) {
      expect(withoutDateline(text)).toBe(text);
    }
  });

  it('is part of the text deduplication compares', () => {
    expect(markdownToText('新华社成都6月15日电 近日，某镇召开会议。')).toBe('近日，某镇召开会议。');
  });
});

describe('toUnits', () => {
  it('splits at line breaks and sentence ends, normalised, empties dropped', () => {
    expect(toUnits('一、总则。适用范围；\n\n附件！')).toEqual(['一总则', '适用范围', '附件']);
  });
});

describe('toUnits fast path', () => {
  const reference = (text: string) =>
    text
      .split(/[\n。！？；!?;]+/u)
      .map((piece) => normaliseText(piece))
      .filter(Boolean);

  it('matches splitting then normalising, for any text', () => {
    const alphabet = fc.constantFrom(...'今年遂宁ＡＢＣabc７8，,。！？；!?; \n　（）Σ①', 'e\u0301');
    fc.assert(fc.property(fc.string({ unit: alphabet, maxLength: 60 }), (text) => {
      expect(toUnits(text)).toEqual(reference(text));
    }), { numRuns: 20_000 });
  });
});
