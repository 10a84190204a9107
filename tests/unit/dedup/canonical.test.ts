import { describe, expect, it } from 'vitest';
import { chooseCanonical, citedSources } from '../../../src/dedup/canonical.ts';

const at = (iso: string) => new Date(iso);

describe('citedSources', () => {
  it('reads 转载自 and 来源 notes', () => {
    expect(citedSources('（转载自遂宁市人民政府网站）\n正文')).toEqual(['遂宁市人民政府网站']);
    expect(citedSources('来源：遂宁市应急管理局 编辑：张伟')).toEqual(['遂宁市应急管理局']);
    expect(citedSources('没有注明出处的正文')).toEqual([]);
  });
});

describe('chooseCanonical', () => {
  const city = { id: 'b-city', date: at('2020-06-10T10:00:00+08:00'), source: '遂宁市人民政府', cites: [] };
  const district = { id: 'a-district', date: at('2020-06-10T10:00:00+08:00'), source: '船山区人民政府', cites: ['遂宁市人民政府网站'] };

  it('prefers the earliest publication', () => {
    const early = { id: 'z-early', date: at('2020-06-09T10:00:00+08:00'), source: '船山区人民政府', cites: [] };
    expect(chooseCanonical([city, district, early])).toBe('z-early');
  });

  it('breaks a tie by the source the others cite, then by id', () => {
    expect(chooseCanonical([district, city])).toBe('b-city');
    expect(chooseCanonical([{ ...district, cites: [] }, city])).toBe('a-district');
  });

  it('matches citations through source aliases', () => {
    const cited = { ...district, cites: ['遂宁市府'] };
    expect(chooseCanonical([cited, city])).toBe('a-district');
    expect(chooseCanonical([cited, city], { 遂宁市人民政府: ['遂宁市府'] })).toBe('b-city');
  });

  it('lets front matter name the canonical copy', () => {
    const late = { id: 'late', date: at('2021-01-01T00:00:00+08:00'), source: '市政府', cites: [] };
    expect(chooseCanonical([city, district, { ...late, canonical: 'late' }])).toBe('late');
    expect(chooseCanonical([{ ...city, canonical: 'late' }, district, late])).toBe('late');
    // A canonical outside the cluster is ignored.
    expect(chooseCanonical([{ ...city, canonical: 'elsewhere' }, district])).toBe('b-city');
  });
});
