/**
 * `npm run dedup -- [content folder] [--json]`: prints the clusters of announcements
 * published more than once, for review before a build collapses them.
 *
 * Reads `<folder>/announcements/**\/*.md` (default `content/`; files and folders starting
 * with `_` and drafts are skipped). A file that cannot be read is named on stderr and
 * skipped; the exit code is then 1, after the clusters have been printed.
 *
 * `--json` prints `{ "clusters": [ { "canonical": id, "duplicates": [ { "id", "similarity" } ] } ] }`
 * where an id is the file's path under announcements/ without extension.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { listAnnouncementFiles, parseFrontMatter, toAnnouncementId } from '../src/lib/content-files.ts';
import { DateParseError, formatChineseDate, parseDate } from '../src/lib/dates.ts';
import { clusterAnnouncements, findDoubledBody, type DedupInput } from '../src/dedup/index.ts';

interface Loaded {
  items: DedupInput[];
  problems: string[];
  doubled: string[];
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : undefined);

/** One file's front matter and body as a DedupInput, or the reason it cannot be one. */
function toInput(id: string, source: string): DedupInput | 'draft' {
  const { data, body } = parseFrontMatter(source);
  if (!data) throw new Error('no front matter (a file starts with a --- line, then title:, date:, source:)');
  if (data.draft === true) return 'draft';
  const title = text(data.title);
  if (!title) throw new Error('title: missing');
  const date = text(data.date);
  if (!date) throw new Error('date: missing or not text (write it quoted: date: "2015-05-20T17:18:00+08:00")');
  const notDuplicateOf = data.not_duplicate_of;
  const ids = typeof notDuplicateOf === 'string' ? [notDuplicateOf] : Array.isArray(notDuplicateOf) ? notDuplicateOf : [];
  if (notDuplicateOf !== undefined && ids.some((value) => typeof value !== 'string')) {
    throw new Error('not_duplicate_of: expected a list of announcement ids such as 2015/suining-safety');
  }
  if (data.canonical !== undefined && typeof data.canonical !== 'string') throw new Error('canonical: expected an announcement id such as 2015/suining-safety');
  return {
    id,
    title,
    body,
    date: parseDate(date).date,
    source: text(data.source) ?? '',
    ...(text(data.canonical) ? { canonical: text(data.canonical)! } : {}),
    ...(ids.length ? { notDuplicateOf: ids as string[] } : {}),
  };
}

function load(contentDir: string): Loaded {
  const dir = join(contentDir, 'announcements');
  const loaded: Loaded = { items: [], problems: [], doubled: [] };
  for (const file of listAnnouncementFiles(dir)) {
    const id = toAnnouncementId(file);
    try {
      const input = toInput(id, readFileSync(join(dir, file), 'utf8'));
      if (input === 'draft') continue;
      loaded.items.push(input);
      if (findDoubledBody(input.body).length) loaded.doubled.push(id);
    } catch (error) {
      const reason = error instanceof DateParseError ? `date: ${error.message}` : error instanceof Error ? error.message : String(error);
      loaded.problems.push(`${join('announcements', file)} → ${reason}`);
    }
  }
  return loaded;
}

/**
 * Each spelling of a source in sources.yaml (name, full name, aliases) maps to all of them,
 * so a 转载自 note that uses another spelling still names the source. Optional: without a
 * readable sources.yaml, notes are matched against the `source` values as written.
 */
async function sourceAliases(contentDir: string): Promise<Record<string, string[]>> {
  const aliases: Record<string, string[]> = {};
  try {
    const { loadSources } = await import('../src/lib/site-config.ts');
    const sources = loadSources(contentDir);
    if (!sources.ok) return aliases;
    for (const entry of sources.value) {
      const spellings = [entry.name, entry.full_name, ...entry.aliases].filter((name): name is string => Boolean(name));
      for (const spelling of spellings) aliases[spelling] = spellings;
    }
  } catch (error) {
    console.error(`warning: sources.yaml not used for matching 转载 notes (${error instanceof Error ? error.message : error})`);
  }
  return aliases;
}

const { values, positionals } = parseArgs({ options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
const contentDir = positionals[0] ?? 'content';
if (!existsSync(join(contentDir, 'announcements'))) {
  console.error(`error: ${join(contentDir, 'announcements')} not found: give the content folder (the one holding announcements/), e.g. npm run dedup -- content`);
  process.exit(1);
}
const { items, problems, doubled } = load(contentDir);
const clusters = await clusterAnnouncements(items, { sourceAliases: await sourceAliases(contentDir) });

for (const problem of problems) console.error(`error: ${problem} (skipped)`);

if (values.json) {
  const json = {
    clusters: clusters.map((cluster) => ({
      canonical: cluster.canonical,
      duplicates: cluster.duplicates.map(({ id, similarity }) => ({ id, similarity })),
    })),
  };
  console.log(JSON.stringify(json, null, 2));
} else {
  const byId = new Map(items.map((item) => [item.id, item]));
  const describe = (id: string) => {
    const item = byId.get(id)!;
    return `${formatChineseDate(item.date)}, ${item.source || 'no source'}`;
  };
  const copies = clusters.reduce((sum, cluster) => sum + cluster.duplicates.length, 0);
  console.log(`${items.length} announcements, ${clusters.length} published more than once (${copies} copies).`);
  for (const cluster of clusters) {
    console.log(`\n${cluster.canonical}  canonical  (${describe(cluster.canonical)})`);
    for (const duplicate of cluster.duplicates) {
      console.log(`  ${duplicate.id}  similarity ${duplicate.similarity.toFixed(3)}  (${describe(duplicate.id)})`);
      console.log(`    ${duplicate.reason}`);
    }
  }
  if (doubled.length) {
    console.log(`\nBodies holding their text twice (shown once at build; fix the file): ${doubled.join(', ')}`);
  }
}
if (problems.length) process.exitCode = 1;
