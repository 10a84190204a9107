import { describe, expect, it } from 'vitest';
import { findDates, sameDate, toFrontMatterDate, toPlainDateTime } from '../../../src/import/chinese-date.ts';

describe('findDates', () => {
  it.each([
    ['2015年05月20日 17时18分', '2015-05-20 17:18', 'minute'],
    ['2015-05-20 17:18', '2015-05-20 17:18', 'minute'],
    ['发布日期：2017-05-15 10:49:00', '2017-05-15 10:49:00', 'second'],
    ['发布日期：2018年12月06日', '2018-12-06', 'day'],
    ['2019/3/6', '2019-03-06', 'day'],
    ['2007-08-20-23:59:59', '2007-08-20 23:59:59', 'second'],
    ['来源：遂宁市府2015-05-20', '2015-05-20', 'day'],
    // The time may follow 日 with no space: the minute is kept.
    ['发布时间：2019年06月15日08:18', '2019-06-15 08:18', 'minute'],
    ['2019年06月15日08时18分05秒', '2019-06-15 08:18:05', 'second'],
    // A number after 日 that is no time is not read as one.
    ['2019年6月15日12号楼', '2019-06-15', 'day'],
    ['2019年6月15日10时许', '2019-06-15', 'day'],
  ])('reads %s', (text, plain, precision) => {
    const [date] = findDates(text);
    expect(date && toPlainDateTime(date)).toBe(plain);
    expect(date?.precision).toBe(precision);
  });

  it('skips impossible dates and catalogue numbers', () => {
    expect(findDates('2022-02-30')).toEqual([]);
    expect(findDates('索引号：000014349/2018-00213')).toEqual([]);
  });

  it('reports where the date stands in the text', () => {
    const [date] = findDates('时间：2019-09-18 06:23 来源：山西日报');
    expect(date).toMatchObject({ index: 3, length: '2019-09-18 06:23'.length });
  });
});

describe('toFrontMatterDate', () => {
  it('writes Beijing time with its offset, or a bare day', () => {
    expect(toFrontMatterDate(findDates('2015年05月20日 17时18分')[0]!)).toBe('2015-05-20T17:18:00+08:00');
    expect(toFrontMatterDate(findDates('2019-03-06')[0]!)).toBe('2019-03-06');
  });
});

describe('sameDate', () => {
  it('compares at the coarser precision', () => {
    expect(sameDate(findDates('2024-07-12')[0]!, findDates('2024-07-12 17:33')[0]!)).toBe(true);
    expect(sameDate(findDates('2017-05-15 10:49')[0]!, findDates('2022-04-24 10:00')[0]!)).toBe(false);
  });
});
