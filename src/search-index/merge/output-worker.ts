/**
 * A worker thread of {@link OutputWorkers}: compresses and writes packed files, links
 * fragments and reads fragments' URLs, beside the thread that merges the words.
 */
import { copyFileSync, linkSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { readFragmentUrl } from './bundle.ts';

export type OutputJob =
  | { kind: 'write'; file: string; bytes: Uint8Array; level: number }
  | { kind: 'link'; links: (readonly [string, string])[] }
  | { kind: 'urls'; id: number; files: string[] };

export type OutputReply = { kind: 'write' | 'link'; error?: string } | { kind: 'urls'; id: number; urls?: string[]; error?: string };

function run(job: OutputJob): OutputReply {
  switch (job.kind) {
    case 'write':
      // One output buffer: the packed file is smaller than its content.
      writeFileSync(job.file, gzipSync(job.bytes, { level: job.level, chunkSize: Math.max(job.bytes.length, 16384) }));
      return { kind: 'write' };
    case 'link':
      for (const [from, to] of job.links) {
        try {
          // Fragments are written once and never changed: a hard link shares them with the part.
          linkSync(from, to);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${from}: missing fragment`);
          copyFileSync(from, to);
        }
      }
      return { kind: 'link' };
    case 'urls':
      return { kind: 'urls', id: job.id, urls: job.files.map(readFragmentUrl) };
  }
}

parentPort!.on('message', (job: OutputJob) => {
  let reply: OutputReply;
  try {
    reply = run(job);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reply =
      job.kind === 'urls'
        ? { kind: 'urls', id: job.id, error: message }
        : { kind: job.kind, error: job.kind === 'write' ? `${job.file}: ${message}` : message };
  }
  parentPort!.postMessage(reply);
});
