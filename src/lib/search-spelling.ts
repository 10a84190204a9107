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
import { addText, indexedWords, type WordSink } from '../search-index/page-words.ts';

/**
 * The language the index is built in: one Pagefind neither segments (as it would zh, ja, th)
 * nor stems, since the spelled words are neither Chinese text nor English. The browser
 * falls back to the site's only index whatever the search page's language.
 */
export const INDEX_LANGUAGE = 'und';

/** Han characters, with the punctuation and spaces between them, opening punctuation before and any after. */
const HAN_RUN = /[\p{Ps}\p{Pi}]*\p{Script=Han}(?:[\s\p{P}]*\p{Script=Han})*\p{P}*/gu;
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

/**
 * An index word a query asks for, and where it must stand: its position from the start of the
 * query (or of the word it belongs to); null where it need only be on the page.
 */
export interface QueryUnit {
  /** A Pagefind search for one word: a pair, a character alone (quoted: that word exactly), a word of other text. */
  term: string;
  offset: number | null;
}

/** A reader's query as Pagefind is asked it, in the index spelling. */
export interface SpelledQuery {
  /**
   * The query as written, spaces and punctuation between Han characters ignored: a page holds
   * it where every unit stands at its offset from one place. Empty when there is nothing to
   * search for.
   */
  phrase: QueryUnit[];
  /**
   * Each word of the query (the browser's Intl.Segmenter's, a lone Han character joined to the
   * word beside it), offsets from the word's start: a page that holds every word holds the
   * query's words apart. A quoted query's one word is the phrase.
   */
  words: QueryUnit[][];
}

const QUOTED = /^\s*["“”„](.*)["“”„]\s*$/su;
const BETWEEN_HAN = /(?<=\p{Script=Han})[\s\p{P}]+(?=\p{Script=Han})/gu;
const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The query's positions, as the index counts them: a Han character is one, and so is a word of
 * other text (up to whitespace or a Han character) that holds a letter or digit.
 */
function queryPositions(text: string): { start: number; end: number; isHan: boolean }[] {
  const positions: { start: number; end: number; isHan: boolean }[] = [];
  for (const match of text.matchAll(/\p{Script=Han}|[^\s\p{Script=Han}]+/gu)) {
    const isHan = HAN.test(match[0]);
    if (isHan || HAS_LETTER_OR_DIGIT.test(match[0])) positions.push({ start: match.index, end: match.index + match[0].length, isHan });
  }
  return positions;
}

/**
 * The pairs that cover a run of characters, each at its offset in the run: every other pair,
 * and the last. Where each stands, the characters between are known: 安全生产法 is covered by
 * 安全, 生产 and 产法, where its four pairs would take four searches.
 */
function coveringPairs(characters: readonly string[]): { term: string; offset: number }[] {
  const pairs: { term: string; offset: number }[] = [];
  const pair = (at: number) => pairs.push({ term: PAIR_PREFIX + letters(characters[at]!) + letters(characters[at + 1]!), offset: at });
  for (let at = 0; at + 1 < characters.length; at += 2) pair(at);
  if (characters.length > 2 && characters.length % 2 === 1) pair(characters.length - 2);
  return pairs;
}

/** Spells a query; a quoted query is one word, the phrase itself, as in Pagefind. */
export function spellQuery(query: string): SpelledQuery {
  const quoted = QUOTED.exec(query);
  const text = (quoted ? quoted[1]! : query).replace(BETWEEN_HAN, '').trim();
  if (isLoneHan(text.replace(/[\s\p{P}]+/gu, ''))) {
    // One character: the word of its first place on a page.
    const unit = { term: characterWord(text.replace(/[\s\p{P}]+/gu, '')), offset: null };
    return { phrase: [unit], words: [[unit]] };
  }
  const positions = queryPositions(text);
  const positionAt = (index: number) => positions.findIndex((position) => index >= position.start && index < position.end);
  const phrase: QueryUnit[] = [];
  const words: QueryUnit[][] = [];
  for (const word of queryWords(text)) {
    const first = positionAt(word.start);
    if (first < 0) continue;
    const inWord: QueryUnit[] = [];
    if (isLoneHan(word.text)) {
      // A character between other text: as the phrase, that character ending a run; apart, anywhere.
      phrase.push({ term: `"${PAIR_PREFIX}${letters(word.text)}"`, offset: first });
      inWord.push({ term: characterWord(word.text), offset: null });
    } else if (HAN.test(word.text)) {
      for (const { term, offset } of coveringPairs([...word.text])) {
        phrase.push({ term, offset: first + offset });
        inWord.push({ term, offset });
      }
    } else {
      for (const term of indexedWords(word.text)) {
        phrase.push({ term, offset: first });
        inWord.push({ term, offset: 0 });
      }
    }
    if (inWord.length) words.push(inWord);
  }
  const unique = (units: QueryUnit[]) => [...new Map(units.map((unit) => [`${unit.term} ${unit.offset}`, unit])).values()];
  if (quoted) return { phrase: unique(phrase), words: phrase.length ? [unique(phrase)] : [] };
  return { phrase: unique(phrase), words: words.map(unique) };
}

const isLoneHan = (word: string) => /^\p{Script=Han}$/u.test(word);

/**
 * The query's words as the browser's Intl.Segmenter splits them, each with where it starts in
 * the text, a lone Han character joined to the Han word before it (or, first, the one after):
 * alone it would match any word it starts (金桥街道 is split 金 / 桥 / 街道, and is asked as
 * 金桥 and 街道).
 */
function queryWords(text: string): { text: string; start: number }[] {
  const joined: { text: string; start: number }[] = [];
  for (const { segment, index, isWordLike } of SEGMENTER.segment(text)) {
    if (!isWordLike) continue;
    const previous = joined.at(-1);
    const adjacent = previous !== undefined && previous.start + previous.text.length === index;
    const bothHan = adjacent && /\p{Script=Han}$/u.test(previous.text) && /^\p{Script=Han}/u.test(segment);
    if (bothHan && (isLoneHan(segment) || isLoneHan(previous.text))) previous.text += segment;
    else joined.push({ text: segment, start: index });
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
