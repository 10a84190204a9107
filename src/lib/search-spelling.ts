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
 * Each Han character of a page is one word of the index (a position), shown in excerpts as
 * itself; the index holds there the pair it starts, `qx` + four letters for each character
 * (its code point in base 26), or, for the last character of a run, `qx` + its own letters.
 * Pairs run on across punctuation and spaces (安全。社区 holds the pair 全社), as a query ignores
 * them; the punctuation is shown with the character before it. The first time a character
 * stands on a page, the index also holds `qy` + its letters there: a query of one character
 * asks for that word. Asked as the prefix of the pairs it starts, it would find only the pairs
 * in the index chunk its own letters fall in, where a common character's pairs fill several.
 */
import { addText, type WordSink } from '../search-index/page-words.ts';

/**
 * The language the index is built in: one Pagefind neither segments (as it would zh, ja, th)
 * nor stems, since the spelled words are neither Chinese text nor English. The browser
 * falls back to the site's only index whatever the search page's language.
 */
export const INDEX_LANGUAGE = 'und';

/** Han characters, with the punctuation and spaces between them, opening punctuation before and any after. */
const HAN_RUN = /[\p{Ps}\p{Pi}]*\p{Script=Han}(?:[\s\p{P}]*\p{Script=Han})*\p{P}*/gu;
/** The same without the punctuation around, for a query. */
const QUERY_HAN_RUN = /\p{Script=Han}(?:[\s\p{P}]*\p{Script=Han})*/gu;
const HAN_WITH_GAP = /(\p{Script=Han})([\s\p{P}]*)/gu;
const HAN = /\p{Script=Han}/u;
const SPACE = /\s/;
const PAIR_PREFIX = 'qx';
const CHARACTER_PREFIX = 'qy';
const LETTERS_PER_CHARACTER = 4;

const lettersOf = new Map<string, string>();

/** A character's four letters: its code point in base 26, `a` standing for 0. */
function letters(character: string): string {
  let spelled = lettersOf.get(character);
  if (spelled !== undefined) return spelled;
  let code = character.codePointAt(0)!;
  spelled = '';
  for (let place = 0; place < LETTERS_PER_CHARACTER; place++) {
    spelled = String.fromCharCode(97 + (code % 26)) + spelled;
    code = Math.floor(code / 26);
  }
  lettersOf.set(character, spelled);
  return spelled;
}

/** The word a query of one character asks for: the character's first place on a page. */
const characterWord = (character: string) => CHARACTER_PREFIX + letters(character);

/**
 * The words of one run of Han characters in a query: a pair for each character and the next,
 * then the last character alone.
 */
function runWords(run: string, { withLastCharacter }: { withLastCharacter: boolean }): string[] {
  const characters = [...run.matchAll(HAN_WITH_GAP)].map(([, character]) => letters(character!));
  const words: string[] = [];
  for (let at = 0; at + 1 < characters.length; at++) words.push(PAIR_PREFIX + characters[at]! + characters[at + 1]!);
  if (withLastCharacter || characters.length === 1) words.push(PAIR_PREFIX + characters.at(-1)!);
  return words;
}

/**
 * Where one block of text ends and the next begins (a title and the first paragraph): a word
 * of its own, so that a phrase never runs from one block into the next, shown as a space in
 * excerpts. U+2063 (invisible separator) is not whitespace to JavaScript, with which
 * Pagefind's runtime splits a page's text to find an excerpt's words.
 */
export const BLOCK_BREAK = '\u2063';

/**
 * Adds text as the index holds it: a word per Han character (see above) and per word of the
 * text between. `seen` holds the characters the page has had so far, and gains this text's.
 */
export function addSpelledText(sink: WordSink, text: string, weight: number, seen: Set<string>): void {
  let at = 0;
  for (const match of text.matchAll(HAN_RUN)) {
    addText(sink, text.slice(at, match.index), weight);
    at = match.index + match[0].length;
    addRun(sink, match[0], weight, seen);
  }
  addText(sink, text.slice(at), weight);
}

/** Adds a run of Han characters: each shown with the punctuation after it, the run's opening punctuation with the first. */
function addRun(sink: WordSink, run: string, weight: number, seen: Set<string>): void {
  let shown = '';
  let character = '';
  const add = (next: string) => {
    sink.word(shown, weight);
    sink.index(PAIR_PREFIX + letters(character) + (next ? letters(next) : ''));
    if (!seen.has(character)) {
      seen.add(character);
      sink.index(characterWord(character));
    }
  };
  for (const piece of run) {
    if (!HAN.test(piece)) {
      if (!SPACE.test(piece)) shown += piece;
      continue;
    }
    if (character) {
      add(piece);
      shown = '';
    }
    character = piece;
    shown += piece;
  }
  add('');
}

/**
 * Index text (a page's, or an excerpt of it) as readers wrote it: the space between two words
 * goes where either holds a Han character, and a block break reads as an ideographic space.
 */
export function fromIndexSpelling(text: string): string {
  return text
    .split(BLOCK_BREAK)
    .map((block) => {
      const words = block.split(/\s+/).filter(Boolean);
      return words.map((word, index) => (index > 0 && !HAN.test(word) && !HAN.test(words[index - 1]!) ? ` ${word}` : word)).join('');
    })
    .filter(Boolean)
    .join('\u3000');
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
  for (const match of pieces.matchAll(QUERY_HAN_RUN)) {
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

/** A word of a query as Pagefind is asked it: one Han character alone by the word of its first place on a page. */
const spellWord = (word: string) => (isLoneHan(word) ? characterWord(word) : asSearch(spellSearchText(word)));

/** Spells a query; a quoted query is one word, the phrase itself, as in Pagefind. */
export function spellQuery(query: string): SpelledQuery {
  const quoted = QUOTED.exec(query);
  const text = quoted ? quoted[1]! : query;
  const bare = text.replace(/[\s\p{P}]+/gu, '');
  const phrase = isLoneHan(bare) ? characterWord(bare) : asSearch(spellSearchText(text));
  if (!phrase) return { phrase: '', words: [] };
  if (quoted) return { phrase, words: [phrase] };
  const words = queryWords(text).map(spellWord).filter(Boolean);
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
