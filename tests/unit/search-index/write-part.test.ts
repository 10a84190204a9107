import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIndexPage } from '../../../src/lib/search-documents.ts';
import { INDEX_LANGUAGE, spellQuery } from '../../../src/lib/search-spelling.ts';
import { addText, writeRuntime, writeIndexPart, type BundleFormat, type IndexPage } from '../../../src/search-index/index.ts';
import { decodeCbor, modelOf, unpacked } from '../../support/pagefind-bundle.ts';

const topics = ['隐患排查治理', '水库安全度汛', '护林员巡山', '秸秆禁烧', '冷链食品追溯', '电动自行车充电', '厕所革命', '一网通办'];
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * Pages as the site makes them (src/lib/search-documents.ts): a title, a subtitle on some, and a
 * body with headings, lists, a table, inline tags, entities, Latin words and digits; then each
 * word shown as the one word Pagefind would index of it (a Han character's pair, Latin as it
 * is), so that Pagefind, reading the shown text, indexes what the writer is given.
 */
function pageOf(n: number): IndexPage {
  const page = sitePageOf(n);
  return {
    ...page,
    words(sink) {
      // Each word and its first indexed word, then shown as Pagefind would index it.
      let word: [string, number] | undefined;
      const flush = () => {
        if (word) addText(sink, word[0], word[1]);
      };
      page.words({
        word(shown, weight) {
          flush();
          word = [shown, weight];
        },
        index(indexed) {
          if (indexed.startsWith('qx') && word && !word[0].startsWith('qx')) word[0] = indexed;
        },
      });
      flush();
    },
  };
}

/** A page's words as `[shown, weight]`, in order. */
function wordsOf(page: IndexPage): [string, number][] {
  const words: [string, number][] = [];
  page.words({ word: (shown, weight) => words.push([shown, weight]), index: () => {} });
  return words;
}

function sitePageOf(n: number): IndexPage {
  const topic = topics[n % topics.length]!;
  const other = topics[(n * 3 + 1) % topics.length]!;
  const body = [
    `<p>为做好<strong>${topic}</strong>工作，现将有关事项通知如下：</p>`,
    n % 3 === 0 ? `<h2 id="一">一、${other}</h2>` : '',
    `<ul><li>${other}（第${n}条）</li><li>联系电话 0825 ${2220000 + n}</li></ul>`,
    n % 4 === 1 ? `<table><tr><th>项目</th><th>数量</th></tr><tr><td>${topic}</td><td>${n * 7}</td></tr></table>` : '',
    `<h3>附则</h3><p>本通知自 2016 年起施行 &amp; 由 Office 负责解释。</p>`,
  ].join('');
  return toIndexPage({
    url: `/announcements/2016/notice-${n}/`,
    title: `关于${topic}的通知（${n}）`,
    ...(n % 5 === 2 && { subtitle: `${other}专项` }),
    html: body,
    filters: { 来源: n % 6 === 0 ? ['甲局', '乙局'] : [['甲局', '乙局', '丙局'][n % 3]!], 年份: [String(2015 + (n % 3))] },
    sort: { date: `2016-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + ((n * 7) % 28)).padStart(2, '0')}T09:30:00+08:00` },
    meta: { title: `关于${topic}的通知（${n}）`, date: '2016年05月20日', source: '甲局' },
  });
}

/** The same page as an HTML document for Pagefind: each text in a span with its weight. */
function htmlOf(page: IndexPage): string {
  const tags = [
    ...Object.entries(page.filters).flatMap(([name, values]) => values.map((value) => `<span data-pagefind-filter="${escape(name)}:${escape(value)}"></span>`)),
    ...Object.entries(page.sort).map(([key, value]) => `<span data-pagefind-sort="${escape(key)}:${escape(value)}"></span>`),
    ...Object.entries(page.meta).map(([key, value]) => `<span data-pagefind-meta="${escape(key)}:${escape(value)}"></span>`),
  ];
  const texts = wordsOf(page)
    .map(([shown, weight]) => `<span data-pagefind-weight="${weight}">${escape(shown)}</span>`)
    .join(' ');
  return `<!doctype html><html lang="${INDEX_LANGUAGE}"><body><main data-pagefind-body>${tags.join('')}${texts}</main></body></html>`;
}

/** A word's locations on a page as `[weight, position]` pairs, unpacked from Pagefind's encoding. */
function unpackLocations(packed: readonly number[]): [number, number][] {
  const pairs: [number, number][] = [];
  let weight = 25;
  let position = 0;
  for (let i = 0; i < packed.length; i++) {
    if (packed[i]! < 0) {
      weight = -packed[i]! - 1;
      position = packed[++i]!;
    } else position += packed[i]!;
    pairs.push([weight, position]);
  }
  return pairs.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

/**
 * A bundle's words as `word → "url [[weight, position], …]"` lines, body locations only,
 * words folded to their letters and digits (Pagefind keeps some punctuation in a word).
 */
function bodyWordsOf(dir: string): Map<string, string[]> {
  const [language] = modelOf(dir).languages;
  const byWord = new Map<string, Map<string, [number, number][]>>();
  for (const [word, { pages }] of Object.entries(language!.words as Record<string, { pages: string[] }>)) {
    const folded = word.replace(/[^\p{L}\p{N}]/gu, '');
    for (const line of pages) {
      const [url, locations] = line.split(' ') as [string, string];
      const pairs = unpackLocations(JSON.parse(locations) as number[]);
      if (!pairs.length) continue;
      const byUrl = byWord.get(folded) ?? new Map<string, [number, number][]>();
      byWord.set(folded, byUrl);
      // Words folded into one may share a position (Pagefind's "（0）" and "0"): counted once.
      const merged = new Map([...(byUrl.get(url) ?? []), ...pairs].map((pair) => [pair.join(), pair]));
      byUrl.set(url, [...merged.values()].sort((a, b) => a[1] - b[1] || a[0] - b[0]));
    }
  }
  return new Map([...byWord].map(([word, byUrl]) => [word, [...byUrl].map(([url, pairs]) => `${url} ${JSON.stringify(pairs)}`).sort()]));
}

function fragmentsOf(dir: string): Map<string, unknown> {
  const folder = join(dir, 'fragment');
  return new Map(readdirSync(folder).map((name) => [name, JSON.parse(new TextDecoder().decode(unpacked(join(folder, name))))]));
}

let root = '';
let format: BundleFormat;
const pages = Array.from({ length: 24 }, (_, n) => pageOf(n));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'gazette-write-part-'));
  format = await writeRuntime(join(root, 'runtime'));
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('; '));
  for (const page of pages) {
    const added = await index.addHTMLFile({ url: page.url, content: htmlOf(page) });
    if (added.errors.length) throw new Error(added.errors.join('; '));
  }
  await index.writeFiles({ outputPath: join(root, 'pagefind') });
  await pagefind.close();
  writeIndexPart(pages, join(root, 'gazette'), { format, language: INDEX_LANGUAGE, chunkSize: 400 });
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('writeRuntime', () => {
  it("writes Pagefind's runtime files without an entry of their own, and tells its version", () => {
    expect(format.version).toMatch(/^1\.6\.\d+$/);
    expect(format.includeCharacters).toContain('_');
    const files = readdirSync(join(root, 'runtime'));
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js', 'wasm.unknown.pagefind']));
    expect(files).not.toContain('pagefind-entry.json');
  });
});

describe('writeIndexPart', () => {
  it('writes the fragments Pagefind writes for the same text, under the same names', () => {
    const ours = fragmentsOf(join(root, 'gazette'));
    const theirs = fragmentsOf(join(root, 'pagefind'));
    expect(ours.size).toBe(pages.length);
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [name, fragment] of ours) expect(fragment, name).toEqual(theirs.get(name));
  });

  it("indexes every word at Pagefind's positions and weights, on the same pages", () => {
    const ours = bodyWordsOf(join(root, 'gazette'));
    const theirs = bodyWordsOf(join(root, 'pagefind'));
    expect(ours.size).toBeGreaterThan(150);
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [word, lines] of ours) expect(lines, word).toEqual(theirs.get(word));
    // Headings carry their weight, on Pagefind's scale of 24: the title (h1) 7, 附则 (h3) 5.
    expect(ours.get(spellQuery('关于').phrase[0]!.term)!.every((line) => line.includes('[168,0]'))).toBe(true);
    expect(ours.get(spellQuery('附则').phrase[0]!.term)!.every((line) => /\[120,\d+\]/.test(line))).toBe(true);
  });

  it('writes the filters, sorts, page word counts and meta fields Pagefind writes', () => {
    const [ours] = modelOf(join(root, 'gazette')).languages;
    const [theirs] = modelOf(join(root, 'pagefind')).languages;
    expect(ours!.language).toBe(INDEX_LANGUAGE);
    expect(ours!.wasm).toBeNull();
    expect(ours!.urls).toEqual(theirs!.urls);
    expect(ours!.wordCounts).toEqual(theirs!.wordCounts);
    expect(ours!.filters).toEqual(theirs!.filters);
    expect(ours!.sorts).toEqual(theirs!.sorts);
    expect(ours!.metaFields).toEqual(theirs!.metaFields);
    expect(ours!.chunkCount).toBeGreaterThan(5);
  });

  it("cuts chunks at the size given, each bounded as Pagefind bounds them so a word's chunk is found", () => {
    const entry = JSON.parse(readFileSync(join(root, 'gazette', 'pagefind-entry.json'), 'utf8')) as { version: string; languages: Record<string, { hash: string }> };
    expect(entry.version).toBe(format.version);
    const [, , chunks] = decodeCbor(unpacked(join(root, 'gazette', `pagefind.${entry.languages[INDEX_LANGUAGE]!.hash}.pf_meta`))) as [string, unknown, [string, string, string][]];
    for (const [index, [from, to, hash]] of chunks.entries()) {
      const [words] = decodeCbor(unpacked(join(root, 'gazette', 'index', `${hash}.pf_index`))) as [[string, [number, number[], number[]][]][]];
      const size = words.reduce((sum, [, wordPages]) => sum + wordPages.reduce((pageSum, [, locations]) => pageSum + locations.length + 1, 0), 0);
      // Every chunk but the last closes at the first word that takes it to the size.
      if (index < chunks.length - 1) expect(size - words.at(-1)![1].reduce((sum, [, locations]) => sum + locations.length + 1, 0)).toBeLessThan(400);
      if (index < chunks.length - 1) expect(size).toBeGreaterThanOrEqual(400);
      expect(words[0]![0].startsWith(from)).toBe(true);
      expect(to <= words.at(-1)![0] || words.at(-1)![0].startsWith(to)).toBe(true);
    }
  });

  it('indexes letters and digits without punctuation or diacritics, lower-cased, each run of a word at its position', () => {
    const dir = join(root, 'words');
    writeIndexPart(
      [
        {
          url: '/w/',
          words(sink) {
            addText(sink, 'Café sn848163.com ——— 2016年', 1);
            addText(sink, 'Office', 2);
          },
          filters: {},
          sort: {},
          meta: { title: 'W' },
        },
      ],
      dir,
      { format, language: 'und' },
    );
    const words = bodyWordsOf(dir);
    expect([...words.keys()].sort()).toEqual(['2016年', 'cafe', 'com', 'office', 'sn848163']);
    expect(words.get('sn848163')).toEqual(['/w/ [[24,1]]']);
    expect(words.get('com')).toEqual(['/w/ [[24,1]]']);
    // Punctuation alone takes a position; the next text's words come after.
    expect(words.get('2016年')).toEqual(['/w/ [[24,3]]']);
    expect(words.get('office')).toEqual(['/w/ [[48,4]]']);
    const [fragment] = fragmentsOf(dir).values() as Iterable<{ content: string; word_count: number }>;
    expect(fragment).toMatchObject({ content: 'Café sn848163.com ——— 2016年 Office', word_count: 5 });
  });

  it('holds each of a token\'s words at its position and shows its text, skipping a token with nothing to show', () => {
    const dir = join(root, 'tokens');
    const pageWords: IndexPage['words'] = (sink) => {
      sink.word('安，', 1);
      sink.index('qxpair');
      sink.index('qyfirst');
      sink.word(' \u200B', 1);
      sink.index('lost');
      sink.word('全', 1);
      sink.index('qxlast');
    };
    writeIndexPart([{ url: '/t/', words: pageWords, filters: {}, sort: {}, meta: { title: 'T' } }], dir, { format, language: 'und' });
    const words = bodyWordsOf(dir);
    expect(Object.fromEntries(words)).toEqual({ qxpair: ['/t/ [[24,0]]'], qyfirst: ['/t/ [[24,0]]'], qxlast: ['/t/ [[24,1]]'] });
    const [fragment] = fragmentsOf(dir).values() as Iterable<{ content: string; word_count: number }>;
    expect(fragment).toMatchObject({ content: '安， 全', word_count: 2 });
  });

  it('writes an entry without languages for a part without pages, as Pagefind does', () => {
    const dir = join(root, 'empty');
    writeIndexPart([], dir, { format, language: 'und' });
    expect(JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'))).toEqual({ version: format.version, languages: {}, include_characters: format.includeCharacters });
  });
});
