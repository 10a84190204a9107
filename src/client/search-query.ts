/**
 * A search as the address holds it, and what the search page makes of Pagefind's answers:
 * the order of the results (phrase first) and their excerpts as readers read them. Pure
 * functions, so the page script (search-page.ts) only wires them to the DOM.
 */
import { fromIndexSpelling, highlightTerms, spellQuery } from '../lib/search-spelling.ts';

/** The filters the index has (src/lib/search-documents.ts), by their parameter in the address. */
export const FILTER_PARAMETERS = { source: '来源', year: '年份', column: '栏目' } as const;
export type FilterParameter = keyof typeof FILTER_PARAMETERS;

export const RESULTS_PER_PAGE = 10;

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterParameter, string>>;
  /** `date`: newest first; otherwise by relevance, phrase first. */
  sort: '' | 'date';
  page: number;
}

/** The search in an address's query string (`?q=…&source=…&year=…&column=…&sort=date&page=2`). */
export function readSearchState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const parameter of Object.keys(FILTER_PARAMETERS) as FilterParameter[]) {
    const value = params.get(parameter)?.trim();
    if (value) filters[parameter] = value;
  }
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    q: params.get('q')?.trim() ?? '',
    filters,
    sort: params.get('sort') === 'date' ? 'date' : '',
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** The query string of a search: only what differs from an empty search, in a fixed order. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const parameter of Object.keys(FILTER_PARAMETERS) as FilterParameter[]) {
    const value = state.filters[parameter];
    if (value) params.set(parameter, value);
  }
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** What Pagefind is asked: its searches, filters and sort. */
export interface PagefindRequest {
  /** The query as written (an exact search); null lists by the filters alone. */
  phrase: string | null;
  /** Each of the query's words, a search of its own; just the phrase when the query is one word. */
  words: string[];
  /**
   * The phrase's words as a plain search, for its scores: Pagefind scores every result of an
   * exact search 1, so the phrase's results are ranked by this search's (BM25) scores. Null
   * when the phrase is one word, or results are ordered by date.
   */
  ranked: string | null;
  filters: Record<string, string>;
  sort: Record<string, 'asc' | 'desc'>;
}

/** The Pagefind searches for a state, or null when there is nothing to search for. */
export function toPagefindRequest(state: SearchState): PagefindRequest | null {
  const filters: Record<string, string> = {};
  for (const [parameter, value] of Object.entries(state.filters)) filters[FILTER_PARAMETERS[parameter as FilterParameter]] = value;
  const sort: PagefindRequest['sort'] = state.sort === 'date' ? { date: 'desc' } : {};
  if (!state.q) {
    // Filters without a query list their announcements, newest first.
    return Object.keys(filters).length ? { phrase: null, words: [], ranked: null, filters, sort: { date: 'desc' } } : null;
  }
  const { phrase, words } = spellQuery(state.q);
  if (!phrase) return null;
  const isExact = phrase.startsWith('"');
  return { phrase, words, ranked: isExact && state.sort !== 'date' ? phrase.slice(1, -1) : null, filters, sort };
}

/** A Pagefind result as ordering needs it. */
export interface ScoredResult {
  id: string;
  score: number;
}

/**
 * Every result of a request: those that hold the phrase, then those that hold each of the
 * query's words apart. Pagefind leaves out a query word the index does not hold and answers
 * for the others (火星基地 would find 火星 alone), so each word is a search of its own and a
 * result must be in all of them: a query with a word no announcement holds finds nothing.
 *
 * @param search one Pagefind search with the request's filters and sort (null: filters alone)
 */
export async function findResults<T extends ScoredResult>(request: PagefindRequest, search: (term: string | null) => Promise<T[]>): Promise<T[]> {
  if (request.phrase === null) return search(null);
  const isOneWord = request.words.length === 1 && request.words[0] === request.phrase;
  const [phrase, ranked, ...words] = await Promise.all([
    search(request.phrase),
    request.ranked === null ? null : search(request.ranked),
    ...(isOneWord ? [] : request.words.map(search)),
  ]);
  const phraseRanked = ranked ? rankBy(phrase!, ranked) : phrase!;
  return isOneWord ? phraseRanked : phraseFirst(phraseRanked, words, { byDate: 'date' in request.sort });
}

/** `results` in the order of their scores in `scored` (best first); any not there keep their order after them. */
export function rankBy<T extends ScoredResult>(results: readonly T[], scored: readonly ScoredResult[]): T[] {
  const scores = new Map(scored.map((result) => [result.id, result.score]));
  return results
    .map((result, index) => ({ result, index, score: scores.get(result.id) ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ result }) => result);
}

/**
 * Results that hold the phrase, then those in every word's results, each once. By relevance
 * the phrase's come in its own order and the rest by their words' scores together; by date
 * all come in the order of the first word's results, which Pagefind has sorted.
 */
export function phraseFirst<T extends ScoredResult>(phraseResults: readonly T[], wordResults: readonly (readonly T[])[], { byDate = false } = {}): T[] {
  const inPhrase = new Set(phraseResults.map((result) => result.id));
  const found = new Map<string, { result: T; score: number; words: number }>();
  for (const results of wordResults) {
    for (const result of results) {
      const entry = found.get(result.id) ?? { result, score: 0, words: 0 };
      entry.score += result.score;
      entry.words += 1;
      found.set(result.id, entry);
    }
  }
  const apart = [...found.values()].filter((entry) => entry.words === wordResults.length && !inPhrase.has(entry.result.id));
  if (byDate && wordResults.length) {
    const kept = new Set([...inPhrase, ...apart.map((entry) => entry.result.id)]);
    const ordered = wordResults[0]!.filter((result) => kept.has(result.id));
    const listed = new Set(ordered.map((result) => result.id));
    return [...ordered, ...phraseResults.filter((result) => !listed.has(result.id))];
  }
  return [...phraseResults, ...apart.sort((a, b) => b.score - a.score).map((entry) => entry.result)];
}

/** A piece of an excerpt: text, marked when it is one of the query's words. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/**
 * An excerpt from Pagefind (HTML-escaped index text, with Pagefind's own `<mark>`s) as readers
 * read it: back from the index spelling, with the query's words marked as the reader typed
 * them, ready to be set as text (never as HTML).
 */
export function excerptParts(excerpt: string, query: string): ExcerptPart[] {
  const text = fromIndexSpelling(excerpt.replace(/<\/?mark>/g, ''))
    .replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity]!)
    .replace(/……\s+/g, '……')
    .replace(/\s+……/g, '……');
  const terms = highlightTerms(query);
  if (!terms.length) return text ? [{ text, marked: false }] : [];
  const pattern = new RegExp(terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  const parts: ExcerptPart[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), marked: false });
    parts.push({ text: match[0], marked: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
