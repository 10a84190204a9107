/**
 * The browser tests' fixture: serves a build on 127.0.0.1 and launches Chromium before the
 * file's tests, and closes both after them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic } from './static-server.ts';
import { launchBrowser } from './browser.ts';
import { succeeded, type BuildResult } from './build-site.ts';

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
 * @param build gives the build to serve, called in `beforeAll`: `sampleBuild` for the shared
 *   build of content/, or a function that builds the file's own site with `buildSite`
 */
export function useServedSite(build: () => BuildResult): ServedSite {
  const state = {} as { url: string; browser: Browser; build: BuildResult; close?: () => Promise<void> };
  beforeAll(async () => {
    state.build = succeeded(build());
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
