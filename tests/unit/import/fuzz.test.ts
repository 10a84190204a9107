import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBytes, importText, type PageImport } from '../../../src/import/import-page.ts';
import { parseFrontMatter } from '../../../src/lib/content-files.ts';
import { createAnnouncementSchema } from '../../../src/lib/schema.ts';

const names = ['seed-text-dump.txt', 'trs-portal.html', 'xxgk-table.html', 'elder-mode-double.html', 'gb18030-text-dump.txt', 'crawler-export.jsonl'];
const fixtures = names.map((name) => new Uint8Array(readFileSync(new URL(`../../fixtures/scraped/${name}`, import.meta.url))));
const schema = createAnnouncementSchema();

/** Pieces that steer inputs into the importer's special paths. */
const tokens = fc.constantFrom(
  '<p>', '</p>', '<table><tr><td>', '</td></tr></table>', '<br>', '来源：', '责任编辑：', '发布时间：', '2015-05-20 17:18', '2015年05月20日',
  '【字体:', '扫一扫', '\n', '\t', '　', '{"text":"', '"}', '<title>', '</title>', '<meta name="PubDate" content="2007-08-20-23:59:59">',
  '索 引 号：', '标　　题：', '一、', '<!-- saved from url=(0010)http://a/ -->', '\uFEFF', '\u0000',
);
/** Text dumps and HTML shaped like a real announcement, with random pieces in between. */
const noise = fc.array(fc.oneof(tokens, fc.string({ maxLength: 20 })), { maxLength: 20 }).map((parts) => parts.join(''));
const announcementLike = fc
  .tuple(noise, fc.constantFrom('关于做好防汛工作的通知', '今年遂宁将建成7个省级安全社区', '公告'), noise, fc.constantFrom('发布时间：2015-05-20 17:18', '2016年01月04日', '日期：2019-03-06'), noise, fc.boolean())
  .map(([before, title, middle, date, after, html]) =>
    html ? `<title>${title}</title>${before}<h1>${title}</h1><p>${date}　来源：遂宁市府</p>${middle}<p>${after}</p>` : `${before}\n${title}\n${date}　来源：遂宁市府\n${middle}\n${after}\n`,
  );

/**
 * What every import result must be, whatever the input: either an announcement file whose front
 * matter the site's schema accepts, with the title and date the result reports, or a reason and
 * no file. Returns whether it was a file, so callers can check that some inputs succeed.
 */
function expectSound(result: PageImport): boolean {
  if (result.file === undefined) {
    expect(result.reason, 'a result without a file says why').toMatch(/\S/);
    return false;
  }
  expect(result.reason, 'a result with a file has no failure reason').toBeUndefined();
  const { title, date } = result.fields;
  expect(title, 'an imported file has a title').toMatch(/\S/);
  expect(date, 'an imported file has a date').toMatch(/^\d{4}-\d{2}-\d{2}/);
  expect(result.file.year).toBe(date!.slice(0, 4));
  const { data, body } = parseFrontMatter(result.file.text);
  expect(data, 'the file starts with front matter').toBeDefined();
  const checked = schema.safeParse(data);
  expect(checked.error?.issues ?? [], `the site's schema accepts:\n${result.file.text}`).toEqual([]);
  expect(data!.title).toBe(title);
  expect(data!.date).toBe(date);
  expect(body.trim()).toBe(result.body.trim());
  return true;
}

/** Imports `bytes` twice: the importer must not throw, and must give the same answer both times. */
function importTwice(bytes: Uint8Array): PageImport[] {
  const results = importBytes(bytes);
  expect(results.length, 'every input gives at least one result').toBeGreaterThan(0);
  expect(importBytes(bytes.slice())).toEqual(results);
  return results;
}

describe('the import pipeline, under random input', () => {
  it('imports the unmutated fixtures to files the schema accepts', () => {
    for (const bytes of fixtures) for (const result of importTwice(bytes)) expect(expectSound(result)).toBe(true);
  });

  it('answers random bytes with a sound result, the same each time', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        for (const result of importTwice(bytes)) expectSound(result);
      }),
      { numRuns: 300 },
    );
  });

  it('answers random text built from meaningful pieces with a sound result, as text and as bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(tokens, fc.string({ maxLength: 20 })), { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        expectSound(importText(text));
        for (const result of importTwice(new TextEncoder().encode(text))) expectSound(result);
      }),
      { numRuns: 300 },
    );
  });

  it('turns announcement-shaped pages with noise into files the schema accepts', () => {
    let files = 0;
    fc.assert(
      fc.property(announcementLike, (text) => {
        const result = importText(text);
        if (expectSound(result)) files++;
        expect(importText(text)).toEqual(result);
      }),
      { numRuns: 300 },
    );
    // The generator is meant to reach the file-writing path; a property only over failures proves
    // little. About half the pages become files (134 to 176 of 300 over 40 seeds): a third is the floor.
    expect(files).toBeGreaterThanOrEqual(100);
  });

  it('answers mutated fixtures (bytes flipped, cut) with sound results', () => {
    fc.assert(
      fc.property(
        fc.nat(fixtures.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        fc.nat(),
        (which, flips, cut) => {
          const bytes = new Uint8Array(fixtures[which]!);
          for (const [position, value] of flips) bytes[position % bytes.length] = value;
          for (const result of importTwice(bytes.subarray(0, cut % (bytes.length + 1)))) expectSound(result);
        },
      ),
      { numRuns: 200 },
    );
  });
});
