/**
 * The search page over Pagefind's JS API: the address holds the search (search-query.ts),
 * results come ten a page, and only the shown page's results are fetched. Pagefind's
 * `search()` returns every match with a lazy `data()`; the count and the order are known as
 * soon as it answers, so the first page costs ten fragment requests whatever the number of
 * matches.
 */
import { paginationLinks } from '../lib/pagination-links.ts';
import {
  excerptParts,
  FILTER_PARAMETERS,
  findResults,
  readSearchState,
  RESULTS_PER_PAGE,
  toPagefindRequest,
  toSearchParams,
  type FilterParameter,
  type FoundResult,
  type PagefindRequest,
  type SearchState,
} from './search-query.ts';

interface PagefindResultData {
  url: string;
  /** The page's indexed text, its words split by spaces. */
  content: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  /** The positions of the search's word on the page. */
  words: number[];
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  init(): Promise<void>;
  search(term: string | null, options: { filters: Record<string, string>; sort: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

const TYPING_PAUSE_MS = 250;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The search the form shows, on its first page. */
function formState(form: HTMLFormElement): SearchState {
  const data = new FormData(form);
  const params = new URLSearchParams();
  for (const [name, value] of data) if (typeof value === 'string') params.set(name, value);
  return readSearchState(params);
}

function fillForm(form: HTMLFormElement, state: SearchState): void {
  (form.elements.namedItem('q') as HTMLInputElement).value = state.q;
  for (const parameter of Object.keys(FILTER_PARAMETERS) as FilterParameter[]) {
    // A list of values, or, on a site with very many bodies, a typed name.
    const control = form.elements.namedItem(parameter);
    if (control instanceof HTMLSelectElement || control instanceof HTMLInputElement) control.value = state.filters[parameter] ?? '';
  }
  (form.elements.namedItem('sort') as HTMLSelectElement).value = state.sort;
  const active = Object.keys(state.filters).length + (state.sort ? 1 : 0);
  element('app-search-filter-count').textContent = active ? `（已选 ${active} 项）` : '';
}

const addressOf = (state: SearchState) => {
  const query = toSearchParams(state).toString();
  return `${location.pathname}${query ? `?${query}` : ''}`;
};

/** Every result of a request, holders of the phrase first. */
function findAll(pagefind: Pagefind, request: PagefindRequest): Promise<FoundResult<PagefindResult>[]> {
  return findResults(request, async (term) => (await pagefind.search(term, { filters: request.filters, sort: request.sort })).results);
}

function renderResult(template: HTMLTemplateElement, data: PagefindResultData, at: number, query: string): Node {
  const item = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
  const link = item.querySelector<HTMLAnchorElement>('.app-result__link')!;
  link.href = data.meta.url ?? data.url;
  link.textContent = data.meta.title ?? data.url;
  item.querySelector('.app-result__date')!.textContent = data.meta.date ?? '';
  item.querySelector('.app-result__source')!.textContent = data.meta.source ?? '';
  if (data.meta.status) {
    const status = item.querySelector<HTMLElement>('.app-result__status')!;
    status.textContent = ` · ${data.meta.status}`;
    status.hidden = false;
  }
  const excerpt = item.querySelector('.app-result__excerpt')!;
  for (const part of excerptParts(data.content, at, query)) {
    if (!part.marked) excerpt.append(part.text);
    else excerpt.appendChild(document.createElement('mark')).textContent = part.text;
  }
  return item;
}

function renderPages(container: HTMLElement, state: SearchState, pageCount: number): void {
  container.replaceChildren();
  const links = paginationLinks(state.page, pageCount, (page) => addressOf({ ...state, page }));
  if (!links.length) return;
  const nav = container.appendChild(document.createElement('nav'));
  nav.className = 'app-pagination';
  nav.setAttribute('aria-label', '搜索结果分页');
  const list = nav.appendChild(document.createElement('ul'));
  list.className = 'app-pagination__list';
  for (const link of links) {
    const target = list.appendChild(document.createElement('li')).appendChild(document.createElement(link.href ? 'a' : 'span'));
    target.textContent = link.text;
    target.className = link.href ? 'app-pagination__link' : 'app-pagination__link app-pagination__link--disabled';
    if (link.href) {
      (target as HTMLAnchorElement).href = link.href;
      target.setAttribute('aria-label', link.label);
      if (link.current) target.setAttribute('aria-current', 'page');
    }
  }
}

/**
 * Wires the search page: reads the search from the address, runs it, and keeps the address,
 * the form and the results in step as the reader types, submits, filters, pages and goes back.
 *
 * @param pagefindUrl Pagefind's JS API, loaded at once for a search in the address, else when the
 *   reader first reaches for the form
 */
export function startSearchPage(pagefindUrl: string): void {
  const form = element<HTMLFormElement>('app-search-page-form');
  const input = element<HTMLInputElement>('app-search-page-q');
  const status = element('app-search-status');
  const list = element<HTMLOListElement>('app-search-list');
  const empty = element('app-search-empty');
  const pages = element('app-search-pages');
  const template = element<HTMLTemplateElement>('app-search-result');
  const filters = element<HTMLDetailsElement>('app-search-filters');

  let loading: Promise<Pagefind> | undefined;
  const pagefind = () =>
    (loading ??= (import(/* @vite-ignore */ pagefindUrl) as Promise<Pagefind>).then(async (api) => {
      await api.init();
      return api;
    }));

  let found: { key: string; results: FoundResult<PagefindResult>[] } | undefined;
  let latest = 0;
  /** The search of the current history entry when it was made; typing only replaces it. */
  let committed = readSearchState(new URLSearchParams(location.search));

  async function show(state: SearchState): Promise<void> {
    const run = ++latest;
    const request = toPagefindRequest(state);
    if (!request) {
      list.replaceChildren();
      pages.replaceChildren();
      empty.hidden = true;
      status.textContent = '输入关键词后按回车键搜索。';
      return;
    }
    status.textContent = '正在搜索……';
    const api = await pagefind();
    const key = JSON.stringify(request);
    if (found?.key !== key) {
      const results = await findAll(api, request);
      if (run !== latest) return;
      found = { key, results };
    }
    const { results } = found;
    const pageCount = Math.max(1, Math.ceil(results.length / RESULTS_PER_PAGE));
    const page = Math.min(state.page, pageCount);
    const first = (page - 1) * RESULTS_PER_PAGE;
    const onPage = results.slice(first, first + RESULTS_PER_PAGE);
    const shown = await Promise.all(onPage.map(({ result }) => result.data()));
    if (run !== latest) return;

    list.start = first + 1;
    list.replaceChildren(...shown.map((data, index) => renderResult(template, data, onPage[index]!.at, state.q)));
    empty.hidden = results.length > 0;
    element('app-search-empty-query').textContent = state.q || '所选条件';
    status.textContent = results.length ? `共找到 ${results.length} 条${pageCount > 1 ? `，第 ${page}/${pageCount} 页` : ''}` : '共找到 0 条';
    renderPages(pages, { ...state, page }, pageCount);
    performance.mark('gazette-search:results', { detail: { query: state.q, count: results.length } });
  }

  /** A search the reader asked for: a new history entry, the typed-over one restored. */
  function commit(state: SearchState): void {
    const address = addressOf(state);
    if (address !== addressOf(committed)) {
      history.replaceState(null, '', addressOf(committed));
      history.pushState(null, '', address);
    }
    committed = state;
    void show(state);
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      const state = formState(form);
      history.replaceState(null, '', addressOf(state));
      void show(state);
    }, TYPING_PAUSE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    commit(formState(form));
  });
  form.addEventListener('change', (event) => {
    const isFilter = event.target instanceof HTMLSelectElement || (event.target instanceof HTMLInputElement && event.target !== input);
    if (!isFilter) return;
    const state = formState(form);
    fillForm(form, state);
    commit(state);
  });
  pages.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    commit(readSearchState(new URL(link.href).searchParams));
    status.focus();
  });
  window.addEventListener('popstate', () => {
    committed = readSearchState(new URLSearchParams(location.search));
    fillForm(form, committed);
    void show(committed);
  });

  fillForm(form, committed);
  // Filters stay folded on a phone unless one is chosen; on a wide screen they always show.
  if (Object.keys(committed.filters).length || committed.sort) filters.open = true;
  // With nothing to search for yet, Pagefind (its script, WebAssembly and index) loads when the
  // reader reaches for the form, so it never holds the page back on a slow phone.
  if (committed.q || Object.keys(committed.filters).length) void show(committed);
  else form.addEventListener('focusin', () => void pagefind(), { once: true });
}
