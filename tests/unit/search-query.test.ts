import { describe, expect, it } from 'vitest';
import { excerptParts, phraseFirst, readSearchState, toPagefindRequest, toSearchParams } from '../../src/client/search-query.ts';
import { spellQuery, toIndexSpelling } from '../../src/lib/search-spelling.ts';

describe('the search in the address', () => {
  it('reads the query, the filters, the sort and the page', () => {
    const state = readSearchState(new URLSearchParams('q=安全社区&source=遂宁市人民政府&year=2015&column=通知公告&sort=date&page=3'));
    expect(state).toEqual({ q: '安全社区', filters: { source: '遂宁市人民政府', year: '2015', column: '通知公告' }, sort: 'date', page: 3 });
  });

  it('ignores what it does not know and writes back only what differs from an empty search', () => {
    const state = readSearchState(new URLSearchParams('q=+放假+&sort=oldest&page=-2&year=&other=1'));
    expect(state).toEqual({ q: '放假', filters: {}, sort: '', page: 1 });
    expect(toSearchParams(state).toString()).toBe(`q=${encodeURIComponent('放假')}`);
    expect(toSearchParams({ ...state, page: 2, sort: 'date' }).toString()).toBe(`q=${encodeURIComponent('放假')}&sort=date&page=2`);
  });
});

describe('what Pagefind is asked', () => {
  it('is the words and the phrase, with the filters under their index names', () => {
    const request = toPagefindRequest(readSearchState(new URLSearchParams('q=安全生产法&source=遂宁市安监局&year=2016')));
    expect(request).toEqual({ ...spellQuery('安全生产法'), filters: { 来源: '遂宁市安监局', 年份: '2016' }, sort: {} });
  });

  it('ordered by date, is the words alone, newest first', () => {
    expect(toPagefindRequest(readSearchState(new URLSearchParams('q=安全生产法&sort=date')))).toMatchObject({ phrase: null, sort: { date: 'desc' } });
  });

  it('with filters and no query lists their announcements newest first; with neither, nothing', () => {
    expect(toPagefindRequest(readSearchState(new URLSearchParams('column=通知公告')))).toEqual({ words: null, phrase: null, filters: { 栏目: '通知公告' }, sort: { date: 'desc' } });
    expect(toPagefindRequest(readSearchState(new URLSearchParams('')))).toBeNull();
    expect(toPagefindRequest(readSearchState(new URLSearchParams('q=，。')))).toBeNull();
  });
});

describe('results', () => {
  it('put holders of the phrase first, in the phrase search order, then the rest, each once', () => {
    const ids = (...names: string[]) => names.map((id) => ({ id }));
    expect(phraseFirst(ids('c', 'a'), ids('a', 'b', 'c', 'd')).map((r) => r.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(phraseFirst([], ids('a', 'b')).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('show excerpts as written, with the query words marked and Chinese ellipses', () => {
    const excerpt = `…… ${toIndexSpelling('消除不安全因素，')} <mark>${toIndexSpelling('创建安全社区')}</mark> &amp; ……`;
    expect(excerptParts(excerpt, '安全社区')).toEqual([
      { text: '……消除不', marked: false },
      { text: '安全', marked: true },
      { text: '因素，创建', marked: false },
      { text: '安全社区', marked: true },
      { text: '&……', marked: false },
    ]);
  });
});
