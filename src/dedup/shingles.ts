/**
 * Character n-gram shingles. Chinese has no spaces to split words on, and a word segmenter
 * would be slow and dictionary-dependent; overlapping character 5-grams capture phrasing
 * (as in data-juicer's MinHash deduplicator) while a one-character typo disturbs only five
 * of them.
 */

/** Characters per shingle: long enough that unrelated notices share few, short enough that an edit disturbs few. */
export const SHINGLE_SIZE = 5;

/** Multiplier of the rolling polynomial hash (the FNV prime: odd, with well-spread bits). */
export const SHINGLE_BASE = 0x01000193;
const BASE = SHINGLE_BASE;

/** MurmurHash3's finaliser: spreads a 32-bit value so every output bit depends on every input bit. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Calls `visit` with a 32-bit hash of every `size`-character window of `text`, using a
 * rolling polynomial hash so each character costs a few multiplications whatever the size.
 * A text shorter than `size` yields one shingle for the whole text; an empty text none.
 *
 * @param text normalised text (see normaliseText)
 * @param visit receives each shingle's hash, in text order, repeats included
 */
export function forEachShingle(text: string, size: number, visit: (hash: number) => void): void {
  const length = text.length;
  if (length === 0) return;
  if (length < size) {
    let h = 0;
    for (let i = 0; i < length; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
    visit(mix32(h));
    return;
  }
  // BASE^(size-1), to take the outgoing character back out of the rolling hash.
  let top = 1;
  for (let i = 1; i < size; i++) top = Math.imul(top, BASE);
  let h = 0;
  for (let i = 0; i < size; i++) h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
  visit(mix32(h));
  for (let i = size; i < length; i++) {
    h = (h - Math.imul(text.charCodeAt(i - size), top)) | 0;
    h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
    visit(mix32(h));
  }
}

/**
 * The set of a text's shingle hashes, sorted ascending without repeats, for exact
 * Jaccard and containment by a linear merge.
 *
 * @param text normalised text
 * @example shingleSet('遂宁市人民政府').length // 3
 */
export function shingleSet(text: string, size = SHINGLE_SIZE): Uint32Array<ArrayBuffer> {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return shingleSetOfCodes(codes, text.length, size);
}

let hashes = new Uint32Array(4096);

/**
 * {@link shingleSet} of the text held as code units in `codes[0..length)`: the same set,
 * without a string to build first.
 *
 * @param codes UTF-16 code units of normalised text (see normaliseInto)
 * @param length how many of them are the text
 */
export function shingleSetOfCodes(codes: Uint16Array, length: number, size = SHINGLE_SIZE): Uint32Array<ArrayBuffer> {
  if (hashes.length < length) hashes = new Uint32Array(length * 2);
  let count = 0;
  if (length === 0) return new Uint32Array(0);
  if (length < size) {
    let h = 0;
    for (let i = 0; i < length; i++) h = (Math.imul(h, BASE) + codes[i]!) | 0;
    hashes[count++] = mix32(h);
  } else {
    // The rolling hash of forEachShingle, inlined: a callback per shingle costs as much as the hashing.
    let top = 1;
    for (let i = 1; i < size; i++) top = Math.imul(top, BASE);
    let h = 0;
    for (let i = 0; i < size - 1; i++) h = (Math.imul(h, BASE) + codes[i]!) | 0;
    for (let i = size - 1; i < length; i++) {
      if (i >= size) h = (h - Math.imul(codes[i - size]!, top)) | 0;
      h = (Math.imul(h, BASE) + codes[i]!) | 0;
      hashes[count++] = mix32(h);
    }
  }
  const sorted = radixSort(hashes.subarray(0, count));
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i]!;
  }
  return sorted.slice(0, unique);
}

let scratch = new Uint32Array(4096);
const histograms = new Uint32Array(4 * 256);

/**
 * Sorts 32-bit values in place, one byte at a time (LSD radix sort): one pass counts all
 * four bytes, then four linear passes place them. Several times faster than
 * TypedArray#sort on the few thousand shingles of a notice.
 */
function radixSort(values: Uint32Array): Uint32Array {
  const length = values.length;
  if (scratch.length < length) scratch = new Uint32Array(length * 2);
  histograms.fill(0);
  for (let i = 0; i < length; i++) {
    const value = values[i]!;
    histograms[value & 255]!++;
    histograms[256 + ((value >>> 8) & 255)]!++;
    histograms[512 + ((value >>> 16) & 255)]!++;
    histograms[768 + (value >>> 24)]!++;
  }
  for (let base = 0; base < 1024; base += 256) {
    let total = 0;
    for (let bucket = base; bucket < base + 256; bucket++) {
      const size = histograms[bucket]!;
      histograms[bucket] = total;
      total += size;
    }
  }
  let from: Uint32Array = values;
  let to: Uint32Array = scratch;
  for (let base = 0, shift = 0; shift < 32; base += 256, shift += 8) {
    for (let i = 0; i < length; i++) {
      const value = from[i]!;
      to[histograms[base + ((value >>> shift) & 255)]!++] = value;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  // After an even number of passes the result is back in `values`.
  return from;
}

/** How many hashes two sorted, repeat-free sets share. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/**
 * Jaccard similarity |A∩B| / |A∪B| of two shingle sets from {@link shingleSet}.
 * Two empty sets are identical (1).
 *
 * @example jaccard(shingleSet('甲乙丙丁戊己'), shingleSet('甲乙丙丁戊己')) // 1
 */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const shared = intersectionSize(a, b);
  return shared / (a.length + b.length - shared);
}
