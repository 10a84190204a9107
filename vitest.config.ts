import { defineConfig } from 'vitest/config';

// Three layers, cheapest first: pure functions, fixture-site builds, then a real browser.
// The build and browser layers share one build of content/ per run (tests/support/global-setup.ts).
const sampleBuild = ['tests/support/global-setup.ts'];

export default defineConfig({
  test: {
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: sampleBuild,
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // Each build test runs Astro and Pagefind: one at a time fits two cores.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: sampleBuild,
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
