import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/lib/dates.ts';
import { clusterAnnouncements, findDoubledBody } from '../../../src/dedup/index.ts';
import { generateCorpus, scoreClusters } from '../../../scripts/bench/synthetic/index.ts';

// The issues' quality targets, on a labelled corpus of 2,000 generated announcements
// (exact and near copies, datelines and lossy transcriptions among them, templated families
// with single-slot variants, bodies scraped twice). Behaviour, not timing:
// speed is measured by scripts/bench-dedup.ts.
describe('deduplication quality on a labelled synthetic corpus', async () => {
  const corpus = generateCorpus({ seed: 2024, count: 2000 });
  const clusters = await clusterAnnouncements(
    corpus.map((item) => ({
      id: item.id,
      title: item.frontMatter.title,
      body: item.body,
      date: parseDate(item.frontMatter.date).date,
      source: item.frontMatter.source,
    })),
  );
  const score = scoreClusters(corpus, clusters);

  it('has the mix it is meant to test', () => {
    const kinds = new Set(corpus.map((item) => item.label.kind));
    expect([...kinds].sort()).toEqual(['doubled', 'exact', 'near', 'original', 'templated']);
    expect(score.truePairs).toBeGreaterThan(500);
    // Republished copies with a news dateline, copies that lost characters across a number,
    // and inspection reports whose members differ in one count, one date or one name.
    const edits = corpus.flatMap((item) => item.label.edits ?? []);
    expect(edits.filter((edit) => edit === 'dateline').length).toBeGreaterThan(30);
    expect(edits.filter((edit) => edit === 'lossy').length).toBeGreaterThan(30);
    expect(corpus.filter((item) => item.label.family?.startsWith('inspection:') && item.label.kind === 'templated').length).toBeGreaterThan(20);
  });

  it('reaches pair precision ≥ 0.99 and recall ≥ 0.97', () => {
    expect(score.precision).toBeGreaterThanOrEqual(0.99);
    expect(score.recall).toBeGreaterThanOrEqual(0.97);
  });

  it('never merges two members of a templated family', () => {
    expect(score.templatedFalseMergePairs).toBe(0);
  });

  it('chooses the original as canonical', () => {
    expect(score.canonicalAccuracy).toBeGreaterThanOrEqual(0.99);
  });

  it('names every doubled body and no other', () => {
    for (const item of corpus) expect(findDoubledBody(item.body).length > 0, item.id).toBe(item.label.doubledBody);
  });
});

// Helper threads share the signing and the pair review; batches are placed by number, so
// the clusters (similarities and reasons included) must not depend on how many there are.
describe('clustering with helper threads', () => {
  const inputs = generateCorpus({ seed: 99, count: 1500 }).map((item) => ({
    id: item.id,
    title: item.frontMatter.title,
    body: item.body,
    date: parseDate(item.frontMatter.date).date,
    source: item.frontMatter.source,
  }));

  it('gives exactly the clusters of the main thread alone', async () => {
    const alone = await clusterAnnouncements(inputs, { workers: 0 });
    expect(alone.length).toBeGreaterThan(100);
    expect(await clusterAnnouncements(inputs, { workers: 1 })).toEqual(alone);
    expect(await clusterAnnouncements(inputs, { workers: 2 })).toEqual(alone);
  });
});
