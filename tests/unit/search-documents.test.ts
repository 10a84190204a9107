import { describe, expect, it } from 'vitest';
import { createAnnouncementSchema } from '../../src/lib/schema.ts';
import { searchablePages, toIndexPage, toSearchFields } from '../../src/lib/search-documents.ts';
import { BLOCK_BREAK, fromIndexSpelling } from '../../src/lib/search-spelling.ts';
import { buildSiteData, type AnnouncementInput } from '../../src/lib/site-data.ts';
import { createSourceRegistry } from '../../src/lib/sources.ts';

const schema = createAnnouncementSchema('Asia/Shanghai');
const input = (id: string, frontMatter: Record<string, unknown>, html = '<p>正文</p>'): AnnouncementInput => ({
  id,
  data: schema.parse(frontMatter),
  digest: id,
  html,
  excerpt: '正文',
  hasRelativeUrls: false,
  attachments: [],
  images: [],
});
const site = buildSiteData(
  [
    input('2016/plan', { title: '关于"安全月"<活动>的方案', subtitle: '副标题 & 说明', date: '2016-05-20 09:30', source: '遂宁市安监局' }, '<h2 id="一">一、目标</h2><p>内容</p>'),
    input('2016/plan-copy', { title: '关于安全月活动的方案', date: '2016-05-21', source: '船山区人民政府' }),
    input('2016/withdrawn', { title: '撤回的公告', date: '2016-06-01', source: '遂宁市安监局', withdrawn: { date: '2016-06-02', reason: '有误' } }),
  ],
  createSourceRegistry([]),
  [{ canonical: '2016/plan', duplicates: [{ id: '2016/plan-copy' }] }],
  'Asia/Shanghai',
);

describe('search documents', () => {
  it('index listed announcements only: no copy, nothing withdrawn', () => {
    expect(searchablePages(site).map((page) => page.url)).toEqual(['/announcements/2016/plan/']);
  });

  it('carry the title, subtitle and body in the index spelling, weighted as Pagefind weighs headings, with filters by every source that published the notice', () => {
    const fields = toSearchFields(site.byId.get('2016/plan')!, 'Asia/Shanghai');
    const page = toIndexPage(fields);
    const words: { shown: string; weight: number; indexed: string[] }[] = [];
    page.words({ word: (shown, weight) => words.push({ shown, weight, indexed: [] }), index: (word) => words.at(-1)!.indexed.push(word) });
    expect(page.url).toBe('/announcements/2016/plan/');
    // Blocks end with a break of their own; entities are read as the text they stand for.
    const blocks = words.map(({ shown }) => shown).join(' ').split(BLOCK_BREAK);
    expect(blocks.map(fromIndexSpelling)).toEqual(['关于"安全月"<活动>的方案', '副标题&说明', '一、目标', '内容', '']);
    // The title weighs 7 and the section heading 6, as Pagefind weighs an h1 and an h2.
    const blockWeights: Set<number>[] = [new Set()];
    for (const { shown, weight } of words) {
      if (shown === BLOCK_BREAK) blockWeights.push(new Set());
      else blockWeights.at(-1)!.add(weight);
    }
    expect(blockWeights.map((weights) => [...weights])).toEqual([[7], [1], [6], [1], []]);
    expect(words.flatMap(({ indexed }) => indexed).join(' ')).toMatch(/^[a-z ]+$/);
    const { filters, sort, meta } = page;
    expect(filters).toEqual({ 来源: ['遂宁市安监局', '船山区人民政府'], 年份: ['2016'] });
    expect(sort).toEqual({ date: '2016-05-20T09:30:00+08:00' });
    expect(meta).toEqual({ title: '关于"安全月"<活动>的方案', date: '2016年05月20日 09:30', source: '遂宁市安监局' });
  });
});
