import { normaliseText } from './normalise.ts';

/** A run of blocks that stands again later in the same text. */
export interface RepeatedRun {
  /** Index of the first block of the first copy. */
  firstStart: number;
  /** Index of the first block of the repeat. */
  repeatStart: number;
  /** Number of blocks in the run. */
  length: number;
  /** The run's share of the whole text's characters (0–1), counted once. */
  share: number;
}

export interface RepeatedRunOptions {
  /**
   * The smallest share of the text a run must make up to count. Short lines that
   * legitimately repeat (an 附件 line, a table header, a signature) stay below it.
   */
  minShare?: number;
  /** The fewest normalised characters a run must hold. */
  minChars?: number;
}

/** A quarter of the text and at least 80 characters: a doubled article, never a repeated signature. */
const DEFAULTS: Required<RepeatedRunOptions> = { minShare: 0.25, minChars: 80 };

/**
 * Finds runs of blocks (paragraphs, headings) that repeat a run earlier in the same
 * text, as when a scraped page holds its article twice (an elder-mode or print copy).
 * Blocks are compared after {@link normaliseText}, so whitespace, indentation and
 * punctuation differences do not hide a copy. Runs are reported longest first and
 * never overlap, so removing every `repeatStart..+length` range keeps each block once.
 *
 * @param blocks the text's blocks in order
 */
export function findRepeatedRuns(blocks: readonly string[], options: RepeatedRunOptions = {}): RepeatedRun[] {
  const { minShare, minChars } = { ...DEFAULTS, ...options };
  const keys = blocks.map(normaliseText);
  const totalChars = keys.reduce((sum, key) => sum + key.length, 0);
  if (totalChars === 0) return [];

  const positionsByKey = new Map<string, number[]>();
  keys.forEach((key, index) => {
    if (!key) return;
    const positions = positionsByKey.get(key);
    if (positions) positions.push(index);
    else positionsByKey.set(key, [index]);
  });

  const candidates: RepeatedRun[] = [];
  for (const positions of positionsByKey.values()) {
    for (let a = 0; a < positions.length; a++) {
      for (let b = a + 1; b < positions.length; b++) {
        const first = positions[a]!;
        const repeat = positions[b]!;
        // Only maximal runs: skip a pair that extends one starting a block earlier.
        if (first > 0 && keys[first - 1] && keys[first - 1] === keys[repeat - 1]) continue;
        let length = 0;
        let chars = 0;
        while (first + length < repeat && repeat + length < keys.length && keys[first + length] === keys[repeat + length]) {
          chars += keys[first + length]!.length;
          length++;
        }
        const share = chars / (totalChars - chars);
        if (chars >= minChars && share >= minShare) candidates.push({ firstStart: first, repeatStart: repeat, length, share });
      }
    }
  }

  candidates.sort((x, y) => y.share - x.share || x.repeatStart - y.repeatStart);
  const removed = new Set<number>();
  const runs: RepeatedRun[] = [];
  for (const run of candidates) {
    const span = Array.from({ length: run.length }, (_, i) => run.repeatStart + i);
    const firstSpan = Array.from({ length: run.length }, (_, i) => run.firstStart + i);
    if (span.some((i) => removed.has(i)) || firstSpan.some((i) => removed.has(i))) continue;
    span.forEach((i) => removed.add(i));
    runs.push(run);
  }
  return runs.sort((x, y) => x.repeatStart - y.repeatStart);
}

/**
 * The blocks with every repeated run removed, keeping the first copy.
 *
 * @example collapseRepeatedRuns(['甲…', '乙…', '甲…', '乙…']) // ['甲…', '乙…'] when long enough
 */
export function collapseRepeatedRuns<T>(
  blocks: readonly T[],
  toText: (block: T) => string,
  options?: RepeatedRunOptions,
): { kept: T[]; runs: RepeatedRun[] } {
  const runs = findRepeatedRuns(blocks.map(toText), options);
  const drop = new Set<number>();
  for (const run of runs) for (let i = 0; i < run.length; i++) drop.add(run.repeatStart + i);
  return { kept: blocks.filter((_, index) => !drop.has(index)), runs };
}
