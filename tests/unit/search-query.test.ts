import { describe, expect, it } from 'vitest';
import { excerptParts, findResults, phraseFirst, readSearchState, toPagefindRequest, toSearchParams, type ScoredResult } from '../../src/client/search-query.ts';
import { spellQuery } from '../../src/lib/search-spelling.ts';
import { shownText } from '../support/spelled.ts';


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
    const { phrase, words } = spellQuery('安全生产法');
    // The exact search scores every result alike: the plain search of the same words ranks them.
    expect(request).toEqual({ phrase, words, ranked: phrase.slice(1, -1), filters: { 来源: '遂宁市安监局', 年份: '2016' }, sort: {} });
  });

  it('ordered by date, sorts each search newest first', () => {
    expect(toPagefindRequest(readSearchState(new URLSearchParams('q=安全生产法&sort=date')))).toMatchObject({ ...spellQuery('安全生产法'), ranked: null, sort: { date: 'desc' } });
  });

  it('with filters and no query lists their announcements newest first; with neither, nothing', () => {
    expect(toPagefindRequest(readSearchState(new URLSearchParams('column=通知公告')))).toEqual({ phrase: null, words: [], ranked: null, filters: { 栏目: '通知公告' }, sort: { date: 'desc' } });
    expect(toPagefindRequest(readSearchState(new URLSearchParams('')))).toBeNull();
    expect(toPagefindRequest(readSearchState(new URLSearchParams('q=，。')))).toBeNull();
  });
});

describe('results', () => {
  const results = (...found: [string, number][]): ScoredResult[] => found.map(([id, score]) => ({ id, score }));
  const ids = (found: ScoredResult[]) => found.map((result) => result.id);

  it('put holders of the phrase first, then those holding every word, by their words together', () => {
    const phrase = results(['c', 3], ['a', 2]);
    const words = [results(['a', 1], ['b', 1], ['c', 1], ['d', 5]), results(['b', 1], ['c', 1], ['a', 1], ['e', 9])];
    expect(ids(phraseFirst(phrase, words))).toEqual(['c', 'a', 'b']);
  });

  it('ordered by date, come in the first word search order, which Pagefind sorted', () => {
    const phrase = results(['c', 3], ['a', 2]);
    const words = [results(['d', 1], ['a', 1], ['b', 1], ['c', 1]), results(['c', 1], ['b', 1], ['a', 1])];
    expect(ids(phraseFirst(phrase, words, { byDate: true }))).toEqual(['a', 'b', 'c']);
  });

  it('are none when one of the words has none, whatever the others find', async () => {
    const request = toPagefindRequest(readSearchState(new URLSearchParams('q=火星基地')))!;
    const asked: (string | null)[] = [];
    const found = await findResults(request, async (term) => {
      asked.push(term);
      // No announcement holds 基地, so none holds the phrase either.
      return term === request.phrase || term === request.words[1] ? [] : results(['a', 1], ['b', 2]);
    });
    expect(asked).toEqual([request.phrase, request.ranked, ...request.words]);
    expect(found).toEqual([]);
  });

  it('holding the phrase come in the order of the plain search of its words, since Pagefind scores exact results alike', async () => {
    const request = toPagefindRequest(readSearchState(new URLSearchParams('q=安全社区')))!;
    const found = await findResults(request, async (term) =>
      term === request.phrase ? results(['a', 1], ['b', 1], ['c', 1]) : term === request.ranked ? results(['c', 9], ['a', 5], ['x', 4], ['b', 2]) : results(['a', 1], ['b', 1], ['c', 1], ['d', 1]),
    );
    expect(ids(found)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('of a one-word query are its one search', async () => {
    const request = toPagefindRequest(readSearchState(new URLSearchParams('q=安全')))!;
    const asked: (string | null)[] = [];
    expect(ids(await findResults(request, async (term) => (asked.push(term), results(['a', 1]))))).toEqual(['a']);
    expect(asked).toEqual([request.phrase]);
  });

  it('show excerpts as written, with the query words marked and Chinese ellipses', () => {
    const excerpt = `…… ${shownText('消除不安全因素，')} <mark>${shownText('创建安全社区')}</mark> &amp; ……`;
    expect(excerptParts(excerpt, '安全社区')).toEqual([
      { text: '……消除不', marked: false },
      { text: '安全', marked: true },
      { text: '因素，创建', marked: false },
      { text: '安全社区', marked: true },
      { text: '&……', marked: false },
    ]);
  });
});
