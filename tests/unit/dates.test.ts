import { describe, expect, it } from 'vitest';
import { formatChineseDate, parseDate, toIsoDay, toIsoWithOffset, toYearMonth } from '../../src/lib/dates.ts';

describe('parseDate', () => {
  it('reads a value without an offset as Beijing time, whatever the machine zone', () => {
    const { date, precision } = parseDate('2015-05-20 17:18');
    expect(date.toISOString()).toBe('2015-05-20T09:18:00.000Z');
    expect(precision).toBe('minute');
  });

  it('reads a bare day as midnight in Beijing', () => {
    const { date, precision } = parseDate('2015-05-20');
    expect(date.toISOString()).toBe('2015-05-19T16:00:00.000Z');
    expect(precision).toBe('day');
  });

  it('honours an explicit offset or Z', () => {
    expect(parseDate('2015-05-20T17:18:00+08:00').date.toISOString()).toBe('2015-05-20T09:18:00.000Z');
    expect(parseDate('2015-05-20T09:18:00Z').date.toISOString()).toBe('2015-05-20T09:18:00.000Z');
    expect(parseDate('2015-05-20T01:18:00-0800').date.toISOString()).toBe('2015-05-20T09:18:00.000Z');
  });

  it('uses another zone when the site names one', () => {
    expect(parseDate('2015-05-20 17:18', 'Europe/London').date.toISOString()).toBe('2015-05-20T16:18:00.000Z');
  });

  it('rejects impossible dates instead of rolling them over', () => {
    expect(() => parseDate('2022-02-30')).toThrow('"2022-02-30" is not a date: 2022-02 has no day 30');
    expect(() => parseDate('2015-13-45')).toThrow('"2015-13-45" is not a date');
    expect(() => parseDate('2015-05-20 25:00')).toThrow('not a time of day');
    expect(() => parseDate('五月二十日')).toThrow('"五月二十日" is not a date');
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseDate('2016-02-29').precision).toBe('day');
    expect(() => parseDate('2015-02-29')).toThrow();
  });
});

describe('formatting', () => {
  const date = parseDate('2015-05-20 17:18').date;

  it('shows dates the way Chinese readers expect', () => {
    expect(formatChineseDate(date)).toBe('2015年05月20日 17:18');
    expect(formatChineseDate(date, 'day')).toBe('2015年05月20日');
  });

  it('writes ISO 8601 with the +08:00 offset', () => {
    expect(toIsoWithOffset(date)).toBe('2015-05-20T17:18:00+08:00');
    expect(toIsoDay(date)).toBe('2015-05-20');
  });

  it('groups by the Beijing calendar, not UTC', () => {
    // 00:30 on 1 June in Beijing is still 31 May in UTC.
    expect(toYearMonth(parseDate('2015-06-01 00:30').date)).toEqual({ year: '2015', month: '06' });
  });
});
