/**
 * A worker thread of {@link OutputWorkers} (src/util/worker-pool.ts): compresses and writes
 * packed files, links fragments and reads fragments' URLs, beside the thread that merges the
 * words.
 */
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { linkOrCopy } from '../../util/files.ts';
import { readFragmentUrl } from './bundle.ts';

export type OutputJob =
  | { kind: 'write'; file: string; bytes: Uint8Array; level: number }
  | { kind: 'link'; links: (readonly [string, string])[] }
  | { kind: 'urls'; files: string[] };

/** Runs one job; answers the URLs for `urls`, nothing for the others. */
export default function outputJob(job: OutputJob): string[] | undefined {
  switch (job.kind) {
    case 'write':
      // One output buffer: the packed file is smaller than its content.
      writeFileSync(job.file, gzipSync(job.bytes, { level: job.level, chunkSize: Math.max(job.bytes.length, 16384) }));
      return undefined;
    case 'link':
      for (const [from, to] of job.links) {
        try {
          // Fragments are written once and never changed: a hard link shares them with the part.
          linkOrCopy(from, to);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`${from}: missing fragment`);
          throw error;
        }
      }
      return undefined;
    case 'urls':
      return job.files.map(readFragmentUrl);
  }
}
