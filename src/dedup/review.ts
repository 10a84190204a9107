/**
 * The two costly stages of clustering as plain functions over batches of texts: signing
 * every text, and reviewing candidate pairs (guard, then exact Jaccard). A batch carries
 * its own titles and bodies, so the same function runs on the main thread or, unchanged,
 * on a helper thread (parallel.ts), and gives the same answer on either.
 */
import { compareUnits, type GuardVerdict } from './guard.ts';
import { minHashSignatureOfCodes } from './minhash.ts';
import { createCodeBuffer, joinInto, markdownToText, normaliseInto, toUnits, type CodeBuffer } from './normalise.ts';
import { jaccard, shingleSetOfCodes } from './shingles.ts';

// A short line that only says where the text came from or who edited it. Republishers add,
// reword and drop these freely (转载自… / 信息来源：…), so they are not compared at all.
const ATTRIBUTION_ANYWHERE = /来源|转载|转自|稿源|编辑|责编|作者|原标题/;
const ATTRIBUTION = /^[\s（(【\[*]*(?:信息来源|本文来源|来源|转载自|转载于|转自|稿源|责任编辑|责编|编辑|作者|原标题)/;

/**
 * The text compared: the title (templated notices often differ there first) and the body,
 * attribution lines left out.
 *
 * @param title the announcement's title
 * @param body its Markdown body
 */
export function comparedText(title: string, body: string): string {
  const text = markdownToText(body);
  if (!ATTRIBUTION_ANYWHERE.test(text)) return `${title}\n${text}`;
  const lines = text.split('\n').filter((line) => line.length > 80 || !ATTRIBUTION.test(line));
  return `${title}\n${lines.join('\n')}`;
}

/** A text's passages for the guard (see toUnits). */
export function passagesOf(title: string, body: string): string[] {
  return toUnits(comparedText(title, body));
}

const joined = createCodeBuffer();

/**
 * A text's shingle set from its passages. Passages are normalised text cut at sentence
 * ends, which normalisation drops anyway, so joined they are exactly the normalised text:
 * no need to read the Markdown again.
 */
export function shingleSetOfPassages(passages: readonly string[], shingleSize: number): Uint32Array {
  joinInto(passages, joined);
  return shingleSetOfCodes(joined.codes, joined.length, shingleSize);
}

/**
 * Writes a text's normalised form (see normaliseText) into `into`.
 *
 * @param title the announcement's title
 * @param body its Markdown body
 */
export function normaliseItem(title: string, body: string, into: CodeBuffer): void {
  normaliseInto(comparedText(title, body), into);
}

/** A batch of texts to sign. */
export interface SignBatch {
  kind: 'sign';
  titles: string[];
  bodies: string[];
  /** Signature positions (bands × rows). */
  positions: number;
  shingleSize: number;
}

/** A batch of candidate pairs to review, with the texts they name. */
export interface ReviewBatch {
  kind: 'review';
  titles: string[];
  bodies: string[];
  /** Pairs as indices into titles/bodies: pair k is (pairs[2k], pairs[2k+1]). */
  pairs: Int32Array;
  shingleSize: number;
  maxEdits: number;
}

/** What a review found, pair by pair. */
export interface ReviewResult {
  /** The guard's verdict for a pair it accepts; null for a pair it keeps apart. */
  verdicts: Array<GuardVerdict | null>;
  /** Exact shingle Jaccard of each accepted pair (NaN for the others). */
  similarities: Float64Array;
}

/**
 * MinHash signatures of a batch of texts, packed one after another.
 *
 * @returns `positions` values per text, in batch order
 */
export function signBatch(batch: SignBatch): Uint32Array {
  const { titles, bodies, positions, shingleSize } = batch;
  const packed = new Uint32Array(titles.length * positions);
  const buffer = createCodeBuffer();
  for (let k = 0; k < titles.length; k++) {
    normaliseItem(titles[k]!, bodies[k]!, buffer);
    packed.set(minHashSignatureOfCodes(buffer.codes, buffer.length, positions, shingleSize), k * positions);
  }
  return packed;
}

/**
 * Reviews candidate pairs: the guard first (most pairs that get this far are templated
 * siblings it rejects, and it needs only the passages), then the exact Jaccard for the
 * pairs it accepts. Each text's passages (and shingle set, once a pair needs it) are built
 * at its first pair and let go after its last, so each text is read once and only the
 * texts still to be compared are held.
 */
export function reviewBatch(batch: ReviewBatch): ReviewResult {
  const { titles, bodies, pairs, shingleSize, maxEdits } = batch;
  const pairCount = pairs.length / 2;
  const lastPair = new Int32Array(titles.length);
  for (let k = 0; k < pairs.length; k++) lastPair[pairs[k]!] = k >> 1;
  const live = new Map<number, { passages: string[]; set: Uint32Array | null }>();
  const prepared = (index: number) => {
    let found = live.get(index);
    if (found === undefined) live.set(index, (found = { passages: passagesOf(titles[index]!, bodies[index]!), set: null }));
    return found;
  };
  const verdicts: Array<GuardVerdict | null> = [];
  const similarities = new Float64Array(pairCount).fill(Number.NaN);
  for (let k = 0; k < pairCount; k++) {
    const a = pairs[2 * k]!;
    const b = pairs[2 * k + 1]!;
    const first = prepared(a);
    const second = prepared(b);
    if (lastPair[a] === k) live.delete(a);
    if (lastPair[b] === k) live.delete(b);
    const verdict = compareUnits(first.passages, second.passages, maxEdits);
    if (!verdict.compatible) {
      verdicts.push(null);
      continue;
    }
    first.set ??= shingleSetOfPassages(first.passages, shingleSize);
    second.set ??= shingleSetOfPassages(second.passages, shingleSize);
    verdicts.push(verdict);
    similarities[k] = jaccard(first.set, second.set);
  }
  return { verdicts, similarities };
}

/** Runs a batch of either kind; the helper thread's whole job. */
export function runBatch(batch: SignBatch | ReviewBatch): Uint32Array | ReviewResult {
  return batch.kind === 'sign' ? signBatch(batch) : reviewBatch(batch);
}
