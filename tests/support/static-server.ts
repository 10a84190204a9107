/**
 * Serves a built site on 127.0.0.1 as a production host would: directory index files, the
 * right content types (application/wasm for Pagefind), and the 404 page for unknown paths.
 * The files are served by sirv; this only adds the 404 page and an ephemeral port.
 */
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

/** Serves `root` on an ephemeral loopback port; resolves with its base URL. */
export async function serveStatic(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const notFound = join(root, '404.html');
  const files = sirv(root, {
    dev: true,
    etag: false,
    onNoMatch: (_request, response) => {
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      createReadStream(notFound).on('error', () => response.end()).pipe(response);
    },
  });
  const server = createServer((request, response) => files(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
