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
 * A pair is written `qx` + four letters for each character (its code point in base 26); the
 * last character of a run of Han characters also gets a one-character word, so that a query of
 * one character (a prefix of the pairs) finds it wherever it stands.
 */

/**
 * The language the index is built in: one Pagefind neither segments (as it would zh, ja, th)
 * nor stems, since the spelled words are neither Chinese text nor English. The browser
 * falls back to the site's only index whatever the search page's language.
 */
export const INDEX_LANGUAGE = 'und';

const HAN_RUN = /\p{Script=Han}+/gu;
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

/** The words of one run of Han characters: its pairs, and its last character alone. */
function runWords(run: string, { withLastCharacter }: { withLastCharacter: boolean }): string[] {
  const characters = [...run].map(letters);
  const words: string[] = [];
  for (let at = 0; at + 1 < characters.length; at++) words.push(PREFIX + characters[at] + characters[at + 1]);
  if (withLastCharacter || characters.length === 1) words.push(PREFIX + characters.at(-1)!);
  return words;
}

/**
 * Where one block of text ends and the next begins (a title and the first paragraph): a word
 * of its own that Pagefind keeps in excerpts, shown as a space; joined with the spelled words
 * around it, the two blocks would read as one sentence.
 */
export const BLOCK_BREAK = ' \uFEFF ';

/** Text as the index holds it: every run of Han characters becomes its spelled words. */
export function toIndexSpelling(text: string): string {
  return text.replace(HAN_RUN, (run) => ` ${runWords(run, { withLastCharacter: true }).join(' ')} `);
}

/**
 * Index text back as readers wrote it: each spelled word stands for its first character (the
 * next word holds the second), and the spaces set around them go.
 */
export function fromIndexSpelling(text: string): string {
  // JavaScript's \s includes U+FEFF, so block breaks are set aside first.
  return text
    .replace(/[^\S\uFEFF]*\uFEFF[^\S\uFEFF]*/g, '\u0001')
    .replace(SPELLED_WORD, (_word, first: string) => `\u0000${character(first)}\u0000`)
    .replace(/\u0000\s*\u0000/g, '')
    .replace(/\s*\u0000\s*/g, '')
    .replace(/^\u0001+|\u0001+$/g, '')
    .replace(/\u0001+/g, '\u3000');
}

/** A reader's query as Pagefind is asked it. */
export interface SpelledQuery {
  /** Every word of the query, anywhere in the text (empty when the query has no words). */
  words: string;
  /** The query as written, ignoring spaces and punctuation between Han characters; null when that is `words`. */
  phrase: string | null;
}

const QUOTED = /^\s*["“”„](.*)["“”„]\s*$/su;
const BETWEEN_HAN = /(?<=\p{Script=Han})[\s\p{P}]+(?=\p{Script=Han})/gu;

function spellQueryText(text: string): string {
  return text
    .replace(HAN_RUN, (run) => ` ${runWords(run, { withLastCharacter: false }).join(' ')} `)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Spells a query. A quoted query is asked only as a phrase, as in Pagefind; otherwise both
 * ways, so that announcements holding the query as written can come first.
 */
export function spellQuery(query: string): SpelledQuery {
  const quoted = QUOTED.exec(query);
  const asWritten = spellQueryText((quoted ? quoted[1]! : query).replace(BETWEEN_HAN, ''));
  if (quoted) return { words: asWritten ? `"${asWritten}"` : '', phrase: null };
  const words = spellQueryText(query);
  const isOneWord = !/\s/.test(asWritten);
  return { words, phrase: asWritten && !isOneWord ? `"${asWritten}"` : null };
}

/**
 * The words to mark in a result: the query as written (without spaces and punctuation between
 * Han characters) and each of its words, longest first so that a longer match is marked whole.
 */
export function highlightTerms(query: string): string[] {
  const text = (QUOTED.exec(query)?.[1] ?? query).trim();
  const terms = new Set<string>([text.replace(BETWEEN_HAN, '')]);
  for (const { segment, isWordLike } of new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)) {
    if (isWordLike) terms.add(segment);
  }
  // A single character of a longer query would be marked everywhere it stands.
  const isLong = [...text].length > 1;
  return [...terms].filter((term) => term.trim() && (!isLong || [...term].length > 1)).sort((a, b) => b.length - a.length);
}
