import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK, fromIndexSpelling, highlightTerms, spellQuery } from '../../src/lib/search-spelling.ts';
import { indexedAt, shownText, spelledWords } from '../support/spelled.ts';

/** The index word a query of one word is asked for. */
const asked = (query: string) => spellQuery(query).phrase[0]!.term;

describe('the index spelling', () => {
  it('holds at each Han character the pair it starts, spelled in ASCII letters, and at the last of a run the character alone', () => {
    const [first, second, third, last] = indexedAt('安全生产');
    expect(first![0]).toMatch(/^qx[a-z]{8}$/);
    expect([first![0], second![0], third![0]]).toEqual([asked('安全'), asked('全生'), asked('生产')]);
    expect(last![0]).toMatch(/^qx[a-z]{4}$/);
    // A query of one character asks for the word of the character's first place on the page.
    expect([first![1], second![1], third![1], last![1]]).toEqual([asked('安'), asked('全'), asked('生'), asked('产')]);
    expect(asked('安')).toMatch(/^qy[a-z]{4}$/);
  });

  it('marks only the first place of each character on a page', () => {
    const seen = new Set<string>();
    expect(indexedAt('安全', seen).map((words) => words.length)).toEqual([2, 2]);
    expect(indexedAt('安全与安', seen).map((words) => words.length)).toEqual([1, 1, 2, 1]);
  });

  it('shows each Han character with the punctuation after it, and leaves Latin text and digits as words of their own', () => {
    expect(spelledWords('“2016年GDP增长6.5%”，（试行）').map((word) => word.shown)).toEqual(['“2016', '年', 'GDP', '增', '长', '6.5%”，', '（试', '行）']);
    expect(indexedAt('2016年GDP')).toEqual([['2016'], [expect.stringMatching(/^qx[a-z]{4}$/), expect.stringMatching(/^qy/)], ['gdp']]);
  });

  it('reads back as written, the spaces between words gone where a Han character stands beside them', () => {
    const text = '关于2016年元旦放假安排的通知。按照《国务院办公厅》要求，现将 Wi-Fi 事项通知如下：𠀋';
    expect(fromIndexSpelling(shownText(text))).toBe(text.replace(' Wi-Fi ', 'Wi-Fi'));
    expect(fromIndexSpelling(shownText('flood safety plan'))).toBe('flood safety plan');
  });

  it('reads a block break as an ideographic space between blocks and drops it at the ends', () => {
    expect(fromIndexSpelling(`${shownText('通知')} ${BLOCK_BREAK} ${shownText('各区县')} ${BLOCK_BREAK}`)).toBe('通知　各区县');
  });

  it("writes a block break as a word of its own wherever text is split into words, JavaScript's whitespace included", () => {
    // Pagefind's runtime finds an excerpt's words by splitting on JavaScript's \s.
    expect(`甲 ${BLOCK_BREAK} 乙`.split(/[\r\n\s]+/)).toEqual(['甲', BLOCK_BREAK, '乙']);
  });
});

describe('a query', () => {
  /** The pair a text starts with, as the index holds it. */
  const pair = (text: string) => indexedAt(text)[0]![0]!;
  const units = (...list: [string, number | null][]) => list.map(([term, offset]) => ({ term, offset }));

  it('is asked for the pairs that cover each of its words, each where it stands in the phrase and in its word', () => {
    expect(spellQuery('安全社区')).toEqual({ phrase: units([pair('安全'), 0], [pair('社区'), 2]), words: [units([pair('安全'), 0]), units([pair('社区'), 0])] });
    // 隐患排查治理: one word of six characters, covered by 隐患, 排查 and 治理.
    expect(spellQuery('隐患排查治理').phrase).toEqual(units([pair('隐患'), 0], [pair('排查'), 2], [pair('治理'), 4]));
  });

  it('ignores spaces and punctuation between Han characters in the phrase, and in the text', () => {
    expect(spellQuery('安全 社区')).toEqual(spellQuery('安全社区'));
    expect(spellQuery('早发现、早报告')).toEqual(spellQuery('早发现早报告'));
    // The announcement's 安全。社区 holds the pair 全社 as the query's 安全社区 does.
    expect(indexedAt('安全。社区').map(([first]) => first)).toContain(pair('全社'));
  });

  it('counts a word of other text as one position, and asks a character between such words as the end of a run', () => {
    expect(spellQuery('2016年元旦').phrase).toEqual(units(['2016', 0], [pair('年元'), 1], [pair('元旦'), 2]));
    const [, year] = indexedAt('2016年');
    expect(spellQuery('2016年1月').phrase).toEqual(units(['2016', 0], [`"${year![0]}"`, 1], ['1', 2], [`"${indexedAt('月')[0]![0]}"`, 3]));
  });

  it('asks a lone Han character for the word of its first place on a page, never as the prefix of pairs', () => {
    const fire = indexedAt('火')[0]![1]!;
    expect(spellQuery('火')).toEqual({ phrase: units([fire, null]), words: [units([fire, null])] });
    expect(spellQuery('“火”，').phrase).toEqual(units([fire, null]));
    // 2023 / 年: the year is a word of its own, 年 one character, anywhere on the page.
    expect(spellQuery('2023年').words).toEqual([units(['2023', 0]), units([indexedAt('年')[0]![1]!, null])]);
  });

  it('joins a lone Han character to a word beside it, so no word is a single character', () => {
    // Intl.Segmenter splits 安全 / 生产 / 法, and 金 / 桥 / 街道.
    expect(spellQuery('安全生产法').words).toEqual([units([pair('安全'), 0]), units([pair('生产'), 0], [pair('产法'), 1])]);
    expect(spellQuery('金桥街道').words).toEqual([units([pair('金桥'), 0]), units([pair('街道'), 0])]);
  });

  it('quoted, is only the phrase; punctuation alone is nothing', () => {
    expect(spellQuery('“安全社区”')).toEqual({ phrase: spellQuery('安全社区').phrase, words: [spellQuery('安全社区').phrase] });
    expect(spellQuery('  ，。 ')).toEqual({ phrase: [], words: [] });
  });

  it('marks the query as written and each of its words, never a lone character of a longer query', () => {
    expect(highlightTerms('安全社区')).toEqual(['安全社区', '安全', '社区']);
    expect(highlightTerms('火')).toEqual(['火']);
    expect(highlightTerms('安全生产法')).not.toContain('法');
  });
});
