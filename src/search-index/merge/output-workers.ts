/**
 * Does the merge's output on worker threads (output-worker.ts): packed files (gzip around
 * `pagefind_dcd` and the content) compressed there, the fragments' hard links, and the
 * fragments' URLs read there. Together they are as much work as merging the words, and
 * zlib's and fs's asynchronous calls cost the merging thread about as much as doing the
 * work itself, where a worker costs it nothing: a file's buffer is handed over, not copied.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { PAGEFIND_HEADER } from './bundle.ts';
import type { OutputJob, OutputReply } from './output-worker.ts';

/**
 * The gzip level of written files. Pagefind uses 9; on these files zlib's 4 takes a third of
 * 6's time and a tenth of 9's, for files 7% larger than Pagefind's (6: 1% larger).
 */
const GZIP_LEVEL = 4;

/** Files handed to a worker and not yet written, at most: bounds the memory they hold. */
const PENDING_PER_WORKER = 8;

/** Links or URLs per background job: small, so they fill the gaps between files. */
const BACKGROUND_BATCH = 256;

interface Slot {
  worker: Worker;
  /** Jobs posted and not yet done: files, and the rest. */
  writes: number;
  others: number;
}

export class OutputWorkers {
  private readonly slots: Slot[];
  private failure: Error | undefined;
  /** Callers waiting for a worker to finish a job; each checks again when woken. */
  private waiting: (() => void)[] = [];
  /**
   * Links and URL reads, needed only when the merge ends: posted when a worker has little
   * else to do, so the files the merge produces are not held up behind them.
   */
  private readonly background: OutputJob[] = [];
  private readonly urlBatches = new Map<number, (urls: string[] | Error) => void>();
  private nextBatch = 0;
  private closing = false;

  constructor(threads = Math.max(1, Math.min(availableParallelism(), 3))) {
    this.slots = Array.from({ length: threads }, () => {
      const slot: Slot = { worker: new Worker(new URL('./output-worker.ts', import.meta.url)), writes: 0, others: 0 };
      slot.worker.on('message', (reply: OutputReply) => this.receive(slot, reply));
      slot.worker.on('error', (error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))));
      slot.worker.on('exit', (code) => {
        if (!this.closing) this.fail(new Error(`an output worker stopped (exit code ${code}) before the merge was written`));
      });
      return slot;
    });
  }

  /**
   * Queues a file to be compressed and written: `packed` is its content after the
   * `pagefind_dcd` header, in a buffer handed over to the worker (unusable here afterwards).
   * Waits while the workers are busy.
   */
  async write(file: string, packed: Uint8Array): Promise<void> {
    if (PAGEFIND_HEADER.some((byte, i) => packed[i] !== byte)) throw new Error(`${file}: content without the pagefind_dcd header`);
    let slot = this.leastBusy();
    while (slot.writes >= PENDING_PER_WORKER && this.failure === undefined) {
      await this.change();
      slot = this.leastBusy();
    }
    if (this.failure) throw this.failure;
    slot.writes++;
    slot.worker.postMessage({ kind: 'write', file, bytes: packed, level: GZIP_LEVEL } satisfies OutputJob, [packed.buffer as ArrayBuffer]);
  }

  /** Queues hard links `[from, to]` (copies where a link is impossible). */
  link(links: (readonly [string, string])[]): void {
    for (let start = 0; start < links.length; start += BACKGROUND_BATCH)
      this.background.push({ kind: 'link', links: links.slice(start, start + BACKGROUND_BATCH) });
    this.feedIdle();
  }

  /** The URLs of fragment files, read on the workers; settles once {@link flush} or the workers' spare time got to them. */
  readUrls(files: readonly string[]): Promise<string[]> {
    const batches: Promise<string[]>[] = [];
    for (let start = 0; start < files.length; start += BACKGROUND_BATCH) {
      const id = this.nextBatch++;
      batches.push(new Promise((resolve, reject) => this.urlBatches.set(id, (urls) => (urls instanceof Error ? reject(urls) : resolve(urls)))));
      this.background.push({ kind: 'urls', id, files: files.slice(start, start + BACKGROUND_BATCH) });
    }
    this.feedIdle();
    return Promise.all(batches).then((results) => results.flat());
  }

  /** Posts every background job now: what is awaited next needs them done. */
  flush(): void {
    while (this.background.length > 0) this.post(this.leastBusy(), this.background.shift()!);
  }

  /** Waits until every job is done, then stops the workers; throws the first failure. */
  async close(): Promise<void> {
    try {
      this.flush();
      while (this.failure === undefined && this.slots.some((slot) => slot.writes + slot.others > 0)) await this.change();
      if (this.failure) throw this.failure;
    } finally {
      this.closing = true;
      await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    }
  }

  private post(slot: Slot, job: OutputJob): void {
    slot.others++;
    slot.worker.postMessage(job);
  }

  /** Gives each worker that is (nearly) idle a background job. */
  private feedIdle(): void {
    for (const slot of this.slots) if (slot.writes + slot.others < 2 && this.background.length > 0) this.post(slot, this.background.shift()!);
  }

  private receive(slot: Slot, reply: OutputReply): void {
    if (reply.kind === 'write') slot.writes--;
    else slot.others--;
    if (reply.kind === 'urls') {
      const settle = this.urlBatches.get(reply.id)!;
      this.urlBatches.delete(reply.id);
      settle(reply.urls ?? new Error(reply.error));
    } else if (reply.error !== undefined) this.fail(new Error(reply.error));
    this.feedIdle();
    this.wake();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const settle of this.urlBatches.values()) settle(error);
    this.urlBatches.clear();
    this.wake();
  }

  private change(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private leastBusy(): Slot {
    return this.slots.reduce((best, slot) => (slot.writes + slot.others < best.writes + best.others ? slot : best));
  }
}
