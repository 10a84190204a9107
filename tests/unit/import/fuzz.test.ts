import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBytes, importText } from '../../../src/import/import-page.ts';

const names = ['seed-text-dump.txt', 'trs-portal.html', 'xxgk-table.html', 'elder-mode-double.html', 'gb18030-text-dump.txt', 'crawler-export.jsonl'];
const fixtures = names.map((name) => new Uint8Array(readFileSync(new URL(`../../fixtures/scraped/${name}`, import.meta.url))));

/** Pieces that steer inputs into the importer's special paths. */
const tokens = fc.constantFrom(
  '<p>', '</p>', '<table><tr><td>', '</td></tr></table>', '<br>', '来源：', '责任编辑：', '发布时间：', '2015-05-20 17:18', '2015年05月20日',
  '【字体:', '扫一扫', '\n', '\t', '　', '{"text":"', '"}', '<title>', '</title>', '<meta name="PubDate" content="2007-08-20-23:59:59">',
  '索 引 号：', '标　　题：', '一、', '<!-- saved from url=(0010)http://a/ -->', '\uFEFF', '\u0000',
);

describe('the import pipeline never throws', () => {
  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(Array.isArray(importBytes(bytes))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('on random text built from meaningful pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(tokens, fc.string({ maxLength: 20 })), { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        expect(() => importText(text)).not.toThrow();
        expect(() => importBytes(new TextEncoder().encode(text))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('on mutated fixtures: bytes flipped, cut, or spliced', () => {
    fc.assert(
      fc.property(
        fc.nat(fixtures.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
        fc.nat(),
        (which, flips, cut) => {
          const bytes = new Uint8Array(fixtures[which]!);
          for (const [position, value] of flips) bytes[position % bytes.length] = value;
          const results = importBytes(bytes.subarray(0, cut % (bytes.length + 1)));
          for (const result of results) expect(result.file !== undefined || typeof result.reason === 'string').toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
