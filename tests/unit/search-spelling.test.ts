import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK, fromIndexSpelling, highlightTerms, spellQuery } from '../../src/lib/search-spelling.ts';
import { indexedAt, shownText, spelledWords } from '../support/spelled.ts';

/** The one word a query of one word is asked as. */
const asked = (query: string) => spellQuery(query).phrase;

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
  it('is asked as the phrase as written, an exact search over its pairs, and as each of its words', () => {
    const { phrase, words: asked } = spellQuery('安全社区');
    expect(phrase).toBe(`"${indexedAt('安全社区').slice(0, 3).map(([pair]) => pair).join(' ')}"`);
    expect(asked).toEqual([spellQuery('安全').phrase, spellQuery('社区').phrase]);
  });

  it('ignores spaces and punctuation between Han characters in the phrase, and in the text', () => {
    expect(spellQuery('安全 社区').phrase).toBe(spellQuery('安全社区').phrase);
    expect(spellQuery('早发现、早报告').phrase).toBe(spellQuery('早发现早报告').phrase);
    // The announcement's 安全。社区 holds the pair 全社 as the query's 安全社区 does.
    expect(indexedAt('安全。社区').map(([pair]) => pair)).toContain(asked('全社'));
  });

  it('keeps the word of a last character where more of the query follows, not at its end', () => {
    expect(spellQuery('2016年元旦').phrase).toBe(`"2016 ${indexedAt('年元旦').slice(0, 2).map(([pair]) => pair).join(' ')}"`);
    expect(spellQuery('2016年1月').phrase).toBe(`"2016 ${indexedAt('年')[0]![0]} 1 ${indexedAt('月')[0]![0]}"`);
  });

  it('asks a lone Han character for the word of its first place on a page, never as the prefix of pairs', () => {
    expect(spellQuery('火')).toEqual({ phrase: indexedAt('火')[0]![1], words: [indexedAt('火')[0]![1]] });
    expect(spellQuery('“火”，').phrase).toBe(indexedAt('火')[0]![1]);
    // 2023 / 年: the year is a word of its own, 年 one character.
    expect(spellQuery('2023年').words).toEqual(['2023', indexedAt('年')[0]![1]]);
  });

  it('joins a lone Han character to a word beside it, so no word is a single character', () => {
    // Intl.Segmenter splits 安全 / 生产 / 法.
    expect(spellQuery('安全生产法').words).toEqual([spellQuery('安全').phrase, spellQuery('生产法').phrase]);
    expect(spellQuery('金桥街道').words).toEqual([spellQuery('金桥').phrase, spellQuery('街道').phrase]);
  });

  it('of one word is the phrase alone; a quoted query is only the phrase; punctuation alone is nothing', () => {
    expect(spellQuery('安全')).toEqual({ phrase: indexedAt('安全')[0]![0], words: [indexedAt('安全')[0]![0]] });
    expect(spellQuery('“安全社区”')).toEqual({ phrase: spellQuery('安全社区').phrase, words: [spellQuery('安全社区').phrase] });
    expect(spellQuery('  ，。 ')).toEqual({ phrase: '', words: [] });
  });

  it('marks the query as written and each of its words, never a lone character of a longer query', () => {
    expect(highlightTerms('安全社区')).toEqual(['安全社区', '安全', '社区']);
    expect(highlightTerms('火')).toEqual(['火']);
    expect(highlightTerms('安全生产法')).not.toContain('法');
  });
});
