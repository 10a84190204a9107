import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BodyCache } from '../../src/lib/body-cache.ts';
import { renderIntoCache } from '../../src/loaders/render-pool.ts';

const items = (count: number) => Array.from({ length: count }, (_, i) => ({ digest: `d${String(i).padStart(4, '0')}`, body: `第${i}号公告正文。` }));

describe('renderIntoCache failures', () => {
  it('rejects naming the batch and the body a worker could not render', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'gazette-bodies-'));
    try {
      const bodies = items(130);
      // Not text: the Markdown parser throws on it.
      bodies[70] = { digest: 'd0070', body: 42 as unknown as string };
      await expect(renderIntoCache(bodies, cacheDir)).rejects.toThrow(/^rendering bodies 51–100 of 130: the body cached as d0070 could not be rendered: /);
      // Batches on the other thread may or may not have finished; what was cached is whole.
      const cache = new BodyCache(cacheDir);
      for (const { digest } of bodies.filter(({ digest }) => cache.has(digest))) expect(cache.read(digest).html).toContain('公告正文。');
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('names the body when rendering in this thread too', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'gazette-bodies-'));
    try {
      const bodies = items(3);
      bodies[1] = { digest: 'd0001', body: 42 as unknown as string };
      await expect(renderIntoCache(bodies, cacheDir)).rejects.toThrow(/^the body cached as d0001 could not be rendered: /);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
