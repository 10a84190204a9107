/**
 * A page's words as the index takes them (write-part.ts): one at a time, each taking a
 * position, shown in excerpts as its text, and holding the words a search finds there. Pages
 * hand their words to a sink rather than as a list, so a part of a few hundred pages never
 * holds more than one page's words. Pure, so the site's spelling (src/lib/search-spelling.ts),
 * which the search page also loads, can build on it.
 */

/** Takes a page's words in reading order, each followed by what the index holds at its position. */
export interface WordSink {
  /**
   * The next word: `shown` as excerpts show it, without whitespace (Pagefind's runtime splits
   * a page's text at JavaScript's whitespace to find an excerpt's words, and the positions must
   * agree), and its weight on Pagefind's scale (1 for text, 7 for an `h1` down to 2 for an `h6`).
   */
  word(shown: string, weight: number): void;
  /** A word a search finds at the position of the last {@link word}: none for punctuation alone. */
  index(word: string): void;
}

const WHITESPACE = /\s+/;
const ASCII_WORD = /^[a-z0-9]+$/;
const WORD_RUN = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}/gu;

/**
 * What is indexed of a word of text: its runs of letters and digits, lower-cased and without
 * diacritics, as Pagefind normalises a query (`Café` → `cafe`, `sn848163.com` → `sn848163`, `com`).
 */
export function indexedWords(word: string): string[] {
  if (ASCII_WORD.test(word)) return [word];
  const runs = word.normalize('NFD').replace(MARKS, '').toLowerCase().match(WORD_RUN);
  return runs ? [...new Set(runs)] : [];
}

/** Adds text as Pagefind reads it: its words split at whitespace, each indexed by {@link indexedWords}. */
export function addText(sink: WordSink, text: string, weight: number): void {
  for (const word of text.split(WHITESPACE)) {
    if (!word) continue;
    sink.word(word, weight);
    for (const indexed of indexedWords(word)) sink.index(indexed);
  }
}
