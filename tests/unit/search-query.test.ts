import { describe, expect, it } from 'vitest';
import { excerptParts, findResults, readSearchState, toPagefindRequest, toSearchParams, type ScoredResult } from '../../src/client/search-query.ts';
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

/** The one index word a query of one word asks for. */
const term = (query: string) => spellQuery(query).phrase[0]!.term;

describe('what Pagefind is asked', () => {
  it('is a search per index word: the pairs that cover each word, with the filters under their index names', () => {
    const request = toPagefindRequest(readSearchState(new URLSearchParams('q=安全生产法&source=遂宁市安监局&year=2016')))!;
    // Intl.Segmenter: 安全 / 生产 / 法, asked as 安全 and 生产法; 生产法 is covered by 生产 and 产法.
    expect(request.terms).toEqual([term('安全'), term('生产'), term('产法')]);
    expect(request.words).toEqual([[{ term: term('安全'), offset: 0 }], [{ term: term('生产'), offset: 0 }, { term: term('产法'), offset: 1 }]]);
    expect(request.phrase).toEqual([
      { term: term('安全'), offset: 0 },
      { term: term('生产'), offset: 2 },
      { term: term('产法'), offset: 3 },
    ]);
    expect(request).toMatchObject({ filters: { 来源: '遂宁市安监局', 年份: '2016' }, sort: {} });
  });

  it('asks a long phrase for half its pairs: every other one, and the last', () => {
    const request = toPagefindRequest(readSearchState(new URLSearchParams({ q: '切实保障人民群众生命财产安全' })))!;
    expect(request.terms).toHaveLength(7);
    expect(request.phrase.map(({ offset }) => offset)).toEqual([0, 2, 4, 6, 8, 10, 12]);
  });

  it('ordered by date, sorts each search newest first', () => {
    expect(toPagefindRequest(readSearchState(new URLSearchParams('q=安全生产法&sort=date')))).toMatchObject({ sort: { date: 'desc' } });
  });

  it('with filters and no query lists their announcements newest first; with neither, nothing', () => {
    expect(toPagefindRequest(readSearchState(new URLSearchParams('column=通知公告')))).toEqual({ terms: [], phrase: [], words: [], filters: { 栏目: '通知公告' }, sort: { date: 'desc' } });
    expect(toPagefindRequest(readSearchState(new URLSearchParams('')))).toBeNull();
    expect(toPagefindRequest(readSearchState(new URLSearchParams('q=，。')))).toBeNull();
  });
});

describe('results', () => {
  /** Pagefind's answer to one search: each result's id, score and the word's positions on its page. */
  const answer = (...found: [string, number, number[]][]): ScoredResult[] => found.map(([id, score, words]) => ({ id, score, words }));
  const ids = (found: { result: ScoredResult }[]) => found.map(({ result }) => result.id);
  const request = toPagefindRequest(readSearchState(new URLSearchParams({ q: '安全生产法' })))!;
  // a holds 安全生产法 at 5; b holds 安全 and 生产法 apart; c has 安全生产 but no 产法; d holds it at 40 and 2.
  const answers: Record<string, ScoredResult[]> = {
    [term('安全')]: answer(['a', 1, [5, 30]], ['b', 3, [9]], ['c', 1, [0]], ['d', 1, [40]]),
    [term('生产')]: answer(['a', 1, [7]], ['b', 3, [20]], ['c', 1, [2]], ['d', 1, [2, 42]]),
    [term('产法')]: answer(['d', 1, [43]], ['b', 3, [21]], ['a', 1, [8]]),
  };

  it('put those that hold the query as written first, then those holding every word apart, each by score', async () => {
    const found = await findResults(request, async (term) => answers[term!]!);
    expect(ids(found)).toEqual(['a', 'd', 'b']);
    // Where the excerpt stands: the phrase, or else the first word.
    expect(found.map(({ at }) => at)).toEqual([5, 40, 9]);
  });

  it('ordered by date, come in the first search order, which Pagefind sorted', async () => {
    const byDate = { ...request, sort: { date: 'desc' as const } };
    expect(ids(await findResults(byDate, async (term) => answers[term!]!))).toEqual(['a', 'b', 'd']);
  });

  it('are none when one of the words has none, whatever the others find', async () => {
    const empty = toPagefindRequest(readSearchState(new URLSearchParams('q=火星基地')))!;
    const asked: (string | null)[] = [];
    const found = await findResults(empty, async (search) => {
      asked.push(search);
      // No announcement holds 基地.
      return search === term('基地') ? [] : answer(['a', 1, [0]], ['b', 2, [0]]);
    });
    expect(asked).toEqual(empty.terms);
    expect(found).toEqual([]);
  });

  it('of a one-word query are its one search; of one character, the pages where it stands', async () => {
    for (const query of ['安全', '火']) {
      const one = toPagefindRequest(readSearchState(new URLSearchParams({ q: query })))!;
      const asked: (string | null)[] = [];
      expect(ids(await findResults(one, async (search) => (asked.push(search), answer(['a', 1, [3]]))))).toEqual(['a']);
      expect(asked).toEqual([term(query)]);
    }
  });

  it('show the words around the query as written, with the query words marked and Chinese ellipses', () => {
    const content = shownText(`${'前文'.repeat(20)}消除不安全因素，创建安全社区 & 后文${'后文'.repeat(40)}`);
    const parts = excerptParts(content, 40 + 8, '安全社区');
    // Twelve words before the one at 48, 64 in all: 前文前文, the phrase's sentence, & and 后文 to fill.
    expect(parts.slice(0, 4)).toEqual([
      { text: `……${'前文'.repeat(2)}消除不`, marked: false },
      { text: '安全', marked: true },
      { text: '因素，创建', marked: false },
      { text: '安全社区', marked: true },
    ]);
    expect(parts[4]!.text).toMatch(/^&(后文)+后?……$/);
    // Sixty-four words, one per character: four before the sentence, its thirteen (素 shown
    // with its comma, 区 with the & after it) and forty-seven after.
    expect([...parts.map(({ text }) => text).join('').replace(/……/g, '')]).toHaveLength(64 + 2);
  });
});
