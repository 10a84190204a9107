import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateJaccard, lshCandidatePairs, minHashSignature } from '../../../src/dedup/minhash.ts';
import { normaliseText } from '../../../src/dedup/normalise.ts';
import { forEachShingle, jaccard, shingleSet } from '../../../src/dedup/shingles.ts';
import { SAFETY_BODY } from './texts.ts';

describe('shingleSet', () => {
  it('holds each 5-character window once, sorted', () => {
    expect(shingleSet('遂宁市人民政府')).toHaveLength(3);
    expect(shingleSet('哈哈哈哈哈哈哈哈')).toHaveLength(1);
    expect(shingleSet('短')).toHaveLength(1);
    expect(shingleSet('')).toHaveLength(0);
  });

  it('equals the sorted, de-duplicated window hashes for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'遂宁市人民政府安全社区abc'), maxLength: 300 }), (text) => {
        const hashes: number[] = [];
        forEachShingle(text, 5, (hash) => hashes.push(hash));
        const expected = [...new Set(hashes)].sort((a, b) => a - b);
        expect([...shingleSet(text)]).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('jaccard', () => {
  it('is 1 for equal texts and small for unrelated ones', () => {
    const text = normaliseText(SAFETY_BODY);
    expect(jaccard(shingleSet(text), shingleSet(text))).toBe(1);
    expect(jaccard(shingleSet(text), shingleSet(normaliseText('关于2019年端午节放假安排的通知，各区县人民政府，市级各部门')))).toBeLessThan(0.05);
    expect(jaccard(new Uint32Array(), new Uint32Array())).toBe(1);
  });
});

describe('MinHash and LSH', () => {
  const text = normaliseText(SAFETY_BODY);
  const edited = normaliseText(`近日，市政府网站发布消息。${SAFETY_BODY.slice(0, -60)}`);
  const other = normaliseText('各区县人民政府，市级各部门，有关单位：根据国务院办公厅通知精神，现将端午节放假安排通知如下。'.repeat(3));

  it('estimates Jaccard within a few standard errors', () => {
    const exact = jaccard(shingleSet(text), shingleSet(edited));
    const estimate = estimateJaccard(minHashSignature(text, 120, 5), minHashSignature(edited, 120, 5));
    expect(Math.abs(estimate - exact)).toBeLessThan(0.15);
  });

  it('gives equal texts equal signatures, short ones included', () => {
    expect(minHashSignature('遂宁', 120, 5)).toEqual(minHashSignature('遂宁', 120, 5));
    expect(estimateJaccard(minHashSignature(text, 120, 5), minHashSignature(text, 120, 5))).toBe(1);
  });

  it('makes near copies candidates and unrelated texts not', () => {
    const signatures = [text, other, edited].map((t) => minHashSignature(t, 120, 5));
    expect(lshCandidatePairs(signatures)).toEqual([[0, 2]]);
  });
});
