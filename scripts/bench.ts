/**
 * `npm run bench -- --articles N`: builds a generated corpus of N Chinese announcements with
 * Gazette and with the naive stack, and prints each phase's wall time, CPU time and peak
 * memory (process tree), pages per second, output sizes, search quality and speed (recall and
 * precision against the indexed text, time and bytes to a first page of results: see
 * scripts/bench/search-quality.ts), plus Gazette's figures as ratios of the naive stack's.
 *
 * One announcement in ten (`--image-every N`, 0 for none) carries a photograph of its own, which
 * the build makes into responsive pictures; the same corpus is first built without them, by
 * Gazette and by the naive stack, so the images' cost is the difference, the two stacks are also
 * compared on text alone, and the image pipeline's own time (cold and cached) is reported.
 *
 *   npm run bench -- --articles 1000 [--seed 1] [--image-every 10] [--skip-naive] [--json] [--keep]
 */
import { appendFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { folderBytes, measure, type Measurement } from './bench/measure.ts';
import { writeNaiveSite } from './bench/naive-site.ts';
import { askAsThePage, measureSearchQuality, MOST_COMMON_WORD, RARE_WORD, searchQualityTables } from './bench/search-quality.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { listAnnouncementFiles } from '../src/lib/content-files.ts';
import { generateCorpus, writeCorpus } from './bench/synthetic/index.ts';
import { addPhotographs } from './bench/synthetic/images.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    'skip-naive': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    query: { type: 'string', default: '安全生产' },
    'image-every': { type: 'string', default: '10' },
  },
});
const articles = Number(values.articles);
const root = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), `gazette-bench-${articles}-`));
const log = (line: string) => {
  if (!values.json) console.log(line);
};

interface Phase extends Omit<Measurement, 'stdout' | 'stderr' | 'exitCode'> {
  name: string;
}
const phases: Phase[] = [];

async function phase(name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Measurement> {
  log(`… ${name}`);
  const result = await measure(command, args, { cwd, env: { ...process.env, ...env } });
  if (result.exitCode !== 0) {
    console.error(`${name} failed (exit ${result.exitCode}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
    process.exit(1);
  }
  phases.push({ name, wallSeconds: result.wallSeconds, cpuSeconds: result.cpuSeconds, peakRssMb: result.peakRssMb });
  return result;
}

/** Serves `dist` on 127.0.0.1 and gives `use` a Chromium context, closing both afterwards. */
async function inBrowser<T>(dist: string, use: (context: BrowserContext, siteUrl: string) => Promise<T>): Promise<T> {
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    return await use(await browser.newContext(), server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** One query per topic of the synthetic corpus, for comparing rankings. */
const RANKING_QUERIES = ['隐患排查治理', '水库安全度汛', '护林员巡山', '秸秆禁烧', '冷链食品追溯', '电动自行车充电', '厕所革命', '一网通办', '政策解读', '厨余垃圾处理', '防溺水教育', '酒驾醉驾整治'];

/**
 * For each query: how many results, and the first ten results' URLs, from the search index in
 * `dist`, asked as the search page asks (spelled word and phrase searches, phrase first).
 */
async function topResults(dist: string, queries: readonly string[]): Promise<{ count: number; top: string[] }[]> {
  return inBrowser(dist, async (context, siteUrl) => {
    const tops: { count: number; top: string[] }[] = [];
    for (const query of queries) {
      const { ids, topUrls } = await askAsThePage(context, siteUrl, query, 10);
      tops.push({ count: ids.length, top: topUrls });
    }
    return tops;
  });
}

/**
 * How far two searches agree, as shares of the queries: finding as many results, the first ten
 * results in common (on average), the same first result.
 */
function rankingAgreement(found: readonly { count: number; top: string[] }[], reference: readonly { count: number; top: string[] }[]) {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return {
    sameCount: mean(found.map(({ count }, i) => (count === reference[i]!.count ? 1 : 0))),
    top10: mean(found.map(({ top }, i) => top.filter((url) => reference[i]!.top.includes(url)).length / Math.max(1, Math.min(10, reference[i]!.top.length)))),
    top1: mean(found.map(({ top }, i) => (top[0] === reference[i]!.top[0] ? 1 : 0))),
  };
}

const contentDir = join(work, 'content');
log(`corpus: ${articles} announcements in ${contentDir}`);
const generateStarted = performance.now();
const corpus = generateCorpus({ count: articles, seed: Number(values.seed) });
await writeCorpus(contentDir, corpus);
writeFileSync(join(contentDir, 'site.yaml'), 'name: 基准测试站\nurl: https://bench.example.gov.cn/\n');
const generateSeconds = (performance.now() - generateStarted) / 1000;
const imageEvery = Number(values['image-every']);

/** The seconds Astro's log gives its image generation ("generating optimized images … Completed in 1.42s"). */
function imageSeconds(stdout: string): number {
  // Astro writes "Completed in 835ms", "Completed in 20.47s" or, past a minute, "Completed in 1m 30s".
  const match = /generating optimized images[\s\S]*?Completed in (?:(\d+)m\s+)?([\d.]+)(m?s)/.exec(stdout);
  return match ? Number(match[1] ?? 0) * 60 + Number(match[2]) / (match[3] === 'ms' ? 1000 : 1) : 0;
}

const naiveEnv = { NAIVE_CONTENT: join(contentDir, 'announcements') };

/**
 * The naive stack's build into `naiveDir`: its Astro build, then the Pagefind CLI, each a phase
 * (`label` after their names), and the two as one build.
 */
async function measureNaiveBuild(naiveDir: string, label = ''): Promise<{ cli: Measurement; build: Measurement }> {
  writeNaiveSite(naiveDir, root);
  const astro = await phase(`naive astro build${label}`, 'node', ['node_modules/astro/bin/astro.mjs', 'build'], naiveDir, naiveEnv);
  const cli = await phase(`naive pagefind CLI${label}`, 'node', ['node_modules/pagefind/lib/runner/bin.cjs', '--site', 'dist'], naiveDir, naiveEnv);
  const build = { ...cli, wallSeconds: astro.wallSeconds + cli.wallSeconds, cpuSeconds: astro.cpuSeconds + cli.cpuSeconds, peakRssMb: Math.max(astro.peakRssMb, cli.peakRssMb) };
  return { cli, build };
}

// The same corpus without photographs, for the images' cost (the difference of two full builds)
// and for a like-for-like comparison with the naive stack, which makes one WebP per photograph.
let textOnly: Measurement | undefined;
let naiveTextOnly: Measurement | undefined;
let photographs: string[] = [];
if (imageEvery > 0) {
  const textEnv = { GAZETTE_CONTENT: contentDir, GAZETTE_OUT_DIR: join(work, 'text-only-dist'), GAZETTE_CACHE_DIR: join(work, 'text-only-cache') };
  textOnly = await phase('reference: the same corpus without photographs', 'node', ['node_modules/astro/bin/astro.mjs', 'build'], root, textEnv);
  rmSync(textEnv.GAZETTE_OUT_DIR, { recursive: true, force: true });
  rmSync(textEnv.GAZETTE_CACHE_DIR, { recursive: true, force: true });
  if (!values['skip-naive']) naiveTextOnly = (await measureNaiveBuild(join(work, 'naive-text-only'), ' without photographs')).build;
  photographs = await addPhotographs(contentDir, corpus.map((item) => item.id).sort(), imageEvery, Number(values.seed));
  log(`photographs: ${photographs.length} announcements (one in ${imageEvery}) carry one`);
}

// Gazette: check, then the full build (pages, feeds, dedup, search index), then a rebuild after one change.
const env = { GAZETTE_CONTENT: contentDir, GAZETTE_OUT_DIR: join(work, 'gazette-dist'), GAZETTE_CACHE_DIR: join(work, 'gazette-cache') };
await phase('gazette check', 'node', ['scripts/check.ts'], root, env);
const build = await phase('gazette build', 'node', ['node_modules/astro/bin/astro.mjs', 'build'], root, env);
// Search is indexed beside page rendering: what it costs the build is the wait after the pages.
const pagefindSeconds = Number(/the build waited ([\d.]+) s for it/.exec(build.stdout)?.[1] ?? NaN);
const firstFile = listAnnouncementFiles(join(contentDir, 'announcements'))[0]!;
appendFileSync(join(contentDir, 'announcements', firstFile), '\n\n（本文有更新。）\n');
const rebuild = await phase('gazette rebuild after one change', 'node', ['node_modules/astro/bin/astro.mjs', 'build'], root, env);

// Ranking: the index merged from parts against one index over the same announcements (a
// reference build, not part of Gazette's figures: one Pagefind process over every page).
const single = { ...env, GAZETTE_OUT_DIR: join(work, 'gazette-single-index-dist'), GAZETTE_SEARCH_PART_SIZE: String(Number.MAX_SAFE_INTEGER) };
await phase('reference: the same site with one search index', 'node', ['node_modules/astro/bin/astro.mjs', 'build'], root, single);
const ranking = rankingAgreement(await topResults(env.GAZETTE_OUT_DIR, RANKING_QUERIES), await topResults(single.GAZETTE_OUT_DIR, RANKING_QUERIES));

// Deduplication on its own (it also runs inside the build), with its quality on the labelled corpus.
const dedupRun = await phase('dedup alone (labelled corpus)', 'node', ['scripts/bench-dedup.ts', '--articles', String(articles), '--seed', values.seed!, '--json'], root, {});
const dedup = (JSON.parse(dedupRun.stdout) as { clusterSeconds: number; clusterCpuSeconds: number; peakRssMb: number; precision: number; recall: number }[])[0]!;

const gazetteDist = env.GAZETTE_OUT_DIR;
const imageFiles = readdirSync(join(gazetteDist, '_astro')).filter((name) => /\.(avif|webp|jpe?g|png|gif)$/i.test(name));
const images = {
  announcementsWithImages: photographs.length,
  files: imageFiles.length,
  mb: imageFiles.reduce((sum, name) => sum + statSync(join(gazetteDist, '_astro', name)).size, 0) / 1e6,
  coldSeconds: imageSeconds(build.stdout),
  rebuildSeconds: imageSeconds(rebuild.stdout),
  buildWithoutSeconds: textOnly?.wallSeconds ?? NaN,
  buildCostSeconds: textOnly ? build.wallSeconds - textOnly.wallSeconds : NaN,
  buildCostCpuSeconds: textOnly ? build.cpuSeconds - textOnly.cpuSeconds : NaN,
};
// Search quality on the Gazette build, and what one query's first page costs (fetched bytes and time).
log('… search quality');
const searchQuality = await measureSearchQuality({ dist: gazetteDist, timed: [...new Set([values.query!, MOST_COMMON_WORD, RARE_WORD])], repeat: 3 });
const gazette = {
  buildSeconds: build.wallSeconds,
  buildCpuSeconds: build.cpuSeconds,
  peakRssMb: build.peakRssMb,
  pagefindSeconds,
  rebuildSeconds: rebuild.wallSeconds,
  pagesPerSecond: articles / build.wallSeconds,
  distMb: folderBytes(gazetteDist) / 1e6,
  searchIndexMb: folderBytes(join(gazetteDist, 'pagefind')) / 1e6,
  queryKb: searchQuality.timings.find((timing) => timing.query === values.query)?.firstPageKb ?? NaN,
};

let naive: typeof gazette | undefined;
if (!values['skip-naive']) {
  const naiveDir = join(work, 'naive');
  const { cli: naivePagefind, build: naiveBuild } = await measureNaiveBuild(naiveDir);
  const naiveDist = join(naiveDir, 'dist');
  const naiveSizes = { distMb: folderBytes(naiveDist) / 1e6, searchIndexMb: folderBytes(join(naiveDist, 'pagefind')) / 1e6 };
  appendFileSync(join(contentDir, 'announcements', firstFile), '\n\n（再次更新。）\n');
  const naiveRebuild = await phase('naive rebuild after one change', 'node', ['node_modules/astro/bin/astro.mjs', 'build'], naiveDir, naiveEnv);
  const naiveReindex = await phase('naive pagefind CLI after the change', 'node', ['node_modules/pagefind/lib/runner/bin.cjs', '--site', 'dist'], naiveDir, naiveEnv);
  naive = {
    buildSeconds: naiveBuild.wallSeconds,
    buildCpuSeconds: naiveBuild.cpuSeconds,
    peakRssMb: naiveBuild.peakRssMb,
    pagefindSeconds: naivePagefind.wallSeconds,
    rebuildSeconds: naiveRebuild.wallSeconds + naiveReindex.wallSeconds,
    pagesPerSecond: articles / naiveBuild.wallSeconds,
    ...naiveSizes,
    queryKb: NaN,
  };
}

const ratio = (key: keyof typeof gazette) => (naive ? gazette[key] / naive[key] : NaN);
const report = {
  articles,
  seed: Number(values.seed),
  generateSeconds,
  phases,
  gazette,
  naive,
  ratios: naive ? { buildSeconds: ratio('buildSeconds'), buildCpuSeconds: ratio('buildCpuSeconds'), peakRssMb: ratio('peakRssMb'), rebuildSeconds: ratio('rebuildSeconds') } : undefined,
  rebuildShareOfBuild: gazette.rebuildSeconds / gazette.buildSeconds,
  withoutPhotographs: textOnly && {
    gazette: { buildSeconds: textOnly.wallSeconds, buildCpuSeconds: textOnly.cpuSeconds, peakRssMb: textOnly.peakRssMb },
    naive: naiveTextOnly && { buildSeconds: naiveTextOnly.wallSeconds, buildCpuSeconds: naiveTextOnly.cpuSeconds, peakRssMb: naiveTextOnly.peakRssMb },
  },
  images,
  ranking: { queries: RANKING_QUERIES.length, ...ranking },
  searchQuality,
  dedup: { seconds: dedup.clusterSeconds, cpuSeconds: dedup.clusterCpuSeconds, peakRssMb: dedup.peakRssMb, precision: dedup.precision, recall: dedup.recall },
};

if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
  console.log(`\n${articles} announcements (seed ${values.seed}), corpus generated in ${f(generateSeconds)} s\n`);
  console.log('| phase | wall s | cpu s | peak MB |\n|---|---:|---:|---:|');
  for (const p of phases) console.log(`| ${p.name} | ${f(p.wallSeconds)} | ${f(p.cpuSeconds)} | ${f(p.peakRssMb, 0)} |`);
  console.log('\n| figure | gazette | naive | ratio |\n|---|---:|---:|---:|');
  const row = (label: string, key: keyof typeof gazette, digits = 1) => console.log(`| ${label} | ${f(gazette[key], digits)} | ${f(naive?.[key] ?? NaN, digits)} | ${f(ratio(key), 2)} |`);
  row('full build, wall s', 'buildSeconds');
  row('full build, cpu s', 'buildCpuSeconds');
  row('peak memory, MB', 'peakRssMb', 0);
  row('of which waiting for search indexing, s', 'pagefindSeconds');
  row('rebuild after one change, s', 'rebuildSeconds');
  row('pages per second', 'pagesPerSecond');
  row('dist/, MB', 'distMb');
  row('search index, MB', 'searchIndexMb', 2);
  row(`one query's first page (${values.query}) fetches, KB`, 'queryKb');
  if (textOnly) {
    const pair = (label: string, gazetteValue: number, naiveValue: number | undefined, digits = 1) =>
      console.log(`| ${label} | ${f(gazetteValue, digits)} | ${f(naiveValue ?? NaN, digits)} | ${f(naiveValue ? gazetteValue / naiveValue : NaN, 2)} |`);
    pair('without photographs: full build, wall s', textOnly.wallSeconds, naiveTextOnly?.wallSeconds);
    pair('without photographs: full build, cpu s', textOnly.cpuSeconds, naiveTextOnly?.cpuSeconds);
    pair('without photographs: peak memory, MB', textOnly.peakRssMb, naiveTextOnly?.peakRssMb, 0);
  }
  console.log(`\nrebuild after one change = ${f(report.rebuildShareOfBuild * 100, 0)}% of the full build`);
  console.log(
    `search merged from parts against one index, ${RANKING_QUERIES.length} queries: as many results ${f(ranking.sameCount * 100, 0)}% of the time, ` +
      `${f(ranking.top10 * 100, 0)}% of the first ten results shared, same first result ${f(ranking.top1 * 100, 0)}% of the time`,
  );
  console.log('\n' + searchQualityTables(searchQuality) + '\n');
  console.log(`dedup: ${f(dedup.clusterSeconds)} s wall, ${f(dedup.clusterCpuSeconds)} s CPU, precision ${f(dedup.precision, 4)}, recall ${f(dedup.recall, 4)}`);
  if (images.announcementsWithImages) {
    console.log(
      `images: ${images.announcementsWithImages} photographs → ${images.files} files (${f(images.mb)} MB) in _astro/; image generation ${f(images.coldSeconds)} s cold, ${f(images.rebuildSeconds)} s on the rebuild (cached); ` +
        `full build ${f(images.buildCostSeconds)} s wall (${f(images.buildCostCpuSeconds)} s CPU) longer than without them (${f(images.buildWithoutSeconds)} s)`,
    );
  }
  console.log('\n' + JSON.stringify(report));
}
if (!values.keep) rmSync(work, { recursive: true, force: true });
else log(`kept ${work}`);
