/**
 * How Chinese text is spelled in the search index, and how a reader's query is spelled to
 * match it. Pagefind splits Chinese pages into words with jieba at indexing time and splits
 * the query with the browser's Intl.Segmenter: where the two disagree a word cannot be found,
 * and a query that is part of a longer word (生产 in 安全生产) is missed. Gazette instead
 * indexes every pair of neighbouring Han characters as one word, spelled in ASCII letters so
 * that Pagefind neither splits nor stems it. A query's pairs then find every announcement whose
 * text holds them, and Pagefind's exact ("quoted") search over the pairs finds exactly the
 * announcements that hold the query as written.
 *
 * A pair is written `qx` + four letters for each character (its code point in base 26). Pairs
 * run on across punctuation and spaces (安全。社区 holds the pair 全社), as a query ignores them;
 * the punctuation stays in the text, after the pair of the character before it. The last
 * character of a run of Han characters also gets a one-character word, so that a query of one
 * character (a prefix of the pairs) finds it there too.
 */

/**
 * The language the index is built in: one Pagefind neither segments (as it would zh, ja, th)
 * nor stems, since the spelled words are neither Chinese text nor English. The browser
 * falls back to the site's only index whatever the search page's language.
 */
export const INDEX_LANGUAGE = 'und';

/** Han characters, with the punctuation and spaces between them. */
const HAN_RUN = /\p{Script=Han}(?:[\s\p{P}]*\p{Script=Han})*/gu;
const HAN_WITH_GAP = /(\p{Script=Han})([\s\p{P}]*)/gu;
const PREFIX = 'qx';
const LETTERS_PER_CHARACTER = 4;
const SPELLED_WORD = /qx([a-z]{4})(?:[a-z]{4})?/gi;

/** A character's four letters: its code point in base 26, `a` standing for 0. */
function letters(character: string): string {
  let code = character.codePointAt(0)!;
  let spelled = '';
  for (let place = 0; place < LETTERS_PER_CHARACTER; place++) {
    spelled = String.fromCharCode(97 + (code % 26)) + spelled;
    code = Math.floor(code / 26);
  }
  return spelled;
}

function character(spelled: string): string {
  let code = 0;
  for (const letter of spelled.toLowerCase()) code = code * 26 + (letter.charCodeAt(0) - 97);
  return String.fromCodePoint(code);
}

/**
 * The words of one run of Han characters: a pair for each character and the next, then the
 * last character alone, each followed by the punctuation after its character.
 */
function runWords(run: string, { withLastCharacter }: { withLastCharacter: boolean }): string[] {
  const characters = [...run.matchAll(HAN_WITH_GAP)].map(([, character, gap]) => ({ spelled: letters(character!), gap: gap!.replace(/\s+/g, '') }));
  const words: string[] = [];
  for (let at = 0; at + 1 < characters.length; at++) words.push(PREFIX + characters[at]!.spelled + characters[at + 1]!.spelled + characters[at]!.gap);
  if (withLastCharacter || characters.length === 1) words.push(PREFIX + characters.at(-1)!.spelled + characters.at(-1)!.gap);
  return words;
}

/**
 * Where one block of text ends and the next begins (a title and the first paragraph): a word
 * of its own, so that a phrase never runs from one block into the next, shown as a space in
 * excerpts; joined with the spelled words around it, the two blocks would read as one
 * sentence. U+2063 (invisible separator) is not whitespace to JavaScript, with which
 * Pagefind's runtime splits a page's text to find an excerpt's words: a break that was would
 * shift every excerpt after it by a word.
 */
export const BLOCK_BREAK = ' \u2063 ';

/** Text as the index holds it: every run of Han characters becomes its spelled words. */
export function toIndexSpelling(text: string): string {
  return text.replace(HAN_RUN, (run) => ` ${runWords(run, { withLastCharacter: true }).join(' ')} `);
}

/**
 * Index text back as readers wrote it: each spelled word stands for its first character (the
 * next word holds the second), and the spaces set around them go.
 */
export function fromIndexSpelling(text: string): string {
  return text
    .replace(/\s*\u2063\s*/g, '\u0001')
    .replace(SPELLED_WORD, (_word, first: string) => `\u0000${character(first)}\u0000`)
    .replace(/\u0000\s*\u0000/g, '')
    .replace(/\s*\u0000\s*/g, '')
    .replace(/^\u0001+|\u0001+$/g, '')
    .replace(/\u0001+/g, '\u3000');
}

/** A reader's query as Pagefind is asked it, in the index spelling. */
export interface SpelledQuery {
  /** The query as written, ignoring spaces and punctuation between Han characters: an exact search. */
  phrase: string;
  /**
   * Each word of the query (as the browser's Intl.Segmenter splits it), each a search of its
   * own: a result must hold them all. One word when the query is one word.
   */
  words: string[];
}

const QUOTED = /^\s*["“”„](.*)["“”„]\s*$/su;
const BETWEEN_HAN = /(?<=\p{Script=Han})[\s\p{P}]+(?=\p{Script=Han})/gu;
const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Text in the index spelling as Pagefind is asked it. A run of Han characters that ends inside
 * the text ends there in the announcement too, so it has its last character's word; at the end
 * of the text the announcement may go on (生产 in 安全生产), so it has only its pairs.
 */
function spellSearchText(text: string): string[] {
  const words: string[] = [];
  const pieces = text.replace(BETWEEN_HAN, '').trim();
  let at = 0;
  for (const match of pieces.matchAll(HAN_RUN)) {
    words.push(...latinWords(pieces.slice(at, match.index)));
    at = match.index + match[0].length;
    words.push(...runWords(match[0], { withLastCharacter: pieces.slice(at).trim().length > 0 }));
  }
  words.push(...latinWords(pieces.slice(at)));
  return words;
}

const latinWords = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** A search for words that must stand next to each other: exact when there are several. */
const asSearch = (words: string[]) => (words.length > 1 ? `"${words.join(' ')}"` : (words[0] ?? ''));

/** Spells a query; a quoted query is one word, the phrase itself, as in Pagefind. */
export function spellQuery(query: string): SpelledQuery {
  const quoted = QUOTED.exec(query);
  const text = quoted ? quoted[1]! : query;
  const phrase = asSearch(spellSearchText(text));
  if (!phrase) return { phrase: '', words: [] };
  if (quoted) return { phrase, words: [phrase] };
  const words = queryWords(text)
    .map((word) => asSearch(spellSearchText(word)))
    .filter(Boolean);
  return { phrase, words: [...new Set(words)] };
}

const isLoneHan = (word: string) => /^\p{Script=Han}$/u.test(word);

/**
 * The query's words as the browser's Intl.Segmenter splits them, a lone Han character joined to
 * the word before it (or, first, the one after): alone it would match any word it starts
 * (金桥街道 is split 金 / 桥 / 街道, and is asked as 金桥 and 街道).
 */
function queryWords(text: string): string[] {
  const words = [...SEGMENTER.segment(text)].filter(({ isWordLike }) => isWordLike).map(({ segment }) => segment);
  const joined: string[] = [];
  for (const word of words) {
    const previous = joined.at(-1);
    if (previous !== undefined && /\p{Script=Han}$/u.test(previous) && (isLoneHan(word) || isLoneHan(previous))) joined[joined.length - 1] = previous + word;
    else joined.push(word);
  }
  return joined;
}

/**
 * The words to mark in a result: the query as written (without spaces and punctuation between
 * Han characters) and each of its words, longest first so that a longer match is marked whole.
 */
export function highlightTerms(query: string): string[] {
  const text = (QUOTED.exec(query)?.[1] ?? query).trim();
  const terms = new Set<string>([text.replace(BETWEEN_HAN, '')]);
  for (const { segment, isWordLike } of SEGMENTER.segment(text)) {
    if (isWordLike) terms.add(segment);
  }
  // A single character of a longer query would be marked everywhere it stands.
  const isLong = [...text].length > 1;
  return [...terms].filter((term) => term.trim() && (!isLong || [...term].length > 1)).sort((a, b) => b.length - a.length);
}
