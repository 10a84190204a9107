import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/lib/dates.ts';
import { createRandom, generateCorpus, toMarkdownFile, writeCorpus } from '../../../scripts/bench/synthetic/index.ts';

describe('createRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const sequence = Array.from({ length: 5 }, () => a.int(1, 1000));
    expect(Array.from({ length: 5 }, () => b.int(1, 1000))).toEqual(sequence);
    expect(Array.from({ length: 5 }, () => createRandom(8).int(1, 1000))).not.toEqual(sequence);
  });
});

describe('generateCorpus', () => {
  const corpus = generateCorpus({ seed: 5, count: 400 });

  it('is reproducible and sized as asked, with unique ids', () => {
    expect(generateCorpus({ seed: 5, count: 400 })).toEqual(corpus);
    expect(corpus).toHaveLength(400);
    expect(new Set(corpus.map((item) => item.id)).size).toBe(400);
    for (const item of corpus) expect(item.id).toMatch(/^20\d\d\/[a-z]+-[0-9a-z]{5}$/);
  });

  it('writes originals of 1,500–3,000 characters with headings, lists and tables', () => {
    const originals = corpus.filter((item) => item.label.kind === 'original' || item.label.kind === 'templated');
    const plain = originals.filter((item) => !item.label.doubledBody);
    const lengths = plain.map((item) => item.body.length);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(1400);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(3000);
    expect(plain.every((item) => /^## /m.test(item.body))).toBe(true);
    expect(plain.some((item) => /^\| --- \|/m.test(item.body))).toBe(true);
    expect(plain.some((item) => /^(?:- |1\. )/m.test(item.body))).toBe(true);
  });

  it('labels every copy with an original that exists', () => {
    const ids = new Set(corpus.map((item) => item.id));
    const copies = corpus.filter((item) => item.label.group !== item.id);
    expect(copies.length).toBeGreaterThan(50);
    // The last original may have been cut by the size limit; its copies still point at it.
    expect(copies.filter((item) => !ids.has(item.label.group)).length).toBeLessThanOrEqual(3);
    for (const item of corpus.filter((entry) => entry.label.kind === 'near')) expect(item.label.edits?.length).toBeGreaterThan(0);
  });
});

describe('toMarkdownFile and writeCorpus', () => {
  it('writes front matter the content loader reads: quoted +08:00 dates, overrides when set', async () => {
    const [item] = generateCorpus({ seed: 9, count: 1 });
    const file = toMarkdownFile({ ...item!, frontMatter: { ...item!.frontMatter, canonical: '2015/a', not_duplicate_of: ['2015/b'] } });
    const frontMatter = parse(file.split('---\n')[1]!, { schema: 'core' });
    expect(frontMatter).toMatchObject({ title: item!.frontMatter.title, canonical: '2015/a', not_duplicate_of: ['2015/b'] });
    expect(frontMatter.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(parseDate(frontMatter.date).date.toISOString()).toBe(new Date(item!.frontMatter.date).toISOString());

    const folder = await mkdtemp(join(tmpdir(), 'gazette-synthetic-'));
    try {
      await writeCorpus(folder, [item!]);
      expect(await readFile(join(folder, 'announcements', `${item!.id}.md`), 'utf8')).toBe(toMarkdownFile(item!));
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
