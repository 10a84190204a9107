import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, PROJECT_ROOT, type BuildResult } from '../support/build-site.ts';

const fixture = join(PROJECT_ROOT, 'tests/fixtures/copies');

/** The canonical id a built copy's page points at. */
function builtCanonical(dist: string, id: string): string {
  const html = readFileSync(join(dist, 'announcements', id, 'index.html'), 'utf8');
  const href = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? '';
  return new URL(href).pathname.replace(/^\/announcements\/|\/$/g, '');
}

describe('the build and npm run dedup choose the same canonical copy', () => {
  let build: BuildResult;
  let review: { clusters: { canonical: string; duplicates: { id: string }[] }[] };
  beforeAll(() => {
    build = buildSite(fixture, 'copies');
    const result = spawnSync(process.execPath, ['scripts/dedup.ts', fixture, '--json'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    review = JSON.parse(result.stdout);
  });

  it('when copies share the earliest date and one cites the other by its full name from sources.yaml', () => {
    expect(build.status, build.stderr).toBe(0);
    const cluster = review.clusters.find((c) => c.canonical.startsWith('2016/'))!;
    expect(cluster).toMatchObject({ canonical: '2016/z-original', duplicates: [{ id: '2016/a-repost' }] });
    expect(builtCanonical(build.dist, '2016/a-repost')).toBe(cluster.canonical);
  });

  it('when the earliest copy depends on reading offset-less dates in site.yaml\'s time zone', () => {
    const cluster = review.clusters.find((c) => c.canonical.startsWith('2017/'))!;
    expect(cluster).toMatchObject({ canonical: '2017/b-tokyo-time', duplicates: [{ id: '2017/a-beijing-offset' }] });
    expect(builtCanonical(build.dist, '2017/a-beijing-offset')).toBe(cluster.canonical);
  });
});
