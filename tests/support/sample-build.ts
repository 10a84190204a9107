/**
 * The sample site (`content/`) built once per test run. Most build and browser tests only
 * read that build; building it again for each file cost about five seconds a file.
 * global-setup.ts builds it and provides the result; tests read it with {@link sampleBuild}.
 * Tests that need another build (fixtures, rebuilds, other search part sizes) keep their own.
 */
import { inject } from 'vitest';
import { succeeded, type BuildResult } from './build-site.ts';

declare module 'vitest' {
  interface ProvidedContext {
    sampleBuild: BuildResult;
  }
}

/**
 * The shared build of `content/`, with the default settings. Read it, never write into it:
 * every test file of the run sees the same folder. Throws with the build's log when it failed,
 * so the tests that need it fail and the others still run.
 */
export function sampleBuild(): BuildResult {
  const build = inject('sampleBuild');
  if (!build) throw new Error('the sample build is missing: run this test through vitest.config.ts, whose build and e2e projects build it in tests/support/global-setup.ts');
  return succeeded(build);
}
