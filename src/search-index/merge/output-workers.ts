/**
 * Does the merge's output on worker threads (output-worker.ts, src/util/worker-pool.ts):
 * packed files (gzip around `pagefind_dcd` and the content) compressed there, the fragments'
 * hard links, and the fragments' URLs read there. Together they are as much work as merging
 * the words, and zlib's and fs's asynchronous calls cost the merging thread about as much as
 * doing the work itself, where a worker costs it nothing: a file's buffer is handed over, not
 * copied.
 */
import { availableParallelism } from 'node:os';
import { WorkerPool } from '../../util/worker-pool.ts';
import { GZIP_LEVEL, PAGEFIND_HEADER } from './bundle.ts';
import type { OutputJob } from './output-worker.ts';


/** Files handed to the workers and not yet written, at most, per worker: bounds the memory they hold. */
const PENDING_PER_WORKER = 8;

/** Links or URLs per background job: small, so they fill the gaps between files. */
const BACKGROUND_BATCH = 256;

/** A background job, and what to do with its URLs. */
interface Background {
  job: OutputJob;
  label: string;
  settle?: (urls: string[] | Error) => void;
}

export class OutputWorkers {
  private readonly pool: WorkerPool<OutputJob, string[] | undefined>;
  private failure: Error | undefined;
  /** Jobs handed to the pool and not yet done: files, and the rest. */
  private writes = 0;
  private others = 0;
  /** Callers waiting for a job to finish; each checks again when woken. */
  private waiting: (() => void)[] = [];
  /**
   * Links and URL reads, needed only when the merge ends: handed over when a worker has
   * little else to do, so the files the merge produces are not held up behind them.
   */
  private readonly background: Background[] = [];

  constructor(threads = Math.max(1, Math.min(availableParallelism(), 3))) {
    // Jobs queue in the workers, as many as write() lets wait: a worker goes on with the next
    // while this thread merges words and cannot hand one over.
    this.pool = new WorkerPool({ file: new URL('./output-worker.ts', import.meta.url), threads, eager: true, tasksPerThread: PENDING_PER_WORKER + 2 });
  }

  /**
   * Queues a file to be compressed and written: `packed` is its content after the
   * `pagefind_dcd` header, in a buffer handed over to the worker (unusable here afterwards).
   * Waits while the workers are busy.
   */
  async write(file: string, packed: Uint8Array): Promise<void> {
    if (PAGEFIND_HEADER.some((byte, i) => packed[i] !== byte)) throw new Error(`${file}: content without the pagefind_dcd header`);
    while (this.writes >= PENDING_PER_WORKER * this.pool.threads && this.failure === undefined) await this.change();
    if (this.failure) throw this.failure;
    this.writes++;
    const job: OutputJob = { kind: 'write', file, bytes: packed, level: GZIP_LEVEL };
    this.track(this.pool.run(file, job, { transferList: [packed.buffer as ArrayBuffer] }), () => this.writes--);
  }

  /** Queues hard links `[from, to]` (copies where a link is impossible). */
  link(links: (readonly [string, string])[]): void {
    for (let start = 0; start < links.length; start += BACKGROUND_BATCH) {
      const batch = links.slice(start, start + BACKGROUND_BATCH);
      this.background.push({ job: { kind: 'link', links: batch }, label: `linking the fragments from ${batch[0]![0]}` });
    }
    this.feedIdle();
  }

  /** The URLs of fragment files, read on the workers; settles once {@link flush} or the workers' spare time got to them. */
  readUrls(files: readonly string[]): Promise<string[]> {
    const batches: Promise<string[]>[] = [];
    for (let start = 0; start < files.length; start += BACKGROUND_BATCH) {
      const batch = files.slice(start, start + BACKGROUND_BATCH);
      batches.push(
        new Promise((resolve, reject) =>
          this.background.push({
            job: { kind: 'urls', files: batch },
            label: `reading the URLs of the fragments from ${batch[0]}`,
            settle: (urls) => (urls instanceof Error ? reject(urls) : resolve(urls)),
          }),
        ),
      );
    }
    this.feedIdle();
    return Promise.all(batches).then((results) => results.flat());
  }

  /** Hands every background job over now: what is awaited next needs them done. */
  flush(): void {
    while (this.background.length > 0) this.post(this.background.shift()!);
  }

  /** Waits until every job is done, then stops the workers; throws the first failure. */
  async close(): Promise<void> {
    try {
      this.flush();
      while (this.failure === undefined && this.writes + this.others > 0) await this.change();
      if (this.failure) throw this.failure;
    } finally {
      await this.pool.close();
    }
  }

  private post({ job, label, settle }: Background): void {
    this.others++;
    const running = this.pool.run(label, job);
    if (!settle) return this.track(running, () => this.others--);
    running.then(
      (urls) => settle(urls!),
      (error: Error) => settle(error),
    );
    this.track(
      running.catch(() => undefined),
      () => this.others--,
    );
  }

  /** Counts a job done when it settles, and keeps the first failure. */
  private track(running: Promise<unknown>, done: () => void): void {
    running.then(
      () => this.settled(done),
      (error: Error) => {
        this.failure ??= error;
        this.settled(done);
      },
    );
  }

  private settled(done: () => void): void {
    done();
    this.feedIdle();
    this.wake();
  }

  /** Hands a background job over while the workers are (nearly) idle. */
  private feedIdle(): void {
    while (this.background.length > 0 && this.writes + this.others < 2 * this.pool.threads) this.post(this.background.shift()!);
  }

  private change(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
