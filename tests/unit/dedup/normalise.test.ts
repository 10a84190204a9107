import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownToText, normaliseText, toUnits } from '../../../src/dedup/normalise.ts';

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
