import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAGEFIND_HEADER } from '../../../src/search-index/merge/bundle.ts';
import { OutputWorkers } from '../../../src/search-index/merge/output-workers.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gazette-output-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const packed = (text: string) => Uint8Array.from([...PAGEFIND_HEADER, ...new TextEncoder().encode(text)]);
const fragment = (name: string, url: string) => {
  const file = join(dir, `${name}.pf_fragment`);
  writeFileSync(file, gzipSync(packed(JSON.stringify({ url, content: '正文' }))));
  return file;
};

describe('OutputWorkers', () => {
  it('writes packed files, links fragments and reads their URLs in order, on its threads', async () => {
    const output = new OutputWorkers(2);
    const fragments = Array.from({ length: 600 }, (_, n) => fragment(`f${n}`, `/announcements/${n}/`));
    mkdirSync(join(dir, 'out'));
    output.link(fragments.map((file, n) => [file, join(dir, 'out', `g${n}.pf_fragment`)] as const));
    const urls = output.readUrls(fragments);
    const bytes = packed('x'.repeat(100_000));
    // More files than the workers take at once: write() waits for room rather than queueing them all.
    for (let n = 0; n < 40; n++) await output.write(join(dir, 'out', `chunk${n}.pf_index`), packed(`chunk ${n}`));
    await output.write(join(dir, 'out', 'big.pf_index'), bytes);
    output.flush();
    expect(await urls).toEqual(fragments.map((_, n) => `/announcements/${n}/`));
    await output.close();
    // Handed over to a worker, not copied.
    expect(bytes.byteLength).toBe(0);
    expect(gunzipSync(readFileSync(join(dir, 'out', 'big.pf_index'))).length).toBe(100_000 + PAGEFIND_HEADER.length);
    expect(gunzipSync(readFileSync(join(dir, 'out', 'chunk7.pf_index'))).subarray(PAGEFIND_HEADER.length).toString()).toBe('chunk 7');
    expect(statSync(join(dir, 'out', 'g599.pf_fragment')).ino).toBe(statSync(fragments[599]!).ino);
  });

  it('rejects, naming the file, when one cannot be written', async () => {
    const output = new OutputWorkers(2);
    await output.write(join(dir, 'no-such-folder', 'a.pf_index'), packed('a'));
    await expect(output.close()).rejects.toThrow(`${join(dir, 'no-such-folder', 'a.pf_index')}: ENOENT`);
  });

  it('rejects naming a missing fragment, and a URL read that fails', async () => {
    const output = new OutputWorkers(1);
    const urls = output.readUrls([join(dir, 'gone.pf_fragment')]);
    await expect(urls).rejects.toThrow(/gone\.pf_fragment/);
    output.link([[join(dir, 'gone.pf_fragment'), join(dir, 'x.pf_fragment')]]);
    await expect(output.close()).rejects.toThrow(`${join(dir, 'gone.pf_fragment')}: missing fragment`);
  });

  it('refuses content without the pagefind_dcd header', async () => {
    const output = new OutputWorkers(1);
    await expect(output.write(join(dir, 'a.pf_index'), new Uint8Array(20))).rejects.toThrow('a.pf_index: content without the pagefind_dcd header');
    await output.close();
  });
});
