import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/schema.ts';
import { validateContent } from '../../src/lib/validate.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

describe('validateContent on broken files', () => {
  const result = validateContent(fixture('bad-files'), root);
  const lines = result.problems.map(formatProblem);

  it('names every bad file, field and fix, one line each', () => {
    expect(lines).toMatchInlineSnapshot(`
      [
        "tests/fixtures/bad-files/site.yaml → url: url must be the site's public http(s) address, e.g. https://www.example.gov.cn/",
        "tests/fixtures/bad-files/site.yaml → page_size: page_size must be between 1 and 200",
        "tests/fixtures/bad-files/sources.yaml → 1.slug: "ceshi" is already the slug of 测试一 (give each body its own slug)",
        "tests/fixtures/bad-files/sources.yaml → 1.aliases: "测试一" already names 测试一 (a spelling can belong to one body only)",
        "tests/fixtures/bad-files/announcements/2015/bad-date.md → date: "2015-13-45" is not a date: there is no month 13 (write 2015-05-20 or 2015-05-20T17:18:00+08:00)",
        "tests/fixtures/bad-files/announcements/2015/binary.md: is a binary file, not Markdown text",
        "tests/fixtures/bad-files/announcements/2015/broken-yaml.md: front matter has invalid YAML at line 4: Missing closing "quote",
        "tests/fixtures/bad-files/announcements/2015/date-in-words.md → date: "二〇一五年五月二十日" is not a date (write 2015-05-20 or 2015-05-20T17:18:00+08:00)",
        "tests/fixtures/bad-files/announcements/2015/date-in-words.md → draft: draft must be true or false",
        "tests/fixtures/bad-files/announcements/2015/empty.md: has no front matter (start the file with a --- block holding at least title, date and source)",
        "tests/fixtures/bad-files/announcements/2015/impossible-date.md → date: "2022-02-30" is not a date: 2022-02 has no day 30 (write 2015-05-20 or 2015-05-20T17:18:00+08:00)",
        "tests/fixtures/bad-files/announcements/2015/missing-source.md → source: source is missing",
        "tests/fixtures/bad-files/announcements/2015/missing-title.md → title: title is missing",
        "tests/fixtures/bad-files/announcements/2015/no-front-matter.md: has no front matter (start the file with a --- block holding at least title, date and source)",
        "tests/fixtures/bad-files/announcements/2015/unknown-key.md → souce: unknown key (did you mean "source"?)",
        "tests/fixtures/bad-files/announcements/2016/dangling-link.md: cannot be read (ENOENT)",
        "tests/fixtures/bad-files/announcements/2016/date-number.md → date: 20160101 is not a date (write 2015-05-20 or 2015-05-20T17:18:00+08:00)",
        "tests/fixtures/bad-files/announcements/2016/date-slashes.md → date: "2016/01/01" is not a date (write 2015-05-20 or 2015-05-20T17:18:00+08:00)",
        "tests/fixtures/bad-files/announcements/2016/date-time-invalid.md → date: "2016-01-01 24:61" is not a time of day (write 2015-05-20 or 2015-05-20T17:18:00+08:00)",
        "tests/fixtures/bad-files/announcements/2016/draft-string.md → draft: draft must be true or false",
        "tests/fixtures/bad-files/announcements/2016/duplicate-key.md: front matter has invalid YAML at line 3: Map keys must be unique",
        "tests/fixtures/bad-files/announcements/2016/editor-list-of-objects.md → editor: editor must be text",
        "tests/fixtures/bad-files/announcements/2016/front-matter-list.md: front matter must be \`key: value\` lines, not a list or a single value",
        "tests/fixtures/bad-files/announcements/2016/gbk-encoded.md: is not UTF-8 text (save it as UTF-8; \`npm run import\` converts GBK pages)",
        "tests/fixtures/bad-files/announcements/2016/huge-title.md → title: title is longer than 200 characters",
        "tests/fixtures/bad-files/announcements/2016/original-url-invalid.md → original_url: original_url must be an http(s) address",
        "tests/fixtures/bad-files/announcements/2016/source-only-spaces.md → source: source is empty",
        "tests/fixtures/bad-files/announcements/2016/tab-indented.md: front matter has invalid YAML at line 6: Tabs are not allowed as indentation",
        "tests/fixtures/bad-files/announcements/2016/tags-object.md → tags.0: tags must be text",
        "tests/fixtures/bad-files/announcements/2016/title-empty.md → title: title is empty",
        "tests/fixtures/bad-files/announcements/2016/title-number.md → title: title must be text",
        "tests/fixtures/bad-files/announcements/2016/unclosed-front-matter.md: front matter is not closed (add a line with --- after the last key)",
        "tests/fixtures/bad-files/announcements/2016/updated-bad-date.md → updated.0.date: "2016-02-30" is not a date: 2016-02 has no day 30 (write 2015-05-20 or 2015-05-20T17:18:00+08:00)",
        "tests/fixtures/bad-files/announcements/2016/withdrawn-no-reason.md → withdrawn.reason: withdrawn.reason is missing",
        "tests/fixtures/bad-files/announcements/2016/canonical-missing.md → canonical: "2099/nothing" is not an announcement (write the id as a path under announcements/ without .md, e.g. 2015/suining-safety)",
      ]
    `);
  });

  it('still validates the good files beside them', () => {
    expect(result.announcements.map((a) => a.id)).toEqual(['2015/valid']);
    expect(result.announcements[0]!.data.date.toISOString()).toBe('2015-05-20T09:18:00.000Z');
  });
});

describe('validateContent on the sample content', () => {
  const result = validateContent(fileURLToPath(new URL('../../content/', import.meta.url)), root);

  it('finds no problems and reads the seed announcement in Beijing time', () => {
    expect(result.problems).toEqual([]);
    const seed = result.announcements.find((a) => a.data.title === '今年遂宁将建成7个省级安全社区');
    expect(seed?.data).toMatchObject({ source: '遂宁市府', editor: '白婉苹', datePrecision: 'minute' });
    expect(seed?.data.date.toISOString()).toBe('2015-05-20T09:18:00.000Z');
  });
});
