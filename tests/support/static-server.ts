/**
 * Serves a built site on 127.0.0.1 as a production host would: directory index files, the
 * right content types (application/wasm for Pagefind), text compressed as the README's nginx
 * configuration compresses it (gzip for pages, styles, scripts, XML and JSON; Pagefind's index
 * files are gzip already), and the 404 page for unknown paths. The files are served by sirv
 * and compressed by `compression`; this only adds the 404 page and an ephemeral port.
 */
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import compression from 'compression';
import sirv from 'sirv';

/**
 * Serves `root` on an ephemeral loopback port; resolves with its base URL.
 *
 * @param onServed told of every response once sent: its path and body bytes as sent, compressed
 *   where the host compresses (what a benchmark counts as fetched; a browser's own records miss
 *   what Pagefind's worker fetches)
 */
export async function serveStatic(root: string, onServed?: (path: string, bytes: number) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const notFound = join(root, '404.html');
  const files = sirv(root, {
    dev: true,
    etag: false,
    onNoMatch: (_request, response) => {
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      createReadStream(notFound).on('error', () => response.end()).pipe(response);
    },
  });
  const compress = compression();
  const server = createServer((request, response) => {
    if (onServed) {
      let bytes = 0;
      const write = response.write.bind(response) as (chunk: unknown, ...rest: unknown[]) => boolean;
      const end = response.end.bind(response) as (chunk?: unknown, ...rest: unknown[]) => typeof response;
      const count = (chunk: unknown) => {
        if (typeof chunk === 'string') bytes += Buffer.byteLength(chunk);
        else if (chunk instanceof Uint8Array) bytes += chunk.byteLength;
      };
      response.write = ((chunk: unknown, ...rest: unknown[]) => (count(chunk), write(chunk, ...rest))) as typeof response.write;
      response.end = ((chunk?: unknown, ...rest: unknown[]) => (typeof chunk !== 'function' && count(chunk), end(chunk, ...rest))) as typeof response.end;
      response.on('finish', () => onServed(new URL(request.url ?? '/', 'http://localhost').pathname, bytes));
    }
    // Wraps the response's write and end after the count above: the count sees compressed bytes.
    compress(request as Parameters<typeof compress>[0], response as Parameters<typeof compress>[1], () => files(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
