/**
 * Orders as Pagefind (Rust) orders: strings by code point (UTF-8 byte order), which differs
 * from JavaScript's `<` (UTF-16 units) when characters beyond U+FFFF meet U+E000–U+FFFF;
 * sort values as numbers when every value of the key reads as one, else as strings.
 */

/** Maps a UTF-16 unit so that unit order becomes code point order at the first difference. */
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;
const I32_MIN = -(2 ** 31);
const I32_MAX = 2 ** 31 - 1;

/**
 * A sort value as Pagefind reads a number: an `i32`, else an `f32`, both compared as `f32`;
 * undefined when it is not a number (Pagefind then sorts the whole key as strings).
 */
export function sortNumber(value: string): number | undefined {
  if (INTEGER.test(value)) {
    const integer = Number(value);
    if (integer >= I32_MIN && integer <= I32_MAX) return Math.fround(integer);
  }
  if (FLOAT.test(value)) return Math.fround(Number(value));
  if (SPECIAL.test(value)) {
    const negative = value.startsWith('-');
    if (/nan/i.test(value)) return negative ? -NaN : NaN;
    return negative ? -Infinity : Infinity;
  }
  return undefined;
}

/** Rust's `f32::total_cmp`, for the values {@link sortNumber} gives (NaN last). */
function compareTotal(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number(Number.isNaN(a)) - Number(Number.isNaN(b));
  if (a !== b) return a < b ? -1 : 1;
  return Number(!Object.is(a, -0)) - Number(!Object.is(b, -0));
}

/**
 * Orders pages by one sort key as Pagefind does: `values[i]` is the value of `pages[i]`,
 * pages in page order; ties keep page order (Pagefind's sort is stable).
 */
export function sortPages(pages: readonly number[], values: readonly string[]): number[] {
  const numbers = values.map(sortNumber);
  const numeric = numbers.every((number) => number !== undefined);
  const order = pages.map((_, index) => index);
  order.sort(numeric ? (i, j) => compareTotal(numbers[i]!, numbers[j]!) : (i, j) => compareCodePoints(values[i]!, values[j]!));
  return order.map((index) => pages[index]!);
}
