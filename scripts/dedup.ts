/**
 * `npm run dedup -- [content folder] [--json]`: prints the clusters of announcements
 * published more than once, for review before a build collapses them.
 *
 * Reads `<folder>/announcements/**\/*.md` (default `content/`; files and folders starting
 * with `_` and drafts are skipped) with the build's validation and clustering. A file the
 * build would refuse is named on stderr and skipped; the exit code is then 1, after the
 * clusters have been printed.
 *
 * `--json` prints `{ "clusters": [ { "canonical": id, "duplicates": [ { "id", "similarity" } ] } ] }`
 * where an id is the file's path under announcements/ without extension.
 */
import { parseArgs } from 'node:util';
import { findDoubledBody } from '../src/dedup/index.ts';
import { formatChineseDate } from '../src/lib/dates.ts';
import { formatProblem } from '../src/lib/schema.ts';
import { findCopies } from '../src/lib/site-assembly.ts';
import { validateContent } from '../src/lib/validate.ts';

const { values, positionals } = parseArgs({ options: { json: { type: 'boolean', default: false } }, allowPositionals: true });
const contentDir = positionals[0] ?? 'content';

// The same validation as `npm run check` and the build: a file the build would refuse is named
// and left out here too, and dates are read in site.yaml's time zone.
const { announcements, site, sources, problems } = validateContent(contentDir);
for (const problem of problems) console.error(`error: ${formatProblem(problem)}`);
// Without a valid site.yaml the time zone dates are read in is unknown: nothing can be compared.
if (!site) process.exit(1);
if (problems.length) console.error(`The files named above are left out of the clusters below.`);
const items = announcements.filter(({ data }) => !data.draft);
const clusters = await findCopies(items, sources ?? []);

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
    const { data } = byId.get(id)!;
    return `${formatChineseDate(data.date, data.datePrecision, site.time_zone)}, ${data.source}`;
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
  const doubled = items.filter((item) => findDoubledBody(item.body).length > 0).map((item) => item.id);
  if (doubled.length) {
    console.log(`\nBodies holding their text twice (shown once at build; fix the file): ${doubled.join(', ')}`);
  }
}
if (problems.length) process.exitCode = 1;
