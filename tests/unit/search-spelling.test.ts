import { describe, expect, it } from 'vitest';
import { fromIndexSpelling, highlightTerms, spellQuery, toIndexSpelling } from '../../src/lib/search-spelling.ts';

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
    expect(fromIndexSpelling(`${toIndexSpelling('通知')} \uFEFF ${toIndexSpelling('各区县')} \uFEFF `)).toBe('通知　各区县');
  });
});

describe('a query', () => {
  it('is asked as its words and, when it has more than one, as the phrase as written', () => {
    const { words: asked, phrase } = spellQuery('安全生产法');
    expect(words(asked)).toHaveLength(4);
    expect(phrase).toBe(`"${asked}"`);
  });

  it('ignores spaces and punctuation between Han characters in the phrase, not in the words', () => {
    expect(spellQuery('安全 生产').phrase).toBe(spellQuery('安全生产').phrase);
    expect(spellQuery('安全，生产').phrase).toBe(spellQuery('安全生产').phrase);
    expect(words(spellQuery('安全 生产').words)).toHaveLength(2);
  });

  it('of one word needs no phrase search, and a quoted query is only a phrase', () => {
    expect(spellQuery('安全').phrase).toBeNull();
    expect(spellQuery('火').words).toMatch(/^qx[a-z]{4}$/);
    expect(spellQuery('“安全社区”')).toEqual({ words: spellQuery('安全社区').phrase, phrase: null });
    expect(spellQuery('  ，。 ').words).toBe('');
  });

  it('marks the query as written and each of its words, never a lone character of a longer query', () => {
    expect(highlightTerms('安全社区')).toEqual(['安全社区', '安全', '社区']);
    expect(highlightTerms('火')).toEqual(['火']);
    expect(highlightTerms('安全生产法')).not.toContain('法');
  });
});
