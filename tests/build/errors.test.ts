import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, PROJECT_ROOT } from '../support/build-site.ts';

describe('building broken content', () => {
  const build = buildSite(join(PROJECT_ROOT, 'tests/fixtures/bad-files'), 'bad-files');

  it('fails with one line per problem, naming every bad file, and no stack trace', () => {
    expect(build.status).toBe(1);
    const errors = build.stderr.split('\n').filter((line) => line.startsWith('error: '));
    expect(errors).toHaveLength(35);
    expect(errors).toContain('error: tests/fixtures/bad-files/announcements/2015/unknown-key.md → souce: unknown key (did you mean "source"?)');
    expect(build.stderr).toContain('35 problems in 32 files; 1 announcement valid.');
    expect(build.stderr).not.toMatch(/^\s+at /m);
  });
});
