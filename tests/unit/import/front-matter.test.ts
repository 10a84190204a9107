import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toAnnouncementFile } from '../../../src/import/front-matter.ts';

describe('toAnnouncementFile', () => {
  it('writes keys in schema order and single-quotes dates', () => {
    const text = toAnnouncementFile({ source: '遂宁市府', date: '2015-05-20T17:18:00+08:00', title: '通知', retrieved: '2020-07-14' }, '正文。');
    expect(text).toBe("---\ntitle: 通知\ndate: '2015-05-20T17:18:00+08:00'\nsource: 遂宁市府\nretrieved: '2020-07-14'\n---\n\n正文。\n");
  });

  it('round-trips awkward values through YAML as strings', () => {
    const text = toAnnouncementFile({ title: '关于"yes": no 的说明 #1', date: '2015-05-20', source: '2015', editor: '甲 乙' }, '');
    const yaml = parse(text.split('---\n')[1]!);
    expect(yaml).toEqual({ title: '关于"yes": no 的说明 #1', date: '2015-05-20', source: '2015', editor: '甲 乙' });
  });

  it('writes text as the schema reads it, leaving out values that are only invisible characters', () => {
    const text = toAnnouncementFile({ title: '通知\u200B', date: '2015-05-20', source: ' 遂宁市府 ', index_number: '\u0000', tags: ['\uFEFF', '安全'] }, '正文。');
    expect(text).toBe("---\ntitle: 通知\ndate: '2015-05-20'\nsource: 遂宁市府\ntags:\n  - 安全\n---\n\n正文。\n");
  });
});
