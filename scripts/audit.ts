/**
 * `npm run audit [-- --dist <dir>] [--json]`: runs Lighthouse (mobile preset, simulated slow 4G
 * and a 4× slower CPU) over an existing build, served on 127.0.0.1 by Debian's Chromium, and
 * prints each page's performance, accessibility, best-practices and SEO scores as a table,
 * then as JSON. Exits 1 when a score misses its target: 95 for performance, 100 for the rest.
 *
 * It builds nothing: run `npm run build` first. Everything stays on the machine (no network).
 * Lighthouse times real main-thread work, so a busy machine lowers performance scores: each page
 * is audited `--runs` times (default 5) and the run with the median performance score counts.
 *
 *   npm run build && npm run audit
 *   npm run audit -- --dist tests/.tmp/sample/dist --json
 *   npm run audit -- --report test-results/lighthouse   # also writes each page's HTML and JSON report
 *   npm run audit -- --page search --runs 5              # one page type only
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
// chrome-launcher is Lighthouse's own dependency, installed with it.
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveStatic } from '../tests/support/static-server.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    runs: { type: 'string', default: '5' },
    // Audit only these page types (home, announcement, search, results, document, image, catalogue, statistics); all by default.
    page: { type: 'string', multiple: true },
    // Only the JSON, for machines.
    json: { type: 'boolean', default: false },
    // A folder for Lighthouse's full reports (<page>.report.html and .json), to see the details.
    report: { type: 'string' },
  },
});

/**
 * The page types the public reaches first: the home page, one announcement, search; and the
 * government documents' pages: a policy with its 政务公开 table and 附件, a news release with a
 * photograph, the 信息公开目录 and the annual figures.
 */
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'announcement', path: '/announcements/2015/jnsnjjc7gsjaqsq-d21ad47e/' },
  { name: 'search', path: '/search/' },
  // As the header's search form opens it: Pagefind and the first page of results load at once.
  { name: 'results', path: `/search/?q=${encodeURIComponent('安全社区')}` },
  { name: 'document', path: '/announcements/2016/safety-month-plan/' },
  { name: 'image', path: '/announcements/2016/safety-consultation-day/' },
  { name: 'catalogue', path: '/catalogue/' },
  { name: 'statistics', path: '/statistics/' },
] as const;

/** Lighthouse category id → the lowest acceptable score (0–100). */
const TARGETS = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
} as const;
type Category = keyof typeof TARGETS;
const CATEGORIES = Object.keys(TARGETS) as Category[];

// The same flags the browser tests use: headless, no sandbox (root in a container), and no
// background traffic that would leave the machine or disturb the measurements.
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

interface PageResult {
  page: string;
  url: string;
  scores: Record<Category, number>;
  /** Performance score of every run, lowest first; `scores` come from the median run. */
  performanceRuns: number[];
  /** Lighthouse's estimate of this machine's speed (a fast desktop scores 1,000 or more). */
  benchmarkIndex?: number;
  warnings: string[];
  /** Audits that cost points, per category, so a failure says what to fix. */
  failing: Record<string, { id: string; title: string; score: number | null; displayValue?: string; items: string[] }[]>;
  metrics: Record<string, string | undefined>;
}

/** A line or two per offending item (a console message, a URL, an element), at most five. */
function describeItems(details: unknown): string[] {
  const items = (details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  return items.slice(0, 5).map((item) => {
    const node = item.node as { snippet?: string } | undefined;
    return [item.description, item.url, node?.snippet].filter((part) => typeof part === 'string' && part !== '').join(' ');
  });
}

const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs takes a whole number of runs, 1 or more.');
  process.exit(2);
}
const pages = PAGES.filter((page) => !values.page || values.page.includes(page.name));
if (pages.length === 0) {
  console.error(`--page takes one of: ${PAGES.map((page) => page.name).join(', ')}.`);
  process.exit(2);
}
const dist = resolve(values.dist);
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`No build in ${dist}: run \`npm run build\` first, or pass --dist <dir>.`);
  process.exit(2);
}

const server = await serveStatic(dist);
const chrome = await launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: CHROME_FLAGS,
  logLevel: 'silent',
});
const results: PageResult[] = [];
try {
  for (const { name, path } of pages) {
    const url = server.url + path;
    const all = [];
    for (let index = 1; index <= runs; index += 1) {
      if (!values.json) console.error(`… ${name} ${url} (run ${index} of ${runs})`);
      // No config: Lighthouse's default is the mobile preset (Moto G Power screen, simulated
      // slow 4G, 4× CPU slowdown).
      const run = await lighthouse(url, { port: chrome.port, output: ['json', 'html'], logLevel: 'error', onlyCategories: CATEGORIES });
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (run.lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${run.lhr.runtimeError.code} ${run.lhr.runtimeError.message}`);
      all.push(run);
    }
    all.sort((a, b) => (a.lhr.categories.performance?.score ?? 0) - (b.lhr.categories.performance?.score ?? 0));
    const { lhr, report } = all[Math.floor((all.length - 1) / 2)];
    if (values.report) {
      mkdirSync(values.report, { recursive: true });
      writeFileSync(join(values.report, `${name}.report.json`), report[0]);
      writeFileSync(join(values.report, `${name}.report.html`), report[1]);
    }
    const scores = {} as Record<Category, number>;
    const failing: PageResult['failing'] = {};
    for (const id of CATEGORIES) {
      const category = lhr.categories[id];
      scores[id] = Math.round((category?.score ?? 0) * 100);
      failing[id] = (category?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter((audit) => audit && audit.score !== null && audit.score < 1)
        .map((audit) => ({ id: audit.id, title: audit.title, score: audit.score, displayValue: audit.displayValue, items: describeItems(audit.details) }));
    }
    const metric = (id: string) => lhr.audits[id]?.displayValue;
    results.push({
      page: name,
      url: path,
      scores,
      performanceRuns: all.map((run) => Math.round((run.lhr.categories.performance?.score ?? 0) * 100)),
      benchmarkIndex: lhr.environment.benchmarkIndex,
      warnings: lhr.runWarnings,
      failing,
      metrics: {
        'first-contentful-paint': metric('first-contentful-paint'),
        'largest-contentful-paint': metric('largest-contentful-paint'),
        'total-blocking-time': metric('total-blocking-time'),
        'cumulative-layout-shift': metric('cumulative-layout-shift'),
        'speed-index': metric('speed-index'),
        'total-byte-weight': metric('total-byte-weight'),
      },
    });
  }
} finally {
  chrome.kill();
  await server.close();
}

const misses = results.flatMap((result) =>
  CATEGORIES.filter((id) => result.scores[id] < TARGETS[id]).map((id) => ({ page: result.page, category: id, score: result.scores[id], target: TARGETS[id] })),
);

if (!values.json) {
  const header = ['page', ...CATEGORIES];
  const rows = [
    header,
    ['target', ...CATEGORIES.map((id) => `≥ ${TARGETS[id]}`)],
    ...results.map((result) => [result.page, ...CATEGORIES.map((id) => `${result.scores[id]}${result.scores[id] < TARGETS[id] ? ' ✗' : ''}`)]),
  ];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const [index, row] of rows.entries()) {
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  }
  console.log();
  for (const result of results) {
    console.log(`${result.page}: ${Object.entries(result.metrics).map(([id, value]) => `${id} ${value}`).join(', ')}`);
    console.log(`  performance over ${runs} run(s): ${result.performanceRuns.join(', ')}; machine benchmark index ${Math.round(result.benchmarkIndex ?? 0)}`);
    for (const warning of result.warnings) console.log(`  warning: ${warning}`);
    for (const [category, audits] of Object.entries(result.failing)) {
      for (const audit of audits) {
        console.log(`  ${category}: ${audit.id} (${audit.score}) ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ''}`);
        for (const item of audit.items) console.log(`    ${item}`);
      }
    }
  }
  console.log();
}
console.log(JSON.stringify({ targets: TARGETS, pages: results, misses }, null, 2));
if (misses.length > 0) {
  if (!values.json) console.error(`Below target: ${misses.map((miss) => `${miss.page} ${miss.category} ${miss.score} < ${miss.target}`).join('; ')}`);
  process.exit(1);
}
