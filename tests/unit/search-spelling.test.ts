import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK, fromIndexSpelling, highlightTerms, spellQuery, toIndexSpelling } from '../../src/lib/search-spelling.ts';

const words = (text: string) => text.trim().split(/\s+/);

describe('the index spelling', () => {
  it('spells each pair of neighbouring Han characters as one ASCII word, and the last character of a run alone', () => {
    const spelled = toIndexSpelling('安全生产');
    expect(spelled).toMatch(/^[ a-z]+$/);
    expect(words(spelled)).toHaveLength(4);
    // The pair 安全 starts with the word for 安, so a one-character query finds it as a prefix.
    const [pair, , , last] = words(spelled);
    expect(pair!.startsWith(words(toIndexSpelling('安'))[0]!)).toBe(true);
    expect(last).toBe(words(toIndexSpelling('产'))[0]);
  });

  it('leaves Latin text, digits and punctuation as they are, apart from the spelled words', () => {
    expect(words(toIndexSpelling('2016年GDP增长6.5%'))).toEqual(['2016', expect.stringMatching(/^qx[a-z]{4}$/), 'GDP', expect.stringMatching(/^qx[a-z]{8}$/), expect.stringMatching(/^qx[a-z]{4}$/), '6.5%']);
  });

  it('reads back as written, with the spaces around the spelled words gone, whatever whitespace Pagefind joins them with', () => {
    const text = '关于2016年元旦放假安排的通知。按照《国务院办公厅》要求，现将有关事项通知如下：𠀋';
    expect(fromIndexSpelling(toIndexSpelling(text))).toBe(text);
    expect(fromIndexSpelling(toIndexSpelling(text).replace(/\s+/g, ' '))).toBe(text);
  });

  it('reads a block break as an ideographic space between blocks and drops it at the ends', () => {
    expect(fromIndexSpelling(`${toIndexSpelling('通知')}${BLOCK_BREAK}${toIndexSpelling('各区县')}${BLOCK_BREAK}`)).toBe('通知　各区县');
  });

  it("writes a block break as a word of its own wherever text is split into words, JavaScript's whitespace included", () => {
    // Pagefind's runtime finds an excerpt's words by splitting on JavaScript's \s.
    expect(`甲${BLOCK_BREAK}乙`.split(/[\r\n\s]+/)).toEqual(['甲', BLOCK_BREAK.trim(), '乙']);
  });
});

describe('a query', () => {
  it('is asked as the phrase as written, an exact search over its pairs, and as each of its words', () => {
    const { phrase, words: asked } = spellQuery('安全社区');
    expect(phrase).toBe(`"${toIndexSpelling('安全社区').trim().split(/\s+/).slice(0, 3).join(' ')}"`);
    expect(asked).toEqual([spellQuery('安全').phrase, spellQuery('社区').phrase]);
  });

  it('ignores spaces and punctuation between Han characters in the phrase, and in the text', () => {
    expect(spellQuery('安全 社区').phrase).toBe(spellQuery('安全社区').phrase);
    expect(spellQuery('早发现、早报告').phrase).toBe(spellQuery('早发现早报告').phrase);
    // The announcement's 安全。社区 holds the pair 全社 as the query's 安全社区 does.
    expect(words(toIndexSpelling('安全。社区')).map((word) => word.replace(/\p{P}/gu, ''))).toContain(words(toIndexSpelling('全社'))[0]);
  });

  it('keeps the word of a last character where more of the query follows, not at its end', () => {
    expect(spellQuery('2016年元旦').phrase).toBe(`"2016 ${words(toIndexSpelling('年元旦')).slice(0, 2).join(' ')}"`);
    expect(spellQuery('年').phrase).toBe(words(toIndexSpelling('年'))[0]);
  });

  it('joins a lone Han character to a word beside it, so no word is a single character', () => {
    // Intl.Segmenter splits 安全 / 生产 / 法.
    expect(spellQuery('安全生产法').words).toEqual([spellQuery('安全').phrase, spellQuery('生产法').phrase]);
    expect(spellQuery('金桥街道').words).toEqual([spellQuery('金桥').phrase, spellQuery('街道').phrase]);
  });

  it('of one word is the phrase alone; a quoted query is only the phrase; punctuation alone is nothing', () => {
    expect(spellQuery('安全')).toEqual({ phrase: words(toIndexSpelling('安全'))[0], words: [words(toIndexSpelling('安全'))[0]] });
    expect(spellQuery('火').phrase).toMatch(/^qx[a-z]{4}$/);
    expect(spellQuery('“安全社区”')).toEqual({ phrase: spellQuery('安全社区').phrase, words: [spellQuery('安全社区').phrase] });
    expect(spellQuery('  ，。 ')).toEqual({ phrase: '', words: [] });
  });

  it('marks the query as written and each of its words, never a lone character of a longer query', () => {
    expect(highlightTerms('安全社区')).toEqual(['安全社区', '安全', '社区']);
    expect(highlightTerms('火')).toEqual(['火']);
    expect(highlightTerms('安全生产法')).not.toContain('法');
  });
});
