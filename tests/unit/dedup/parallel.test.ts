import { describe, expect, it } from 'vitest';
import { runBatches, startHelpers } from '../../../src/dedup/parallel.ts';
import { reviewBatch, runBatch, signBatch, type ReviewBatch, type SignBatch } from '../../../src/dedup/review.ts';
import { generateCorpus } from '../../../scripts/bench/synthetic/index.ts';

const corpus = generateCorpus({ seed: 11, count: 96 });
const titles = corpus.map((item) => item.frontMatter.title);
const bodies = corpus.map((item) => item.body);

const signing = (batch: number): SignBatch => ({
  kind: 'sign',
  titles: titles.slice(batch * 12, batch * 12 + 12),
  bodies: bodies.slice(batch * 12, batch * 12 + 12),
  positions: 120,
  shingleSize: 5,
});

// Every text of a batch against every later one: templated siblings, copies and strangers.
const reviewing = (batch: number): ReviewBatch => {
  const pairs: number[] = [];
  for (let a = 0; a < 12; a++) for (let b = a + 1; b < 12; b++) pairs.push(a, b);
  return { ...signing(batch), kind: 'review', pairs: Int32Array.from(pairs), maxEdits: 4 };
};

const label = (batch: number) => `batch ${batch}`;

describe('runBatches', () => {
  it('places results by batch number, whoever ran them, and equal to the main thread alone', async () => {
    const helpers = startHelpers(2)!;
    try {
      const here: number[] = [];
      const signHere = (batch: SignBatch) => {
        here.push(titles.indexOf(batch.titles[0]!) / 12);
        return signBatch(batch);
      };
      const signed = await runBatches(8, signing, signHere, helpers, label);
      // The helpers took some of the batches (each takes one as soon as the main thread has done its first).
      expect(here.length).toBeLessThan(8);
      expect(signed).toEqual(await runBatches(8, signing, signBatch, undefined, label));
      const reviewed = await runBatches(8, reviewing, reviewBatch, helpers, label);
      expect(reviewed).toEqual(Array.from({ length: 8 }, (_, batch) => runBatch(reviewing(batch))));
      expect(reviewed.some(({ verdicts }) => verdicts.some((verdict) => verdict?.compatible))).toBe(true);
    } finally {
      await helpers.close();
    }
    expect(helpers.running).toBe(0);
  }, 60_000);

  it('rejects naming the batch that failed, on a helper or this thread', async () => {
    const helpers = startHelpers(2)!;
    // Batch 5 has no bodies: whichever thread takes it fails on it.
    const broken = (batch: number): SignBatch => (batch === 5 ? { ...signing(batch), bodies: [] } : signing(batch));
    try {
      await expect(runBatches(8, broken, signBatch, helpers, label)).rejects.toThrow(/^batch 5: /);
    } finally {
      await helpers.close();
    }
    expect(await runBatches(8, broken, signBatch, undefined, label).catch((error: Error) => error.message)).toMatch(/^batch 5: /);
  }, 60_000);

  it('does the work itself without helpers', async () => {
    expect(startHelpers(0)).toBeUndefined();
    const batch = (index: number) => signing(index);
    expect(await runBatches(3, batch, (b) => signBatch(b), undefined, label)).toEqual([0, 1, 2].map((index) => signBatch(signing(index))));
  });
});
