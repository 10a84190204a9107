import { describe, expect, it } from 'vitest';
import { normaliseForTruth, pagefindRequest, scoreQuery, truthFor, type IndexedText } from '../../scripts/bench/search-quality.ts';
import { readSearchState, toPagefindRequest } from '../../src/client/search-query.ts';
import { fromIndexSpelling } from '../../src/lib/search-spelling.ts';
import { shownText } from '../support/spelled.ts';

const indexed = (id: string, text: string): IndexedText => ({ id, url: `/${id}/`, text: normaliseForTruth(fromIndexSpelling(shownText(text))) });

describe('search quality truth', () => {
  it('holds the query when the indexed text does, ignoring whitespace, punctuation and Latin case', () => {
    const texts = [indexed('a', '做到早发现、早报告、早处置。'), indexed('b', '早发现问题，及时报告'), indexed('c', '关于 Wi-Fi 覆盖的通知')];
    expect([...truthFor(texts, '早发现早报告')]).toEqual(['a']);
    expect([...truthFor(texts, '早发现、早报告')]).toEqual(['a']);
    expect([...truthFor(texts, 'wifi')]).toEqual(['c']);
    expect([...truthFor(texts, '"早发现"')]).toEqual(['a', 'b']);
    expect(truthFor(texts, '火星基地').size).toBe(0);
  });
});

describe('the searches a query becomes', () => {
  it('are what the search page asks', () => {
    expect(pagefindRequest('安全生产法')).toEqual(toPagefindRequest(readSearchState(new URLSearchParams({ q: '安全生产法' }))));
    expect(pagefindRequest('  ')).toBeNull();
  });
});

describe('scoring a query', () => {
  const entry = { query: '防灾减灾', kind: 'phrase' };
  const url = (id: string) => `/${id}/`;

  it('scores recall over the truth and precision over all results and the first ten', () => {
    const ordered = ['a', 'x', 'b', ...Array.from({ length: 10 }, (_, i) => `y${i}`)];
    const score = scoreQuery(entry, ordered, new Set(['a', 'b', 'c']), url);
    expect(score).toMatchObject({ truth: 3, results: 13, recall: 2 / 3, precision: 2 / 13, firstTenPrecision: 2 / 10, emptyWhenNone: null });
    expect(score.missed).toEqual(['/c/']);
    expect(score.wrongInFirstTen).toEqual(['/x/', '/y0/', '/y1/']);
  });

  it('scores a query nothing holds only by whether it answered nothing', () => {
    expect(scoreQuery(entry, [], new Set(), url)).toMatchObject({ recall: null, precision: null, firstTenPrecision: null, emptyWhenNone: true });
    expect(scoreQuery(entry, ['a'], new Set(), url)).toMatchObject({ emptyWhenNone: false });
  });

  it('gives precision 0 when nothing is found but something holds the query', () => {
    expect(scoreQuery(entry, [], new Set(['a']), url)).toMatchObject({ recall: 0, precision: 0, firstTenPrecision: 0 });
  });
});
