/**
 * A search as the address holds it, and what the search page makes of Pagefind's answers:
 * the order of the results (phrase first) and their excerpts as readers read them. Pure
 * functions, so the page script (search-page.ts) only wires them to the DOM.
 */
import { fromIndexSpelling, highlightTerms, spellQuery, type QueryUnit } from '../lib/search-spelling.ts';

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

/**
 * What Pagefind is asked: a search for each index word the query needs, and how their answers
 * combine (search-spelling.ts): a result holds a word, or the phrase, where its units stand at
 * their offsets from one place, as the positions Pagefind gives with each result show.
 */
export interface PagefindRequest {
  /** One search per index word; none lists by the filters alone. */
  terms: string[];
  phrase: QueryUnit[];
  words: QueryUnit[][];
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
    return Object.keys(filters).length ? { terms: [], phrase: [], words: [], filters, sort: { date: 'desc' } } : null;
  }
  const { phrase, words } = spellQuery(state.q);
  if (!phrase.length) return null;
  const terms = [...new Set([...words.flat(), ...phrase].map((unit) => unit.term))];
  return { terms, phrase, words, filters, sort };
}

/** A Pagefind result as ordering needs it: its score, and the positions of its search's word on the page. */
export interface ScoredResult {
  id: string;
  score: number;
  words: number[];
}

/** A result, and the position on its page the excerpt shows: where the query, or its first word, stands. */
export interface FoundResult<T> {
  result: T;
  at: number;
}

/**
 * Every result of a request: those that hold the query as written, then those that hold each
 * of its words apart, each group by score (the sum of its words' scores), or all by date when
 * sorted so. Pagefind answers a search of several words for those the index holds and drops
 * the others (火星基地 would find 火星 alone), and its exact search walks every location of
 * every page for each result; here each index word is a search of its own, and a result must
 * hold every word of the query, where its pairs stand next to each other.
 *
 * @param search one Pagefind search with the request's filters and sort (null: filters alone)
 */
export async function findResults<T extends ScoredResult>(request: PagefindRequest, search: (term: string | null) => Promise<T[]>): Promise<FoundResult<T>[]> {
  if (!request.terms.length) return (await search(null)).map((result) => ({ result, at: 0 }));
  const answers = await Promise.all(request.terms.map(search));
  const byTerm = new Map(request.terms.map((term, index) => [term, new Map(answers[index]!.map((result) => [result.id, result]))]));
  const resultsOf = (units: readonly QueryUnit[]) => units.map(({ term, offset }) => ({ results: byTerm.get(term)!, offset }));
  const words = request.words.map(resultsOf);
  const phrase = resultsOf(request.phrase);
  const wordTerms = [...new Set(request.words.flat().map((unit) => unit.term))].map((term) => byTerm.get(term)!);

  const found: (FoundResult<T> & { score: number; asWritten: boolean })[] = [];
  // Pagefind's order of the first word's search: by date when sorted so.
  for (const result of answers[request.terms.indexOf(request.words[0]![0]!.term)]!) {
    let at: number | undefined;
    let holdsEvery = true;
    for (const units of words) {
      const place = placeOf(result.id, units);
      if (place === undefined) {
        holdsEvery = false;
        break;
      }
      at ??= place;
    }
    if (!holdsEvery) continue;
    const asWritten = placeOf(result.id, phrase);
    let score = 0;
    for (const results of wordTerms) score += results.get(result.id)!.score;
    found.push({ result, at: asWritten ?? at!, score, asWritten: asWritten !== undefined });
  }
  if ('date' in request.sort) return found.map(({ result, at }) => ({ result, at }));
  const byScore = (a: { score: number }, b: { score: number }) => b.score - a.score;
  return [...found.filter((entry) => entry.asWritten).sort(byScore), ...found.filter((entry) => !entry.asWritten).sort(byScore)].map(({ result, at }) => ({ result, at }));
}

/**
 * Where `units` stand on the page of `id`: the place each stands at its offset from (a unit
 * without an offset need only be on the page; with none, the first place of the first unit's
 * word); undefined when they do not stand so.
 */
function placeOf<T extends ScoredResult>(id: string, units: readonly { results: ReadonlyMap<string, T>; offset: number | null }[]): number | undefined {
  let anchor: { words: number[]; offset: number } | undefined;
  for (const { results, offset } of units) {
    const result = results.get(id);
    if (!result) return undefined;
    if (offset !== null) anchor ??= { words: result.words, offset };
  }
  if (!anchor) return units[0]!.results.get(id)!.words[0] ?? 0;
  next: for (const position of anchor.words) {
    const place = position - anchor.offset;
    for (const { results, offset } of units) if (offset !== null && !results.get(id)!.words.includes(place + offset)) continue next;
    return place;
  }
  return undefined;
}

/** A piece of an excerpt: text, marked when it is one of the query's words. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

/** Excerpt length, in the index's words: one per character of Chinese text. */
export const EXCERPT_WORDS = 64;
/** Words shown before the one the excerpt is about. */
const EXCERPT_LEAD = 12;

/**
 * A result's excerpt: the words of its page's indexed text (Pagefind's `content`) around
 * position `at`, read back as written, with the query's words marked as the reader typed them
 * and Chinese ellipses where the text goes on, ready to be set as text (never as HTML).
 */
export function excerptParts(content: string, at: number, query: string): ExcerptPart[] {
  const words = content.split(/\s+/);
  const end = Math.min(words.length, Math.max(0, at - EXCERPT_LEAD) + EXCERPT_WORDS);
  const start = Math.max(0, end - EXCERPT_WORDS);
  const text = `${start > 0 ? '……' : ''}${fromIndexSpelling(words.slice(start, end).join(' '))}${end < words.length ? '……' : ''}`;
  const terms = highlightTerms(query);
  if (!terms.length) return text ? [{ text, marked: false }] : [];
  const pattern = new RegExp(terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  const parts: ExcerptPart[] = [];
  let shownUpTo = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > shownUpTo) parts.push({ text: text.slice(shownUpTo, match.index), marked: false });
    parts.push({ text: match[0], marked: true });
    shownUpTo = match.index + match[0].length;
  }
  if (shownUpTo < text.length) parts.push({ text: text.slice(shownUpTo), marked: false });
  return parts;
}
