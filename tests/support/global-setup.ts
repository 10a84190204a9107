/**
 * Vitest global setup of the build and e2e projects: builds `content/` once per test run
 * and provides the result to their tests (see sample-build.ts). Both projects list this
 * file; each project loads it separately, so the build is shared through `globalThis`
 * of the main Vitest process, where every global setup runs.
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, PROJECT_ROOT, type BuildResult } from './build-site.ts';

/** The shared build's folder under tests/.tmp. No test may build there itself. */
const SAMPLE_BUILD = 'sample';
const SHARED = Symbol.for('gazette.tests.sampleBuild');
type Shared = { [SHARED]?: BuildResult };

export function setup(project: TestProject): void {
  const shared = globalThis as Shared;
  // A failed build is provided too: the tests that read it report its log, the rest still run.
  shared[SHARED] ??= buildSite(join(PROJECT_ROOT, 'content'), SAMPLE_BUILD);
  project.provide('sampleBuild', shared[SHARED]);
}
