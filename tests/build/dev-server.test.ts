import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';

/** A port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The environment a maintainer's shell has: Vitest's MODE, NODE_ENV and VITEST would change how Astro serves. */
const withoutVitest = (env: NodeJS.ProcessEnv) =>
  Object.fromEntries(Object.entries(env).filter(([key]) => !['MODE', 'NODE_ENV', 'TEST'].includes(key) && !key.startsWith('VITEST')));

const until = async (condition: () => boolean, what: string, seconds = 30) => {
  const deadline = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

const broken = (body: string) => `---\ntitle: 坏文件\ndate: 2016-13-45\nsource: 市应急局\n---\n\n${body}\n`;

describe('npm run dev, when a maintainer saves a broken file', () => {
  let work: string;
  let dev: ChildProcess;
  let output = '';
  let url = '';
  const file = () => join(work, 'content/announcements/2016/broken.md');
  const problemLine = () => `${file()} → date: "2016-13-45" is not a date: there is no month 13`;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gazette-dev-'));
    cpSync(join(PROJECT_ROOT, 'tests/fixtures/copies'), join(work, 'content'), { recursive: true });
    const port = await freePort();
    url = `http://127.0.0.1:${port}/`;
    dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: PROJECT_ROOT,
      env: { ...withoutVitest(process.env), GAZETTE_CONTENT: join(work, 'content'), GAZETTE_CACHE_DIR: join(work, 'cache') },
    });
    dev.stdout!.on('data', (chunk) => (output += stripVTControlCharacters(String(chunk))));
    dev.stderr!.on('data', (chunk) => (output += stripVTControlCharacters(String(chunk))));
    await until(() => output.includes('watching for file changes'), 'the dev server to start', 60);
    // Vite answers 404 for a moment while it prepares its dependencies.
    let status = 0;
    await until(() => {
      void fetch(url).then((response) => (status = response.status), () => {});
      return status === 200;
    }, 'the home page', 60);
  });

  afterAll(() => {
    dev?.kill();
    rmSync(work, { recursive: true, force: true });
  });

  it('reports the problem once, in the file → field: problem format, and keeps serving', async () => {
    writeFileSync(file(), broken('第一版。'));
    await until(() => output.includes(problemLine()), 'the problem to be reported');
    // Saved again, still broken: the sync runs, the same problem is not repeated.
    const syncs = () => output.split('announcements rendered').length;
    const before = syncs();
    writeFileSync(file(), broken('第二版。'));
    await until(() => syncs() > before, 'the next sync');
    expect(output.split(problemLine()).length - 1).toBe(1);
    expect(output).not.toMatch(/Unhandled|\n\s+at [\w.<]+ \(/);
    expect(dev.exitCode).toBeNull();
    expect((await fetch(url)).status).toBe(200);
  });

  it('loads the file once it is fixed', async () => {
    writeFileSync(file(), broken('修好了。').replace('2016-13-45', '2016-03-05'));
    const page = `${url}announcements/2016/broken/`;
    let text = '';
    await until(() => {
      void fetch(page).then(async (response) => (text = response.ok ? await response.text() : ''), () => {});
      return text.includes('修好了。');
    }, 'the fixed announcement to be served');
    expect(output.split(problemLine()).length - 1).toBe(1);
  });
});
