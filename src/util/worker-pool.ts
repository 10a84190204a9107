/**
 * Gazette's one way of running work on worker threads: a thin layer over piscina that gives
 * every pool the same error and exit handling. A task that throws, or whose thread exits or
 * cannot load its module, rejects the caller's promise with a message that starts with the
 * task's label (the file, the part, the batch); nothing is left as an unhandled rejection or
 * waits forever; and a pool's threads end when it is closed, which {@link withWorkerPool}
 * always does. Depends on nothing else in src/.
 *
 * A worker module's default export runs one task and returns its result (or a promise of
 * it); see {@link transferring} for results that should move rather than be copied.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { move, Piscina, transferableSymbol, valueSymbol } from 'piscina';

type PiscinaRunOptions = NonNullable<Parameters<Piscina['run']>[1]>;

export interface WorkerPoolOptions {
  /** The worker module, as a file: URL; its default export runs each task. */
  file: URL;
  /** Threads at most (default: one per core). */
  threads?: number;
  /**
   * Starts every thread at once, for work that is all there from the start; otherwise a
   * thread starts when a task finds none idle.
   */
  eager?: boolean;
  /**
   * Ends a thread as soon as no task is waiting for it, freeing its memory, where by default
   * threads are kept for the next task until close(). A task submitted as soon as the last
   * one settles still finds its thread.
   */
  endIdleThreads?: boolean;
  /**
   * Tasks handed to a thread at once (default 1). More keeps a thread busy with the next one
   * while this thread is too busy to hand it over; the thread still runs them one by one
   * when they are synchronous.
   */
  tasksPerThread?: number;
}

export interface RunOptions {
  /** Buffers handed over to the thread rather than copied (unusable here afterwards). */
  transferList?: readonly ArrayBuffer[];
  /** Runs the task with another worker module than the pool's. */
  file?: URL;
}

/** A pool of worker threads running one module's default export. */
export class WorkerPool<Task, Result> {
  readonly threads: number;
  readonly #pool: Piscina<Task, Result>;
  /** Why the pool failed outside any task (a thread that could not start): given to every later task. */
  #failure: Error | undefined;
  #closed: Promise<void> | undefined;

  constructor({ file, threads = availableParallelism(), eager = false, endIdleThreads = false, tasksPerThread = 1 }: WorkerPoolOptions) {
    this.threads = Math.max(1, threads);
    this.#pool = new Piscina<Task, Result>({
      filename: file.href,
      maxThreads: this.threads,
      minThreads: eager && !endIdleThreads ? this.threads : 0,
      // Piscina ends a thread left idle after this long (0: on the next turn of the event loop).
      idleTimeout: endIdleThreads ? 0 : Infinity,
      concurrentTasksPerWorker: tasksPerThread,
    });
    // Piscina reports here what no task's promise can: a thread that failed while holding no
    // task, typically because its module did not load. Tasks still queued would then wait
    // for a thread that never comes, so the pool is ended and they are rejected.
    this.#pool.on('error', (error: unknown) => {
      this.#failure ??= toError(error);
      void this.#pool.destroy();
    });
  }

  /**
   * Runs one task on a thread, queued until one is free.
   *
   * @param label names the task in errors: `${label}: ${what went wrong}`
   * @throws when the task throws, its thread exits or fails, or the pool is closed
   * @example await pool.run('content/announcements/2015/a.md', { file })
   */
  async run(label: string, task: Task, options: RunOptions = {}): Promise<Result> {
    if (this.#failure) throw labelled(label, this.#failure);
    if (this.#closed) throw new Error(`${label}: the worker pool is closed`);
    try {
      return await this.#pool.run(task, { transferList: options.transferList as PiscinaRunOptions['transferList'], filename: options.file?.href });
    } catch (error) {
      // A task rejected because the pool was ended for a failure gets that failure's reason.
      throw labelled(label, this.#failure ?? toError(error));
    }
  }

  /** Threads started and not ended. */
  get running(): number {
    return this.#pool.threads.length;
  }

  /** Ends every thread; tasks not finished are rejected. Safe to call more than once. */
  close(): Promise<void> {
    this.#closed ??= this.#pool.destroy();
    return this.#closed;
  }
}

/**
 * Runs `use` with a new pool and closes the pool afterwards, whether `use` succeeded or threw.
 *
 * @example await withWorkerPool({ file: new URL('./render-worker.ts', import.meta.url) }, (pool) => Promise.all(batches.map((batch, n) => pool.run(`batch ${n}`, batch))))
 */
export async function withWorkerPool<Task, Result, T>(options: WorkerPoolOptions, use: (pool: WorkerPool<Task, Result>) => Promise<T>): Promise<T> {
  const pool = new WorkerPool<Task, Result>(options);
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

/** Runs one task on a thread of its own, which ends with it (and so frees the task's memory). */
export function runInWorker<Task, Result>(file: URL, label: string, task: Task): Promise<Result> {
  return withWorkerPool<Task, Result, Result>({ file, threads: 1, eager: true }, (pool) => pool.run(label, task));
}

/**
 * Runs `tasks` on `pool` with at most `window` of them queued or running, and hands each
 * result to `accept` in the order of `tasks`, whichever finished first. Stops at the first
 * failure (in order) and rejects with it; results after it are not accepted.
 *
 * @param label names a task in errors
 * @param window tasks in flight at most: enough to keep every thread busy while `accept` runs
 */
export async function runInOrder<Task, Result>(
  pool: WorkerPool<Task, Result>,
  tasks: readonly Task[],
  label: (task: Task, index: number) => string,
  accept: (result: Result, index: number) => void,
  window = 2 * pool.threads,
): Promise<void> {
  const inFlight: Promise<Result>[] = [];
  let next = 0;
  const submit = () => {
    const running = pool.run(label(tasks[next]!, next), tasks[next]!);
    // Awaited in turn below; until then (or if an earlier task fails first) it must not count as unhandled.
    running.catch(() => undefined);
    inFlight.push(running);
    next++;
  };
  while (next < tasks.length && inFlight.length < window) submit();
  for (let index = 0; index < tasks.length; index++) {
    const result = await inFlight.shift()!;
    if (next < tasks.length) submit();
    accept(result, index);
  }
}

/**
 * Marks a worker's result so that `buffers` (inside it) move to the caller instead of being
 * copied. Return it from the worker module's default export.
 *
 * @example return transferring(signatures, [signatures.buffer])
 */
export function transferring<T>(value: T, buffers: readonly ArrayBuffer[]): T {
  const movable = {
    get [transferableSymbol]() {
      return buffers;
    },
    get [valueSymbol]() {
      return value;
    },
  };
  // Piscina's types name its Transferable interface (this object's shape) without exporting it.
  return move(movable as unknown as ArrayBuffer) as unknown as T;
}

/**
 * Finds a worker module in the source tree. Next to the module that starts it (`relative`
 * to `moduleUrl`) where that module runs from its source file; where it was bundled into
 * another file (the site's data module runs from a chunk under the project's `.astro/`),
 * the worker is not beside the bundle, so it is looked for as `fromRoot` under each folder
 * above the bundle, nearest first.
 *
 * @returns the worker's URL, or undefined when it is found nowhere (the caller then does
 *   the work on its own thread)
 * @example findWorkerFile(import.meta.url, './worker.ts', 'src/dedup/worker.ts')
 */
export function findWorkerFile(moduleUrl: string, relative: string, fromRoot: string): URL | undefined {
  const beside = new URL(relative, moduleUrl);
  if (beside.protocol !== 'file:') return undefined;
  if (existsSync(fileURLToPath(beside))) return beside;
  for (let folder = dirname(fileURLToPath(moduleUrl)); ; folder = dirname(folder)) {
    const candidate = join(folder, fromRoot);
    if (existsSync(candidate)) return pathToFileURL(candidate);
    if (dirname(folder) === folder) return undefined;
  }
}

function labelled(label: string, error: Error): Error {
  return new Error(`${label}: ${error.message}`, { cause: error });
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
