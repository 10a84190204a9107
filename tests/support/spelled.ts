/** Text in the index spelling, as tests read it: each word as excerpts show it and what the index holds there. */
import { addSpelledText } from '../../src/lib/search-spelling.ts';

export interface SpelledWord {
  shown: string;
  weight: number;
  indexed: string[];
}

/** The words the index takes for `text`; `seen` as a page's characters so far. */
export function spelledWords(text: string, seen = new Set<string>()): SpelledWord[] {
  const words: SpelledWord[] = [];
  addSpelledText({ word: (shown, weight) => words.push({ shown, weight, indexed: [] }), index: (word) => words.at(-1)!.indexed.push(word) }, text, 1, seen);
  return words;
}

/** The words a search finds at each position of `text`. */
export const indexedAt = (text: string, seen?: Set<string>) => spelledWords(text, seen).map((word) => word.indexed);

/** `text` as a page's fragment holds it: its words' shown text joined by spaces. */
export const shownText = (text: string) => spelledWords(text).map((word) => word.shown).join(' ');
