import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnnouncementSchema, formatProblem } from '../../src/lib/schema.ts';
import { validateAnnouncementText } from '../../src/lib/validate.ts';

const schema = createAnnouncementSchema();
const FILE = 'content/announcements/2015/x.md';
const VALID = '---\ntitle: 今年遂宁将建成7个省级安全社区\ndate: 2015-05-20 17:18\nsource: 遂宁市府\neditor: 白婉苹\ntags: [安全]\n---\n\n正文。\n';

/**
 * What `npm run check` does with a file's text. Whatever the text, it never throws, and it
 * either accepts the file or names at least one problem, each a line that starts with the file
 * and says something; never both, never neither.
 */
function check(text: string): 'ok' | 'problem' {
  const { announcement, problems } = validateAnnouncementText(text, FILE, schema);
  if (announcement && problems.length === 0 && announcement.data.title.trim() !== '') return 'ok';
  if (!announcement && problems.length > 0 && problems.every((problem) => formatProblem(problem).startsWith(FILE) && problem.message.trim().length > 5)) return 'problem';
  throw new Error(`neither accepted nor explained: ${JSON.stringify({ announcement: !!announcement, problems })}`);
}

/** Mutations a broken editor or export produces: cut, duplicated or replaced slices, odd characters. */
const mutated = fc
  .tuple(fc.nat(VALID.length), fc.nat(VALID.length), fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('\u0000', '\uFEFF', '\r', ':', '"', '\t', '---', '\n- ', '{', '[', '&a', '*a', '!!binary ')))
  .map(([start, length, insert]) => VALID.slice(0, start) + insert + VALID.slice(start + Math.min(length, 20)));

describe('front matter parsing under random input', () => {
  it('accepts the valid file', () => {
    expect(check(VALID)).toBe('ok');
  });

  it('never throws on random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => ['ok', 'problem'].includes(check(text))), { numRuns: 2000 });
  });

  it('never throws on random front matter', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (yaml) => ['ok', 'problem'].includes(check(`---\n${yaml}\n---\nbody`))), { numRuns: 2000 });
  });

  it('never throws on mutated valid files', () => {
    fc.assert(fc.property(mutated, (text) => ['ok', 'problem'].includes(check(text))), { numRuns: 3000 });
  });
});
