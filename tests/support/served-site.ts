/**
 * The browser tests' fixture: builds a content folder, serves the build on 127.0.0.1 and
 * launches Chromium before the file's tests, and closes both after them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic } from './static-server.ts';
import { launchBrowser } from './browser.ts';
import { buildSite, type BuildResult } from './build-site.ts';

export interface ServedSite {
  /** The server's base URL, e.g. http://127.0.0.1:40123. */
  readonly url: string;
  readonly browser: Browser;
  readonly build: BuildResult;
}

/**
 * Registers the set-up and tear-down hooks; the returned object's fields are filled once
 * `beforeAll` has run.
 *
 * @param contentDir the content folder to build
 * @param name the build's folder under tests/.tmp
 */
export function useServedSite(contentDir: string, name: string, env: NodeJS.ProcessEnv = {}): ServedSite {
  const state = {} as { url: string; browser: Browser; build: BuildResult; close?: () => Promise<void> };
  beforeAll(async () => {
    state.build = buildSite(contentDir, name, { env });
    if (state.build.status !== 0) throw new Error(`build failed:\n${state.build.stdout}\n${state.build.stderr}`);
    const server = await serveStatic(state.build.dist);
    state.url = server.url;
    state.close = server.close;
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.close?.();
  });
  return state;
}
