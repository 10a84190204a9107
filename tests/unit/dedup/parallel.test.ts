import { afterAll, describe, expect, it } from 'vitest';
import { runBatches, startHelpers, stopHelpers } from '../../../src/dedup/parallel.ts';
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

describe('runBatches', () => {
  const helpers = startHelpers(2);
  afterAll(() => stopHelpers(helpers));

  it('places results by batch number, whoever ran them, and equal to the main thread alone', () => {
    // Wait for the helpers to load, so they do take batches.
    for (const helper of helpers) Atomics.wait(helper.signal, 0, 0, 20_000);
    expect(helpers.every((helper) => Atomics.load(helper.signal, 0) === 1)).toBe(true);
    const signed = runBatches(8, signing, signBatch, helpers);
    expect(signed).toEqual(runBatches(8, signing, signBatch, []));
    const reviewed = runBatches(8, reviewing, reviewBatch, helpers);
    expect(reviewed).toEqual(Array.from({ length: 8 }, (_, batch) => runBatch(reviewing(batch))));
    expect(helpers.reduce((answered, helper) => answered + helper.answered, 0)).toBeGreaterThan(0);
    expect(reviewed.some(({ verdicts }) => verdicts.some((verdict) => verdict?.compatible))).toBe(true);
  }, 60_000);

  it('does the work itself without helpers', () => {
    expect(runBatches(3, (batch) => batch * 2, (value) => value + 1, [])).toEqual([1, 3, 5]);
  });
});
