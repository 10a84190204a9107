/**
 * Search quality and speed on a built site, as readers meet them: for each query, the results
 * the search page asks Pagefind for (a search per index word, phrase first)
 * against the truth "the announcement's indexed text contains the query", and the time until
 * the first page of results shows in Chromium next to the time Pagefind itself takes to answer.
 * `npm run bench` calls it on the Gazette build; alone it measures any built site:
 *
 *   node scripts/bench/search-quality.ts --dist <dir> [--timing all|two|none] [--repeat N]
 *     [--queries 安全生产,急救知识] [--no-quality]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { folderBytes } from './measure.ts';
import { launchBrowser } from '../../tests/support/browser.ts';
import { serveStatic } from '../../tests/support/static-server.ts';
import { findResults, readSearchState, toPagefindRequest, type PagefindRequest, type ScoredResult } from '../../src/client/search-query.ts';
import { BLOCK_BREAK, fromIndexSpelling } from '../../src/lib/search-spelling.ts';

/** A query of the quality set, with what kind of query it stands for. */
export interface QualityQuery {
  query: string;
  kind: string;
}

/**
 * The quality queries, chosen from what the synthetic corpus holds (scripts/bench/synthetic/
 * vocabulary.ts, originals.ts) and from what readers typed in the issue; some on purpose hold
 * nothing, or hold words only apart.
 */
export const QUALITY_QUERIES: readonly QualityQuery[] = [
  // the commonest word of the corpus (every generated announcement holds it) and rare ones
  // (a contact's name and a company, each in one announcement at 10,000 with seed 1)
  { query: '全市', kind: 'most common word' },
  { query: '钱帅兰', kind: 'rare word (a name)' },
  { query: '青阳东湾商贸有限公司', kind: 'rare word (a company)' },
  // topics
  { query: '安全生产', kind: 'topic' },
  { query: '隐患排查治理', kind: 'topic' },
  { query: '水库安全度汛', kind: 'topic' },
  { query: '护林员巡山', kind: 'topic' },
  { query: '秸秆禁烧', kind: 'topic' },
  { query: '冷链食品追溯', kind: 'topic' },
  { query: '电动自行车充电', kind: 'topic' },
  { query: '厕所革命', kind: 'topic' },
  { query: '撂荒地复耕', kind: 'topic' },
  { query: '一网通办', kind: 'topic' },
  { query: '政策解读', kind: 'topic' },
  { query: '垃圾分类', kind: 'topic' },
  { query: '防溺水教育', kind: 'topic' },
  { query: '酒驾醉驾整治', kind: 'topic' },
  { query: '医保电子凭证', kind: 'topic' },
  { query: '临时停水', kind: 'topic' },
  { query: '行政处罚决定书', kind: 'topic' },
  // places
  { query: '遂宁', kind: 'place' },
  { query: '赣州市', kind: 'place' },
  { query: '襄阳市应急管理局', kind: 'place' },
  { query: '金桥街道', kind: 'place' },
  { query: '青龙村', kind: 'place' },
  // two-character words
  { query: '工作', kind: 'two characters' },
  { query: '安全', kind: 'two characters' },
  { query: '供水', kind: 'two characters' },
  { query: '罚款', kind: 'two characters' },
  { query: '值班', kind: 'two characters' },
  { query: '生产', kind: 'two characters' },
  { query: '防汛', kind: 'two characters' },
  // long phrases
  { query: '切实保障人民群众生命财产安全', kind: 'long phrase' },
  { query: '坚决防范和遏制重特大事故发生', kind: 'long phrase' },
  { query: '中华人民共和国食品安全法', kind: 'long phrase' },
  { query: '现将有关事项通知如下', kind: 'long phrase' },
  { query: '恢复供水初期可能出现水压偏低', kind: 'long phrase' },
  // phrases the issue measured, whose words the corpus may hold only apart
  { query: '安全生产法', kind: 'phrase (issue)' },
  { query: '防灾减灾', kind: 'phrase (issue)' },
  { query: '急救知识', kind: 'phrase (issue)' },
  { query: '安全社区', kind: 'phrase (issue)' },
  // punctuation, spaces, one character, digits, nothing
  { query: '早发现、早报告', kind: 'with punctuation' },
  { query: '早发现早报告', kind: 'punctuation left out' },
  { query: '食品 安全', kind: 'two words' },
  { query: '火', kind: 'one character' },
  { query: '2023年', kind: 'digits and Han' },
  { query: '火星基地', kind: 'held by none' },
];

/** The queries `npm run bench` times by default: the most common word and a rare one. */
export const MOST_COMMON_WORD = '全市';
export const RARE_WORD = '钱帅兰';

/** Text as the truth compares it: without whitespace and punctuation (anything not a letter or digit), Latin in lower case. */
export function normaliseForTruth(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
}

/** One indexed announcement: its Pagefind result id (the fragment's file name), URL and normalised text. */
export interface IndexedText {
  id: string;
  url: string;
  text: string;
}

/**
 * Every announcement's indexed text, from the fragments Pagefind wrote (gzip; the JSON follows a
 * 12-byte `pagefind_dcd` signature), back in plain Chinese and normalised for the truth.
 */
export function readIndexedTexts(dist: string): IndexedText[] {
  const folder = join(dist, 'pagefind', 'fragment');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.pf_fragment'))
    .map((name) => {
      const bytes = gunzipSync(readFileSync(join(folder, name)));
      const signature = bytes.subarray(0, 12).toString('latin1');
      if (signature !== 'pagefind_dcd') throw new Error(`${name}: expected the pagefind_dcd signature, found ${JSON.stringify(signature)}`);
      const { url, content } = JSON.parse(bytes.subarray(12).toString('utf8')) as { url: string; content: string };
      // Block by block: a phrase never runs on from one paragraph into the next.
      const text = content.split(BLOCK_BREAK).map((block) => normaliseForTruth(fromIndexSpelling(block))).join('\n');
      return { id: basename(name, '.pf_fragment'), url, text };
    });
}

/** The ids of the announcements whose indexed text holds the query. */
export function truthFor(texts: readonly IndexedText[], query: string): Set<string> {
  const wanted = normaliseForTruth(query.replace(/^\s*["“”„](.*)["“”„]\s*$/su, '$1'));
  return new Set(wanted ? texts.filter((text) => text.text.includes(wanted)).map((text) => text.id) : []);
}

/** What the search page asks Pagefind for a query (src/client/search-query.ts). */
export const pagefindRequest = (query: string): PagefindRequest | null => toPagefindRequest(readSearchState(new URLSearchParams({ q: query })));

interface PagefindInPage {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: { id: string; score: number; words: number[]; data(): Promise<{ url: string }> }[] }>;
}

/** What the search page shows for a query: every result id in its order, and the first results' URLs. */
export interface PageAnswer {
  ids: string[];
  topUrls: string[];
}

/**
 * Asks Pagefind as the search page does, in a page of its own: Pagefind keeps the index chunks
 * it loaded, and what it answers can depend on them (a prefix, or a word the index lacks), so
 * each query meets a freshly loaded Pagefind as a reader opening /search/?q=… does. The searches
 * run together as on the page, and are ordered phrase first here in Node.
 *
 * @param top how many of the first results' URLs to fetch (their data())
 */
export async function askAsThePage(context: BrowserContext, siteUrl: string, query: string, top = 0): Promise<PageAnswer> {
  const request = pagefindRequest(query);
  if (!request) return { ids: [], topUrls: [] };
  const page = await context.newPage();
  try {
    // The home page loads no search code of its own to interfere with Pagefind's API.
    await page.goto(`${siteUrl}/`);
    await page.evaluate(async () => {
      const entry = '/pagefind/pagefind.js';
      const pagefind = (await import(entry)) as PagefindInPage;
      await pagefind.init();
      Object.assign(window, { __pagefind: pagefind, __results: new Map() });
    });
    // Each search runs in the page; findResults orders them here as the page's script does.
    const ordered = await findResults(request, (term) =>
      page.evaluate(async (term) => {
        const { __pagefind: pagefind, __results: byId } = window as unknown as { __pagefind: PagefindInPage; __results: Map<string, unknown> };
        const { results } = await pagefind.search(term, { filters: {}, sort: {} });
        for (const result of results) byId.set(result.id, result);
        return results.map(({ id, score, words }) => ({ id, score, words }));
      }, term),
    );
    const ids = ordered.map(({ result }) => result.id);
    const topUrls = await page.evaluate(async (ids) => {
      const byId = (window as unknown as { __results: Map<string, { data(): Promise<{ url: string }> }> }).__results;
      return Promise.all(ids.map(async (id) => (await byId.get(id)!.data()).url));
    }, ids.slice(0, top));
    return { ids, topUrls };
  } finally {
    await page.close();
  }
}

/** How one query's results compare with its truth. */
export interface QueryQuality {
  query: string;
  kind: string;
  truth: number;
  results: number;
  /** Truth found among all results; null when nothing holds the query. */
  recall: number | null;
  /** Results that hold the query; 0 when there are no results but the truth is not empty; null when nothing holds the query. */
  precision: number | null;
  /** Of the first min(10, results) results, those holding the query; same conventions as precision. */
  firstTenPrecision: number | null;
  /** When nothing holds the query: whether the search answered no results (the only correct answer). */
  emptyWhenNone: boolean | null;
  /** Up to three announcements that hold the query but were not found (URLs), for reading. */
  missed: string[];
  /** Up to three of the first ten results that do not hold the query (URLs). */
  wrongInFirstTen: string[];
}

/** Scores one query's ordered results against its truth. */
export function scoreQuery(entry: QualityQuery, ordered: readonly string[], truth: ReadonlySet<string>, urlOf: (id: string) => string): QueryQuality {
  const found = ordered.filter((id) => truth.has(id));
  const answered = new Set(ordered);
  const firstTen = ordered.slice(0, 10);
  const none = truth.size === 0;
  return {
    query: entry.query,
    kind: entry.kind,
    truth: truth.size,
    results: ordered.length,
    recall: none ? null : found.length / truth.size,
    precision: none ? null : ordered.length ? found.length / ordered.length : 0,
    firstTenPrecision: none ? null : firstTen.length ? firstTen.filter((id) => truth.has(id)).length / firstTen.length : 0,
    emptyWhenNone: none ? ordered.length === 0 : null,
    missed: [...truth].filter((id) => !answered.has(id)).slice(0, 3).map(urlOf),
    wrongInFirstTen: firstTen.filter((id) => !truth.has(id)).slice(0, 3).map(urlOf),
  };
}

/** How long one query took in a fresh browser context, in ms from navigation start. */
export interface QueryTiming {
  query: string;
  /** The search page: until `gazette-search:results` (first page drawn); null when the page does not set it. */
  firstPageMs: number | null;
  /** Results the page reported (from the mark's detail). */
  pageCount: number | null;
  /** KB the server sent (bodies) until the first page showed, for all requests and for /pagefind/ ones. */
  firstPageKb: number | null;
  pagefindKb: number | null;
  fragmentRequests: number | null;
  /** The /pagefind/ KB by kind: code (pagefind.js, its worker, WASM), pf_meta, index chunks, filters, fragments. */
  pagefindKbByKind: Record<string, number> | null;
  /** Pagefind alone, on a page without search code: until its answer to the query as written (the phrase search, after init) resolves. */
  pagefindWordsMs: number;
  /** … until every search the page asks (the phrase and each word, in parallel) resolves. */
  pagefindBothMs: number;
  /** … until the first ten results' data() (phrase first) resolves too. */
  pagefindFirstTenMs: number;
  pagefindResults: number;
  /** How many runs the times are the median of. */
  runs: number;
}

const RESULTS_MARK = 'gazette-search:results';

const NOT_MEASURED = { firstPageMs: null, pageCount: null, firstPageKb: null, pagefindKb: null, fragmentRequests: null, pagefindKbByKind: null };

function pagefindFileKind(path: string): 'code' | 'meta' | 'index' | 'filter' | 'fragment' {
  if (path.startsWith('/pagefind/fragment/')) return 'fragment';
  if (path.startsWith('/pagefind/index/')) return 'index';
  if (path.startsWith('/pagefind/filter/')) return 'filter';
  return path.endsWith('.pf_meta') ? 'meta' : 'code';
}

/** A served site, and what it served (path and body bytes) since the last `served.length = 0`. */
export interface Site {
  url: string;
  served: { path: string; bytes: number }[];
}

/**
 * The search page's time to its first page of results, and the bytes served until it showed
 * (counted by the server: the browser's own records miss what Pagefind's worker fetches), in a
 * fresh context.
 */
async function timeSearchPage(browser: Browser, site: Site, query: string) {
  const siteUrl = site.url;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    site.served.length = 0;
    await page.goto(`${siteUrl}/search/?${new URLSearchParams({ q: query })}`);
    const mark = await page
      .waitForFunction(
        (name) => {
          const entry = performance.getEntriesByName(name)[0] as PerformanceMark | undefined;
          return entry ? { startTime: entry.startTime, count: (entry.detail as { count?: number } | null)?.count ?? null } : null;
        },
        RESULTS_MARK,
        { timeout: 180_000, polling: 20 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    const finished = [...site.served];
    if (!mark) return { ...NOT_MEASURED };
    const sum = (items: { bytes: number }[]) => items.reduce((total, item) => total + item.bytes, 0) / 1000;
    const pagefind = finished.filter(({ path }) => path.startsWith('/pagefind/'));
    return {
      firstPageMs: mark.startTime,
      pageCount: mark.count,
      firstPageKb: sum(finished),
      pagefindKb: sum(pagefind),
      fragmentRequests: pagefind.filter(({ path }) => path.startsWith('/pagefind/fragment/')).length,
      pagefindKbByKind: Object.fromEntries(
        (['code', 'meta', 'index', 'filter', 'fragment'] as const).map((kind) => [kind, sum(pagefind.filter(({ path }) => pagefindFileKind(path) === kind))]),
      ),
    };
  } finally {
    await context.close();
  }
}

/**
 * Pagefind's own answer in a fresh context: on the home page (no search code), Pagefind is
 * imported as the page's module scripts would be (at DOMContentLoaded), then asked as the
 * search page asks it; times are from navigation start.
 */
async function timePagefind(browser: Browser, siteUrl: string, query: string) {
  const request = pagefindRequest(query);
  // Every search the page asks (findResults), each once.
  const searches: (string | null)[] = request?.terms.length ? request.terms : [null];
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript((searches) => {
      document.addEventListener('DOMContentLoaded', async () => {
        const entry = '/pagefind/pagefind.js';
        const pagefind = (await import(entry)) as PagefindInPage;
        await pagefind.init();
        const options = { filters: {}, sort: {} };
        const times: Record<string, number> = {};
        const answers = await Promise.all(
          searches.map((term, index) => pagefind.search(term, options).then((answer) => (index === 0 && (times.words = performance.now()), answer))),
        );
        times.both = performance.now();
        const byId = new Map(answers.flatMap((answer) => answer.results.map((result) => [result.id, result] as const)));
        const lists = answers.map((answer) => answer.results.map(({ id, score, words }) => ({ id, score, words })));
        Object.assign(window, { __byId: byId, __timing: { ...times, lists } });
      });
    }, searches);
    await page.goto(`${siteUrl}/`);
    type Timing = { words: number; both: number; lists: ScoredResult[][] };
    const timing = (await page
      .waitForFunction(() => (window as unknown as { __timing?: Timing }).__timing ?? null, null, { timeout: 180_000, polling: 20 })
      .then((handle) => handle.jsonValue())) as Timing;
    // Ordered here by the page's own findResults over the answers (the round trip adds a few milliseconds), then the first ten's data().
    const answered = new Map(searches.map((term, index) => [term, timing.lists[index]!]));
    const ordered = request ? (await findResults(request, async (term) => answered.get(term)!)).map(({ result }) => result) : timing.lists[0]!;
    const firstTen = await page.evaluate(async (ids) => {
      const byId = (window as unknown as { __byId: Map<string, { data(): Promise<unknown> }> }).__byId;
      await Promise.all(ids.map((id) => byId.get(id)!.data()));
      return performance.now();
    }, ordered.slice(0, 10).map(({ id }) => id));
    return { pagefindWordsMs: timing.words, pagefindBothMs: timing.both, pagefindFirstTenMs: firstTen, pagefindResults: ordered.length };
  } finally {
    await context.close();
  }
}

/** Times one query: the search page and Pagefind alone. */
export async function timeQuery(browser: Browser, site: Site, query: string): Promise<QueryTiming> {
  return { query, ...(await timeSearchPage(browser, site, query)), ...(await timePagefind(browser, site.url, query)), runs: 1 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Each figure's median over runs of one query (bytes and counts vary little; times do). */
function medianTiming(runs: readonly QueryTiming[]): QueryTiming {
  const first = runs[0]!;
  const of = <K extends keyof QueryTiming>(key: K) => {
    const values = runs.map((run) => run[key]).filter((value): value is NonNullable<QueryTiming[K]> => typeof value === 'number');
    return (values.length ? median(values as number[]) : null) as QueryTiming[K];
  };
  return {
    ...first,
    firstPageMs: of('firstPageMs'),
    firstPageKb: of('firstPageKb'),
    pagefindKb: of('pagefindKb'),
    pagefindWordsMs: of('pagefindWordsMs'),
    pagefindBothMs: of('pagefindBothMs'),
    pagefindFirstTenMs: of('pagefindFirstTenMs'),
    runs: runs.length,
  };
}

/** The quality section of the bench report. */
export interface SearchQualityReport {
  dist: string;
  announcements: number;
  searchIndexMb: number;
  queries: QueryQuality[];
  /** Means over the queries some announcement holds (`withTruth` of them). */
  mean: { withTruth: number; recall: number; precision: number; firstTenPrecision: number };
  /** Queries nothing holds, and how many of them answered no results. */
  none: { queries: number; emptyAnswers: number };
  timings: QueryTiming[];
}

const mean = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : NaN);

/**
 * Measures search on a built site: quality for `queries`, and the first-page and Pagefind
 * times for `timed` (a subset of the query strings; empty for none), each the median of
 * `repeat` runs (every run in fresh contexts).
 */
export async function measureSearchQuality(options: {
  dist: string;
  queries?: readonly QualityQuery[];
  timed?: readonly string[];
  repeat?: number;
  quality?: boolean;
  log?: (line: string) => void;
}): Promise<SearchQualityReport> {
  const { dist, queries = QUALITY_QUERIES, quality = true, log = () => {} } = options;
  const timed = options.timed ?? [MOST_COMMON_WORD, RARE_WORD];
  const repeat = Math.max(1, options.repeat ?? 1);
  log(`… reading the indexed text of ${dist}`);
  const texts = readIndexedTexts(dist);
  const urlById = new Map(texts.map((text) => [text.id, text.url]));
  const served: Site['served'] = [];
  const server = await serveStatic(dist, (path, bytes) => served.push({ path, bytes }));
  const site: Site = { url: server.url, served };
  const browser = await launchBrowser();
  try {
    const scored: QueryQuality[] = [];
    if (quality) {
      log(`… ${queries.length} queries against the truth`);
      const context = await browser.newContext();
      for (const entry of queries) {
        const { ids } = await askAsThePage(context, site.url, entry.query);
        scored.push(scoreQuery(entry, ids, truthFor(texts, entry.query), (id) => urlById.get(id) ?? id));
      }
      await context.close();
    }
    const timings: QueryTiming[] = [];
    for (const query of timed) {
      log(`… timing ${query}`);
      const runs: QueryTiming[] = [];
      for (let run = 0; run < repeat; run++) runs.push(await timeQuery(browser, site, query));
      timings.push(medianTiming(runs));
    }
    const withTruth = scored.filter((entry) => entry.truth > 0);
    const none = scored.filter((entry) => entry.truth === 0);
    return {
      dist,
      announcements: texts.length,
      searchIndexMb: folderBytes(join(dist, 'pagefind')) / 1e6,
      queries: scored,
      mean: {
        withTruth: withTruth.length,
        recall: mean(withTruth.map((entry) => entry.recall!)),
        precision: mean(withTruth.map((entry) => entry.precision!)),
        firstTenPrecision: mean(withTruth.map((entry) => entry.firstTenPrecision!)),
      },
      none: { queries: none.length, emptyAnswers: none.filter((entry) => entry.emptyWhenNone).length },
      timings,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The report as Markdown tables, with how queries are scored. */
export function searchQualityTables(report: SearchQualityReport): string {
  const f = (n: number | null | undefined, digits = 2) => (n === null || n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(digits));
  const lines: string[] = [];
  lines.push(`search quality: ${report.dist}, ${report.announcements} indexed announcements, search index ${f(report.searchIndexMb)} MB`);
  if (report.queries.length) {
    lines.push(
      '',
      'truth: the announcement’s indexed text (Pagefind fragment content, decoded from the index spelling) holds the query within one block (title, paragraph, cell), both without whitespace and punctuation.',
      'results: those holding the query as written, then those holding each of its words (findResults, as the search page orders them), each query in a freshly loaded page. precision is 0 when nothing is found but something holds the query;',
      'first ten: of the first min(10, results). A query nothing holds scores only “correct when no result” and stays out of the means.',
      '',
      '| query | kind | truth | results | recall | precision | first-ten precision |',
      '|---|---|---:|---:|---:|---:|---:|',
    );
    for (const entry of report.queries) {
      const scores = entry.truth ? `${f(entry.recall)} | ${f(entry.precision)} | ${f(entry.firstTenPrecision)}` : `— | ${entry.emptyWhenNone ? 'correct: no result' : 'wrong: results'} | —`;
      lines.push(`| ${entry.query} | ${entry.kind} | ${entry.truth} | ${entry.results} | ${scores} |`);
    }
    lines.push(
      `| **mean of ${report.mean.withTruth} queries with truth** | | | | **${f(report.mean.recall, 3)}** | **${f(report.mean.precision, 3)}** | **${f(report.mean.firstTenPrecision, 3)}** |`,
      `\nqueries nothing holds: ${report.none.queries}, answered with no result: ${report.none.emptyAnswers}`,
    );
    const misses = report.queries.filter((entry) => entry.missed.length || (entry.firstTenPrecision ?? 1) < 1);
    for (const entry of misses) {
      if (entry.missed.length) lines.push(`- ${entry.query}: missed, e.g. ${entry.missed.join(', ')}`);
      if (entry.wrongInFirstTen.length) lines.push(`- ${entry.query}: in the first ten without the query, e.g. ${entry.wrongInFirstTen.join(', ')}`);
    }
  }
  if (report.timings.length) {
    lines.push(
      '',
      `times in ms from navigation start, the median of ${report.timings[0]?.runs ?? 1} run(s), each in a fresh browser context without cache; first page: the search page at /search/?q=… until gazette-search:results, and the bytes served until then;`,
      'Pagefind alone: the home page importing /pagefind/pagefind.js at DOMContentLoaded, init, then search(words) resolved / both searches / first ten data().',
      '',
      '| query | first page ms | Pagefind search(words) ms | first page − Pagefind | both searches ms | + first ten data() ms | results | first page KB | of which /pagefind/ KB (code + meta + index + filter + fragments) | fragment requests |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---|---:|',
    );
    for (const t of report.timings) {
      const difference = t.firstPageMs === null ? null : t.firstPageMs - t.pagefindWordsMs;
      lines.push(
        `| ${t.query} | ${f(t.firstPageMs, 0)} | ${f(t.pagefindWordsMs, 0)} | ${f(difference, 0)} | ${f(t.pagefindBothMs, 0)} | ${f(t.pagefindFirstTenMs, 0)} | ${t.pageCount ?? t.pagefindResults} | ${f(t.firstPageKb, 1)} | ${f(t.pagefindKb, 1)}${t.pagefindKbByKind ? ` (${Object.values(t.pagefindKbByKind).map((kb) => f(kb, 0)).join(' + ')})` : ''} | ${t.fragmentRequests ?? '—'} |`,
      );
    }
  }
  return lines.join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string' },
      timing: { type: 'string', default: 'two' },
      queries: { type: 'string' },
      'no-quality': { type: 'boolean', default: false },
      repeat: { type: 'string', default: '1' },
    },
  });
  if (!values.dist || !['all', 'two', 'none'].includes(values.timing!)) {
    console.error('usage: node scripts/bench/search-quality.ts --dist <built site> [--timing all|two|none] [--repeat N] [--queries a,b] [--no-quality]');
    process.exit(2);
  }
  const queries = values.queries
    ? values.queries.split(',').map((query) => QUALITY_QUERIES.find((entry) => entry.query === query) ?? { query, kind: 'given' })
    : QUALITY_QUERIES;
  const timed = values.timing === 'all' ? queries.map(({ query }) => query) : values.timing === 'none' ? [] : undefined;
  const report = await measureSearchQuality({
    dist: values.dist,
    queries,
    timed,
    repeat: Number(values.repeat),
    quality: !values['no-quality'],
    log: (line) => console.error(line),
  });
  console.log(searchQualityTables(report));
  console.log('\n' + JSON.stringify(report));
}
