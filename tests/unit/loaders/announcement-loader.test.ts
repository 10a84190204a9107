import { describe, expect, it } from 'vitest';
import { createProblemReporter, serialise } from '../../../src/loaders/announcement-loader.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('serialise', () => {
  it('never runs the task twice at once, and runs once more for requests made during a run', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const resync = serialise(async () => {
      running++;
      most = Math.max(most, running);
      runs++;
      await tick();
      running--;
    }, () => {});
    const first = resync();
    resync();
    resync();
    await first;
    await resync();
    expect(most).toBe(1);
    // The first run, one more for the two requests made during it, one for the last request.
    expect(runs).toBe(3);
  });

  it('hands a failing run to onError instead of rejecting, and keeps working', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const resync = serialise(async () => {
      calls++;
      if (calls === 1) throw new Error('broken front matter');
    }, (error) => errors.push(error));
    await expect(resync()).resolves.toBeUndefined();
    await resync();
    expect(errors).toEqual([new Error('broken front matter')]);
    expect(calls).toBe(2);
  });
});

describe('createProblemReporter', () => {
  it('prints each problem once while it lasts, in the file → field: problem format', () => {
    const printed: string[] = [];
    const report = createProblemReporter((line) => printed.push(line));
    const problem = { file: 'content/announcements/2015/x.md', field: 'date', message: '"2015-13-45" is not a date' };
    report([problem]);
    report([problem]);
    expect(printed).toEqual(['content/announcements/2015/x.md → date: "2015-13-45" is not a date']);
    report([]);
    report([problem]);
    expect(printed).toHaveLength(2);
  });
});
