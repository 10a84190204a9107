import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findWorkerFile, runInOrder, runInWorker, withWorkerPool, WorkerPool } from '../../../src/util/worker-pool.ts';
import type { FixtureTask } from './fixtures/tasks-worker.ts';

const file = new URL('./fixtures/tasks-worker.ts', import.meta.url);
const broken = new URL('./fixtures/broken-worker.ts', import.meta.url);

describe('WorkerPool', () => {
  it('runs tasks on threads and answers each', async () => {
    const results = await withWorkerPool<FixtureTask, number, number[]>({ file, threads: 2 }, (pool) =>
      Promise.all([1, 2, 3, 4].map((value) => pool.run(`task ${value}`, { kind: 'double', value }))),
    );
    expect(results).toEqual([2, 4, 6, 8]);
  });

  it('rejects a task that throws with its label and the message, and goes on with the others', async () => {
    await withWorkerPool<FixtureTask, unknown, void>({ file, threads: 1 }, async (pool) => {
      await expect(pool.run('content/2015/a.md', { kind: 'throw', message: 'no title' })).rejects.toThrow('content/2015/a.md: no title');
      expect(await pool.run('next', { kind: 'double', value: 5 })).toBe(10);
    });
  });

  it('rejects a task whose thread exits, naming the task', async () => {
    await withWorkerPool<FixtureTask, unknown, void>({ file, threads: 1 }, async (pool) => {
      await expect(pool.run('search part 3', { kind: 'exit', code: 3 })).rejects.toThrow(/^search part 3: worker exited with code: 3$/);
      // Even an exit that reports success is a task that did not finish.
      await expect(pool.run('search part 4', { kind: 'exit', code: 0 })).rejects.toThrow(/^search part 4: worker exited with code: 0$/);
    });
  });

  it('rejects every task, none left waiting, when the module cannot load', async () => {
    for (const eager of [true, false]) {
      const pool = new WorkerPool<FixtureTask, unknown>({ file: broken, threads: 2, eager });
      const runs = Array.from({ length: 6 }, (_, n) => pool.run(`file ${n}`, { kind: 'double', value: n }));
      const outcomes = await Promise.allSettled(runs);
      await pool.close();
      outcomes.forEach((outcome, n) => {
        expect(outcome.status).toBe('rejected');
        expect((outcome as PromiseRejectedResult).reason.message).toMatch(new RegExp(`^file ${n}: `));
      });
      expect(outcomes.some((outcome) => /this module does not load/.test((outcome as PromiseRejectedResult).reason.message))).toBe(true);
      expect(pool.running).toBe(0);
    }
  }, 30_000);

  it('rejects, naming the task, when the module does not exist', async () => {
    const missing = new URL('./fixtures/no-such-worker.ts', import.meta.url);
    await expect(runInWorker(missing, 'planning the parts', {})).rejects.toThrow(/^planning the parts: /);
  });

  it('ends its threads when closed, and refuses tasks afterwards', async () => {
    const pool = new WorkerPool<FixtureTask, number>({ file, threads: 2, eager: true });
    expect(pool.running).toBe(2);
    expect(await pool.run('one', { kind: 'double', value: 1 })).toBe(2);
    await pool.close();
    await pool.close();
    expect(pool.running).toBe(0);
    await expect(pool.run('late', { kind: 'double', value: 1 })).rejects.toThrow('late: the worker pool is closed');
  });

  it('keeps a thread for a task submitted as the last one settles, and ends it once idle, with endIdleThreads', async () => {
    const pool = new WorkerPool<FixtureTask, number>({ file, threads: 1, endIdleThreads: true });
    try {
      let answers = 0;
      for (let value = 0; value < 3; value++) answers += await pool.run(`task ${value}`, { kind: 'double', value });
      expect(answers).toBe(6);
      expect(pool.running).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(pool.running).toBe(0);
      expect(await pool.run('after', { kind: 'double', value: 4 })).toBe(8);
    } finally {
      await pool.close();
    }
  });

  it('is closed by withWorkerPool when the work throws', async () => {
    let used: WorkerPool<FixtureTask, number> | undefined;
    await expect(
      withWorkerPool<FixtureTask, number, void>({ file, threads: 2, eager: true }, async (pool) => {
        used = pool;
        await pool.run('one', { kind: 'throw', message: 'broken page' });
      }),
    ).rejects.toThrow('one: broken page');
    expect(used!.running).toBe(0);
  });

  it('moves the buffers a worker marks with transferring', async () => {
    const result = await runInWorker<FixtureTask, { words: Uint32Array }>(file, 'words', { kind: 'words', count: 1000 });
    expect(result.words).toBeInstanceOf(Uint32Array);
    expect(result.words[999]).toBe(999);
  });
});

describe('runInOrder', () => {
  it('accepts results in input order, though later tasks finish first', async () => {
    const accepted: [number, number][] = [];
    const tasks: FixtureTask[] = [60, 40, 20, 0, 30, 10].map((delayMs, value) => ({ kind: 'double', value, delayMs }));
    await withWorkerPool<FixtureTask, number, void>({ file, threads: 3 }, (pool) =>
      runInOrder(pool, tasks, (_, index) => `task ${index}`, (result, index) => accepted.push([index, result])),
    );
    expect(accepted).toEqual([0, 1, 2, 3, 4, 5].map((index) => [index, index * 2]));
  });

  it('stops at the first failure in order, naming it, with the results before it accepted', async () => {
    const accepted: number[] = [];
    const tasks: FixtureTask[] = [
      { kind: 'double', value: 0 },
      { kind: 'double', value: 1 },
      { kind: 'throw', message: 'cannot read' },
      { kind: 'double', value: 3 },
      { kind: 'throw', message: 'a later failure' },
    ];
    await expect(
      withWorkerPool<FixtureTask, number, void>({ file, threads: 2 }, (pool) =>
        runInOrder(pool, tasks, (_, index) => `scraped/${index}.html`, (_, index) => accepted.push(index)),
      ),
    ).rejects.toThrow('scraped/2.html: cannot read');
    expect(accepted).toEqual([0, 1]);
  });
});

describe('findWorkerFile', () => {
  const root = mkdtempSync(join(tmpdir(), 'gazette-find-worker-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'src/dedup'), { recursive: true });
  mkdirSync(join(root, '.astro/.prerender/chunks'), { recursive: true });
  writeFileSync(join(root, 'src/dedup/worker.ts'), '');

  it('finds the worker beside the module that starts it', () => {
    const module = pathToFileURL(join(root, 'src/dedup/parallel.ts')).href;
    expect(findWorkerFile(module, './worker.ts', 'src/dedup/worker.ts')?.href).toBe(pathToFileURL(join(root, 'src/dedup/worker.ts')).href);
  });

  it('finds it in the source tree above a bundle, and nowhere when it is missing', () => {
    const chunk = pathToFileURL(join(root, '.astro/.prerender/chunks/announcements_x.mjs')).href;
    expect(findWorkerFile(chunk, './worker.ts', 'src/dedup/worker.ts')?.href).toBe(pathToFileURL(join(root, 'src/dedup/worker.ts')).href);
    expect(findWorkerFile(chunk, './other.ts', 'src/dedup/no-such-worker.ts')).toBeUndefined();
  });
});
