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

/** What Pagefind is asked: its query strings, filters and sort. */
export interface PagefindRequest {
  /** Every word of the query; null lists by the filters alone. */
  words: string | null;
  /** The query as written, whose results come first; null when there is no separate phrase search. */
  phrase: string | null;
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
    return Object.keys(filters).length ? { words: null, phrase: null, filters, sort: { date: 'desc' } } : null;
  }
  const spelled = spellQuery(state.q);
  if (!spelled.words) return null;
  // Ordered by date, results are not ranked, so holding the phrase does not move them up.
  return { words: spelled.words, phrase: state.sort === 'date' ? null : spelled.phrase, filters, sort };
}

/**
 * Results that hold the phrase first, in the phrase search's order, then the rest in the word
 * search's order; each result once.
 */
export function phraseFirst<T extends { id: string }>(phraseResults: readonly T[], wordResults: readonly T[]): T[] {
  const seen = new Set<string>();
  const ordered: T[] = [];
  for (const result of [...phraseResults, ...wordResults]) {
    if (seen.has(result.id)) continue;
    seen.add(result.id);
    ordered.push(result);
  }
  return ordered;
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
