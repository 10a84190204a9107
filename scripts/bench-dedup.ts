/**
 * Deduplication benchmark: quality on a labelled synthetic corpus, and time and memory at
 * scale. Each size runs in its own Node process so its peak memory is its own.
 *
 *   node scripts/bench-dedup.ts                       # 10,000 announcements
 *   node scripts/bench-dedup.ts --articles 10000,50000,100000 [--seed 7] [--json]
 *
 * Prints, per size: pair precision and recall, false merges (all, and between members of
 * one templated family), canonical choice accuracy, doubled bodies found, clustering time,
 * and peak resident memory (whole process, corpus included).
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { clusterAnnouncements, findDoubledBody, type DedupInput } from '../src/dedup/index.ts';
import { generateCorpus, scoreClusters, type ClusterScore } from './bench/synthetic/index.ts';
import { parseDate } from '../src/lib/dates.ts';

/** One size's figures: the quality scores, then counts, times and memory. */
export interface DedupBenchResult extends ClusterScore {
  articles: number;
  seed: number;
  clusters: number;
  doubledBodies: number;
  doubledFound: number;
  doubledFalseAlarms: number;
  generateSeconds: number;
  clusterSeconds: number;
  /** CPU seconds of the clustering (user + system), steadier than wall time on a busy machine. */
  clusterCpuSeconds: number;
  checkSeconds: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

async function runOne(articles: number, seed: number): Promise<DedupBenchResult> {
  let started = performance.now();
  const corpus = generateCorpus({ seed, count: articles });
  const inputs: DedupInput[] = corpus.map((item) => ({
    id: item.id,
    title: item.frontMatter.title,
    body: item.body,
    date: parseDate(item.frontMatter.date).date,
    source: item.frontMatter.source,
  }));
  const generateSeconds = (performance.now() - started) / 1000;
  globalThis.gc?.();
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;

  started = performance.now();
  // CPU time too: on a shared machine wall time includes waiting for other processes.
  const cpuBefore = process.cpuUsage();
  const clusters = await clusterAnnouncements(inputs);
  const clusterSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const clusterCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  started = performance.now();
  let doubledBodies = 0;
  let doubledFound = 0;
  let doubledFalseAlarms = 0;
  for (const item of corpus) {
    const found = findDoubledBody(item.body).length > 0;
    if (item.label.doubledBody) {
      doubledBodies++;
      if (found) doubledFound++;
    } else if (found) doubledFalseAlarms++;
  }
  const checkSeconds = (performance.now() - started) / 1000;
  const score = scoreClusters(corpus, clusters);
  return {
    articles,
    seed,
    ...score,
    clusters: clusters.length,
    doubledBodies,
    doubledFound,
    doubledFalseAlarms,
    generateSeconds,
    clusterSeconds,
    clusterCpuSeconds,
    checkSeconds,
    rssBeforeMb,
    peakRssMb,
  };
}

/**
 * Runs the benchmark for each size in a fresh process.
 *
 * @param sizes corpus sizes
 * @param seed corpus seed
 */
export function benchDedup(sizes: readonly number[], seed = 1): DedupBenchResult[] {
  return sizes.map((size) => {
    const output = execFileSync(process.execPath, ['--expose-gc', import.meta.filename, '--child', String(size), '--seed', String(seed)], {
      encoding: 'utf8',
      maxBuffer: 2 ** 24,
    });
    return JSON.parse(output) as DedupBenchResult;
  });
}

const fixed = (value: number, digits: number) => value.toFixed(digits);

/** The figures as a table for people. */
export function formatDedupBench(results: readonly DedupBenchResult[]): string {
  const lines = [
    'articles  precision  recall  false merges (templated)  canonical  doubled found/all (false)  cluster s (CPU s)  peak RSS MB (before)',
  ];
  for (const r of results) {
    lines.push(
      [
        String(r.articles).padStart(8),
        fixed(r.precision, 4).padStart(10),
        fixed(r.recall, 4).padStart(7),
        `${r.falseMergePairs} (${r.templatedFalseMergePairs})`.padStart(25),
        fixed(r.canonicalAccuracy, 4).padStart(10),
        `${r.doubledFound}/${r.doubledBodies} (${r.doubledFalseAlarms})`.padStart(26),
        `${fixed(r.clusterSeconds, 2)} (${fixed(r.clusterCpuSeconds, 2)})`.padStart(18),
        `${fixed(r.peakRssMb, 0)} (${fixed(r.rssBeforeMb, 0)})`.padStart(21),
      ].join(' '),
    );
  }
  if (results.length > 1) {
    const first = results[0]!;
    const last = results.at(-1)!;
    const sizeRatio = last.articles / first.articles;
    const timeRatio = last.clusterCpuSeconds / first.clusterCpuSeconds;
    lines.push(
      `growth ${first.articles} → ${last.articles}: ×${fixed(sizeRatio, 1)} articles, ×${fixed(timeRatio, 1)} CPU time ` +
        `(exponent ${fixed(Math.log(timeRatio) / Math.log(sizeRatio), 2)}; 1.00 is linear)`,
    );
  }
  return lines.join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      child: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const seed = Number(values.seed);
  if (values.child) {
    process.stdout.write(JSON.stringify(await runOne(Number(values.child), seed)));
  } else {
    const sizes = values.articles.split(',').map((size) => Number(size.replace(/_/g, '')));
    if (sizes.some((size) => !Number.isInteger(size) || size < 2)) {
      console.error(`--articles: expected sizes like 10000 or 10000,100000, got "${values.articles}"`);
      process.exit(2);
    }
    const results = benchDedup(sizes, seed);
    console.log(values.json ? JSON.stringify(results, null, 2) : formatDedupBench(results));
  }
}
