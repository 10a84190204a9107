import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyKeptOnce, chromeLeft, sameDateAsShown, scorePage, tallyScores, type FieldScore } from '../../../src/import/evaluate.ts';
import { importBytes } from '../../../src/import/import-page.ts';

describe('sameDateAsShown', () => {
  it('compares at the precision the page shows', () => {
    expect(sameDateAsShown('2015-05-20T17:18:00+08:00', '2015-05-20 17:18')).toBe(true);
    expect(sameDateAsShown('2017-05-15T10:49:00+08:00', '2017-05-15 10:49:00')).toBe(true);
    expect(sameDateAsShown('2015-05-20T17:18:00+08:00', '2015-05-20')).toBe(false);
    expect(sameDateAsShown('2015-05-20', '2015-05-20 17:18')).toBe(false);
    expect(sameDateAsShown(undefined, null)).toBe(true);
  });
});

describe('body checks', () => {
  it('find chrome and doubled bodies', () => {
    expect(chromeLeft('正文。\n\n扫一扫在手机打开当前页\n')).toEqual(['扫一扫在手机打开当前页']);
    const paragraph = '会议指出，今年以来全市安全生产形势总体平稳，事故起数和死亡人数实现双下降，必须保持清醒头脑。';
    expect(bodyKeptOnce(`${paragraph}\n\n${paragraph}x\n`)).toBe(true);
    const second = '会议要求，各地各部门要压紧压实安全生产责任，深入开展隐患排查整治，确保整改到位，不留死角。';
    expect(bodyKeptOnce(`${paragraph}\n\n${second}\n\n${paragraph}\n\n${second}\n`)).toBe(false);
  });
});

describe('scorePage', () => {
  it('scores the seed as right on every field', () => {
    const result = importBytes(readFileSync(new URL('../../fixtures/scraped/seed-text-dump.txt', import.meta.url)))[0]!;
    const scores = scorePage(result, {
      file: 'seed', title: '今年遂宁将建成7个省级安全社区', date: '2015-05-20 17:18', source: '遂宁市府', editor: '白婉苹', duplicated_body: true,
    });
    expect(scores.filter((score) => !score.ok)).toEqual([]);
  });
});

describe('tallyScores', () => {
  it('counts each field, all fields, and the fields the annotator was sure of', () => {
    const score = (field: FieldScore['field'], ok: boolean, unsure = false): FieldScore => ({ field, ok, expected: '', actual: '', unsure });
    const tallies = tallyScores([score('title', true), score('title', false), score('date', false, true), score('source', true)]);
    expect(tallies.find((tally) => tally.field === 'title')).toEqual({ field: 'title', right: 1, total: 2 });
    expect(tallies.at(-2)).toEqual({ field: 'overall', right: 2, total: 4 });
    expect(tallies.at(-1)).toEqual({ field: 'sure', right: 2, total: 3 });
  });
});
