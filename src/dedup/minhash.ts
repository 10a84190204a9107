import { mix32, SHINGLE_BASE } from './shingles.ts';

/**
 * MinHash signatures and LSH banding: the step that keeps deduplication near-linear.
 * Comparing every pair of 100,000 announcements is 5·10⁹ comparisons; instead each text
 * gets a short signature whose positions agree with probability equal to the Jaccard
 * similarity, and only texts whose signatures agree on a whole band become candidates.
 */

/** Banding parameters. The signature has `bands × rows` positions. */
export interface LshOptions {
  /** Bands: more bands catch less similar pairs (and cost more candidates). */
  bands: number;
  /** Rows per band: more rows make a chance collision of dissimilar texts rarer. */
  rows: number;
}

/**
 * 20 bands of 6 rows (120 positions). A pair with Jaccard s becomes a candidate with
 * probability 1 − (1 − s⁶)²⁰: 0.9977 at s = 0.8, 0.92 at 0.7, 0.27 at 0.5 and 2·10⁻⁵ at
 * 0.1. Light edits keep copies above 0.8 and the verification threshold is 0.7, while
 * unrelated notices (s ≲ 0.1) almost never collide, so candidates grow with the number
 * of real near-duplicates, not with the square of the corpus.
 */
export const DEFAULT_LSH: LshOptions = { bands: 20, rows: 6 };

const EMPTY = 0xffffffff;

/**
 * A one-permutation MinHash signature (Li, Owen & Zhang 2012): each shingle is hashed once,
 * its top bits pick one of `length` bins and the bin keeps its smallest value. That costs
 * one hash per shingle instead of one per shingle per position. Empty bins (short texts)
 * borrow the next filled bin's value, salted with the distance (rotation densification,
 * Shrivastava & Li 2014), so equal texts still get equal signatures.
 *
 * @param text normalised text
 * @param length signature positions (bands × rows)
 * @param shingleSize characters per shingle
 */
export function minHashSignature(text: string, length: number, shingleSize: number): Uint32Array<ArrayBuffer> {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return minHashSignatureOfCodes(codes, text.length, length, shingleSize);
}

/**
 * {@link minHashSignature} of the text held as code units in `codes[0..textLength)`: the
 * same signature, without a string to build first.
 *
 * @param codes UTF-16 code units of normalised text (see normaliseInto)
 * @param textLength how many of them are the text
 * @param length signature positions (bands × rows)
 * @param shingleSize characters per shingle
 */
export function minHashSignatureOfCodes(codes: Uint16Array, textLength: number, length: number, shingleSize: number): Uint32Array<ArrayBuffer> {
  const signature = new Uint32Array(length).fill(EMPTY);
  if (textLength === 0) return signature;
  if (textLength < shingleSize) {
    // One shingle: the whole text, hashed as forEachShingle does.
    let h = 0;
    for (let i = 0; i < textLength; i++) h = (Math.imul(h, SHINGLE_BASE) + codes[i]!) | 0;
    keepMinimum(signature, mix32(h));
  } else {
    // forEachShingle and mix32 inlined by hand: this loop runs for every character of every
    // announcement, and a callback per shingle doubles the cost.
    let top = 1;
    for (let i = 1; i < shingleSize; i++) top = Math.imul(top, SHINGLE_BASE);
    let h = 0;
    for (let i = 0; i < shingleSize - 1; i++) h = (Math.imul(h, SHINGLE_BASE) + codes[i]!) | 0;
    for (let i = shingleSize - 1; i < textLength; i++) {
      if (i >= shingleSize) h = (h - Math.imul(codes[i - shingleSize]!, top)) | 0;
      h = (Math.imul(h, SHINGLE_BASE) + codes[i]!) | 0;
      let x = h;
      x ^= x >>> 16;
      x = Math.imul(x, 0x85ebca6b);
      x ^= x >>> 13;
      x = Math.imul(x, 0xc2b2ae35);
      x ^= x >>> 16;
      const bin = ((x >>> 16) * length) >>> 16;
      // A second, independent hash ranks shingles within the bin; reusing x would
      // correlate rank with bin.
      let y = x ^ 0x9e3779b9;
      y ^= y >>> 16;
      y = Math.imul(y, 0x85ebca6b);
      y ^= y >>> 13;
      y = Math.imul(y, 0xc2b2ae35);
      y ^= y >>> 16;
      const value = y >>> 1;
      if (value < signature[bin]!) signature[bin] = value;
    }
  }
  densify(signature);
  return signature;
}

function keepMinimum(signature: Uint32Array, hash: number): void {
  const bin = ((hash >>> 16) * signature.length) >>> 16;
  const value = mix32(hash ^ 0x9e3779b9) >>> 1;
  if (value < signature[bin]!) signature[bin] = value;
}

function densify(signature: Uint32Array): void {
  const length = signature.length;
  let filled = -1;
  for (let i = 0; i < length; i++) if (signature[i] !== EMPTY) filled = i;
  if (filled < 0) return;
  const source = Uint32Array.from(signature);
  for (let i = 0; i < length; i++) {
    if (source[i] !== EMPTY) continue;
    let distance = 1;
    while (source[(i + distance) % length] === EMPTY) distance++;
    signature[i] = (mix32(source[(i + distance) % length]! + distance) >>> 1) | 0x80000000;
  }
}

/**
 * The share of positions two signatures agree on: an unbiased estimate of their Jaccard
 * similarity with a standard error of about √(s(1−s)/length), 0.04 at s = 0.7 and 120
 * positions.
 */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * Whether {@link estimateJaccard} of the two signatures is at least `minimum`, stopping as
 * soon as the positions left could no longer reach it: most LSH candidates are chance
 * collisions that disagree almost everywhere.
 */
export function estimateAtLeast(a: Uint32Array, b: Uint32Array, minimum: number): boolean {
  const length = a.length;
  let same = 0;
  for (let i = 0; i < length; i++) {
    if (a[i] === b[i]) same++;
    // The estimate can at best reach (same + positions left) / length.
    else if ((same + (length - i - 1)) / length < minimum) return false;
  }
  return same / length >= minimum;
}

/**
 * Members of one LSH bucket are all paired only up to this size. A larger bucket means many
 * texts share a whole band (boilerplate-only notices); pairing each with its next
 * `MAX_BUCKET_PAIRS` neighbours keeps the cost linear and still links a chain of copies.
 */
export const MAX_BUCKET_PAIRS = 200;

/**
 * Candidate pairs: texts whose signatures agree on all rows of at least one band.
 * Each band is sorted as packed (band hash, index) numbers, so equal bands sit together;
 * no hash maps of arrays are built.
 *
 * @param signatures one per text, all the same length (bands × rows)
 * @returns pairs as `[i, j]` with i < j, sorted, without repeats
 */
export function lshCandidatePairs(signatures: readonly Uint32Array[], options: LshOptions = DEFAULT_LSH): Array<[number, number]> {
  const count = signatures.length;
  const keys = lshCandidateKeys(signatures, options);
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < keys.length; k++) pairs.push([Math.floor(keys[k]! / count), keys[k]! % count]);
  return pairs;
}

/**
 * {@link lshCandidatePairs} as packed numbers `i × count + j`, ascending, without repeats:
 * the same pairs without an array per pair.
 *
 * @param signatures one per text, all the same length (bands × rows)
 */
export function lshCandidateKeys(signatures: readonly Uint32Array[], options: LshOptions = DEFAULT_LSH): Float64Array<ArrayBuffer> {
  const { bands, rows } = options;
  const count = signatures.length;
  // Index bits: the packed key must stay below 2^53 to be exact in a double.
  const indexBits = Math.max(1, Math.ceil(Math.log2(count + 1)));
  if (indexBits > 21) throw new RangeError(`lshCandidatePairs: ${count} texts is more than 2^21`);
  const scale = 2 ** indexBits;
  const keys = new Float64Array(count);
  let pairKeys = new Float64Array(1024);
  let pairCount = 0;
  for (let band = 0; band < bands; band++) {
    for (let index = 0; index < count; index++) {
      const signature = signatures[index]!;
      let h = band + 1;
      for (let row = band * rows; row < (band + 1) * rows; row++) h = mix32(Math.imul(h, 0x01000193) ^ signature[row]!);
      keys[index] = h * scale + index;
    }
    keys.sort();
    let runStart = 0;
    for (let k = 1; k <= count; k++) {
      if (k < count && Math.floor(keys[k]! / scale) === Math.floor(keys[runStart]! / scale)) continue;
      for (let a = runStart; a < k; a++) {
        const last = Math.min(k, a + 1 + MAX_BUCKET_PAIRS);
        const i = keys[a]! % scale;
        if (pairCount + (last - a) > pairKeys.length) {
          const grown = new Float64Array(Math.max(pairKeys.length * 2, pairCount + (last - a)));
          grown.set(pairKeys.subarray(0, pairCount));
          pairKeys = grown;
        }
        for (let b = a + 1; b < last; b++) {
          const j = keys[b]! % scale;
          // Sorting packed keys orders a bucket by index, so i < j.
          pairKeys[pairCount++] = i * count + j;
        }
      }
      runStart = k;
    }
  }
  // A typed array sorts numerically without a comparator call per step.
  const sorted = pairKeys.subarray(0, pairCount).sort();
  let unique = 0;
  for (let k = 0; k < sorted.length; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) continue;
    sorted[unique++] = sorted[k]!;
  }
  return sorted.slice(0, unique);
}
